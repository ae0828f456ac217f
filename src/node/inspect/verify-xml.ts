/**
 * XML signature verification with xml-crypto (6.0.1 or later: earlier versions have
 * signature-bypass advisories) against the snapshot's certificates: each distinct
 * certificate is tried in turn, and every candidate holding the one that verifies is named.
 * xml-crypto checks the references' digests before the signature value, so a digest that
 * does not match means the content changed after signing, whatever the key; a signature
 * value that no certificate verifies means another key signed it, and the certificate the
 * message carries in KeyInfo (never trusted, only read) tells which.
 *
 * On success the values are read from what xml-crypto returns as signed
 * (`getSignedReferences`), never from the document around it.
 */
import { X509Certificate, createHash } from 'node:crypto'
import { SignedXml } from 'xml-crypto'
import type { CandidateRef, SignatureCheck, SigningCandidate } from '../../shared/inspect/artefact'
import { keyInfoCertificate, signatureAlgorithms } from './saml'
import type { XmlElement } from './xml'

/** A certificate as PEM, from base64 DER. */
export function certificatePem(base64Der: string): string {
  const body = base64Der
    .replace(/\s+/g, '')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '')
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`
}

/** Distinct certificates of the candidates, each with every candidate that holds it. */
export function certificateGroups(
  candidates: readonly SigningCandidate[],
): { der: string; refs: CandidateRef[] }[] {
  const groups = new Map<string, { der: string; refs: CandidateRef[] }>()
  for (const c of candidates) {
    if (!c.x5c) continue
    const der = c.x5c.replace(/\s+/g, '')
    const group = groups.get(der) ?? { der, refs: [] }
    group.refs.push({ id: c.id, kind: c.kind, label: c.label })
    groups.set(der, group)
  }
  return [...groups.values()]
}

/** What one certificate makes of one signature. */
type Outcome =
  | { result: 'verified'; signed: string[] }
  | { result: 'wrong-key' }
  | { result: 'tampered' }
  | { result: 'error'; reason: string }

function tryCertificate(xml: string, signature: XmlElement, pem: string): Outcome {
  const verifier = new SignedXml({
    publicCert: pem,
    // KeyInfo is the signer's claim, not the relying party's trust: never used to verify
    getCertFromKeyInfo: () => null,
    // SAML 1.1 assertions carry their ID in AssertionID
    idAttribute: 'AssertionID',
  })
  try {
    verifier.loadSignature(signature as never)
    const ok = verifier.checkSignature(xml)
    return ok
      ? { result: 'verified', signed: verifier.getSignedReferences() }
      : { result: 'tampered' }
  } catch (error) {
    const message = error instanceof Error ? error.message : ''
    if (/signature value .* is incorrect/.test(message)) return { result: 'wrong-key' }
    if (/not supported/.test(message))
      return {
        result: 'error',
        reason: 'The signature uses an algorithm Crosswalk does not accept.',
      }
    return { result: 'error', reason: 'The signature could not be checked: it is malformed.' }
  }
}

/** The embedded certificate's description (thumbprint, subject, expiry), when it parses. */
function describeEmbedded(
  base64Der: string,
): { thumbprint: string; subject?: string; notAfter?: string } | undefined {
  try {
    const der = Buffer.from(base64Der, 'base64')
    const cert = new X509Certificate(der)
    const cn = /CN=([^\n,]+)/.exec(cert.subject)?.[1]
    return {
      thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
      ...(cn ? { subject: cn } : {}),
      notAfter: new Date(cert.validTo).toISOString(),
    }
  } catch {
    return undefined
  }
}

/** The result of {@link verifyXmlSignature}: the check, and the signed XML when verified. */
export interface XmlVerification {
  check: SignatureCheck
  /** the canonical XML of the signed element, as xml-crypto verified it */
  signedXml?: string
}

/**
 * Verifies `signature` (a `ds:Signature` element of the parsed `xml`) against the
 * candidates' certificates. `signedPart` says what it signs.
 */
export function verifyXmlSignature(
  xml: string,
  signature: XmlElement,
  signedPart: 'assertion' | 'response',
  candidates: readonly SigningCandidate[],
): XmlVerification {
  const groups = certificateGroups(candidates)
  const tried = groups.flatMap((g) => g.refs)
  const base = { signedPart, ...signatureAlgorithms(signature), matched: [], tried }
  const embeddedDer = keyInfoCertificate(signature)
  const embeddedInfo = embeddedDer ? describeEmbedded(embeddedDer) : undefined
  for (const group of groups) {
    const outcome = tryCertificate(xml, signature, certificatePem(group.der))
    if (outcome.result === 'verified')
      return {
        check: {
          ...base,
          status: 'verified',
          matched: group.refs,
          ...embedded(embeddedInfo, true),
        },
        signedXml: pickSigned(outcome.signed),
      }
    if (outcome.result === 'tampered')
      return {
        check: {
          ...base,
          status: 'tampered',
          ...embedded(embeddedInfo, undefined),
          detail:
            'The digest of the signed content does not match the one signed: the message was changed after it was signed.',
        },
      }
    if (outcome.result === 'error')
      return { check: { ...base, status: 'unsupported', detail: outcome.reason } }
  }
  // no candidate verified it: does the certificate the message carries?
  let verifies: boolean | undefined
  let tampered = false
  if (embeddedDer && embeddedInfo) {
    const outcome = tryCertificate(xml, signature, certificatePem(embeddedDer))
    verifies = outcome.result === 'verified'
    tampered = outcome.result === 'tampered'
  }
  if (tampered)
    return {
      check: {
        ...base,
        status: 'tampered',
        ...embedded(embeddedInfo, false),
        detail:
          'The digest of the signed content does not match the one signed: the message was changed after it was signed.',
      },
    }
  if (groups.length === 0)
    return {
      check: {
        ...base,
        status: 'no-candidates',
        ...embedded(embeddedInfo, verifies),
        detail: 'The snapshot holds no certificate to check this signature against.',
      },
    }
  return {
    check: {
      ...base,
      status: 'no-match',
      ...embedded(embeddedInfo, verifies),
      detail: verifies
        ? 'The message was signed with the certificate it carries, which is none of the certificates the configuration holds.'
        : 'None of the certificates the configuration holds verifies the signature.',
    },
  }
}

function embedded(
  info: { thumbprint: string; subject?: string; notAfter?: string } | undefined,
  verifies: boolean | undefined,
): Pick<SignatureCheck, 'embedded'> {
  if (!info) return {}
  return { embedded: { ...info, ...(verifies !== undefined ? { verifies } : {}) } }
}

function pickSigned(signed: readonly string[]): string | undefined {
  // one reference is required (saml.ts refuses more), so the signed element is the only one
  return signed.length === 1 ? signed[0] : undefined
}
