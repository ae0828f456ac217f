/**
 * JWTs (ID and access tokens): decoded, and their signature checked with `jose` against the
 * snapshot's keys (Entra's JWKS, and any certificate that holds the key the header names).
 * Only RSA signatures are accepted (what Entra and Okta issue); `alg: none` is reported as
 * unsigned and an HMAC as unsupported, never "verified".
 *
 * Microsoft Graph access tokens carry a `nonce` in their header and are signed over a hash
 * of it: only Graph can check them, and the inspector says so rather than calling them forged.
 */
import { compactVerify, importJWK, importX509 } from 'jose'
import type {
  CandidateRef,
  JwtArtefact,
  SignatureCheck,
  SigningCandidate,
} from '../../shared/inspect/artefact'
import { certificatePem } from './verify-xml'

const RSA_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] as const
type RsaAlgorithm = (typeof RSA_ALGORITHMS)[number]

/** A compact JWS: three base64url parts, the last possibly empty (`alg: none`). */
export const JWT_PATTERN = /^[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*$/

/** A token that is not a readable JWT. */
export class JwtUnreadableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'JwtUnreadableError'
  }
}

function part(segment: string, what: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
  } catch {
    throw new JwtUnreadableError(`The token's ${what} is not base64url-encoded JSON.`)
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new JwtUnreadableError(`The token's ${what} is not a JSON object.`)
  return value as Record<string, unknown>
}

/** Decodes and verifies a compact JWT. */
export async function inspectJwt(
  token: string,
  candidates: readonly SigningCandidate[],
): Promise<JwtArtefact> {
  const [h = '', p = ''] = token.split('.')
  const header = part(h, 'header')
  const claims = part(p, 'payload')
  return { kind: 'jwt', header, claims, signature: await verifyJwt(token, header, candidates) }
}

async function verifyJwt(
  token: string,
  header: Record<string, unknown>,
  candidates: readonly SigningCandidate[],
): Promise<SignatureCheck> {
  const alg = typeof header['alg'] === 'string' ? header['alg'] : undefined
  const kid = typeof header['kid'] === 'string' ? header['kid'] : undefined
  const x5t = typeof header['x5t'] === 'string' ? header['x5t'] : undefined
  const base = {
    signedPart: 'token' as const,
    ...(alg ? { algorithm: alg } : {}),
    matched: [] as CandidateRef[],
    tried: [] as CandidateRef[],
    ...(kid || x5t
      ? { embedded: { ...(kid ? { kid } : {}), ...(x5t ? { thumbprint: x5t } : {}) } }
      : {}),
  }
  if (!alg || alg.toLowerCase() === 'none' || token.endsWith('.'))
    return { ...base, status: 'unsigned', detail: 'The token carries no signature (alg: none).' }
  if (!(RSA_ALGORITHMS as readonly string[]).includes(alg))
    return {
      ...base,
      status: 'unsupported',
      detail: `The token is signed with ${alg}; Entra and Okta sign tokens with RSA (RS256).`,
    }
  if (typeof header['nonce'] === 'string')
    return {
      ...base,
      status: 'unsupported',
      detail:
        'A Microsoft Graph access token: it is signed over a hash of the nonce in its header, so only Graph can check its signature.',
    }
  const usable = candidates.filter((c) => c.jwk || c.x5c)
  // the key the header names first; then every other key, for a kid that changed
  const ordered = [
    ...usable.filter((c) => kid !== undefined && c.kid === kid),
    ...usable.filter((c) => kid === undefined || c.kid !== kid),
  ]
  if (ordered.length === 0)
    return {
      ...base,
      status: 'no-candidates',
      detail: 'The snapshot holds no key to check this token against.',
    }
  const tried: CandidateRef[] = []
  for (const candidate of ordered) {
    const ref = { id: candidate.id, kind: candidate.kind, label: candidate.label }
    tried.push(ref)
    if (await verifiesWith(token, candidate, alg as RsaAlgorithm)) {
      const same = usable
        .filter((c) => c !== candidate && sameKey(c, candidate))
        .map((c) => ({ id: c.id, kind: c.kind, label: c.label }))
      return { ...base, status: 'verified', matched: [ref, ...same], tried }
    }
  }
  const named = kid !== undefined && usable.some((c) => c.kid === kid)
  return named
    ? {
        ...base,
        status: 'tampered',
        tried,
        detail: `The key the token names (kid ${kid}) does not verify it: the token was changed after it was signed.`,
      }
    : {
        ...base,
        status: 'no-match',
        tried,
        detail: `No key of the snapshot verifies the token${kid ? `, and none has its kid ${kid}` : ''}: it was signed by another issuer or with a key published after the snapshot was collected.`,
      }
}

function sameKey(a: SigningCandidate, b: SigningCandidate): boolean {
  if (a.x5c && b.x5c) return a.x5c === b.x5c
  if (a.jwk && b.jwk) return a.jwk.n === b.jwk.n && a.jwk.e === b.jwk.e
  return false
}

async function verifiesWith(
  token: string,
  candidate: SigningCandidate,
  alg: RsaAlgorithm,
): Promise<boolean> {
  try {
    const key = candidate.jwk
      ? await importJWK({ kty: 'RSA', n: candidate.jwk.n, e: candidate.jwk.e }, alg)
      : await importX509(certificatePem(candidate.x5c ?? ''), alg)
    await compactVerify(token, key, { algorithms: [alg] })
    return true
  } catch {
    return false
  }
}
