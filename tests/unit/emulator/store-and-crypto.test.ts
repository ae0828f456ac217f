import { createPublicKey } from 'node:crypto'
import { X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decodeJwt, signJwt, verifyJwt } from '../../emulator/jwt'
import { RateLimiter } from '../../emulator/okta/rate-limit'
import { decodeCursor, encodeCursor } from '../../emulator/okta/paging'
import { ScenarioClock, Sequence, Table } from '../../emulator/store'
import { generateRunCertificates, selfSignedCertificate, thumbprints } from '../../emulator/tls'

describe('tables and change tracking', () => {
  it('reports objects changed and removed after a sequence number, once each', () => {
    const seq = new Sequence()
    const t = new Table(
      [
        { id: 'a', v: 1 },
        { id: 'b', v: 1 },
        { id: 'c', v: 1 },
      ],
      seq,
    )
    const start = seq.value
    t.replace('a', { id: 'a', v: 2 })
    t.remove('b', 'changed')
    t.add({ id: 'd', v: 1 })
    const mark = seq.value
    expect(t.changes(start, mark)).toEqual({
      changed: [
        { id: 'a', v: 2 },
        { id: 'd', v: 1 },
      ],
      removed: [{ id: 'b', seq: 2, reason: 'changed' }],
    })
    expect(t.changes(mark, seq.value)).toEqual({ changed: [], removed: [] })
    expect(t.get('c')).toEqual({ id: 'c', v: 1 })
    expect(t.get('b')).toBeUndefined()
    expect(() => t.add({ id: 'a', v: 3 })).toThrow(/duplicate/)
  })

  it('caches filtered views until the table changes', () => {
    const t = new Table([{ id: 'a' }, { id: 'b' }], new Sequence())
    let computed = 0
    const view = () => t.view('k', (rows) => (computed++, rows.filter((r) => r.id !== 'a')))
    expect(view()).toEqual([{ id: 'b' }])
    view()
    expect(computed).toBe(1)
    t.add({ id: 'c' })
    expect(view()).toEqual([{ id: 'b' }, { id: 'c' }])
    expect(computed).toBe(2)
  })

  it('starts the scenario clock at the scenario now', () => {
    const c = new ScenarioClock('2026-06-01T12:00:00.000Z')
    expect(c.now() - Date.parse('2026-06-01T12:00:00.000Z')).toBeLessThan(1000)
  })
})

describe('certificates and JWTs', () => {
  it('issues a localhost server certificate chained to the run CA', () => {
    const { ca, server } = generateRunCertificates()
    const leaf = new X509Certificate(server.certPem)
    const root = new X509Certificate(ca.certPem)
    expect(leaf.verify(root.publicKey)).toBe(true)
    expect(leaf.checkIssued(root)).toBe(true)
    expect(leaf.subjectAltName).toContain('DNS:localhost')
    expect(leaf.subjectAltName).toContain('IP Address:127.0.0.1')
    expect(root.ca).toBe(true)
  })

  it('computes the thumbprints Entra and JOSE use', () => {
    const c = selfSignedCertificate('t')
    const x = new X509Certificate(c.certPem)
    const t = thumbprints(c.certPem)
    expect(t.sha1Hex).toBe(x.fingerprint.replace(/:/g, ''))
    expect(Buffer.from(t.x5tS256, 'base64url').toString('hex').toUpperCase()).toBe(
      x.fingerprint256.replace(/:/g, ''),
    )
  })

  it('signs and verifies RS256 and PS256, and refuses a tampered or foreign token', () => {
    const a = selfSignedCertificate('a')
    const b = selfSignedCertificate('b')
    for (const alg of ['RS256', 'PS256']) {
      const jwt = signJwt({ alg, typ: 'JWT' }, { sub: 'x' }, a.key)
      const decoded = decodeJwt(jwt)
      if (!decoded) throw new Error('decodes')
      expect(verifyJwt(decoded, createPublicKey(a.key))).toBe(true)
      expect(verifyJwt(decoded, createPublicKey(b.key))).toBe(false)
      const tampered = decodeJwt(
        jwt.replace(/\.[^.]+\./, `.${Buffer.from('{"sub":"y"}').toString('base64url')}.`),
      )
      if (!tampered) throw new Error('decodes')
      expect(verifyJwt(tampered, createPublicKey(a.key))).toBe(false)
    }
    expect(decodeJwt('a.b')).toBeNull()
    const none = decodeJwt(
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`,
    )
    if (!none) throw new Error('decodes')
    expect(verifyJwt(none, createPublicKey(a.key))).toBe(false)
  })
})

describe('Okta paging and rate limits', () => {
  it('round-trips opaque cursors', () => {
    expect(decodeCursor(encodeCursor(400))).toBe(400)
    expect(decodeCursor('00u123')).toBeNull()
  })

  it('counts requests per bucket and window, resetting at the window end', () => {
    const r = new RateLimiter({ users: 2 }, 60)
    const t0 = Date.parse('2026-06-01T12:00:10Z')
    expect(r.take('users', t0)).toMatchObject({
      limit: 2,
      remaining: 1,
      exhausted: false,
      reset: Date.parse('2026-06-01T12:01:00Z') / 1000,
    })
    expect(r.take('users', t0)).toMatchObject({ remaining: 0, exhausted: false })
    expect(r.take('users', t0)).toMatchObject({ remaining: 0, exhausted: true })
    expect(r.take('users', t0 + 60_000)).toMatchObject({ remaining: 1, exhausted: false })
    expect(r.take('apps', t0).limit).toBe(600)
  })
})
