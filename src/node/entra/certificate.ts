/**
 * Certificate credentials for Entra: PEM (certificate + key) or PFX/PKCS#12 with a password,
 * read with node-forge. msal-node needs the SHA-256 thumbprint (hex) to send PS256 assertions
 * with `x5t#S256`. https://learn.microsoft.com/entra/identity-platform/certificate-credentials
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto'
import forge from 'node-forge'

/** A certificate credential ready for msal, plus its non-secret metadata. */
export interface LoadedCertificate {
  certificatePem: string
  privateKeyPem: string
  /** SHA-256 over the DER certificate, upper-case hex (msal `thumbprintSha256`) */
  thumbprintSha256: string
  /** SHA-1 over the DER, upper-case hex: what the Entra portal lists as "Thumbprint" */
  thumbprintSha1: string
  /** ISO-8601 end of validity */
  notAfter: string
  subject: string
}

/** Computes thumbprints and validity from a PEM certificate; checks the key matches. */
export function describeCertificate(
  certificatePem: string,
  privateKeyPem: string,
): LoadedCertificate {
  let cert: X509Certificate
  try {
    cert = new X509Certificate(certificatePem)
  } catch {
    throw new Error('The certificate file is not a valid PEM X.509 certificate.')
  }
  try {
    if (!cert.checkPrivateKey(createPrivateKey(privateKeyPem))) {
      throw new Error('The private key does not belong to the certificate.')
    }
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('The private key does not')) throw error
    throw new Error('The private key file is not a valid PEM private key.')
  }
  return {
    certificatePem,
    privateKeyPem,
    thumbprintSha256: createHash('sha256').update(cert.raw).digest('hex').toUpperCase(),
    thumbprintSha1: createHash('sha1').update(cert.raw).digest('hex').toUpperCase(),
    notAfter: new Date(cert.validTo).toISOString(),
    subject: cert.subject,
  }
}

/**
 * Reads a PKCS#12 (.pfx/.p12) bundle: the first certificate and its private key, as PEM.
 * A wrong password throws a plain-words error (never the password).
 */
export function readPfx(
  bundle: Buffer,
  password: string,
): { certificatePem: string; privateKeyPem: string } {
  let p12: forge.pkcs12.Pkcs12Pfx
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(bundle.toString('binary')))
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, password)
  } catch {
    throw new Error('The .pfx file could not be opened: wrong password or not a PKCS#12 file.')
  }
  const bags = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? []
  const oids = forge.pki.oids as Record<string, string>
  const certBags = bags(oids.certBag ?? '')
  const shrouded = bags(oids.pkcs8ShroudedKeyBag ?? '')
  const keyBags = shrouded.length > 0 ? shrouded : bags(oids.keyBag ?? '')
  const cert = certBags[0]?.cert
  const key = keyBags[0]?.key
  if (!cert || !key) throw new Error('The .pfx file holds no certificate with a private key.')
  return {
    certificatePem: forge.pki.certificateToPem(cert),
    privateKeyPem: forge.pki.privateKeyToPem(key),
  }
}
