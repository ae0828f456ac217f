/**
 * Snapshot files (`crosswalk.snapshot` v1, DESIGN.md §4): JSON, gzipped when the name ends
 * in `.gz`. Reads validate with the zod `Snapshot`; writes go to a temporary file in the
 * same folder and are renamed into place, so a crash never leaves half a file behind.
 */
import { readFile } from 'node:fs/promises'
import { gunzipSync, gzipSync } from 'node:zlib'
import { Snapshot } from '../shared/model/snapshot'
import { writeFileAtomic } from './atomic-file'

/** A file that is not a valid snapshot; the message names the first problems. */
export class SnapshotFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SnapshotFileError'
  }
}

const isGzip = (bytes: Buffer): boolean =>
  bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b

/** Reads and validates a snapshot (.json or .json.gz; gzip is detected from the bytes). */
export async function readSnapshotFile(file: string): Promise<Snapshot> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    throw new SnapshotFileError(
      `Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    )
  }
  let json: unknown
  try {
    json = JSON.parse((isGzip(bytes) ? gunzipSync(bytes) : bytes).toString('utf8'))
  } catch {
    throw new SnapshotFileError(`${file} is not JSON (or not valid gzip).`)
  }
  const parsed = Snapshot.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ')
    throw new SnapshotFileError(`${file} is not a crosswalk.snapshot v1: ${issues}`)
  }
  return parsed.data
}

/** Serialises a snapshot: gzip for `.gz` names, otherwise indented JSON. */
export function encodeSnapshot(snapshot: Snapshot, file: string): Buffer {
  const text = JSON.stringify(snapshot, null, file.endsWith('.gz') ? undefined : 2)
  return file.endsWith('.gz')
    ? gzipSync(Buffer.from(text, 'utf8'))
    : Buffer.from(`${text}\n`, 'utf8')
}

/** Validates and writes a snapshot atomically (temp file in the same folder + rename). */
export async function writeSnapshotFile(file: string, snapshot: Snapshot): Promise<void> {
  const parsed = Snapshot.safeParse(snapshot)
  if (!parsed.success) throw new SnapshotFileError('Refusing to write an invalid snapshot.')
  await writeFileAtomic(file, encodeSnapshot(snapshot, file))
}
