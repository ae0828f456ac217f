/** Compact JWS (RS256 / PS256) signing and verification on node:crypto. */
import { constants, createSign, createVerify, type KeyObject } from 'node:crypto'

export type JwtAlg = 'RS256' | 'PS256'
export type JwtPayload = Record<string, unknown>

export interface DecodedJwt {
  header: Record<string, unknown>
  payload: JwtPayload
  signingInput: string
  signature: Buffer
}

const b64json = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

function pssOptions(alg: JwtAlg): { padding?: number; saltLength?: number } {
  return alg === 'PS256'
    ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }
    : {}
}

export function signJwt(
  header: Record<string, unknown>,
  payload: JwtPayload,
  key: KeyObject,
): string {
  const alg = (header.alg ?? 'RS256') as JwtAlg
  const signingInput = `${b64json({ ...header, alg })}.${b64json(payload)}`
  const signature = createSign('sha256')
    .update(signingInput)
    .sign({ key, ...pssOptions(alg) })
  return `${signingInput}.${signature.toString('base64url')}`
}

/** Splits and parses a compact JWS; null when it is not one. */
export function decodeJwt(token: string): DecodedJwt | null {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const [h, p, s] = parts as [string, string, string]
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as unknown
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as unknown
    if (!isObject(header) || !isObject(payload)) return null
    return { header, payload, signingInput: `${h}.${p}`, signature: Buffer.from(s, 'base64url') }
  } catch {
    return null
  }
}

export function verifyJwt(decoded: DecodedJwt, key: KeyObject): boolean {
  const alg = decoded.header.alg
  if (alg !== 'RS256' && alg !== 'PS256') return false
  try {
    return createVerify('sha256')
      .update(decoded.signingInput)
      .verify({ key, ...pssOptions(alg) }, decoded.signature)
  } catch {
    return false
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
