/**
 * Turns a file a consultant picked or dropped into a validated snapshot, or into a
 * plain-words problem: what is wrong and what to do. The reading is the one snapshot
 * reader of `src/shared/snapshot-file`; this file gives it the browser's bytes and
 * decoders. The file is read in slices and gzip is inflated a slice at a time with the
 * output counted, so a gzip bomb stops at the byte ceiling instead of taking the tab down.
 * Nothing here touches the cache, so a rejected file changes nothing.
 */
import {
  DEFAULT_MAX_SNAPSHOT_BYTES,
  readSnapshot,
  tooLargeProblem,
  type ReadSnapshotOptions,
  type SnapshotProblem,
  type SnapshotReadResult,
} from '../../../../shared/snapshot-file/read'

/** What the import panel shows about a file it did not import. */
export type SnapshotFileProblem = Pick<SnapshotProblem, 'title' | 'detail' | 'hint'>

export type SnapshotFileResult = SnapshotReadResult

/** Bytes read from the file at a time. */
const FILE_SLICE = 1024 * 1024
/**
 * Bytes handed to the decompressor at a time: browsers inflate a whole written chunk at
 * once, and deflate expands at most about 1,032 times (16 KiB → 16.5 MiB).
 */
const GZIP_SLICE = 16 * 1024

async function* fileBytes(file: Blob): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < file.size; offset += FILE_SLICE) {
    yield new Uint8Array(await file.slice(offset, offset + FILE_SLICE).arrayBuffer())
  }
}

/** DecompressionStream fed in small slices, one output chunk read at a time. */
async function* gunzip(compressed: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream('gzip')
  const writer = stream.writable.getWriter()
  const reader = stream.readable.getReader()
  let stopped = false
  void (async () => {
    for await (const chunk of compressed) {
      for (let i = 0; i < chunk.length; i += GZIP_SLICE) {
        if (stopped) return
        // waits while the decompressed side holds output nobody has read yet
        await writer.ready
        void writer.write(chunk.slice(i, i + GZIP_SLICE)).catch(() => undefined)
      }
    }
    await writer.close()
  })().catch(async (error: unknown) => {
    // the reader then fails with the source's own error (an unreadable file)
    await writer.abort(error).catch(() => undefined)
  })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      yield value
    }
  } finally {
    stopped = true
    await reader.cancel().catch(() => undefined)
    await writer.abort().catch(() => undefined)
  }
}

/** Reads a picked or dropped file through the shared reader. */
export async function readSnapshotFile(
  file: Blob,
  options: ReadSnapshotOptions = {},
): Promise<SnapshotFileResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SNAPSHOT_BYTES
  if (file.size > maxBytes) return tooLargeProblem(file.size, maxBytes)
  return readSnapshot(
    { bytes: fileBytes(file), gunzip, decoder: new TextDecoder('utf-8', { fatal: true }) },
    { maxBytes },
  )
}

/** Reads a file's bytes already in memory; see {@link readSnapshotFile}. */
export function parseSnapshotBytes(
  bytes: Uint8Array<ArrayBuffer>,
  options: ReadSnapshotOptions = {},
): Promise<SnapshotFileResult> {
  return readSnapshotFile(new Blob([bytes]), options)
}
