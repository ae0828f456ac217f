/**
 * A snapshot's identity: the SHA-256 of its canonical content. Canonical JSON is the
 * snapshot as parsed (the schema's defaults applied), object keys sorted by UTF-16 code
 * units at every level, array order kept, no whitespace, strings and numbers as
 * `JSON.stringify` writes them, UTF-8, and in a keyed resource (`appKeys`, `appUsers`…) a
 * parent with an empty list is left out, as absent and empty say the same: nothing under it.
 * Two files with the same records in another key order or spacing, gzipped or not, have the
 * same identity, and so does the app's cached copy of one; any changed value changes it. The
 * app stores it with each cached snapshot when it is collected or imported; the CLI
 * computes it from the file it reads.
 */
import { KEYED_RESOURCES, type Snapshot } from '../model/snapshot'
import { Sha256 } from '../util/sha256'

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Feeds the canonical JSON of `value` to `out`, piece by piece (no whole-document string). */
function writeCanonical(value: unknown, out: (text: string) => void): void {
  if (Array.isArray(value)) {
    out('[')
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out(',')
      const item: unknown = value[i]
      writeCanonical(item === undefined || typeof item === 'function' ? null : item, out)
    }
    out(']')
    return
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined && typeof value[k] !== 'function')
      .sort()
    out('{')
    keys.forEach((k, i) => {
      out(`${i > 0 ? ',' : ''}${JSON.stringify(k)}:`)
      writeCanonical(value[k], out)
    })
    out('}')
    return
  }
  out(JSON.stringify(value) ?? 'null')
}

/** The canonical JSON text of a value (see the file header). */
export function canonicalJson(value: unknown): string {
  const parts: string[] = []
  writeCanonical(value, (t) => void parts.push(t))
  return parts.join('')
}

/** The snapshot with empty lists left out of its keyed resources (a shallow copy). */
function withoutEmptyKeyed(snapshot: Snapshot): Snapshot {
  const out: Record<string, unknown> = { ...snapshot }
  for (const source of ['entra', 'okta'] as const) {
    const side = snapshot[source] as Record<string, unknown> | undefined
    if (!side) continue
    const copy: Record<string, unknown> = { ...side }
    for (const key of KEYED_RESOURCES[source]) {
      const map = side[key]
      if (!isPlainObject(map)) continue
      copy[key] = Object.fromEntries(
        Object.entries(map).filter(([, list]) => !Array.isArray(list) || list.length > 0),
      )
    }
    out[source] = copy
  }
  return out as Snapshot
}

/** The snapshot's identity: 64 lower-case hex digits of SHA-256 over its canonical JSON. */
export function snapshotIdentity(snapshot: Snapshot): string {
  snapshot = withoutEmptyKeyed(snapshot)
  const hash = new Sha256()
  let buffer = ''
  writeCanonical(snapshot, (text) => {
    buffer += text
    if (buffer.length >= 1 << 16) {
      hash.updateText(buffer)
      buffer = ''
    }
  })
  if (buffer) hash.updateText(buffer)
  return hash.hex()
}
