/**
 * The one GUID test: tenant, client and object ids, a secret's `keyId`. A secret *value*
 * shaped like a GUID is almost always a secret ID copied by mistake, so rules, the doctor,
 * the Connect form and the contract all ask the same question here.
 */

/** `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hex digits, either case, nothing around it. */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** True when the value, trimmed, has the shape of a GUID; false for undefined. */
export function isGuid(value: string | undefined): boolean {
  return value !== undefined && GUID_PATTERN.test(value.trim())
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** The 16 bytes of a base64 value, or undefined when it is not base64 of exactly 16 bytes. */
function sixteenBytes(value: string): number[] | undefined {
  const text = value.trim()
  if (!/^[A-Za-z0-9+/]{22}==$/.test(text)) return undefined
  const bytes: number[] = []
  let bits = 0
  let acc = 0
  for (const ch of text.slice(0, 22)) {
    acc = (acc << 6) | B64.indexOf(ch)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((acc >> bits) & 0xff)
    }
  }
  return bytes.length === 16 ? bytes : undefined
}

const hex = (bytes: readonly number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join('')

/**
 * The GUID an Entra immutable ID encodes: Entra Connect writes base64 of the 16 bytes of
 * objectGUID (or ms-DS-ConsistencyGuid), whose first three fields are little-endian, so
 * `0DPLSQXh8EaSy6UvUUrIbQ==` is `49cb33d0-e105-46f0-92cb-a52f514ac86d`, the GUID AD shows.
 * Undefined for a value that is not base64 of 16 bytes (a cloud anchor, an email).
 */
export function immutableIdGuid(value: string | undefined): string | undefined {
  const b = value === undefined ? undefined : sixteenBytes(value)
  if (!b) return undefined
  const le = (from: number, to: number) => hex(b.slice(from, to).reverse())
  return `${le(0, 4)}-${le(4, 6)}-${le(6, 8)}-${hex(b.slice(8, 10))}-${hex(b.slice(10, 16))}`
}

/** The immutable ID Entra Connect would compute from an AD GUID (the inverse of `immutableIdGuid`). */
export function guidImmutableId(guid: string | undefined): string | undefined {
  if (!isGuid(guid)) return undefined
  const h = (guid ?? '').trim().replace(/-/g, '').toLowerCase()
  const pairs = (s: string) => (s.match(/../g) ?? []).map((p) => parseInt(p, 16))
  const bytes = [
    ...pairs(h.slice(0, 8)).reverse(),
    ...pairs(h.slice(8, 12)).reverse(),
    ...pairs(h.slice(12, 16)).reverse(),
    ...pairs(h.slice(16, 32)),
  ]
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = bytes.slice(i, i + 3)
    const n = (a << 16) | (b << 8) | c
    const left = bytes.length - i
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!
    out += left > 1 ? B64[(n >> 6) & 63]! : '='
    out += left > 2 ? B64[n & 63]! : '='
  }
  return out
}
