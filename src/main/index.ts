// Entry of the Electron main process: wires the real electron module, a logger and paths.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as electron from 'electron'
import { createLogger } from '../node/log'
import { appVersion } from '../node/version'
import { startMainProcess } from './app'

const log = createLogger({ write: (line) => process.stderr.write(`${line}\n`) })

startMainProcess(electron, {
  argv: process.argv,
  env: process.env,
  mainDir: path.dirname(fileURLToPath(import.meta.url)),
  version: appVersion(),
  log,
}).catch((error: unknown) => {
  log.error('main.start-failed', { error })
  electron.app.exit(1)
})
