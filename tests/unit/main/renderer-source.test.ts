import { describe, expect, it } from 'vitest'
import { isAppUrl, resolveRendererSource } from '../../../src/main/renderer-source'

describe('resolveRendererSource', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' }
  it('uses the dev server only when unpackaged and on loopback', () => {
    expect(resolveRendererSource({ isPackaged: false }, env, '/a/index.html')).toEqual({
      kind: 'url',
      url: 'http://localhost:5173/',
    })
    expect(resolveRendererSource({ isPackaged: true }, env, '/a/index.html')).toEqual({
      kind: 'file',
      file: '/a/index.html',
    })
    expect(
      resolveRendererSource(
        { isPackaged: false },
        { ELECTRON_RENDERER_URL: 'http://evil.example/' },
        '/a/index.html',
      ),
    ).toEqual({ kind: 'file', file: '/a/index.html' })
  })
})

describe('isAppUrl', () => {
  it('accepts the built index.html with any fragment, and nothing else', () => {
    const source = { kind: 'file', file: '/a/index.html' } as const
    expect(isAppUrl(source, 'file:///a/index.html#/workspaces')).toBe(true)
    expect(isAppUrl(source, 'file:///a/other.html')).toBe(false)
    expect(isAppUrl(source, 'http://127.0.0.1/a/index.html')).toBe(false)
    expect(isAppUrl(source, '::nonsense')).toBe(false)
  })

  it('accepts the dev server origin only', () => {
    const source = { kind: 'url', url: 'http://localhost:5173/' } as const
    expect(isAppUrl(source, 'http://localhost:5173/#/about')).toBe(true)
    expect(isAppUrl(source, 'http://localhost:5174/')).toBe(false)
  })
})
