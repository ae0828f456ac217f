/** The emulator's token-signing key (Entra access tokens), published in the JWKS. */
import { createPublicKey, type KeyObject } from 'node:crypto'
import { selfSignedCertificate, thumbprints } from './tls'

export interface SigningKey {
  kid: string
  privateKey: KeyObject
  publicKey: KeyObject
  certDer: string
  x5t: string
  /** the public JWK as the v2.0 keys endpoint lists it */
  jwk: Record<string, unknown>
}

export function createSigningKey(): SigningKey {
  const kc = selfSignedCertificate('accounts.accesscontrol.windows.net', 365)
  const { x5t } = thumbprints(kc.certPem)
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
