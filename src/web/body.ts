import type { IncomingMessage } from 'node:http'
import { MAX_INSPECT_CHARS } from '../shared/inspect/artefact'

/** Invoke bodies are small JSON objects; anything larger is refused before it is buffered. */
export const MAX_BODY_BYTES = 1024 * 1024

/**
 * `inspect:decode` carries a pasted artefact or a dropped capture: up to the inspector's
 * ceiling in characters, which JSON escaping can double, plus the snapshot's certificates.
 */
export const MAX_INSPECT_BODY_BYTES = 2 * MAX_INSPECT_CHARS + 8 * 1024 * 1024

/** The body ceiling of an invoke channel. */
export function bodyLimit(channel: string): number {
  return channel === 'inspect:decode' ? MAX_INSPECT_BODY_BYTES : MAX_BODY_BYTES
}

export class BodyTooLargeError extends Error {
  constructor(limit = MAX_BODY_BYTES) {
    super(`Request body exceeds ${limit} bytes.`)
    this.name = 'BodyTooLargeError'
  }
}

/** Reads the whole body as UTF-8, rejecting with `BodyTooLargeError` past `limit` bytes. */
export function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit)
    return Promise.reject(new BodyTooLargeError(limit))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        request.removeAllListeners('data')
        request.resume()
        reject(new BodyTooLargeError(limit))
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}
