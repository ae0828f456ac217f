import type { BrowserWindow } from 'electron'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/csp'
import { createMainWindow, hardenSession, isSameDocument } from '../../../src/main/window'
import type { RendererSource } from '../../../src/main/renderer-source'
import { FakeBrowserWindow, FakeSession, navigationEvent } from './fake-electron'

const source: RendererSource = { kind: 'app', dir: '/app/out/renderer' }

function openWindow() {
  const electron = { BrowserWindow: FakeBrowserWindow as unknown as typeof BrowserWindow }
  const window = createMainWindow(electron, { preloadPath: '/app/out/preload/index.cjs', source })
  return window as unknown as FakeBrowserWindow
}

describe('createMainWindow', () => {
  it('makes the renderer a sandboxed, context-isolated guest with our preload', () => {
    const window = openWindow()
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      navigateOnDragDrop: false,
      preload: '/app/out/preload/index.cjs',
    })
    expect(window.webContents.loadedUrl).toBe('crosswalk://app/index.html')
  })

  it('denies every window.open', () => {
    const window = openWindow()
    expect(
      window.webContents.windowOpenHandler?.({ url: 'https://login.microsoftonline.com/' }),
    ).toEqual({
      action: 'deny',
    })
  })

  it('blocks navigation away from the app but allows fragment changes', () => {
    const window = openWindow()
    const away = navigationEvent('https://evil.example/')
    window.webContents.emit('will-navigate', away)
    expect(away.prevented).toBe(true)

    const otherFile = navigationEvent('file:///etc/passwd')
    window.webContents.emit('will-navigate', otherFile)
    expect(otherFile.prevented).toBe(true)

    const builtFile = navigationEvent('file:///app/out/renderer/index.html')
    window.webContents.emit('will-navigate', builtFile)
    expect(builtFile.prevented).toBe(true)

    const hash = navigationEvent('crosswalk://app/index.html#/about')
    window.webContents.emit('will-navigate', hash)
    expect(hash.prevented).toBe(false)

    const redirect = navigationEvent('https://evil.example/')
    window.webContents.emit('will-redirect', redirect)
    expect(redirect.prevented).toBe(true)
  })

  it('refuses webviews', () => {
    const window = openWindow()
    const event = navigationEvent('')
    window.webContents.emit('will-attach-webview', event)
    expect(event.prevented).toBe(true)
  })

  it('shows the window once it is ready to paint', () => {
    const window = openWindow()
    expect(window.calls).toEqual([])
    window.emit('ready-to-show')
    expect(window.calls).toEqual(['show'])
  })
})

describe('hardenSession', () => {
  it('denies permission requests and checks', () => {
    const session = new FakeSession()
    hardenSession(session as never)
    const answers: boolean[] = []
    session.permissionRequestHandler?.({}, 'media', (granted) => answers.push(granted))
    session.permissionRequestHandler?.({}, 'notifications', (granted) => answers.push(granted))
    expect(answers).toEqual([false, false])
    expect(session.permissionCheckHandler?.({}, 'clipboard-read')).toBe(false)
  })

  it('sets our CSP on every response, replacing any upstream one', () => {
    const session = new FakeSession()
    hardenSession(session as never)
    let headers: Record<string, string[]> | undefined
    session.headersListener?.(
      {
        responseHeaders: {
          'content-security-policy': ["script-src 'unsafe-eval'"],
          'Content-Type': ['text/html'],
        },
      },
      (response) => {
        headers = response.responseHeaders
      },
    )
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe')
  })
})

describe('isSameDocument', () => {
  it('ignores only the fragment', () => {
    expect(isSameDocument('file:///a/index.html#/x', 'file:///a/index.html#/y')).toBe(true)
    expect(isSameDocument('file:///a/index.html', 'file:///a/other.html')).toBe(false)
    expect(isSameDocument('http://127.0.0.1:5173/', 'http://127.0.0.1:5173/?x=1')).toBe(false)
    expect(isSameDocument('not a url', 'file:///a')).toBe(false)
  })
})
