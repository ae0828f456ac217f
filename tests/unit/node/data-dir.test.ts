import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveDataDir } from '../../../src/node/data-dir'

describe('resolveDataDir', () => {
  it('prefers the flag, then the environment, then the host default', () => {
    const env = { CROSSWALK_DATA_DIR: '/env/dir' }
    expect(resolveDataDir({ flag: '/flag/dir', env, hostDefault: '/host' })).toBe('/flag/dir')
    expect(resolveDataDir({ env, hostDefault: '/host' })).toBe('/env/dir')
    expect(resolveDataDir({ env: {}, hostDefault: '/host' })).toBe('/host')
  })

  it('resolves a relative flag against the working directory', () => {
    expect(resolveDataDir({ flag: 'rel', env: {} })).toBe(path.resolve('rel'))
  })

  it('falls back to each platform’s per-user data folder', () => {
    expect(resolveDataDir({ env: {}, platform: 'linux', home: '/home/a' })).toBe(
      '/home/a/.local/share/crosswalk',
    )
    expect(resolveDataDir({ env: { XDG_DATA_HOME: '/x' }, platform: 'linux', home: '/h' })).toBe(
      '/x/crosswalk',
    )
    expect(resolveDataDir({ env: {}, platform: 'darwin', home: '/Users/a' })).toBe(
      '/Users/a/Library/Application Support/Crosswalk',
    )
  })
})
