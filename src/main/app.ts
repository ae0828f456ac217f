/**
 * The main process's lifecycle: single-instance lock, hardening, the contract's
 * handlers, the menu and the window. Electron is injected (`ElectronMain`), so
 * tests drive all of it with a fake.
 */
import path from 'node:path'
import type {
  App,
  BrowserWindow,
  IpcMain,
  Menu,
  Protocol,
  SafeStorage,
  Session,
  WebContents,
} from 'electron'
import { createHandlers } from '../node/handlers'
import { ensureDataDir, resolveDataDir } from '../node/data-dir'
import type { Logger } from '../node/log'
import { handleAppProtocol, registerAppScheme } from './app-protocol'
import { registerHandlers } from './ipc/register-handlers'
import { sendEvent } from './ipc/send-event'
import { createSenderCheck } from './ipc/sender-check'
import { buildMenuTemplate } from './menu'
import { overridesAllowed, resolveRendererSource } from './renderer-source'
import { createSecureStorage, type SecureStorage } from './secure-storage'
import { printHtmlToPdf } from './print-pdf'
import { createMainWindow, hardenSession } from './window'

export interface ElectronMain {
  app: App
  BrowserWindow: typeof BrowserWindow
  Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>
  ipcMain: Pick<IpcMain, 'handle'>
  session: { defaultSession: Session }
  safeStorage: SafeStorage
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>
}

export interface MainProcessOptions {
  argv: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  /** the folder of the built main bundle (out/main) */
  mainDir: string
  version: string
  log: Logger
}

export interface MainProcess {
  dataDir: string
  getWindow: () => BrowserWindow | undefined
  secureStorage: SecureStorage
}

/** Resolves to undefined when another instance already runs (this one quits). */
export async function startMainProcess(
  electron: ElectronMain,
  options: MainProcessOptions,
): Promise<MainProcess | undefined> {
  const { app } = electron
  // Sandbox every renderer, not only the windows that ask for it; must run before ready.
  app.enableSandbox()
  // the crosswalk:// scheme must be privileged before ready, too
  registerAppScheme(electron.protocol)
  if (!app.requestSingleInstanceLock()) {
    options.log.info('main.second-instance-quit')
    app.quit()
    return undefined
  }

  let window: BrowserWindow | undefined
  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  })
  // A safety net for any web contents besides the main window (devtools included).
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  await app.whenReady()

  const dataDir = await ensureDataDir(
    resolveDataDir({
      flag: flagValue(options.argv, '--data-dir'),
      env: options.env,
      hostDefault: app.getPath('userData'),
    }),
  )
  hardenSession(electron.session.defaultSession)
  const source = resolveRendererSource(
    app,
    options.env,
    path.join(options.mainDir, '..', 'renderer'),
  )
  if (source.kind === 'app') handleAppProtocol(electron.protocol, source.dir)
  const handlers = createHandlers({
    host: 'electron',
    version: options.version,
    dataDir,
    log: options.log,
    emit: (channel, payload) => {
      if (window && !window.isDestroyed())
        sendEvent(window.webContents, channel, payload, options.log)
    },
    // The raw safeStorage: the vault itself refuses Linux's basic_text backend unless the user accepts it.
    vault: { kind: 'safe-storage', storage: electron.safeStorage },
    endpointOverrides: overridesAllowed(app),
    // Packaged builds carry resources/ beside the app archive; from source it is the project's own.
    resourcesDir: path.join(
      (app.isPackaged ? process.resourcesPath : undefined) ?? app.getAppPath(),
      'resources',
    ),
    printPdf: (html) => printHtmlToPdf(electron, html),
  })
  registerHandlers(
    electron.ipcMain,
    handlers,
    createSenderCheck(() => window, source),
    options.log,
    {
      checkOutput: !app.isPackaged,
    },
  )

  app.setAboutPanelOptions({ applicationName: 'Crosswalk', applicationVersion: options.version })
  electron.Menu.setApplicationMenu(
    electron.Menu.buildFromTemplate(
      buildMenuTemplate({
        appName: 'Crosswalk',
        isMac: process.platform === 'darwin',
        isPackaged: app.isPackaged,
        onAbout: () => app.showAboutPanel(),
      }),
    ),
  )

  const open = () => {
    window = createMainWindow(electron, {
      preloadPath: path.join(options.mainDir, '..', 'preload', 'index.cjs'),
      source,
    })
  }
  open()
  app.on('activate', () => {
    if (!window || window.isDestroyed()) open()
  })
  options.log.info('main.ready', { dataDir, packaged: app.isPackaged })

  return {
    dataDir,
    getWindow: () => window,
    secureStorage: createSecureStorage(electron.safeStorage),
  }
}

/** `--flag value` or `--flag=value` from argv; Electron passes Chromium switches through too. */
export function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === flag) return argv[i + 1]
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1)
  }
  return undefined
}
