/**
 * The one place every host keeps its data (workspaces, vault, logs). Resolution
 * order: an explicit `--data-dir`, then `CROSSWALK_DATA_DIR`, then the host's
 * default (Electron's userData; elsewhere the platform's per-user data folder).
 */
import os from 'node:os'
import path from 'node:path'
import { mkdir } from 'node:fs/promises'

export const DATA_DIR_ENV = 'CROSSWALK_DATA_DIR'

export interface DataDirOptions {
  flag?: string
  env?: Readonly<Record<string, string | undefined>>
  /** the host's own default, e.g. Electron's app.getPath('userData') */
  hostDefault?: string
  platform?: NodeJS.Platform
  home?: string
}

export function resolveDataDir(options: DataDirOptions = {}): string {
  const env = options.env ?? process.env
  const chosen = options.flag ?? env[DATA_DIR_ENV] ?? options.hostDefault
  if (chosen) return path.resolve(chosen)
  return defaultDataDir(options.platform ?? process.platform, options.home ?? os.homedir(), env)
}

function defaultDataDir(
  platform: NodeJS.Platform,
  home: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Crosswalk')
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Crosswalk')
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'crosswalk')
}

/** Creates the directory (owner-only on POSIX) and returns it. */
export async function ensureDataDir(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  return dir
}
