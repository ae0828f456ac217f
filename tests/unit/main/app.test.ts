import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { INVOKE_CHANNELS } from '../../../src/shared/ipc/channels'
import { silentLogger } from '../../../src/node/log'
import { flagValue, startMainProcess, type ElectronMain } from '../../../src/main/app'
import { createFakeElectron, FakeBrowserWindow } from './fake-electron'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cw-main-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const options = (extra: Partial<Parameters<typeof startMainProcess>[1]> = {}) => ({
  argv: ['electron', '.'],
  env: {},
  mainDir: '/app/out/main',
  version: '1.0.0',
  log: silentLogger,
  ...extra,
})

describe('startMainProcess', () => {
  it('quits without a window when another instance holds the lock', async () => {
    const electron = createFakeElectron(dir)
    electron.app.lock = false
    expect(await startMainProcess(electron as unknown as ElectronMain, options())).toBeUndefined()
    expect(electron.app.quitCalled).toBe(true)
    expect(FakeBrowserWindow.instances).toHaveLength(0)
    expect(electron.ipcMain.handlers.size).toBe(0)
  })

  it('focuses (and restores) the existing window when a second instance starts', async () => {
    const electron = createFakeElectron(dir)
    await startMainProcess(electron as unknown as ElectronMain, options())
    const [window] = FakeBrowserWindow.instances
    if (!window) throw new Error('no window')
    window.minimized = true
    electron.app.emit('second-instance')
    expect(window.calls).toEqual(['restore', 'show', 'focus'])
    expect(FakeBrowserWindow.instances).toHaveLength(1)
  })

  it('wires handlers, hardening, menu and the window from the built layout', async () => {
    const electron = createFakeElectron(dir)
    const started = await startMainProcess(electron as unknown as ElectronMain, options())
    expect(started?.dataDir).toBe(dir)
    expect(electron.app.sandboxEnabled).toBe(true)
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
    expect(electron.session.defaultSession.permissionCheckHandler?.({}, 'media')).toBe(false)
    expect(electron.menu.set).toBeDefined()
    const [window] = FakeBrowserWindow.instances
    expect(window?.options.webPreferences?.preload).toBe('/app/out/preload/index.cjs')
    expect(window?.webContents.loadedUrl).toBe('crosswalk://app/index.html')
  })

  it('serves the app from crosswalk://, registered standard and secure before ready', async () => {
    const electron = createFakeElectron(dir)
    let readyWhenRegistered: boolean | undefined
    const whenReady = electron.app.whenReady.bind(electron.app)
    let ready = false
    electron.app.whenReady = () => whenReady().then(() => void (ready = true))
    const register = electron.protocol.registerSchemesAsPrivileged.bind(electron.protocol)
    electron.protocol.registerSchemesAsPrivileged = (schemes) => {
      readyWhenRegistered = ready
      register(schemes)
    }
    await startMainProcess(electron as unknown as ElectronMain, options())
    expect(readyWhenRegistered).toBe(false)
    expect(electron.protocol.privileged).toEqual([
      {
        scheme: 'crosswalk',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
      },
    ])
    expect([...electron.protocol.handlers.keys()]).toEqual(['crosswalk'])
    expect(FakeBrowserWindow.instances[0]?.webContents.loadedUrl).not.toMatch(/^file:/)
  })

  it('honours --data-dir, and the dev server only when unpackaged', async () => {
    const electron = createFakeElectron(dir)
    const custom = path.join(dir, 'custom')
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' }
    const started = await startMainProcess(
      electron as unknown as ElectronMain,
      options({ argv: ['electron', '.', `--data-dir=${custom}`], env }),
    )
    expect(started?.dataDir).toBe(custom)
    expect(FakeBrowserWindow.instances[0]?.webContents.loadedUrl).toBe('http://localhost:5173/')

    const packaged = createFakeElectron(dir)
    packaged.app.isPackaged = true
    await startMainProcess(packaged as unknown as ElectronMain, options({ env }))
    expect(FakeBrowserWindow.instances[0]?.webContents.loadedUrl).toBe('crosswalk://app/index.html')
  })

  it('sends workspaces:changed to the window after a change', async () => {
    const electron = createFakeElectron(dir)
    await startMainProcess(electron as unknown as ElectronMain, options())
    const window = FakeBrowserWindow.instances[0]
    if (!window) throw new Error('no window')
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame }
    await electron.ipcMain.handlers.get('workspaces:create')?.(event, { name: 'Northwind' })
    expect(window.webContents.sent.map((s) => s.channel)).toEqual(['workspaces:changed'])
  })

  it('denies window.open for every web contents created later', async () => {
    const electron = createFakeElectron(dir)
    await startMainProcess(electron as unknown as ElectronMain, options())
    const devtools = new (await import('./fake-electron')).FakeWebContents()
    electron.app.emit('web-contents-created', {}, devtools)
    expect(devtools.windowOpenHandler?.({ url: 'https://x.example' })).toEqual({ action: 'deny' })
  })
})

describe('flagValue', () => {
  it('reads both spellings', () => {
    expect(flagValue(['--data-dir', '/a'], '--data-dir')).toBe('/a')
    expect(flagValue(['--data-dir=/b'], '--data-dir')).toBe('/b')
    expect(flagValue(['--other'], '--data-dir')).toBeUndefined()
  })
})
