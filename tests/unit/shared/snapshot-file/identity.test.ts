import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Sha256, sha256Hex } from '../../../../src/shared/util/sha256'
import { canonicalJson, snapshotIdentity } from '../../../../src/shared/snapshot-file/identity'
import { Snapshot } from '../../../../src/shared/model'

const node = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex')

describe('SHA-256', () => {
  it('matches Node for the standard vectors, every padding length and text with astral characters', () => {
    expect(sha256Hex(new Uint8Array())).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
    for (let n = 0; n < 200; n++) {
      const bytes = Buffer.alloc(n, n % 251)
      expect(sha256Hex(bytes), `length ${n}`).toBe(node(bytes))
    }
    const text = 'Zoë 😀 — \u202e\u0000 ' + 'x'.repeat(70_000)
    expect(new Sha256().updateText(text).hex()).toBe(node(Buffer.from(text, 'utf8')))
  })

  it('gives the same digest fed in pieces', () => {
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256))
    const h = new Sha256()
    for (let i = 0; i < bytes.length; i += 37) h.update(bytes.subarray(i, i + 37))
    expect(h.hex()).toBe(node(bytes))
  })
})

describe('snapshot identity', () => {
  const base = Snapshot.parse({
    format: 'crosswalk.snapshot',
    version: 1,
    collectedAt: '2026-11-20T12:00:00.000Z',
    tool: { name: 'crosswalk', version: '0.1.0' },
    okta: {
      orgUrl: 'https://example.okta.com',
      users: [{ id: '00u1', profile: { b: 1, a: 'é' } }],
    },
    collection: {
      startedAt: '2026-11-20T11:00:00.000Z',
      finishedAt: '2026-11-20T12:00:00.000Z',
      complete: true,
      errors: [],
      grantedPermissions: { entra: [], okta: [] },
    },
  })

  it('is the SHA-256 of the canonical JSON, whatever the key order', () => {
    const reverse = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverse)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverse(x)]),
            )
          : v
    const reordered = reverse(base)
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(base))
    expect(canonicalJson(base)).toBe(canonicalJson(Snapshot.parse(reordered)))
    expect(snapshotIdentity(base)).toBe(node(Buffer.from(canonicalJson(base), 'utf8')))
    expect(canonicalJson({ b: [1, { d: 2, c: null }], a: 'x' })).toBe(
      '{"a":"x","b":[1,{"c":null,"d":2}]}',
    )
  })

  it('changes when any value changes', () => {
    const changed = structuredClone(base)
    const user = changed.okta?.users?.[0] as { profile: { a: string } }
    user.profile.a = 'e'
    expect(snapshotIdentity(changed)).not.toBe(snapshotIdentity(base))
  })
})
