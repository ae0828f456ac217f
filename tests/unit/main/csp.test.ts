import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY as MAIN_CSP } from '../../../src/main/csp'
import { CONTENT_SECURITY_POLICY as WEB_CSP } from '../../../src/web/security'

const directives = (policy: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)

describe('Content Security Policy', () => {
  it('is the same in Electron main and the browser-mode host', () => {
    expect(WEB_CSP).toBe(MAIN_CSP)
  })

  it('forbids eval and inline scripts and styles', () => {
    expect(MAIN_CSP).not.toMatch(/unsafe-(eval|inline)/)
    expect(directives(MAIN_CSP)).toContain("script-src 'self'")
    expect(directives(MAIN_CSP)).toContain("style-src 'self'")
    expect(directives(MAIN_CSP)).toContain("object-src 'none'")
    expect(directives(MAIN_CSP)).toContain("frame-ancestors 'none'")
  })

  it('is repeated in index.html, minus frame-ancestors which a meta tag cannot carry', () => {
    const html = readFileSync(
      path.resolve(import.meta.dirname, '../../../src/renderer/index.html'),
      'utf8',
    )
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBeDefined()
    expect(directives(meta ?? '')).toEqual(
      directives(MAIN_CSP).filter((d) => !d.startsWith('frame-ancestors')),
    )
  })

  it('index.html has no inline scripts or style attributes', () => {
    const html = readFileSync(
      path.resolve(import.meta.dirname, '../../../src/renderer/index.html'),
      'utf8',
    )
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html).not.toMatch(/\sstyle=/)
    expect(html).not.toMatch(/<style/)
  })
})
