// `npm run web -- [--port N] [--data-dir DIR]`: builds when the output is missing or older
// than the sources, then serves browser mode. Also exports the build check for start.mjs.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const SERVER_ENTRY = path.join(ROOT, 'out', 'web', 'server.js')

const INPUTS = ['src', 'package.json', 'electron.vite.config.ts', 'vite.node.config.ts']
const OUTPUTS = {
  app: ['out/renderer/index.html', 'out/main/index.js', 'out/preload/index.cjs'],
  node: ['out/web/server.js'],
}

function newestMtime(target) {
  const info = statSync(target, { throwIfNoEntry: false })
  if (!info) return 0
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs
  for (const entry of readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

function oldestOutput(files) {
  let oldest = Infinity
  for (const file of files) {
    const info = statSync(path.join(ROOT, file), { throwIfNoEntry: false })
    if (!info) return 0
    oldest = Math.min(oldest, info.mtimeMs)
  }
  return oldest
}

/** True when any output is missing or older than the newest source or config file. */
export function isStale() {
  const sources = Math.max(...INPUTS.map((input) => newestMtime(path.join(ROOT, input))))
  return oldestOutput([...OUTPUTS.app, ...OUTPUTS.node]) < sources
}

function run(bin, args) {
  // Build chatter goes to stderr: stdout is reserved for the address line.
  const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', bin), args, {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
  })
  if (result.status !== 0) {
    process.stderr.write(
      `${bin} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).\n`,
    )
    process.exit(1)
  }
}

/** Builds the app and the Node hosts when out/ is missing or stale. */
export function ensureBuilt() {
  if (!isStale()) return
  process.stderr.write('Building Crosswalk (out/ is missing or older than the sources)…\n')
  run('electron-vite', ['build'])
  run('vite', ['build', '--config', 'vite.node.config.ts'])
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  ensureBuilt()
  // The server reads process.argv itself, so the arguments after `--` pass straight through.
  await import(pathToFileURL(SERVER_ENTRY).href)
}
