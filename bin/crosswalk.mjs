#!/usr/bin/env node
// The CLI runs from the bundle `npm run build:node` writes; say how to get it when it is missing.
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const entry = fileURLToPath(new URL('../out/cli/index.js', import.meta.url))
if (!existsSync(entry)) {
  process.stderr.write('crosswalk: the CLI is not built yet; run `npm run build:node` first.\n')
  process.exit(2)
}
await import(pathToFileURL(entry).href)
