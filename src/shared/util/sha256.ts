/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, incremental, so the same code runs in the
 * renderer, its worker, the CLI and the tests without Node's crypto or an async Web Crypto
 * call, and a large input can be fed in pieces. Used for snapshot identities and certificate
 * thumbprints; it hashes, it keeps no secret.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])

/** An incremental SHA-256: `update` with bytes or text (UTF-8), then `hex` once. */
export class Sha256 {
  private readonly h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ])
  private readonly block = new Uint8Array(64)
  private readonly w = new Uint32Array(64)
  private filled = 0
  private length = 0
  private done = false

  /** Adds bytes. */
  update(bytes: Uint8Array): this {
    if (this.done) throw new Error('SHA-256 already finished')
    let i = 0
    this.length += bytes.length
    while (i < bytes.length) {
      const take = Math.min(64 - this.filled, bytes.length - i)
      this.block.set(bytes.subarray(i, i + take), this.filled)
      this.filled += take
      i += take
      if (this.filled === 64) {
        this.compress()
        this.filled = 0
      }
    }
    return this
  }

  /** Adds a string as UTF-8 (surrogate pairs combined, a lone surrogate as U+FFFD). */
  updateText(text: string): this {
    const out = new Uint8Array(Math.min(text.length * 3, 1 << 16))
    let n = 0
    for (let i = 0; i < text.length; i++) {
      if (n > out.length - 4) {
        this.update(out.subarray(0, n))
        n = 0
      }
      let c = text.charCodeAt(i)
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1)
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
          i++
        } else c = 0xfffd
      } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd
      if (c < 0x80) out[n++] = c
      else if (c < 0x800) {
        out[n++] = 0xc0 | (c >> 6)
        out[n++] = 0x80 | (c & 63)
      } else if (c < 0x10000) {
        out[n++] = 0xe0 | (c >> 12)
        out[n++] = 0x80 | ((c >> 6) & 63)
        out[n++] = 0x80 | (c & 63)
      } else {
        out[n++] = 0xf0 | (c >> 18)
        out[n++] = 0x80 | ((c >> 12) & 63)
        out[n++] = 0x80 | ((c >> 6) & 63)
        out[n++] = 0x80 | (c & 63)
      }
    }
    return this.update(out.subarray(0, n))
  }

  /** The digest as 64 lower-case hex digits; the hash cannot be updated afterwards. */
  hex(): string {
    const bits = this.length * 8
    const pad = new Uint8Array((this.filled < 56 ? 56 : 120) - this.filled + 8)
    pad[0] = 0x80
    const hi = Math.floor(bits / 0x100000000)
    const lo = bits >>> 0
    const end = pad.length
    pad[end - 8] = (hi >>> 24) & 255
    pad[end - 7] = (hi >>> 16) & 255
    pad[end - 6] = (hi >>> 8) & 255
    pad[end - 5] = hi & 255
    pad[end - 4] = (lo >>> 24) & 255
    pad[end - 3] = (lo >>> 16) & 255
    pad[end - 2] = (lo >>> 8) & 255
    pad[end - 1] = lo & 255
    const length = this.length
    this.update(pad)
    this.length = length
    this.done = true
    let out = ''
    for (const word of this.h) out += word.toString(16).padStart(8, '0')
    return out
  }

  private compress(): void {
    const w = this.w
    const b = this.block
    for (let t = 0; t < 16; t++)
      w[t] = (b[t * 4]! << 24) | (b[t * 4 + 1]! << 16) | (b[t * 4 + 2]! << 8) | b[t * 4 + 3]!
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15]!
      const y = w[t - 2]!
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0
    }
    const h = this.h
    let a = h[0]!
    let bb = h[1]!
    let c = h[2]!
    let d = h[3]!
    let e = h[4]!
    let f = h[5]!
    let g = h[6]!
    let hh = h[7]!
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
      const ch = (e & f) ^ (~e & g)
      const t1 = (hh + S1 + ch + K[t]! + w[t]!) | 0
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
      const maj = (a & bb) ^ (a & c) ^ (bb & c)
      const t2 = (S0 + maj) | 0
      hh = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = bb
      bb = a
      a = (t1 + t2) | 0
    }
    h[0] = (h[0]! + a) | 0
    h[1] = (h[1]! + bb) | 0
    h[2] = (h[2]! + c) | 0
    h[3] = (h[3]! + d) | 0
    h[4] = (h[4]! + e) | 0
    h[5] = (h[5]! + f) | 0
    h[6] = (h[6]! + g) | 0
    h[7] = (h[7]! + hh) | 0
  }
}

/** SHA-256 of bytes, as lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return new Sha256().update(bytes).hex()
}
