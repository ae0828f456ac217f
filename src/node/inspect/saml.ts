/**
 * Reads a parsed SAML 2.0 Response, WS-Federation RSTR (with its SAML 1.1 assertion), bare
 * assertion or AuthnRequest into the inspector's shapes, and checks its structure against
 * signature wrapping before any signature is verified:
 *
 * - exactly one assertion in the whole document, where its container puts it;
 * - every `ds:Signature` a direct child of the element it signs, with one reference whose
 *   URI is that element's own ID;
 * - no ID value used twice.
 *
 * A message that breaks one of these is refused: a genuine IdP never produces it, and it is
 * the shape of every known wrapping attack (a signed assertion moved aside and an unsigned
 * one put where the relying party reads).
 */
import type { SamlAssertion, SamlAttribute } from '../../shared/inspect/artefact'
import {
  type XmlDocument,
  type XmlElement,
  XmlRefusedError,
  allElements,
  attr,
  child,
  childElements,
  children,
  descendants,
  textOf,
} from './xml'

export const NS = {
  saml2: 'urn:oasis:names:tc:SAML:2.0:assertion',
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
  saml1: 'urn:oasis:names:tc:SAML:1.0:assertion',
  trust2005: 'http://schemas.xmlsoap.org/ws/2005/02/trust',
  trust13: 'http://docs.oasis-open.org/ws-sx/ws-trust/200512',
  wsp: 'http://schemas.xmlsoap.org/ws/2004/09/policy',
  wsa: 'http://www.w3.org/2005/08/addressing',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
} as const

const TRUST: readonly string[] = [NS.trust2005, NS.trust13]

/** What a parsed document is. */
export type SamlShape =
  | {
      kind: 'saml'
      container: 'response' | 'wsfed' | 'assertion'
      assertion: XmlElement
      response?: XmlElement
      rstr?: XmlElement
    }
  | { kind: 'authn-request'; request: XmlElement }

/** Says what the document is, or refuses it (wrapping shapes, encrypted or other messages). */
export function samlShape(doc: XmlDocument): SamlShape {
  const root = doc.documentElement
  if (!root) throw new XmlRefusedError('The XML has no root element.', false)
  const assertions = [
    ...descendants(doc, NS.saml2, 'Assertion'),
    ...descendants(doc, NS.saml1, 'Assertion'),
  ]
  if (root.namespaceURI === NS.samlp && root.localName === 'AuthnRequest') {
    if (assertions.length > 0) throw wrapping('An AuthnRequest that carries an assertion')
    checkSignatures(doc)
    return { kind: 'authn-request', request: root }
  }
  if (assertions.length > 1)
    throw wrapping(`The message holds ${assertions.length} assertions where one is expected`)
  const assertion = assertions[0]
  if (!assertion) {
    const encrypted = descendants(doc, NS.saml2, 'EncryptedAssertion').length > 0
    throw new XmlRefusedError(
      encrypted
        ? "The assertion is encrypted for its relying party; Crosswalk cannot read it (Entra's domain federation does not use encrypted assertions)."
        : `The XML is a ${root.localName}, not a SAML response, WS-Federation result or assertion.`,
      false,
    )
  }
  let shape: SamlShape
  if (root === assertion) shape = { kind: 'saml', container: 'assertion', assertion }
  else if (root.namespaceURI === NS.samlp && root.localName === 'Response') {
    if (assertion.parentNode !== root)
      throw wrapping('The assertion is not a child of the response')
    shape = { kind: 'saml', container: 'response', assertion, response: root }
  } else {
    const rstr = findRstr(root)
    const holder = assertion.parentNode as XmlElement | null
    if (
      !rstr ||
      !holder ||
      !TRUST.includes(holder.namespaceURI ?? '') ||
      holder.localName !== 'RequestedSecurityToken' ||
      holder.parentNode !== rstr
    )
      throw wrapping('The assertion is not where a WS-Federation result carries it')
    shape = { kind: 'saml', container: 'wsfed', assertion, rstr }
  }
  checkSignatures(doc)
  return shape
}

function findRstr(root: XmlElement): XmlElement | undefined {
  if (TRUST.includes(root.namespaceURI ?? '') && root.localName === 'RequestSecurityTokenResponse')
    return root
  if (
    TRUST.includes(root.namespaceURI ?? '') &&
    root.localName === 'RequestSecurityTokenResponseCollection'
  ) {
    const list = childElements(root).filter((e) => e.localName === 'RequestSecurityTokenResponse')
    return list.length === 1 ? list[0] : undefined
  }
  return undefined
}

function wrapping(what: string): XmlRefusedError {
  return new XmlRefusedError(
    `${what}: the shape of a signature-wrapping attack. Crosswalk refuses the message.`,
    true,
  )
}

/** The ID attribute of an element that a signature may reference. */
export function idOf(element: XmlElement): string | undefined {
  return attr(element, 'ID') ?? attr(element, 'AssertionID') ?? attr(element, 'Id')
}

/** Signatures must be enveloped in the element they sign, with one reference to its ID; IDs unique. */
function checkSignatures(doc: XmlDocument): void {
  const seen = new Set<string>()
  for (const e of allElements(doc)) {
    for (const name of ['ID', 'AssertionID', 'Id', 'id']) {
      const value = attr(e, name)
      if (value === undefined) continue
      if (seen.has(value)) throw wrapping(`Two elements share the ID "${value.slice(0, 40)}"`)
      seen.add(value)
    }
  }
  for (const signature of descendants(doc, NS.ds, 'Signature')) {
    const parent = signature.parentNode as XmlElement | null
    const id = parent && parent.nodeType === 1 ? idOf(parent) : undefined
    const references = descendants(signature, NS.ds, 'Reference')
    if (references.length !== 1)
      throw wrapping(`A signature with ${references.length} references where one is expected`)
    const uri = attr(references[0], 'URI')
    if (!id || uri !== `#${id}`)
      throw wrapping('A signature that covers another element than the one that carries it')
  }
}

/** The `ds:Signature` enveloped in an element (its direct child), if any. */
export function envelopedSignature(element: XmlElement | undefined): XmlElement | undefined {
  return child(element, NS.ds, 'Signature')
}

/** Signature and digest algorithms of a `ds:Signature`. */
export function signatureAlgorithms(signature: XmlElement): {
  algorithm?: string
  digestAlgorithm?: string
} {
  const signedInfo = child(signature, NS.ds, 'SignedInfo')
  const algorithm = attr(child(signedInfo, NS.ds, 'SignatureMethod'), 'Algorithm')
  const reference = child(signedInfo, NS.ds, 'Reference')
  const digestAlgorithm = attr(child(reference, NS.ds, 'DigestMethod'), 'Algorithm')
  return {
    ...(algorithm ? { algorithm } : {}),
    ...(digestAlgorithm ? { digestAlgorithm } : {}),
  }
}

/** The certificate a signature carries in `KeyInfo/X509Data/X509Certificate`, base64. */
export function keyInfoCertificate(signature: XmlElement): string | undefined {
  const keyInfo = child(signature, NS.ds, 'KeyInfo')
  const data = child(keyInfo, NS.ds, 'X509Data')
  return textOf(child(data, NS.ds, 'X509Certificate'))?.replace(/\s+/g, '')
}

const opt = <K extends string>(key: K, value: string | undefined): { [P in K]?: string } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: string }

/** Reads a SAML 2.0 or SAML 1.1 assertion element. */
export function readAssertion(assertion: XmlElement): SamlAssertion {
  return assertion.namespaceURI === NS.saml1 ? readSaml11(assertion) : readSaml2(assertion)
}

function readSaml2(a: XmlElement): SamlAssertion {
  const ns = NS.saml2
  const subject = child(a, ns, 'Subject')
  const nameId = child(subject, ns, 'NameID')
  const conditions = child(a, ns, 'Conditions')
  const authn = child(a, ns, 'AuthnStatement')
  const nameIdValue = textOf(nameId)
  return {
    version: '2.0',
    ...opt('id', attr(a, 'ID')),
    ...opt('issuer', textOf(child(a, ns, 'Issuer'))),
    ...opt('issueInstant', attr(a, 'IssueInstant')),
    ...(nameIdValue !== undefined
      ? { nameId: { value: nameIdValue, ...opt('format', attr(nameId, 'Format')) } }
      : {}),
    subjectConfirmations: children(subject, ns, 'SubjectConfirmation').map((c) => {
      const data = child(c, ns, 'SubjectConfirmationData')
      return {
        ...opt('method', attr(c, 'Method')),
        ...opt('recipient', attr(data, 'Recipient')),
        ...opt('notOnOrAfter', attr(data, 'NotOnOrAfter')),
        ...opt('inResponseTo', attr(data, 'InResponseTo')),
      }
    }),
    conditions: {
      ...opt('notBefore', attr(conditions, 'NotBefore')),
      ...opt('notOnOrAfter', attr(conditions, 'NotOnOrAfter')),
      audiences: children(conditions, ns, 'AudienceRestriction').flatMap((r) =>
        children(r, ns, 'Audience')
          .map((x) => textOf(x))
          .filter((x): x is string => x !== undefined),
      ),
    },
    attributes: children(a, ns, 'AttributeStatement').flatMap((s) =>
      children(s, ns, 'Attribute').map((at): SamlAttribute => ({
        name: attr(at, 'Name') ?? '',
        ...opt('nameFormat', attr(at, 'NameFormat')),
        values: attributeValues(at, ns),
      })),
    ),
    ...(authn
      ? {
          authn: {
            ...opt('instant', attr(authn, 'AuthnInstant')),
            ...opt(
              'context',
              textOf(child(child(authn, ns, 'AuthnContext'), ns, 'AuthnContextClassRef')),
            ),
            ...opt('sessionIndex', attr(authn, 'SessionIndex')),
          },
        }
      : {}),
  }
}

function readSaml11(a: XmlElement): SamlAssertion {
  const ns = NS.saml1
  const conditions = child(a, ns, 'Conditions')
  const statements = [
    ...children(a, ns, 'AttributeStatement'),
    ...children(a, ns, 'AuthenticationStatement'),
  ]
  const subject = statements.map((s) => child(s, ns, 'Subject')).find((s) => s !== undefined)
  const nameId = child(subject, ns, 'NameIdentifier')
  const authn = child(a, ns, 'AuthenticationStatement')
  const nameIdValue = textOf(nameId)
  return {
    version: '1.1',
    ...opt('id', attr(a, 'AssertionID')),
    ...opt('issuer', attr(a, 'Issuer')),
    ...opt('issueInstant', attr(a, 'IssueInstant')),
    ...(nameIdValue !== undefined
      ? { nameId: { value: nameIdValue, ...opt('format', attr(nameId, 'Format')) } }
      : {}),
    subjectConfirmations: children(subject, ns, 'SubjectConfirmation').map((c) =>
      opt('method', textOf(child(c, ns, 'ConfirmationMethod'))),
    ),
    conditions: {
      ...opt('notBefore', attr(conditions, 'NotBefore')),
      ...opt('notOnOrAfter', attr(conditions, 'NotOnOrAfter')),
      audiences: children(conditions, ns, 'AudienceRestrictionCondition').flatMap((r) =>
        children(r, ns, 'Audience')
          .map((x) => textOf(x))
          .filter((x): x is string => x !== undefined),
      ),
    },
    attributes: children(a, ns, 'AttributeStatement').flatMap((s) =>
      children(s, ns, 'Attribute').map((at): SamlAttribute => ({
        name: attr(at, 'AttributeName') ?? '',
        ...opt('namespace', attr(at, 'AttributeNamespace')),
        values: attributeValues(at, ns),
      })),
    ),
    ...(authn
      ? {
          authn: {
            ...opt('instant', attr(authn, 'AuthenticationInstant')),
            ...opt('context', attr(authn, 'AuthenticationMethod')),
          },
        }
      : {}),
  }
}

function attributeValues(attribute: XmlElement, ns: string): string[] {
  return children(attribute, ns, 'AttributeValue').map((v) => v.textContent?.trim() ?? '')
}

/** The response around a SAML 2.0 assertion: issuer, destination, status. */
export function readResponse(response: XmlElement) {
  const status = child(response, NS.samlp, 'Status')
  const code = child(status, NS.samlp, 'StatusCode')
  return {
    ...opt('id', attr(response, 'ID')),
    ...opt('issuer', textOf(child(response, NS.saml2, 'Issuer'))),
    ...opt('destination', attr(response, 'Destination')),
    ...opt('inResponseTo', attr(response, 'InResponseTo')),
    ...opt('status', attr(code, 'Value')),
    ...opt('statusMessage', textOf(child(status, NS.samlp, 'StatusMessage'))),
  }
}

/** The WS-Trust parts of an RSTR: what it applies to and its lifetime. */
export function readRstr(rstr: XmlElement) {
  const trust = rstr.namespaceURI ?? NS.trust2005
  const lifetime = child(rstr, trust, 'Lifetime')
  const appliesTo = child(rstr, NS.wsp, 'AppliesTo')
  const endpoint = appliesTo ? childElements(appliesTo)[0] : undefined
  const address = endpoint
    ? childElements(endpoint).find((e) => e.localName === 'Address')
    : undefined
  return {
    ...opt('appliesTo', textOf(address)),
    ...opt('created', textOf(child(lifetime, NS.wsu, 'Created'))),
    ...opt('expires', textOf(child(lifetime, NS.wsu, 'Expires'))),
  }
}

/** An AuthnRequest's fields. */
export function readAuthnRequest(request: XmlElement) {
  return {
    ...opt('id', attr(request, 'ID')),
    ...opt('issuer', textOf(child(request, NS.saml2, 'Issuer'))),
    ...opt('destination', attr(request, 'Destination')),
    ...opt('assertionConsumerServiceUrl', attr(request, 'AssertionConsumerServiceURL')),
    ...opt('nameIdPolicyFormat', attr(child(request, NS.samlp, 'NameIDPolicy'), 'Format')),
  }
}
