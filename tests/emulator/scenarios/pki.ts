/**
 * Real key pairs and X.509 certificates for scenario credentials: Entra app
 * certificates, Okta app signing keys (JWKs with x5c), the Okta service app.
 *
 * RSA key generation cannot be seeded and is slow, so scenario key pairs come
 * from a committed pool of test-only keys by label
 * (`tests/fixtures/keys/scenario-keys.json`, written by
 * `npm run emulator:keys`); that makes a scenario byte-identical across
 * processes and spares every test file the key generation. A label missing from
 * the pool gets a fresh key, cached per process. Certificate bodies (serial,
 * subject, validity) are derived from the seed and label alone.
 */
import { createHash, createPublicKey, createPrivateKey, generateKeyPairSync } from 'node:crypto'
import forge from 'node-forge'
import keyPool from '../../fixtures/keys/scenario-keys.json' with { type: 'json' }
import type { OktaRecord } from './types'
import { hash32, oktaDate } from './random'

interface KeyPair {
  privateKeyPem: string
  publicKeyPem: string
}

const POOL: Readonly<Record<string, string>> = keyPool
const keyCache = new Map<string, KeyPair>()
const certCache = new Map<string, IssuedCertificate>()

function keyPair(label: string): KeyPair {
  const cached = keyCache.get(label)
  if (cached) return cached
  const pooled = POOL[label]
  const pair = pooled ? pairFromPrivateKey(pooled) : generatePair()
  keyCache.set(label, pair)
  return pair
}

function pairFromPrivateKey(privateKeyPem: string): KeyPair {
  const publicKeyPem = createPublicKey(createPrivateKey(privateKeyPem))
    .export({ type: 'spki', format: 'pem' })
    .toString()
  return { privateKeyPem, publicKeyPem }
}

function generatePair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  return { privateKeyPem: privateKey, publicKeyPem: publicKey }
}

/** Every key pair this process has used, by label: what the key pool must hold. */
export function usedKeyPairs(): Record<string, string> {
  return Object.fromEntries([...keyCache].map(([label, pair]) => [label, pair.privateKeyPem]))
}

export interface IssuedCertificate {
  certificatePem: string
  privateKeyPem: string
  /** base64 DER, as x5c[0], Graph keyCredential.key and internalDomainFederation.signingCertificate carry it */
  derBase64: string
  /** SHA-1 thumbprint, uppercase hex */
  sha1Hex: string
  /** SHA-1 thumbprint as base64 of the binary (Graph customKeyIdentifier) */
  sha1Base64: string
  /** base64url SHA-256 of the DER (JWK x5t#S256) */
  x5tS256: string
  /** RSA public key parameters, base64url */
  n: string
  e: string
  notBefore: string
  notAfter: string
}

export interface CertificateRequest {
  seed: number
  /** distinguishes keys within a scenario, e.g. "okta-o365-active" */
  label: string
  commonName: string
  notBeforeMs: number
  notAfterMs: number
  /** reuse the key pair of another label (a renewed certificate over the same key) */
  keyLabel?: string
}

/** Issues a self-signed certificate (cached per process by seed, label and validity). */
export function issueCertificate(req: CertificateRequest): IssuedCertificate {
  const cacheKey = `${req.seed}:${req.label}:${req.commonName}:${req.notBeforeMs}:${req.notAfterMs}:${req.keyLabel ?? ''}`
  const cached = certCache.get(cacheKey)
  if (cached) return cached
  const keys = keyPair(req.keyLabel ?? req.label)
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKeyPem)
  // a positive serial derived from seed and label keeps the body reproducible
  cert.serialNumber =
    '01' + (hash32(`${req.seed}:${req.label}`) >>> 0).toString(16).padStart(8, '0')
  cert.validity.notBefore = new Date(req.notBeforeMs)
  cert.validity.notAfter = new Date(req.notAfterMs)
  const attrs = [{ name: 'commonName', value: req.commonName }]
  cert.setSubject(attrs)
  cert.setIssuer(attrs)
  cert.sign(forge.pki.privateKeyFromPem(keys.privateKeyPem), forge.md.sha256.create())
  const certificatePem = forge.pki.certificateToPem(cert)
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary')
  const jwk = createPublicKey(keys.publicKeyPem).export({ format: 'jwk' })
  const sha1 = createHash('sha1').update(der).digest()
  const issued: IssuedCertificate = {
    certificatePem,
    privateKeyPem: keys.privateKeyPem,
    derBase64: der.toString('base64'),
    sha1Hex: sha1.toString('hex').toUpperCase(),
    sha1Base64: sha1.toString('base64'),
    x5tS256: createHash('sha256').update(der).digest('base64url'),
    n: String(jwk.n),
    e: String(jwk.e),
    notBefore: new Date(req.notBeforeMs).toISOString(),
    notAfter: new Date(req.notAfterMs).toISOString(),
  }
  certCache.set(cacheKey, issued)
  return issued
}

/** An Okta signing key as `/api/v1/apps/{id}/credentials/keys` returns it. */
export function oktaSigningJwk(
  kid: string,
  cert: IssuedCertificate,
  createdMs: number,
): OktaRecord {
  return {
    created: oktaDate(createdMs),
    lastUpdated: oktaDate(createdMs),
    expiresAt: cert.notAfter,
    x5c: [cert.derBase64],
    e: cert.e,
    n: cert.n,
    kid,
    kty: 'RSA',
    use: 'sig',
    'x5t#S256': cert.x5tS256,
  }
}

/** A public RSA JWK (no private parts), as an Okta service app registers it. */
export function publicJwk(cert: IssuedCertificate, kid: string): OktaRecord {
  return { kty: 'RSA', kid, use: 'sig', alg: 'RS256', e: cert.e, n: cert.n }
}
