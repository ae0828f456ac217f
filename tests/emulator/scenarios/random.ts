/**
 * Seeded randomness and identifier shapes for scenarios. Everything a scenario
 * writes comes from one of these generators, so a seed reproduces a tenant pair
 * byte for byte (key material aside, see pki.ts).
 */

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const SECRET_ALPHABET = BASE62 + '~._-'

export class Rng {
  private state: number

  constructor(seed: number) {
    // spread small consecutive seeds apart before mulberry32 takes over
    this.state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0x5bd1e995) >>> 0
  }

  /** mulberry32: a 32-bit state is enough here and keeps generation fast */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1))
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }

  /** picks by weight; weights need not sum to 1 */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, w] of items) total += w
    let r = this.next() * total
    for (const [item, w] of items) {
      r -= w
      if (r < 0) return item
    }
    const last = items[items.length - 1]
    if (!last) throw new Error('weighted pick from an empty list')
    return last[0]
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n)
    for (let i = 0; i < n; i += 4) {
      const v = (this.next() * 4294967296) >>> 0
      out[i] = v & 0xff
      if (i + 1 < n) out[i + 1] = (v >>> 8) & 0xff
      if (i + 2 < n) out[i + 2] = (v >>> 16) & 0xff
      if (i + 3 < n) out[i + 3] = (v >>> 24) & 0xff
    }
    return out
  }

  private readonly scratch = new Uint8Array(16)

  /** a version-4 GUID in Graph's lowercase form */
  guid(): string {
    return guidFromBytes(this.fill(this.scratch))
  }

  /** a GUID and the Entra ImmutableID of that GUID taken as an AD objectGUID */
  objectGuid(): { guid: string; immutableId: string } {
    const b = this.fill(this.scratch)
    const guid = guidFromBytes(b)
    return { guid, immutableId: immutableIdFromBytes(b) }
  }

  private fill(out: Uint8Array): Uint8Array {
    for (let i = 0; i < out.length; i += 4) {
      const v = (this.next() * 4294967296) >>> 0
      out[i] = v & 0xff
      out[i + 1] = (v >>> 8) & 0xff
      out[i + 2] = (v >>> 16) & 0xff
      out[i + 3] = (v >>> 24) & 0xff
    }
    return out
  }

  /** an Okta object id: a 3-character type prefix and 17 base62 characters, e.g. 00u1a2b3c4d5E6F7g8h */
  oktaId(prefix: string): string {
    return prefix + this.chars(BASE62, 17)
  }

  chars(alphabet: string, length: number): string {
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)]
    return out
  }

  /** an Entra client secret value: 40 characters with the `~` marker Entra puts at index 3 */
  entraSecret(): string {
    return this.chars(BASE62, 3) + '8Q~' + this.chars(SECRET_ALPHABET, 34)
  }

  /** an Okta SSWS API token: 42 characters starting with 00 */
  oktaToken(): string {
    return '00' + this.chars(BASE62 + '-_', 40)
  }
}

export function guidFromBytes(b: Uint8Array): string {
  // version 4, RFC 4122 variant
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  let out = ''
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-'
    out += HEX[b[i] ?? 0]
  }
  return out
}

const MS_ORDER = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15]
const reordered = Buffer.alloc(16)

/** ImmutableID from the 16 GUID bytes in RFC order (see immutableIdFromGuid). */
export function immutableIdFromBytes(b: Uint8Array): string {
  for (let i = 0; i < 16; i++) reordered[i] = b[MS_ORDER[i] ?? i] ?? 0
  return reordered.toString('base64')
}

/**
 * The Entra ImmutableID of an AD object: base64 of objectGUID in Microsoft's
 * byte order (the first three fields little-endian), as Entra Connect writes it.
 */
export function immutableIdFromGuid(guid: string): string {
  const hex = guid.replace(/-/g, '')
  const bytes = Buffer.from(hex, 'hex')
  const ms = Buffer.concat([
    Buffer.from(bytes.subarray(0, 4)).reverse(),
    Buffer.from(bytes.subarray(4, 6)).reverse(),
    Buffer.from(bytes.subarray(6, 8)).reverse(),
    bytes.subarray(8),
  ])
  return ms.toString('base64')
}

export const DEFAULT_NOW = '2026-11-20T12:00:00.000Z'

const MINUTE = 60_000
const DAY = 86_400_000
export const MS = { minute: MINUTE, hour: 60 * MINUTE, day: DAY } as const

/** ISO-8601 the way Graph writes it: whole seconds, `Z` */
export function graphDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

/** ISO-8601 the way Okta writes it: milliseconds, `Z` */
export function oktaDate(ms: number): string {
  return new Date(ms).toISOString()
}

/** a stable 32-bit FNV-1a hash, to derive sub-seeds from labels */
export function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
