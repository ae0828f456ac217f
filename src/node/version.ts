/**
 * The app's version, read from package.json at build time by the bundler
 * (`define`), or at run time from the nearest package.json when running from
 * source (tests, tsx).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

declare const __CROSSWALK_VERSION__: string | undefined

export function appVersion(): string {
  if (typeof __CROSSWALK_VERSION__ === 'string') return __CROSSWALK_VERSION__
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string
        version?: string
      }
      if (pkg.name === 'crosswalk' && pkg.version) return pkg.version
    } catch {
      // not here; look one level up
    }
    dir = path.dirname(dir)
  }
  return '0.0.0'
}
