/** Hostile snapshot files, read by `crosswalk diagnose` through the one bounded reader. */
import { existsSync } from 'node:fs'
import { mkdir, open, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { expect } from 'vitest'
import { gzipBomb } from '../../fixtures/gzip-bomb'
import { seamSnapshot } from '../../fixtures/snapshots/seam-snapshot'
import { cli, expectClearError, UNSAFE_TEXT, type HostileCase } from './harness'

const MiB = 1024 * 1024

type Content = string | Buffer | (() => Promise<Buffer | string>)

/** Writes `content` as `name` in `dir` and expects diagnose to refuse it with `message`. */
function refused(
  dir: () => string,
  kind: string,
  name: string,
  content: Content,
  message: RegExp,
  limits?: HostileCase['limits'],
): HostileCase {
  return {
    category: 'snapshot file',
    kind,
    ...(limits ? { limits } : {}),
    prepare: async () => {
      await writeFile(
        path.join(dir(), name),
        typeof content === 'function' ? await content() : content,
      )
    },
    run: async () => {
      expectClearError(await cli(['diagnose', name, '--format', 'json'], dir()), message)
    },
  }
}

/** Expects diagnose to read `value` (written as JSON) and print inert, valid JSON findings. */
function read(dir: () => string, kind: string, name: string, text: string): HostileCase {
  return {
    category: 'snapshot file',
    kind,
    run: async () => {
      await writeFile(path.join(dir(), name), text)
      const r = await cli(['diagnose', name, '--format', 'json'], dir())
      expect(r.code, r.err).toBe(0)
      expect(r.out).not.toMatch(UNSAFE_TEXT)
      expect(Array.isArray(JSON.parse(r.out))).toBe(true)
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    },
  }
}

const snapshotText = (mutate?: (s: Record<string, unknown>) => void): string => {
  const s = seamSnapshot() as unknown as Record<string, unknown>
  mutate?.(s)
  return JSON.stringify(s)
}

export function snapshotFileCases(dir: () => string): HostileCase[] {
  const valid = snapshotText()
  return [
    refused(dir, 'an empty file', 'empty.json', '', /The file is empty/),
    refused(dir, 'only whitespace', 'blank.json', ' \n\t\r\n', /not valid JSON/),
    refused(dir, 'NUL bytes', 'nul.json', Buffer.alloc(4096), /starts with the byte 0x00/),
    refused(
      dir,
      'a PNG image',
      'image.json',
      Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
      /not text \(UTF-8\)|not valid JSON/,
    ),
    refused(
      dir,
      'a ZIP archive',
      'archive.json',
      Buffer.from('PK\x03\x04\x14\x00'),
      /starts with "P"/,
    ),
    refused(
      dir,
      'UTF-16 with a byte-order mark',
      'utf16.json',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, 'utf16le')]),
      /not text \(UTF-8\)/,
    ),
    refused(
      dir,
      'invalid UTF-8 inside a value',
      'latin1.json',
      Buffer.concat([
        Buffer.from('{"format":"crosswalk.snapshot","x":"'),
        Buffer.from([0xe9, 0x22, 0x7d]),
      ]),
      /not text \(UTF-8\)/,
    ),
    refused(dir, 'truncated JSON', 'truncated.json', valid.slice(0, 500), /not valid JSON/),
    refused(dir, 'a JSON array', 'array.json', '[1,2,3]', /not an object/),
    refused(dir, 'a JSON string', 'string.json', '"crosswalk.snapshot"', /not valid JSON/),
    refused(
      dir,
      'another format',
      'other.json',
      '{"format":"other","version":1}',
      /not a Crosswalk snapshot/,
    ),
    refused(
      dir,
      'a newer version',
      'v2.json',
      snapshotText((s) => (s['version'] = 2)),
      /version 2.*newer Crosswalk/,
    ),
    refused(
      dir,
      'the version as text',
      'v1-text.json',
      snapshotText((s) => (s['version'] = '1')),
      /version "1"/,
    ),
    refused(
      dir,
      'no collection block',
      'no-collection.json',
      snapshotText((s) => delete s['collection']),
      /does not match the version 1 format.*collection/,
    ),
    refused(
      dir,
      'records that are not objects',
      'scalars.json',
      snapshotText((s) => ((s['entra'] as Record<string, unknown>)['users'] = [1, 'x', null])),
      /entra\.users\[0\]: expected a JSON object/,
    ),
    refused(
      dir,
      'a list given as an object',
      'object-list.json',
      snapshotText((s) => ((s['okta'] as Record<string, unknown>)['users'] = { a: 1 })),
      /okta\.users/,
    ),
    refused(
      dir,
      'a date that is not a date',
      'bad-date.json',
      snapshotText((s) => (s['collectedAt'] = 'yesterday; rm -rf /')),
      /collectedAt/,
    ),
    refused(
      dir,
      '100,000 schema problems, reported in one bounded line',
      'many-problems.json',
      snapshotText(
        (s) => ((s['entra'] as Record<string, unknown>)['users'] = Array(100_000).fill(0)),
      ),
      /…and 99,?995 more/,
    ),
    refused(
      dir,
      'escape sequences in the format name',
      'escapes.json',
      '{"format":"\\u001b]0;pwned\\u0007\\u001b[2J","version":1}',
      /not a Crosswalk snapshot/,
    ),
    refused(
      dir,
      'gzip cut short',
      'cut.json.gz',
      gzipSync(valid).subarray(0, 200),
      /gzip-compressed but could not be decompressed/,
    ),
    refused(
      dir,
      'gzip magic followed by garbage',
      'garbage.json.gz',
      Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.alloc(512, 0x41)]),
      /gzip-compressed but could not be decompressed/,
    ),
    refused(
      dir,
      'gzip inside gzip',
      'double.json.gz',
      gzipSync(gzipSync(valid)),
      /byte 0x1f|not text/,
    ),
    refused(
      dir,
      'a gzip bomb of zeros (3 MiB → 3 GiB)',
      'zeros.json.gz',
      () => gzipBomb('zeros', 3 * 1024 * MiB),
      /starts with the byte 0x00/,
      { ms: 30_000 },
    ),
    {
      category: 'snapshot file',
      kind: 'a plain file larger than the ceiling (sparse, 1 GiB)',
      run: async () => {
        const handle = await open(path.join(dir(), 'huge.json'), 'w')
        await handle.truncate(1024 * MiB)
        await handle.close()
        expectClearError(
          await cli(['diagnose', 'huge.json'], dir()),
          /is 1024 MiB, larger than the 384 MiB/,
        )
      },
    },
    {
      category: 'snapshot file',
      kind: 'a folder',
      run: async () => {
        await mkdir(path.join(dir(), 'folder.json'), { recursive: true })
        expectClearError(await cli(['diagnose', 'folder.json'], dir()), /is a folder/)
      },
    },
    {
      category: 'snapshot file',
      kind: 'a path that does not exist',
      run: async () => expectClearError(await cli(['diagnose', 'nowhere.json'], dir()), /ENOENT/),
    },
    {
      category: 'snapshot file',
      kind: 'a link to /dev/zero',
      run: async () => {
        if (!existsSync('/dev/zero')) return
        await symlink('/dev/zero', path.join(dir(), 'zero-link.json'))
        expectClearError(await cli(['diagnose', 'zero-link.json'], dir()), /byte 0x00/)
      },
    },
    {
      category: 'snapshot file',
      kind: '/dev/zero itself',
      run: async () => {
        if (!existsSync('/dev/zero')) return
        expectClearError(await cli(['diagnose', '/dev/zero'], dir()), /byte 0x00/)
      },
    },
    read(
      dir,
      '__proto__ keys at the top and inside records',
      'proto.json',
      valid
        .replace('{', '{"__proto__":{"polluted":true},')
        .replace(
          '"userPrincipalName"',
          '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"userPrincipalName"',
        ),
    ),
    read(
      dir,
      'nesting 5,000 levels deep inside a record',
      'deep.json',
      valid.replace(
        '"userPrincipalName"',
        `"deep":${'['.repeat(5000)}${']'.repeat(5000)},"userPrincipalName"`,
      ),
    ),
    read(dir, 'duplicate keys', 'duplicates.json', valid.replace('{', '{"format":"x",')),
    read(
      dir,
      'no collection.cursors (another tool)',
      'no-cursors.json',
      snapshotText((s) => delete (s['collection'] as Record<string, unknown>)['cursors']),
    ),
    refused(
      dir,
      'a gzip bomb shaped like a snapshot (3 MiB → 3 GiB), at the default ceiling',
      'bomb.json.gz',
      () => gzipBomb('json', 3 * 1024 * MiB),
      /expands beyond 384 MiB/,
      { ms: 30_000, mib: 900 },
    ),
  ]
}
