/** The emulator's token-signing key (Entra access and ID tokens), published in the JWKS. */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import { selfSignedCertificate } from './tls'

/** A scenario's own token-signing key: the same key in every run, so its JWKS is reproducible. */
export interface SigningKeyMaterial {
  privateKeyPem: string
  /** base64 DER of the certificate */
  certificateDer: string
}

export interface SigningKey {
  kid: string
  privateKey: KeyObject
  publicKey: KeyObject
  certDer: string
  x5t: string
  /** the public JWK as the v2.0 keys endpoint lists it */
  jwk: Record<string, unknown>
}

/** The scenario's key when it has one, else a fresh key for this run. */
export function createSigningKey(material?: SigningKeyMaterial): SigningKey {
  const kc = material
    ? { key: createPrivateKey(material.privateKeyPem), certDer: material.certificateDer }
    : selfSignedCertificate('accounts.accesscontrol.windows.net', 365)
  const x5t = createHash('sha1').update(Buffer.from(kc.certDer, 'base64')).digest('base64url')
  const publicKey = createPublicKey(kc.key)
  const { n, e } = publicKey.export({ format: 'jwk' }) as { n: string; e: string }
  return {
    kid: x5t,
    privateKey: kc.key,
    publicKey,
    certDer: kc.certDer,
    x5t,
    jwk: {
      kty: 'RSA',
      use: 'sig',
      kid: x5t,
      x5t,
      n,
      e,
      x5c: [kc.certDer],
      cloud_instance_name: 'microsoftonline.com',
    },
  }
}
