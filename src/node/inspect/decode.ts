/**
 * From a carried value to an artefact: base64 (strict), the redirect binding's raw DEFLATE
 * (with an output ceiling, so a deflate bomb stops at {@link MAX_XML_BYTES}), UTF-8 (fatal),
 * then safe XML, the wrapping checks and signature verification; JWTs through `jwt.ts`; OIDC
 * and WS-Federation requests and errors from their parameters.
 */
import { inflateRawSync } from 'node:zlib'
import {
  MAX_XML_BYTES,
  type Artefact,
  type AuthorizeArtefact,
  type ErrorArtefact,
  type SamlArtefact,
  type SigningCandidate,
  type WsFedRequestArtefact,
} from '../../shared/inspect/artefact'
import type { Carried } from './carriers'
import { endpointOf } from './carriers'
import { JWT_PATTERN, JwtUnreadableError, inspectJwt } from './jwt'
import {
  NS,
  envelopedSignature,
  readAssertion,
  readAuthnRequest,
  readResponse,
  readRstr,
  samlShape,
  signatureAlgorithms,
} from './saml'
import { verifyXmlSignature } from './verify-xml'
import { XmlRefusedError, descendants, parseXml } from './xml'

/** A value Crosswalk could not turn into a message. */
export class DecodeError extends Error {
  constructor(
    message: string,
    readonly hostile: boolean,
  ) {
    super(message)
    this.name = 'DecodeError'
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** Strict base64 (whitespace ignored): bytes, or undefined when it is not base64. */
export function strictBase64(text: string): Buffer | undefined {
  const clean = text.replace(/\s+/g, '')
  if (!clean || clean.length % 4 === 1 || !BASE64.test(clean)) return undefined
  return Buffer.from(clean, 'base64')
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function text(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes)
  } catch {
    return undefined
  }
}

/** Raw DEFLATE (the SAML redirect binding), stopped at the XML ceiling. */
export function inflateBounded(bytes: Uint8Array, max = MAX_XML_BYTES): Buffer {
  try {
    return inflateRawSync(bytes, { maxOutputLength: max })
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new DecodeError(
        `The compressed message expands beyond ${max / 1024} KiB; Crosswalk stops there (a deflate bomb?).`,
        true,
      )
    throw new DecodeError('The message is not valid DEFLATE data.', false)
  }
}

/** XML from a carried SAML value: base64, and raw DEFLATE when the binding (or the bytes) say so. */
export function xmlFromBase64(value: string, deflated: boolean): string {
  const bytes = strictBase64(value)
  if (!bytes) throw new DecodeError('The value is not base64.', false)
  if (bytes.length > MAX_XML_BYTES)
    throw new DecodeError(`The message is larger than ${MAX_XML_BYTES / 1024} KiB.`, true)
  const plain = text(bytes)
  if (plain !== undefined && /^\s*</.test(plain)) return plain
  if (!deflated) throw new DecodeError('The decoded value is not XML.', false)
  const inflated = text(inflateBounded(bytes))
  if (inflated === undefined || !/^\s*</.test(inflated))
    throw new DecodeError('The decoded value is not XML.', false)
  return inflated
}

/** A SAML or WS-Federation message (or an AuthnRequest) from its XML. */
export function xmlArtefact(xml: string, candidates: readonly SigningCandidate[]): Artefact {
  const doc = parseXml(xml)
  const shape = samlShape(doc)
  if (shape.kind === 'authn-request')
    return { kind: 'authn-request', ...readAuthnRequest(shape.request), xml }
  const own = envelopedSignature(shape.assertion)
  const outer = own ? undefined : envelopedSignature(shape.response)
  const signature = own ?? outer
  let assertion = readAssertion(shape.assertion)
  let check: SamlArtefact['signature']
  if (!signature) {
    check = {
      status: 'unsigned',
      matched: [],
      tried: [],
      detail: 'Neither the assertion nor the response carries a signature.',
    }
  } else {
    const part = own ? 'assertion' : 'response'
    const verified = verifyXmlSignature(xml, signature, part, candidates)
    check = verified.check
    if (verified.check.status === 'verified') {
      if (!verified.signedXml)
        throw new XmlRefusedError(
          'The signature verified, but what it signs could not be read.',
          true,
        )
      assertion = signedAssertion(verified.signedXml, part)
    } else if (!check.algorithm) {
      check = { ...check, ...signatureAlgorithms(signature) }
    }
  }
  return {
    kind: 'saml',
    container: shape.container,
    assertion,
    ...(shape.response ? { response: readResponse(shape.response) } : {}),
    ...(shape.rstr ? { wsfed: readRstr(shape.rstr) } : {}),
    signature: check,
    xml,
  }
}

/** The assertion as signed: read from the canonical XML xml-crypto verified, never the document. */
function signedAssertion(signedXml: string, part: 'assertion' | 'response') {
  const doc = parseXml(signedXml)
  const root = doc.documentElement
  const found = [
    ...descendants(doc, NS.saml2, 'Assertion'),
    ...descendants(doc, NS.saml1, 'Assertion'),
  ]
  const element = part === 'assertion' ? root : found.length === 1 ? found[0] : undefined
  if (!element || (part === 'assertion' && found.length !== 1))
    throw new XmlRefusedError('What the signature covers is not one assertion.', true)
  return readAssertion(element)
}

function param(params: ReadonlyMap<string, string>, name: string): { [k: string]: string } {
  const value = params.get(name)
  return value ? { [name]: value } : {}
}

/** An authorize request's parameters. */
export function authorizeArtefact(
  url: URL,
  params: ReadonlyMap<string, string>,
): AuthorizeArtefact {
  const tenant = /^\/([^/]+)\/oauth2\//i.exec(url.pathname)?.[1]
  const get = (name: string) => params.get(name) || undefined
  const scope = get('scope')
  const out: AuthorizeArtefact = {
    kind: 'authorize',
    endpoint: endpointOf(url),
    scopes: scope ? scope.split(/\s+/).filter(Boolean) : [],
  }
  if (tenant) out.tenant = decodeURIComponent(tenant)
  const fields: [keyof AuthorizeArtefact, string][] = [
    ['clientId', 'client_id'],
    ['redirectUri', 'redirect_uri'],
    ['responseType', 'response_type'],
    ['responseMode', 'response_mode'],
    ['prompt', 'prompt'],
    ['loginHint', 'login_hint'],
    ['domainHint', 'domain_hint'],
  ]
  for (const [key, name] of fields) {
    const value = get(name)
    if (value) (out as Record<string, unknown>)[key] = value
  }
  return out
}

/** An error sent back on a redirect, with the AADSTS and Okta codes its description names. */
export function errorArtefact(
  endpoint: string,
  params: ReadonlyMap<string, string>,
): ErrorArtefact {
  const description = params.get('error_description') || undefined
  const codes = [...(description ?? '').matchAll(/AADSTS(\d{4,8})/g)].map((m) => m[1] ?? '')
  const okta = [...(description ?? '').matchAll(/\b(E0{3,}\d+)\b/g)].map((m) => m[1] ?? '')
  return {
    kind: 'error',
    endpoint,
    error: params.get('error') ?? '',
    ...(description ? { description } : {}),
    aadsts: [...new Set(codes)],
    okta: [...new Set(okta)],
  }
}

/** A WS-Federation sign-in request's parameters. */
export function wsFedRequestArtefact(
  endpoint: string,
  params: ReadonlyMap<string, string>,
): WsFedRequestArtefact {
  const p = (name: string) => param(params, name)
  return {
    kind: 'wsfed-request',
    endpoint,
    ...(p('wa').wa ? { action: p('wa').wa } : {}),
    ...(p('wtrealm').wtrealm ? { realm: p('wtrealm').wtrealm } : {}),
    ...(p('wreply').wreply ? { reply: p('wreply').wreply } : {}),
    ...(p('whr').whr ? { homeRealm: p('whr').whr } : {}),
  }
}

/** What each carried kind is called when it cannot be read. */
function whatOf(carried: Carried): string {
  switch (carried.type) {
    case 'saml':
      return carried.what
    case 'wsfed-result':
      return 'WS-Federation result'
    case 'jwt':
      return carried.what
    case 'authorize':
      return 'authorize request'
    case 'error':
      return 'error redirect'
    case 'wsfed-request':
      return 'WS-Federation request'
  }
}

/** Decodes one carried message; a refusal becomes an `unreadable` artefact, never a throw. */
export async function decodeCarried(
  carried: Carried,
  candidates: readonly SigningCandidate[],
): Promise<Artefact> {
  try {
    switch (carried.type) {
      case 'saml':
        return xmlArtefact(xmlFromBase64(carried.value, carried.deflated), candidates)
      case 'wsfed-result':
        return xmlArtefact(carried.value, candidates)
      case 'jwt':
        if (!JWT_PATTERN.test(carried.value.trim()))
          throw new DecodeError('The value is not a compact JWT.', false)
        return await inspectJwt(carried.value.trim(), candidates)
      case 'authorize':
        return authorizeArtefact(carried.url, carried.params)
      case 'error':
        return errorArtefact(carried.endpoint, carried.params)
      case 'wsfed-request':
        return wsFedRequestArtefact(carried.endpoint, carried.params)
    }
  } catch (error) {
    return unreadable(whatOf(carried), error)
  }
}

/** The artefact for a message that could not be read; unknown errors keep their words to themselves. */
export function unreadable(what: string, error: unknown): Artefact {
  if (error instanceof XmlRefusedError || error instanceof DecodeError)
    return { kind: 'unreadable', what, reason: error.message, hostile: error.hostile }
  if (error instanceof JwtUnreadableError)
    return { kind: 'unreadable', what, reason: error.message, hostile: false }
  // a library's message may quote the input, which is a credential
  return { kind: 'unreadable', what, reason: 'The message could not be read.', hostile: false }
}
