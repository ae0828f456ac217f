// Entry of the Electron main process: wires the real electron module, a logger and paths.
import '../shared/validation/configure-zod'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BrowserWindow, Menu, app, protocol, safeStorage, session } from 'electron'
import { createLogger } from '../node/log'
import { appVersion } from '../node/version'
import { startMainProcess } from './app'
import { ipcMain } from './ipc/electron-ipc'

const log = createLogger({ write: (line) => process.stderr.write(`${line}\n`) })

startMainProcess(
  { app, BrowserWindow, Menu, ipcMain, session, safeStorage, protocol },
  {
    argv: process.argv,
    env: process.env,
    mainDir: path.dirname(fileURLToPath(import.meta.url)),
    version: appVersion(),
    log,
  },
).catch((error: unknown) => {
  log.error('main.start-failed', { error })
  app.exit(1)
})
