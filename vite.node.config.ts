import { existsSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

// Builds the Node hosts (CLI and browser-mode server) for Node 20 as ESM. Dependencies stay
// external: they are installed next to the app, and bundling them would hide their own
// package.json-relative lookups.
const root = import.meta.dirname
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>
}

const entries: Record<string, string> = { 'web/server': resolve(root, 'src/web/server.ts') }
const cliEntry = resolve(root, 'src/cli/index.ts')
if (existsSync(cliEntry)) entries['cli/index'] = cliEntry

const external = [
  ...builtinModules.flatMap((m) => [m, `node:${m}`]),
  ...Object.keys(pkg.dependencies ?? {}).flatMap((dep) => [dep, new RegExp(`^${dep}/`)]),
]

export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out',
    // out/ also holds the Electron and renderer builds.
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rolldownOptions: {
      input: entries,
      external,
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'node-chunks/[name]-[hash].js',
      },
    },
  },
})
