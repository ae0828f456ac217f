/**
 * Turns a file a consultant picked or dropped into a validated snapshot, or into
 * a plain-words problem: what is wrong and what to do. Nothing here touches the
 * cache, so a rejected file changes nothing.
 */
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, Snapshot } from '../../../../shared/model/snapshot'

export interface SnapshotFileProblem {
  /** one line: what is wrong */
  title: string
  /** the specifics (parser message, first schema issues) */
  detail?: string
  /** what to do about it */
  hint: string
}

export type SnapshotFileResult =
  { ok: true; snapshot: Snapshot } | { ok: false; problem: SnapshotFileProblem }

const COLLECT_HINT =
  'Choose the .json (or .json.gz) file written by `crosswalk collect --out FILE`, or export one from another workspace.'

/** Issues listed in a schema problem; the rest are counted. */
const MAX_ISSUES = 5

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
}

async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const input = new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes)
      controller.close()
    },
  })
  const reader = input.pipeThrough(new DecompressionStream('gzip')).getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    size += value.length
  }
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

function fail(title: string, hint: string, detail?: string): SnapshotFileResult {
  return { ok: false, problem: { title, hint, detail } }
}

function describePath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key)
  }
  return out || '(the top level)'
}

/** Reads, gunzips (when gzip), parses and validates a snapshot file's bytes. */
export async function parseSnapshotBytes(
  bytes: Uint8Array<ArrayBuffer>,
): Promise<SnapshotFileResult> {
  if (bytes.length === 0) return fail('The file is empty.', COLLECT_HINT)
  let raw = bytes
  if (isGzip(bytes)) {
    try {
      raw = await gunzip(bytes)
    } catch (error) {
      return fail(
        'The file looks gzip-compressed but could not be decompressed.',
        'The file is probably truncated or damaged; copy it again from where it was collected.',
        error instanceof Error ? error.message : String(error),
      )
    }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw)
  } catch {
    return fail('The file is not text (UTF-8).', COLLECT_HINT)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return fail(
      'The file is not valid JSON.',
      'The file is probably truncated or was edited by hand; collect or export it again.',
      error instanceof Error ? error.message : String(error),
    )
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail(
      'The file is JSON, but not a Crosswalk snapshot (it is not an object).',
      COLLECT_HINT,
    )
  }
  const { format, version } = json as { format?: unknown; version?: unknown }
  if (format !== SNAPSHOT_FORMAT) {
    return fail(
      `This is not a Crosswalk snapshot: its "format" is ${format === undefined ? 'missing' : JSON.stringify(format)}, not "${SNAPSHOT_FORMAT}".`,
      COLLECT_HINT,
    )
  }
  if (version !== SNAPSHOT_VERSION) {
    const newer = typeof version === 'number' && version > SNAPSHOT_VERSION
    return fail(
      `This snapshot has version ${JSON.stringify(version)}; this Crosswalk reads version ${SNAPSHOT_VERSION}.`,
      newer
        ? 'It was written by a newer Crosswalk. Update Crosswalk, or collect again with this version.'
        : 'The version is not one Crosswalk ever wrote; collect the snapshot again.',
    )
  }
  const parsed = Snapshot.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues
    const listed = issues
      .slice(0, MAX_ISSUES)
      .map((issue) => `${describePath(issue.path)}: ${issue.message}`)
    if (issues.length > MAX_ISSUES) listed.push(`…and ${issues.length - MAX_ISSUES} more`)
    return fail(
      `The snapshot does not match the version ${SNAPSHOT_VERSION} format (${issues.length} problem${issues.length === 1 ? '' : 's'}).`,
      'The file was changed after it was collected, or written by another tool. Collect it again with `crosswalk collect`.',
      listed.join('\n'),
    )
  }
  return { ok: true, snapshot: parsed.data }
}

/** Reads a picked or dropped file; see {@link parseSnapshotBytes}. */
export async function readSnapshotFile(file: Blob): Promise<SnapshotFileResult> {
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch (error) {
    return fail(
      'The file could not be read.',
      'Check that it still exists and that you may read it, then try again.',
      error instanceof Error ? error.message : String(error),
    )
  }
  return parseSnapshotBytes(bytes)
}
