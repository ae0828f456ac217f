/**
 * Reads a small file a user names (a profile, a certificate, a private key, a CA bundle)
 * without trusting its size: the read stops past `maxBytes`, so a path such as /dev/zero or
 * a mistaken multi-gigabyte file is refused in bounded memory and time instead of filling it.
 */
import { open } from 'node:fs/promises'

/** A file larger than its reader accepts. */
export class FileTooLargeError extends Error {
  constructor(
    readonly file: string,
    readonly maxBytes: number,
  ) {
    super(`${file} is larger than ${Math.round(maxBytes / 1024)} KiB.`)
    this.name = 'FileTooLargeError'
    ;(this as { code?: string }).code = 'EFBIG'
  }
}

/** What a profile or a key file may weigh: far above any real one (a CA bundle is ~200 KiB). */
export const MAX_SMALL_FILE_BYTES = 1024 * 1024

/** The whole file, or `FileTooLargeError` once it passes `maxBytes`; errors of `open` as thrown. */
export async function readFileBounded(
  file: string,
  maxBytes: number = MAX_SMALL_FILE_BYTES,
): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const info = await handle.stat()
    if (info.isFile() && info.size > maxBytes) throw new FileTooLargeError(file, maxBytes)
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const buffer = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - total))
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) break
      total += bytesRead
      if (total > maxBytes) throw new FileTooLargeError(file, maxBytes)
      chunks.push(buffer.subarray(0, bytesRead))
    }
    return Buffer.concat(chunks, total)
  } finally {
    await handle.close()
  }
}

/**
 * A stream (standard input) read whole under `maxBytes`: `FileTooLargeError` once it passes
 * the ceiling, so an endless pipe costs at most the ceiling.
 */
export async function readStreamBounded(
  stream: AsyncIterable<Uint8Array>,
  maxBytes: number,
  name = 'standard input',
): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    total += chunk.byteLength
    if (total > maxBytes) throw new FileTooLargeError(name, maxBytes)
    chunks.push(Buffer.from(chunk))
  }
  return Buffer.concat(chunks, total)
}
