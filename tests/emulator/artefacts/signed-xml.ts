/**
 * Enveloped XML signatures, built by hand: the emulator writes the signed element directly in
 * its exclusive canonical form (one namespace prefix declared on the element itself,
 * attributes in canonical order, canonical escaping, explicit end tags, no whitespace between
 * elements), digests those bytes, builds `SignedInfo` in canonical form and signs it with
 * node:crypto. Crosswalk verifies with xml-crypto, a different implementation: the two can
 * only agree if both follow Exclusive XML Canonicalization and XML-DSig.
 *
 * https://www.w3.org/TR/xml-exc-c14n/ · https://www.w3.org/TR/xmldsig-core1/
 */
import { createHash, createSign, type KeyObject } from 'node:crypto'

export const DS = 'http://www.w3.org/2000/09/xmldsig#'
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#'
export const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature'
export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'
export const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256'

/** An element: `name` with its prefix, attributes (namespace declarations included), children. */
export interface El {
  name: string
  attrs: Record<string, string>
  children: (El | string)[]
}

export function el(
  name: string,
  attrs: Record<string, string> = {},
  ...children: (El | string | undefined)[]
): El {
  return { name, attrs, children: children.filter((c): c is El | string => c !== undefined) }
}

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#xD;')
}

function escapeAttr(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;')
}

/**
 * Canonical attribute order: namespace declarations by prefix (the default one first), then
 * attributes by namespace URI and local name. Only unprefixed attributes are written here,
 * whose namespace URI is empty, so they sort by name.
 */
function orderedAttrs(attrs: Record<string, string>): [string, string][] {
  const entries = Object.entries(attrs)
  const ns = entries.filter(([k]) => k === 'xmlns' || k.startsWith('xmlns:'))
  const plain = entries.filter(([k]) => !(k === 'xmlns' || k.startsWith('xmlns:')))
  const byCodePoint = (a: [string, string], b: [string, string]): number =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0
  ns.sort((a, b) => (a[0] === 'xmlns' ? -1 : b[0] === 'xmlns' ? 1 : byCodePoint(a, b)))
  plain.sort(byCodePoint)
  return [...ns, ...plain]
}

/** Serialises an element in canonical form (the caller keeps to the one-prefix rule). */
export function canonical(node: El | string): string {
  if (typeof node === 'string') return escapeText(node)
  const attrs = orderedAttrs(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('')
  return `<${node.name}${attrs}>${node.children.map(canonical).join('')}</${node.name}>`
}

/** Signing material: the private key and the certificate (base64 DER) published in KeyInfo. */
export interface Signer {
  privateKey: KeyObject
  certificateDer: string
}

/**
 * Signs `element` (whose ID attribute is `idAttr`) with an enveloped signature, inserted as
 * child number `at` (SAML 2.0: after Issuer; SAML 1.1: last). Returns the signed element's XML.
 */
export function signEnveloped(element: El, idAttr: string, at: number, signer: Signer): string {
  const id = element.attrs[idAttr]
  if (!id) throw new Error(`the element to sign has no ${idAttr}`)
  const digest = createHash('sha256').update(canonical(element)).digest('base64')
  const signedInfo = (declare: boolean) =>
    el(
      'ds:SignedInfo',
      declare ? { 'xmlns:ds': DS } : {},
      el('ds:CanonicalizationMethod', { Algorithm: EXC_C14N }),
      el('ds:SignatureMethod', { Algorithm: RSA_SHA256 }),
      el(
        'ds:Reference',
        { URI: `#${id}` },
        el(
          'ds:Transforms',
          {},
          el('ds:Transform', { Algorithm: ENVELOPED }),
          el('ds:Transform', { Algorithm: EXC_C14N }),
        ),
        el('ds:DigestMethod', { Algorithm: SHA256 }),
        el('ds:DigestValue', {}, digest),
      ),
    )
  // SignedInfo is canonicalised on its own, so the ds declaration it inherits is rendered on it
  const value = createSign('RSA-SHA256')
    .update(canonical(signedInfo(true)))
    .sign(signer.privateKey)
    .toString('base64')
  const signature = el(
    'ds:Signature',
    { 'xmlns:ds': DS },
    signedInfo(false),
    el('ds:SignatureValue', {}, value),
    el(
      'ds:KeyInfo',
      {},
      el('ds:X509Data', {}, el('ds:X509Certificate', {}, signer.certificateDer)),
    ),
  )
  const children = [...element.children]
  children.splice(at < 0 ? children.length : at, 0, signature)
  return canonical({ ...element, children })
}
