/**
 * The main window and the hardening every web contents gets: the renderer is a
 * sandboxed, context-isolated guest that can neither open windows nor navigate
 * away from the app, and whose session refuses every permission.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron'
import { withContentSecurityPolicy } from './csp'
import { isAppUrl, rendererUrl, type RendererSource } from './renderer-source'

export type ElectronWindowApi = { BrowserWindow: typeof BrowserWindow }

export interface MainWindowOptions {
  preloadPath: string
  source: RendererSource
  title?: string
}

export const WEB_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies BrowserWindowConstructorOptions['webPreferences']

export function createMainWindow(
  electron: ElectronWindowApi,
  options: MainWindowOptions,
): BrowserWindow {
  const window = new electron.BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 520,
    show: false,
    title: options.title ?? 'Crosswalk',
    webPreferences: { ...WEB_PREFERENCES, preload: options.preloadPath },
  })
  hardenWebContents(window.webContents, options.source)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(rendererUrl(options.source))
  return window
}

type HardenableContents = Pick<WebContents, 'setWindowOpenHandler' | 'on' | 'getURL'>

/**
 * Denies new windows, webviews, and every navigation or redirect except within
 * the current document (the hash router changes only the fragment).
 */
export function hardenWebContents(contents: HardenableContents, source: RendererSource): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  const guard = (event: { preventDefault: () => void }, url: string) => {
    if (!isSameDocument(contents.getURL(), url) || !isAppUrl(source, url)) event.preventDefault()
  }
  contents.on('will-navigate', (event) => guard(event, event.url))
  contents.on('will-redirect', (event) => guard(event, event.url))
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Same URL up to the fragment. */
export function isSameDocument(current: string, next: string): boolean {
  try {
    const a = new URL(current)
    const b = new URL(next)
    a.hash = ''
    b.hash = ''
    return a.href === b.href
  } catch {
    return false
  }
}

type HardenableSession = {
  setPermissionRequestHandler: Session['setPermissionRequestHandler']
  setPermissionCheckHandler: Session['setPermissionCheckHandler']
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>
}

/** Refuses every permission (camera, notifications, clipboard-read, …) and sets our CSP on every response. */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) })
  })
}
