import { Readable, pipeline } from 'node:stream'
import { createGunzip, gzipSync } from 'node:zlib'
import { describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_MAX_SNAPSHOT_BYTES,
  parseSnapshotText,
  readSnapshot,
  type SnapshotSource,
} from '../../../../src/shared/snapshot-file/read'
import { gzipBomb } from '../../../fixtures/gzip-bomb'
import { seamSnapshot } from '../../../fixtures/snapshots/seam-snapshot'

const MiB = 1024 * 1024

/** A source over chunks that counts how many bytes the reader pulled from it. */
function source(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>) {
  const counter = { pulled: 0, closed: false }
  async function* bytes(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of chunks) {
        counter.pulled += chunk.length
        yield chunk
      }
    } finally {
      counter.closed = true
    }
  }
  const src: SnapshotSource = {
    bytes: bytes(),
    gunzip: (compressed) => pipeline(Readable.from(compressed), createGunzip(), () => undefined),
    decoder: new TextDecoder('utf-8', { fatal: true }),
  }
  return { src, counter }
}

function* slices(bytes: Uint8Array, size = 16 * 1024): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))

async function problemOf(chunks: Iterable<Uint8Array>, maxBytes?: number) {
  const result = await readSnapshot(source(chunks).src, maxBytes ? { maxBytes } : {})
  if (result.ok) throw new Error('accepted')
  return result.problem
}

describe('readSnapshot', () => {
  it('reads plain and gzipped JSON alike, whatever the chunking', async () => {
    const snapshot = seamSnapshot()
    const plain = await readSnapshot(source(slices(text(snapshot), 7)).src)
    const zipped = await readSnapshot(source(slices(gzipSync(text(snapshot)), 3)).src)
    expect(plain).toEqual({ ok: true, snapshot })
    expect(zipped).toEqual(plain)
  })

  it('reads a snapshot written without collection.cursors, and keeps what is required', async () => {
    const snapshot = seamSnapshot() as unknown as { collection: Record<string, unknown> }
    delete snapshot.collection['cursors']
    const result = await readSnapshot(source([text(snapshot)]).src)
    expect(result.ok && result.snapshot.collection.cursors).toEqual({})
    delete snapshot.collection['complete']
    const missing = await problemOf([text(snapshot)])
    expect(missing.code).toBe('schema')
    expect(missing.detail).toContain('collection.complete:')
  })

  it('stops a gzip bomb at the ceiling without inflating the rest', async () => {
    const bomb = await gzipBomb('json', 256 * MiB)
    const { src, counter } = source(slices(bomb))
    const started = performance.now()
    const result = await readSnapshot(src, { maxBytes: 8 * MiB })
    expect(result.ok ? undefined : result.problem.title).toBe(
      'The file expands beyond 8 MiB, more JSON than Crosswalk reads.',
    )
    // 8 MiB of output needs about 8 KiB of input; a whole 16 KiB slice at most on top
    expect(counter.pulled).toBeLessThan(64 * 1024)
    expect(performance.now() - started).toBeLessThan(2_000)
    await vi.waitFor(() => expect(counter.closed).toBe(true))
  })

  it('stops a bomb of zeros at its first byte', async () => {
    const bomb = await gzipBomb('zeros', 256 * MiB)
    const { src, counter } = source(slices(bomb))
    const result = await readSnapshot(src)
    expect(result.ok ? undefined : result.problem).toMatchObject({
      code: 'not-json',
      detail: 'It expands to text that starts with the byte 0x00, not "{".',
    })
    expect(counter.pulled).toBeLessThan(64 * 1024)
  })

  it('stops an endless source at the ceiling', async () => {
    function* endless(): Generator<Uint8Array> {
      const spaces = new Uint8Array(64 * 1024).fill(0x20)
      yield new TextEncoder().encode('{"x":"')
      for (;;) yield spaces
    }
    const problem = await problemOf(endless(), 2 * MiB)
    expect(problem.title).toBe('The file is larger than the 2 MiB of JSON Crosswalk reads.')
  })

  it('says what is wrong with files that are not snapshots', async () => {
    const codes = async (chunks: Uint8Array[]) => (await problemOf(chunks)).code
    expect(await codes([])).toBe('empty')
    expect(await codes([new Uint8Array([0x7b, 0x22, 0xff, 0xfe])])).toBe('not-utf8')
    expect(await codes([gzipSync(text(seamSnapshot())).subarray(0, 60)])).toBe('gzip')
    expect(await codes([new Uint8Array([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])])).toBe('gzip')
    expect(await codes([text([1, 2])])).toBe('not-object')
    expect(await codes([new TextEncoder().encode('PK\x03\x04')])).toBe('not-json')
    expect(await codes([new TextEncoder().encode('{"format":')])).toBe('not-json')
    expect(await codes([text({ hello: 'world' })])).toBe('not-snapshot')
    expect(await codes([text({ ...seamSnapshot(), version: 2 })])).toBe('version')
  })

  it('reports a failing source as unreadable', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('{')
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' })
    }
    const result = await readSnapshot(source(failing()).src)
    expect(result.ok ? undefined : result.problem).toMatchObject({
      code: 'unreadable',
      detail: 'EIO: i/o error, read',
    })
  })

  it('keeps the default ceiling below the longest string V8 makes', () => {
    // JSON.parse takes one string; V8's longest is 2^29 - 24 UTF-16 units
    expect(DEFAULT_MAX_SNAPSHOT_BYTES).toBeLessThan(2 ** 29 - 24)
    // and above the 100k + 100k snapshot (about 260 MiB) with room to grow
    expect(DEFAULT_MAX_SNAPSHOT_BYTES).toBeGreaterThan(1.4 * 260 * MiB)
  })
})

describe('parseSnapshotText', () => {
  it('lists the first five schema issues with their JSON paths, then a count', () => {
    const broken = seamSnapshot() as unknown as { entra: { users: unknown[] } }
    broken.entra.users = Array.from({ length: 8 }, () => 'not a record')
    const result = parseSnapshotText(JSON.stringify(broken))
    expect(result.ok ? undefined : result.problem.detail?.split('\n')).toEqual([
      'entra.users[0]: expected a JSON object (one API record)',
      'entra.users[1]: expected a JSON object (one API record)',
      'entra.users[2]: expected a JSON object (one API record)',
      'entra.users[3]: expected a JSON object (one API record)',
      'entra.users[4]: expected a JSON object (one API record)',
      '…and 3 more',
    ])
  })
})
