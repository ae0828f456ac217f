/**
 * A certificate authority generated per run, and the certificates the emulator serves and
 * signs with. RSA keys come from node:crypto (fast, native); node-forge only builds the X.509
 * structures.
 */
import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto'
import forge from 'node-forge'

export interface KeyAndCert {
  keyPem: string
  certPem: string
  key: KeyObject
  /** base64 DER of the certificate */
  certDer: string
}

export interface RunCertificates {
  ca: KeyAndCert
  /** TLS certificate for localhost and 127.0.0.1, issued by the CA */
  server: KeyAndCert
}

function rsaKey(bits = 2048): { keyPem: string; key: KeyObject } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits })
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  return { keyPem, key: createPrivateKey(keyPem) }
}

function serial(): string {
  // a positive serial: clear the top bit
  const bytes = randomBytes(16)
  bytes[0] = (bytes[0] ?? 0) & 0x7f
  return bytes.toString('hex')
}

interface CertRequest {
  commonName: string
  days: number
  ca: boolean
  sans?: { dns?: string[]; ip?: string[] }
  issuer?: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey }
  notBefore?: Date
}

function buildCert(req: CertRequest, keyPem: string): forge.pki.Certificate {
  const forgeKey = forge.pki.privateKeyFromPem(keyPem)
  const publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e)
  const cert = forge.pki.createCertificate()
  cert.publicKey = publicKey
  cert.serialNumber = serial()
  const notBefore = req.notBefore ?? new Date(Date.now() - 60 * 60 * 1000)
  cert.validity.notBefore = notBefore
  cert.validity.notAfter = new Date(notBefore.getTime() + req.days * 86400 * 1000)
  const subject = [{ name: 'commonName', value: req.commonName }]
  cert.setSubject(subject)
  cert.setIssuer(req.issuer ? req.issuer.cert.subject.attributes : subject)
  const extensions: object[] = [
    { name: 'basicConstraints', cA: req.ca, critical: req.ca },
    req.ca
      ? {
          name: 'keyUsage',
          keyCertSign: true,
          cRLSign: true,
          digitalSignature: true,
          critical: true,
        }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]
  if (!req.ca) extensions.push({ name: 'extKeyUsage', serverAuth: true, clientAuth: true })
  if (req.sans) {
    const altNames = [
      ...(req.sans.dns ?? []).map((value) => ({ type: 2, value })),
      ...(req.sans.ip ?? []).map((ip) => ({ type: 7, ip })),
    ]
    extensions.push({ name: 'subjectAltName', altNames })
  }
  cert.setExtensions(extensions)
  cert.sign(req.issuer?.key ?? forgeKey, forge.md.sha256.create())
  return cert
}

function toKeyAndCert(cert: forge.pki.Certificate, keyPem: string, key: KeyObject): KeyAndCert {
  const certPem = forge.pki.certificateToPem(cert)
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes()
  return { keyPem, key, certPem, certDer: forge.util.encode64(der) }
}

/** A self-signed certificate (for app credentials and signing keys). */
export function selfSignedCertificate(
  commonName: string,
  days = 365,
  notBefore?: Date,
): KeyAndCert {
  const { keyPem, key } = rsaKey()
  const cert = buildCert({ commonName, days, ca: false, notBefore }, keyPem)
  return toKeyAndCert(cert, keyPem, key)
}

/** Generates the run's CA and a localhost server certificate issued by it. */
export function generateRunCertificates(): RunCertificates {
  const caKey = rsaKey()
  const caCert = buildCert(
    { commonName: 'Crosswalk Emulator Test CA', days: 30, ca: true },
    caKey.keyPem,
  )
  const serverKey = rsaKey()
  const serverCert = buildCert(
    {
      commonName: 'localhost',
      days: 30,
      ca: false,
      sans: { dns: ['localhost'], ip: ['127.0.0.1'] },
      issuer: { cert: caCert, key: forge.pki.privateKeyFromPem(caKey.keyPem) },
    },
    serverKey.keyPem,
  )
  return {
    ca: toKeyAndCert(caCert, caKey.keyPem, caKey.key),
    server: toKeyAndCert(serverCert, serverKey.keyPem, serverKey.key),
  }
}

/** base64 DER of the first certificate in a PEM. */
export function pemToDer(pem: string): Buffer {
  const body = /-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/.exec(pem)?.[1]
  if (!body) throw new Error('no certificate in PEM')
  return Buffer.from(body.replace(/\s+/g, ''), 'base64')
}

/** Certificate thumbprints as Entra and JOSE spell them. */
export function thumbprints(certPem: string): { sha1Hex: string; x5t: string; x5tS256: string } {
  const der = pemToDer(certPem)
  const sha1 = createHash('sha1').update(der).digest()
  const sha256 = createHash('sha256').update(der).digest()
  return {
    sha1Hex: sha1.toString('hex').toUpperCase(),
    x5t: sha1.toString('base64url'),
    x5tS256: sha256.toString('base64url'),
  }
}
