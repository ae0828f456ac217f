/** A self-signed certificate and key made with node-forge for certificate-credential tests. */
import forge from 'node-forge'

export interface TestCertificate {
  certificatePem: string
  privateKeyPem: string
  der: Buffer
  pfx: (password: string) => Buffer
}

export function makeCertificate(notAfter = new Date('2030-01-01T00:00:00Z')): TestCertificate {
  const keys = forge.pki.rsa.generateKeyPair(2048)
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = '0a'
  cert.validity.notBefore = new Date('2024-01-01T00:00:00Z')
  cert.validity.notAfter = notAfter
  const attrs = [{ name: 'commonName', value: 'crosswalk-reader' }]
  cert.setSubject(attrs)
  cert.setIssuer(attrs)
  cert.sign(keys.privateKey, forge.md.sha256.create())
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary')
  return {
    certificatePem: forge.pki.certificateToPem(cert),
    privateKeyPem: forge.pki.privateKeyToPem(keys.privateKey),
    der,
    pfx: (password) =>
      Buffer.from(
        forge.asn1
          .toDer(
            forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], password, { algorithm: '3des' }),
          )
          .getBytes(),
        'binary',
      ),
  }
}
