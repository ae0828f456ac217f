import { describe, expect, it } from 'vitest'
import { isAppUrl, resolveRendererSource } from '../../../src/main/renderer-source'

describe('resolveRendererSource', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' }
  it('uses the dev server only when unpackaged and on loopback', () => {
    expect(resolveRendererSource({ isPackaged: false }, env, '/a')).toEqual({
      kind: 'url',
      url: 'http://localhost:5173/',
    })
    expect(resolveRendererSource({ isPackaged: true }, env, '/a')).toEqual({
      kind: 'app',
      dir: '/a',
    })
    expect(
      resolveRendererSource(
        { isPackaged: false },
        { ELECTRON_RENDERER_URL: 'http://evil.example/' },
        '/a',
      ),
    ).toEqual({ kind: 'app', dir: '/a' })
  })
})

describe('isAppUrl', () => {
  it("accepts our scheme's index.html with any fragment, and nothing else", () => {
    const source = { kind: 'app', dir: '/a' } as const
    expect(isAppUrl(source, 'crosswalk://app/index.html#/workspaces')).toBe(true)
    expect(isAppUrl(source, 'crosswalk://app/other.html')).toBe(false)
    expect(isAppUrl(source, 'crosswalk://evil/index.html')).toBe(false)
    expect(isAppUrl(source, 'crosswalk://user:pw@app/index.html')).toBe(false)
    expect(isAppUrl(source, 'file:///a/index.html')).toBe(false)
    expect(isAppUrl(source, 'http://127.0.0.1/a/index.html')).toBe(false)
    expect(isAppUrl(source, '::nonsense')).toBe(false)
  })

  it('accepts the dev server origin only', () => {
    const source = { kind: 'url', url: 'http://localhost:5173/' } as const
    expect(isAppUrl(source, 'http://localhost:5173/#/about')).toBe(true)
    expect(isAppUrl(source, 'http://localhost:5174/')).toBe(false)
  })
})
