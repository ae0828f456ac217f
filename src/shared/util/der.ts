/**
 * A minimal, pure DER reader for X.509 certificates: enough to find the validity
 * period. It walks
 * Certificate → tbsCertificate → validity and decodes UTCTime / GeneralizedTime.
 * No Node or DOM APIs, so it runs in the diagnosis worker.
 *
 * @see https://www.rfc-editor.org/rfc/rfc5280#section-4.1
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B64_INDEX = new Map<string, number>([...B64].map((c, i) => [c, i]))

/** Decodes standard or URL-safe base64 (whitespace and PEM armour ignored); `undefined` if invalid. */
export function decodeBase64(input: string): Uint8Array | undefined {
  const clean = input
    .replace(/-----(BEGIN|END) [A-Z ]+-----/g, '')
    .replace(/\s+/g, '')
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .replace(/=+$/, '')
  if (!clean || clean.length % 4 === 1) return undefined
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let buffer = 0
  let bits = 0
  let pos = 0
  for (const c of clean) {
    const v = B64_INDEX.get(c)
    if (v === undefined) return undefined
    buffer = (buffer << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[pos++] = (buffer >> bits) & 0xff
    }
  }
  return out.subarray(0, pos)
}

interface Tlv {
  tag: number
  start: number
  end: number
}

function readTlv(bytes: Uint8Array, offset: number): Tlv | undefined {
  const tag = bytes[offset]
  let lengthByte = bytes[offset + 1]
  if (tag === undefined || lengthByte === undefined) return undefined
  let pos = offset + 2
  let length = lengthByte
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f
    if (count === 0 || count > 4) return undefined
    length = 0
    for (let i = 0; i < count; i++) {
      lengthByte = bytes[pos++]
      if (lengthByte === undefined) return undefined
      length = length * 256 + lengthByte
    }
  }
  const end = pos + length
  if (end > bytes.length) return undefined
  return { tag, start: pos, end }
}

function children(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const list: Tlv[] = []
  let pos = parent.start
  while (pos < parent.end) {
    const child = readTlv(bytes, pos)
    if (!child) return list
    list.push(child)
    pos = child.end
  }
  return list
}

function decodeTime(bytes: Uint8Array, tlv: Tlv): Date | undefined {
  let s = ''
  for (let i = tlv.start; i < tlv.end; i++) s += String.fromCharCode(bytes[i] ?? 0)
  // UTCTime (0x17) has a two-digit year: 50–99 means 19xx (RFC 5280 §4.1.2.5.1).
  const m =
    tlv.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s)
      : tlv.tag === 0x18
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(s)
        : null
  if (!m) return undefined
  let year = Number(m[1])
  if (tlv.tag === 0x17) year += year >= 50 ? 1900 : 2000
  const ms = Date.UTC(
    year,
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
  )
  return Number.isNaN(ms) ? undefined : new Date(ms)
}

/** The validity period of an X.509 certificate. */
export interface CertificateValidity {
  notBefore: Date
  notAfter: Date
}

/**
 * Reads notBefore/notAfter from a base64 (or PEM) DER X.509 certificate, as Graph's
 * `internalDomainFederation.signingCertificate` and Okta's `x5c[]` carry them.
 * Returns `undefined` when the input is not a parseable certificate.
 */
export function readCertificateValidity(base64Der: string): CertificateValidity | undefined {
  const bytes = decodeBase64(base64Der)
  if (!bytes) return undefined
  const cert = readTlv(bytes, 0)
  if (!cert || cert.tag !== 0x30) return undefined
  const tbs = children(bytes, cert)[0]
  if (!tbs || tbs.tag !== 0x30) return undefined
  const fields = children(bytes, tbs)
  // tbsCertificate: [0] version (optional), serial, signature, issuer, validity, …
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0
  const validity = fields[offset + 3]
  if (!validity || validity.tag !== 0x30) return undefined
  const [nb, na] = children(bytes, validity)
  if (!nb || !na) return undefined
  const notBefore = decodeTime(bytes, nb)
  const notAfter = decodeTime(bytes, na)
  return notBefore && notAfter ? { notBefore, notAfter } : undefined
}

/** Canonical form for comparing two base64 certificates (PEM armour, whitespace and padding ignored). */
export function certificateKey(base64Der: string | undefined): string | undefined {
  if (!base64Der) return undefined
  const clean = base64Der
    .replace(/-----(BEGIN|END) [A-Z ]+-----/g, '')
    .replace(/\s+/g, '')
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .replace(/=+$/, '')
  return clean || undefined
}
