/**
 * Whether an Electron executable exists here, without `require('electron')`,
 * which tries to download the binary when it is missing.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..')

export type ElectronBinary = { found: true; file: string } | { found: false; reason: string }

export function findElectronBinary(root = PROJECT_ROOT): ElectronBinary {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const file = path.join(override, 'electron')
    return existsSync(file)
      ? { found: true, file }
      : { found: false, reason: `no binary at ${file}` }
  }
  const moduleDir = path.join(root, 'node_modules', 'electron')
  const pathFile = path.join(moduleDir, 'path.txt')
  if (!existsSync(pathFile))
    return {
      found: false,
      reason: `${path.relative(root, pathFile)} is missing (binary never downloaded)`,
    }
  const file = path.join(moduleDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(file) ? { found: true, file } : { found: false, reason: `${file} is missing` }
}
