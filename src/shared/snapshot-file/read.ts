/**
 * The one snapshot reader (`crosswalk.snapshot` v1, DESIGN.md §4), shared by the CLI, the
 * Node hosts and the renderer's import. Hosts hand over the file's bytes as a stream and
 * their own gzip and UTF-8 decoders; everything else happens here, once:
 *
 * - gzip is recognised by its bytes (1f 8b), not by the name, and decompressed as a stream;
 * - a byte ceiling bounds what is read and what gzip expands to: the read stops as soon as
 *   it is passed ("expands beyond 384 MiB"), so a 3 MB gzip bomb or `/dev/zero` costs at
 *   most the ceiling, and nothing is inflated twice;
 * - the text must start like a JSON object, so a binary file stops at its first bytes;
 * - the JSON must match the contract where the contract requires it and is read leniently
 *   elsewhere: `collection.cursors`, which another tool's snapshot may lack, is taken as
 *   empty.
 *
 * `JSON.parse` needs the whole text as one string, and V8's longest string is 2^29 − 24
 * characters (512 Mi), so the default ceiling, 384 MiB of JSON, stays below it with room:
 * a 100k-user-a-side snapshot is about 260 MiB.
 */
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, Snapshot } from '../model/snapshot'
import { formatIssues } from '../util/issues'

/** The largest snapshot read, in bytes of JSON (after gzip): 384 MiB. */
export const DEFAULT_MAX_SNAPSHOT_BYTES = 384 * 1024 * 1024

/** What kind of problem stopped a read; tests and hosts branch on it, people read the title. */
export type SnapshotProblemCode =
  | 'unreadable'
  | 'empty'
  | 'too-large'
  | 'gzip'
  | 'not-utf8'
  | 'not-json'
  | 'not-object'
  | 'not-snapshot'
  | 'version'
  | 'schema'

/** A file that is not a snapshot Crosswalk reads, in plain words. */
export interface SnapshotProblem {
  code: SnapshotProblemCode
  /** one line: what is wrong */
  title: string
  /** the specifics (parser message, the first schema issues one per line) */
  detail?: string
  /** what to do about it */
  hint: string
}

export type SnapshotReadResult =
  { ok: true; snapshot: Snapshot } | { ok: false; problem: SnapshotProblem }

/** A fatal UTF-8 decoder: `new TextDecoder('utf-8', { fatal: true })` in every host. */
export interface Utf8Decoder {
  decode: (input?: Uint8Array, options?: { stream?: boolean }) => string
}

/** What a host supplies: the bytes and the two decoders its platform has. */
export interface SnapshotSource {
  /** the file's bytes in chunks; may never end (a device, a pipe) */
  bytes: AsyncIterable<Uint8Array>
  /** gzip decompression as a stream; it must not inflate far ahead of what is read */
  gunzip: (compressed: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>
  decoder: Utf8Decoder
}

/** Options of {@link readSnapshot}. */
export interface ReadSnapshotOptions {
  /** the byte ceiling, before and after gzip; default {@link DEFAULT_MAX_SNAPSHOT_BYTES} */
  maxBytes?: number
}

const COLLECT_HINT =
  'Choose the .json (or .json.gz) file written by `crosswalk collect --out FILE`, or export one from a workspace.'
const DAMAGED_HINT =
  'The file is probably truncated or was edited by hand; collect or export it again.'

/** `384 MiB`, `1.5 MiB`: the ceiling in the unit people read. */
export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024)
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`
  return `${Math.ceil(bytes / 1024)} KiB`
}

/** Builds a problem result; hosts use it for what only they can see (a path that is a folder). */
export function snapshotProblem(
  code: SnapshotProblemCode,
  title: string,
  hint: string,
  detail?: string,
): { ok: false; problem: SnapshotProblem } {
  return { ok: false, problem: { code, title, hint, ...(detail ? { detail } : {}) } }
}

/** The problem of a file larger than the ceiling before anything is read (hosts know the size). */
export function tooLargeProblem(size: number, maxBytes: number): SnapshotReadResult {
  return snapshotProblem(
    'too-large',
    `The file is ${formatBytes(size)}, larger than the ${formatBytes(maxBytes)} of JSON Crosswalk reads.`,
    LARGE_HINT,
  )
}

const LARGE_HINT =
  'A snapshot of 100,000 users a side is about 260 MiB. Check that this is a Crosswalk snapshot; a larger tenant needs a collection split by side.'

/** A failure of the host's byte source (not of gzip or of the text). */
class SourceError extends Error {
  constructor(readonly reason: unknown) {
    super('source')
  }
}

/** Re-yields the source's chunks, marking its own failures so they are told from gzip's. */
async function* tagged(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of bytes) yield chunk
  } catch (error) {
    throw new SourceError(error)
  }
}

/** Splits the source into its first two bytes (to recognise gzip) and the rest, unread. */
async function peek(
  source: AsyncIterable<Uint8Array>,
): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]()
  const parts: Uint8Array[] = []
  let size = 0
  while (size < 2) {
    const next = await iterator.next()
    if (next.done) break
    parts.push(next.value)
    size += next.value.length
  }
  const head = concat(parts, size)
  const rest: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => ({
      next: () => iterator.next(),
      return: async () => (await iterator.return?.()) ?? { done: true, value: undefined },
    }),
  }
  return { head, rest }
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0]
  const out = new Uint8Array(size)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

async function* withHead(
  head: Uint8Array,
  rest: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  if (head.length) yield head
  yield* rest
}

/** Counts what passes and stops the read as soon as it goes beyond `max` bytes. */
async function* capped(
  chunks: AsyncIterable<Uint8Array>,
  max: number,
  onOver: () => void,
): AsyncGenerator<Uint8Array> {
  let total = 0
  for await (const chunk of chunks) {
    total += chunk.length
    if (total > max) {
      onOver()
      return
    }
    yield chunk
  }
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\ufeff'])

type TextResult = { ok: true; text: string } | { ok: false; problem: SnapshotProblem }

/** The text of the source, or the problem that stopped it. */
async function readText(source: SnapshotSource, maxBytes: number): Promise<TextResult> {
  let head: Uint8Array
  let rest: AsyncIterable<Uint8Array>
  try {
    ;({ head, rest } = await peek(tagged(source.bytes)))
  } catch (error) {
    return unreadable(error)
  }
  if (head.length === 0) return snapshotProblem('empty', 'The file is empty.', COLLECT_HINT)
  const gzip = head[0] === 0x1f && head[1] === 0x8b
  let over = false
  const raw = capped(withHead(head, rest), maxBytes, () => (over = true))
  const plain = gzip ? capped(source.gunzip(raw), maxBytes, () => (over = true)) : raw
  const iterator = plain[Symbol.asyncIterator]()
  const parts: string[] = []
  let started = false
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>
      try {
        next = await iterator.next()
      } catch (error) {
        if (over) break
        if (error instanceof SourceError) return unreadable(error)
        return snapshotProblem(
          'gzip',
          'The file looks gzip-compressed but could not be decompressed.',
          'The file is probably truncated or damaged; copy it again from where it was collected.',
          messageOf(error),
        )
      }
      if (next.done) break
      let text: string
      try {
        text = source.decoder.decode(next.value, { stream: true })
      } catch {
        return snapshotProblem('not-utf8', 'The file is not text (UTF-8).', COLLECT_HINT)
      }
      if (!started) {
        const first = [...text].find((c) => !WHITESPACE.has(c))
        if (first !== undefined) {
          started = true
          if (first !== '{') return notAnObject(first, gzip)
        }
      }
      parts.push(text)
    }
    if (over) {
      return snapshotProblem(
        'too-large',
        gzip
          ? `The file expands beyond ${formatBytes(maxBytes)}, more JSON than Crosswalk reads.`
          : `The file is larger than the ${formatBytes(maxBytes)} of JSON Crosswalk reads.`,
        LARGE_HINT,
      )
    }
    try {
      parts.push(source.decoder.decode())
    } catch {
      return snapshotProblem('not-utf8', 'The file is not text (UTF-8).', COLLECT_HINT)
    }
  } finally {
    // stops the source and the decompressor when the read ends early
    await iterator.return?.(undefined).catch(() => undefined)
  }
  return { ok: true, text: parts.join('') }
}

function unreadable(error: unknown): { ok: false; problem: SnapshotProblem } {
  return snapshotProblem(
    'unreadable',
    'The file could not be read.',
    'Check that it still exists and that you may read it, then try again.',
    messageOf(error instanceof SourceError ? error.reason : error),
  )
}

function notAnObject(first: string, gzip: boolean): { ok: false; problem: SnapshotProblem } {
  const printable = /^[\x21-\x7e]$/.test(first)
  return first === '['
    ? snapshotProblem(
        'not-object',
        'The file is JSON, but not a Crosswalk snapshot (it is not an object).',
        COLLECT_HINT,
      )
    : snapshotProblem(
        'not-json',
        'The file is not valid JSON.',
        printable ? DAMAGED_HINT : COLLECT_HINT,
        `It ${gzip ? 'expands to text that ' : ''}starts with ${printable ? `"${first}"` : `the byte 0x${(first.codePointAt(0) ?? 0).toString(16).padStart(2, '0')}`}, not "{".`,
      )
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The lenient part of the contract: what another tool's snapshot may lack is filled in
 * (in place; the value is ours). Only keys the contract lets a writer omit are filled.
 */
function fillOptional(json: Record<string, unknown>): void {
  const collection = json['collection']
  if (
    collection !== null &&
    typeof collection === 'object' &&
    !Array.isArray(collection) &&
    !('cursors' in collection)
  ) {
    ;(collection as Record<string, unknown>)['cursors'] = {}
  }
}

/** Parses and validates snapshot JSON text. */
export function parseSnapshotText(text: string): SnapshotReadResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return snapshotProblem(
      'not-json',
      'The file is not valid JSON.',
      DAMAGED_HINT,
      messageOf(error),
    )
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return snapshotProblem(
      'not-object',
      'The file is JSON, but not a Crosswalk snapshot (it is not an object).',
      COLLECT_HINT,
    )
  }
  const { format, version } = json as { format?: unknown; version?: unknown }
  if (format !== SNAPSHOT_FORMAT) {
    return snapshotProblem(
      'not-snapshot',
      `This is not a Crosswalk snapshot: its "format" is ${format === undefined ? 'missing' : JSON.stringify(format)}, not "${SNAPSHOT_FORMAT}".`,
      COLLECT_HINT,
    )
  }
  if (version !== SNAPSHOT_VERSION) {
    const newer = typeof version === 'number' && version > SNAPSHOT_VERSION
    return snapshotProblem(
      'version',
      `This snapshot has version ${JSON.stringify(version ?? null)}; this Crosswalk reads version ${SNAPSHOT_VERSION}.`,
      newer
        ? 'It was written by a newer Crosswalk. Update Crosswalk, or collect again with this version.'
        : 'The version is not one Crosswalk ever wrote; collect the snapshot again.',
    )
  }
  fillOptional(json as Record<string, unknown>)
  const parsed = Snapshot.safeParse(json)
  if (!parsed.success) {
    const count = parsed.error.issues.length
    return snapshotProblem(
      'schema',
      `The snapshot does not match the version ${SNAPSHOT_VERSION} format (${count} problem${count === 1 ? '' : 's'}).`,
      'The file was changed after it was collected, or written by another tool. Collect it again with `crosswalk collect`.',
      formatIssues(parsed.error).join('\n'),
    )
  }
  return { ok: true, snapshot: parsed.data }
}

/** Reads a snapshot from a host's bytes; never throws for a bad file, only returns its problem. */
export async function readSnapshot(
  source: SnapshotSource,
  options: ReadSnapshotOptions = {},
): Promise<SnapshotReadResult> {
  const text = await readText(source, options.maxBytes ?? DEFAULT_MAX_SNAPSHOT_BYTES)
  return text.ok ? parseSnapshotText(text.text) : text
}

/** One line for a terminal or a log: title, detail and hint. */
export function describeSnapshotProblem(problem: SnapshotProblem): string {
  const detail = problem.detail ? ` (${problem.detail.split('\n').join('; ')})` : ''
  return `${problem.title}${detail} ${problem.hint}`
}
