/**
 * The packaging configuration carries the hardening a packaged app depends on: Electron's
 * fuses (flipped in the binary at packaging time, then covered by code signing), an ASAR
 * archive whose integrity is embedded, and only the built app inside. Packaging itself
 * downloads Electron and does not run in CI; this reads the configuration it would use.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const config = parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as {
  asar?: unknown
  asarUnpack?: unknown
  electronFuses?: Record<string, unknown>
  files?: string[]
  extraResources?: { from: string; to: string }[]
}
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string }

describe('electron-builder.yml', () => {
  it('sets every fuse the threat model needs', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('packs the app into one ASAR archive with its integrity, nothing unpacked', () => {
    // `asar: { disableIntegrity: true }` or `asar: false` would void the integrity fuse
    expect(config.asar).toBe(true)
    expect(config.asarUnpack ?? []).toEqual([])
  })

  it('ships the built app only: no sources, tests or source maps', () => {
    const files = config.files ?? []
    expect(files).toContain('package.json')
    expect(
      files
        .filter((f) => !f.startsWith('!'))
        .every((f) => f.startsWith('out/') || f === 'package.json'),
    ).toBe(true)
    expect(files).toContain('!**/*.map')
    expect(pkg.main.startsWith('out/main/')).toBe(true)
    expect(config.extraResources).toEqual([{ from: 'resources/demo', to: 'resources/demo' }])
  })
})
