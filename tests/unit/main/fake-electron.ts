/**
 * A fake of the Electron main-process API surface Crosswalk uses, recording
 * what the code under test asked for. Cast to the real types at the call site.
 */
import { EventEmitter } from 'node:events'

type Listener = (...args: unknown[]) => unknown

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>()
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener)
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((l) => l(...args))
  }
}

export interface FakeNavigationEvent {
  url: string
  prevented: boolean
  preventDefault: () => void
}

export function navigationEvent(url: string): FakeNavigationEvent {
  const event = {
    url,
    prevented: false,
    preventDefault: () => {
      event.prevented = true
    },
  }
  return event
}

export class FakeFrame {
  constructor(
    public url: string,
    public processId = 1,
    public routingId = 1,
    public parent: FakeFrame | null = null,
  ) {}
}

export class FakeSession {
  permissionRequestHandler?: (
    wc: unknown,
    permission: string,
    callback: (granted: boolean) => void,
  ) => void
  permissionCheckHandler?: (wc: unknown, permission: string) => boolean
  headersListener?: (
    details: { responseHeaders?: Record<string, string[]> },
    callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
  ) => void
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = handler
  }
  readonly webRequest = {
    onHeadersReceived: (listener: FakeSession['headersListener']) => {
      this.headersListener = listener
    },
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string }
  loadedUrl = ''
  destroyed = false
  readonly session = new FakeSession()
  /** what printToPDF was asked, and the bytes it answers (a test may make it fail) */
  printOptions?: Record<string, unknown>
  printResult: () => Promise<Buffer> = () => Promise.resolve(Buffer.from('%PDF-1.4 fake'))
  printToPDF(options: Record<string, unknown>) {
    this.printOptions = options
    return this.printResult()
  }
  readonly sent: { channel: string; payload: unknown }[] = []
  mainFrame = new FakeFrame('')
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
  getURL() {
    return this.loadedUrl
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload })
  }
  isDestroyed() {
    return this.destroyed
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static instances: FakeBrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  readonly calls: string[] = []
  minimized = false
  destroyed = false
  constructor(
    readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>,
  ) {
    super()
    FakeBrowserWindow.instances.push(this)
  }
  loadURL(url: string) {
    this.webContents.loadedUrl = url
    this.webContents.mainFrame.url = url
    return Promise.resolve()
  }
  isDestroyed() {
    return this.destroyed
  }
  isMinimized() {
    return this.minimized
  }
  destroy() {
    this.destroyed = true
    this.webContents.destroyed = true
  }
  restore() {
    this.calls.push('restore')
    this.minimized = false
  }
  show() {
    this.calls.push('show')
  }
  focus() {
    this.calls.push('focus')
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, handler)
  }
}

export class FakeApp extends EventEmitter {
  isPackaged = false
  lock = true
  quitCalled = false
  aboutShown = false
  sandboxEnabled = false
  constructor(readonly userData: string) {
    super()
  }
  enableSandbox() {
    this.sandboxEnabled = true
  }
  requestSingleInstanceLock() {
    return this.lock
  }
  quit() {
    this.quitCalled = true
  }
  whenReady() {
    return Promise.resolve()
  }
  getPath(name: string) {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`)
    return this.userData
  }
  getAppPath() {
    return '/app'
  }
  setAboutPanelOptions() {}
  showAboutPanel() {
    this.aboutShown = true
  }
}

export class FakeProtocol {
  readonly privileged: { scheme: string; privileges?: Record<string, unknown> }[] = []
  readonly handlers = new Map<string, (request: Request) => Promise<Response> | Response>()
  /** true once a scheme was registered after a handler: Electron requires the reverse */
  lateRegistration = false
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, unknown> }[]) {
    if (this.handlers.size > 0) this.lateRegistration = true
    this.privileged.push(...schemes)
  }
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
    if (this.handlers.has(scheme)) throw new Error(`second handler for ${scheme}`)
    this.handlers.set(scheme, handler)
  }
}

export function createFakeElectron(userData: string) {
  FakeBrowserWindow.instances = []
  const session = new FakeSession()
  const menu: { template?: unknown[]; set?: unknown } = {}
  return {
    app: new FakeApp(userData),
    BrowserWindow: FakeBrowserWindow,
    protocol: new FakeProtocol(),
    ipcMain: new FakeIpcMain(),
    session: { defaultSession: session },
    menu,
    Menu: {
      buildFromTemplate: (template: unknown[]) => {
        menu.template = template
        return { template }
      },
      setApplicationMenu: (built: unknown) => {
        menu.set = built
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(`enc:${text}`),
      decryptString: (buffer: Buffer) => buffer.toString().replace(/^enc:/, ''),
      getSelectedStorageBackend: () => 'gnome_libsecret' as const,
    },
  }
}
