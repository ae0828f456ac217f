/**
 * Serves the built renderer (`out/renderer`) read-only over HTTP; which file a path names is
 * decided by `src/node/static-files.ts`, shared with Electron's `crosswalk://` protocol.
 */
import { createReadStream } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { contentTypeFor, type StaticLookup } from '../node/static-files'

/** Streams a resolved file with its content type; HEAD gets headers only. */
export function sendFile(
  response: ServerResponse,
  lookup: Extract<StaticLookup, { ok: true }>,
  headOnly: boolean,
): void {
  response.writeHead(200, {
    'Content-Type': contentTypeFor(lookup.file),
    'Content-Length': String(lookup.size),
    // The build is replaced in place between launches; revalidating keeps pages and assets in step.
    'Cache-Control': 'no-cache',
  })
  if (headOnly) {
    response.end()
    return
  }
  createReadStream(lookup.file)
    .on('error', () => response.destroy())
    .pipe(response)
}
