// Entry of `out/web/server.js`: wires the process to `runWebServer`.
import '../shared/validation/configure-zod'
import { defaultRendererDir, defaultResourcesDir, runWebServer } from './run'

const result = await runWebServer(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  rendererDir: defaultRendererDir(import.meta.url),
  resourcesDir: defaultResourcesDir(import.meta.url),
  onSignal: (signal, handler) => process.once(signal, handler),
})
if (typeof result === 'number') process.exitCode = result
