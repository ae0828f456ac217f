// `npm start`: the desktop app where an Electron binary exists; otherwise browser mode,
// opened in the default browser when a display is available.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { ROOT, SERVER_ENTRY, ensureBuilt } from './web.mjs'

/**
 * The Electron executable, or why there is none. This reads electron's own path.txt instead
 * of `require('electron')`, which would try to download the binary when it is missing.
 */
function findElectron() {
  const moduleDir = path.join(ROOT, 'node_modules', 'electron')
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const file = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron')
    return existsSync(file)
      ? { file }
      : { reason: `ELECTRON_OVERRIDE_DIST_PATH has no binary at ${file}` }
  }
  const pathFile = path.join(moduleDir, 'path.txt')
  if (!existsSync(pathFile))
    return {
      reason:
        'the electron package has no downloaded binary (node_modules/electron/path.txt is missing)',
    }
  const file = path.join(moduleDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(file) ? { file } : { reason: `the Electron binary ${file} is missing` }
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

function hasDisplay() {
  if (process.platform === 'darwin' || process.platform === 'win32') return true
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
}

function openInBrowser(url) {
  if (!hasDisplay()) return
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]]
  try {
    const opener = spawn(command, args, { stdio: 'ignore', detached: true })
    // No opener installed, or it failed: the address is printed, so nothing is lost.
    opener.on('error', () => undefined)
    opener.unref()
  } catch {
    // as above
  }
}

const args = process.argv.slice(2)
const electron = findElectron()
ensureBuilt()

if (electron.file) {
  forwardSignals(spawn(electron.file, [ROOT, ...args], { cwd: ROOT, stdio: 'inherit' }))
} else {
  process.stderr.write(`Starting browser mode instead of the desktop app: ${electron.reason}.\n`)
  const server = spawn(process.execPath, [SERVER_ENTRY, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  forwardSignals(server)
  let opened = false
  createInterface({ input: server.stdout }).on('line', (line) => {
    process.stdout.write(`${line}\n`)
    if (!opened && /^http:\/\/\S+#token=\S+$/.test(line)) {
      opened = true
      openInBrowser(line)
    }
  })
}
