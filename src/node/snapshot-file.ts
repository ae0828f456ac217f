/**
 * Snapshot files (`crosswalk.snapshot` v1, DESIGN.md §4) on disk. Reading streams the file
 * into the one reader of `src/shared/snapshot-file` (gzip by its bytes, a byte ceiling
 * before and after gzip, one parse); writing validates, then writes through the one atomic
 * writer, gzipped when the name ends in `.gz`.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable, pipeline } from 'node:stream'
import { createGunzip, gzipSync } from 'node:zlib'
import { Snapshot } from '../shared/model/snapshot'
import {
  DEFAULT_MAX_SNAPSHOT_BYTES,
  describeSnapshotProblem,
  readSnapshot,
  snapshotProblem,
  tooLargeProblem,
  type ReadSnapshotOptions,
  type SnapshotProblem,
  type SnapshotReadResult,
} from '../shared/snapshot-file/read'
import { writeFileAtomic, type AtomicWriteOptions } from './atomic-file'

/** A file that is not a snapshot Crosswalk reads; `problem` says what and what to do. */
export class SnapshotFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: SnapshotProblem,
  ) {
    super(`${file}: ${describeSnapshotProblem(problem)}`)
    this.name = 'SnapshotFileError'
  }
}

/**
 * Small reads keep gzip's output per read small: zlib inflates a whole input chunk before it
 * looks at backpressure, and deflate expands at most about 1,032 times (16 KiB → 16.5 MiB).
 */
const READ_CHUNK = 16 * 1024

/** zlib's gunzip over an async iterable, stopped (and its source closed) when the reader stops. */
function gunzip(compressed: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  return pipeline(Readable.from(compressed), createGunzip(), () => undefined)
}

/** Reads a snapshot file into a result; a bad file is a problem, never a throw. */
export async function tryReadSnapshotFile(
  file: string,
  options: ReadSnapshotOptions = {},
): Promise<SnapshotReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SNAPSHOT_BYTES
  let size: number
  try {
    const info = await stat(file)
    if (info.isDirectory()) {
      return snapshotProblem(
        'unreadable',
        'This is a folder, not a snapshot file.',
        'Name the .json or .json.gz file inside it.',
      )
    }
    // devices and pipes report 0 and are bounded while they are read
    size = info.isFile() ? info.size : 0
  } catch (error) {
    return snapshotProblem(
      'unreadable',
      `Cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      'Check the path, or collect the snapshot again.',
    )
  }
  if (size > maxBytes) return tooLargeProblem(size, maxBytes)
  return readSnapshot(
    {
      bytes: createReadStream(file, { highWaterMark: READ_CHUNK }),
      gunzip,
      decoder: new TextDecoder('utf-8', { fatal: true }),
    },
    { maxBytes },
  )
}

/** Reads and validates a snapshot (.json or .json.gz; gzip is recognised by its bytes). */
export async function readSnapshotFile(
  file: string,
  options: ReadSnapshotOptions = {},
): Promise<Snapshot> {
  const result = await tryReadSnapshotFile(file, options)
  if (!result.ok) throw new SnapshotFileError(file, result.problem)
  return result.snapshot
}

/** Serialises a snapshot: gzip for `.gz` names, otherwise indented JSON. */
export function encodeSnapshot(snapshot: Snapshot, file: string): Buffer {
  const text = JSON.stringify(snapshot, null, file.endsWith('.gz') ? undefined : 2)
  return file.endsWith('.gz')
    ? gzipSync(Buffer.from(text, 'utf8'))
    : Buffer.from(`${text}\n`, 'utf8')
}

/** Validates and writes a snapshot atomically (temp file in the same folder + rename). */
export async function writeSnapshotFile(
  file: string,
  snapshot: Snapshot,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const parsed = Snapshot.safeParse(snapshot)
  if (!parsed.success) {
    throw new SnapshotFileError(file, {
      code: 'schema',
      title: 'Refusing to write an invalid snapshot.',
      hint: 'This is a bug in Crosswalk; report it with the command that was run.',
    })
  }
  await writeFileAtomic(file, encodeSnapshot(snapshot, file), options)
}
