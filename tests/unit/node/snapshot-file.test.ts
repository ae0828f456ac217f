import { existsSync } from 'node:fs'
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  SnapshotFileError,
  readSnapshotFile,
  tryReadSnapshotFile,
} from '../../../src/node/snapshot-file'
import { gzipBomb } from '../../fixtures/gzip-bomb'
import { seamSnapshot } from '../../fixtures/snapshots/seam-snapshot'

const MiB = 1024 * 1024
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosswalk-snapshot-file-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function problem(file: string, maxBytes?: number) {
  const result = await tryReadSnapshotFile(file, maxBytes ? { maxBytes } : {})
  if (result.ok) throw new Error('accepted')
  return result.problem
}

describe('tryReadSnapshotFile', () => {
  it('names a folder, a missing file and an oversized file before reading them', async () => {
    expect((await problem(dir)).title).toBe('This is a folder, not a snapshot file.')
    expect((await problem(join(dir, 'missing.json'))).title).toBe('Cannot read the file (ENOENT).')
    const big = join(dir, 'big.json')
    const handle = await open(big, 'w')
    await handle.truncate(3 * MiB) // sparse: nothing is written or read
    await handle.close()
    expect((await problem(big, 2 * MiB)).title).toBe(
      'The file is 3 MiB, larger than the 2 MiB of JSON Crosswalk reads.',
    )
  })

  it('stops a gzip bomb at the ceiling', async () => {
    const file = join(dir, 'bomb.json.gz')
    await writeFile(file, await gzipBomb('json', 256 * MiB))
    const started = performance.now()
    expect((await problem(file, 4 * MiB)).title).toBe(
      'The file expands beyond 4 MiB, more JSON than Crosswalk reads.',
    )
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it.skipIf(!existsSync('/dev/zero'))('stops /dev/zero at its first bytes', async () => {
    expect(await problem('/dev/zero')).toMatchObject({
      code: 'not-json',
      detail: 'It starts with the byte 0x00, not "{".',
    })
  })

  it('throws SnapshotFileError with the file, the problem and the fix in one message', async () => {
    const file = join(dir, 'v2.json')
    await writeFile(file, JSON.stringify({ ...seamSnapshot(), version: 2 }))
    const error = await readSnapshotFile(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SnapshotFileError)
    expect((error as SnapshotFileError).problem.code).toBe('version')
    expect((error as Error).message).toBe(
      `${file}: This snapshot has version 2; this Crosswalk reads version 1. It was written by a newer Crosswalk. Update Crosswalk, or collect again with this version.`,
    )
  })
})
