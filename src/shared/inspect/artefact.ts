/**
 * What the inspector decodes: the contract between the privileged side, which reads a pasted
 * or dropped artefact, parses it safely and verifies its signature (`src/node/inspect`), and
 * the pure checks that judge the decoded values against a snapshot (`./checks`). Every shape
 * here is plain JSON, checked by zod at the IPC door and again in the renderer.
 *
 * An artefact is a credential (a bearer token, an assertion that signs a person in): these
 * values are held in memory only and never written to the cache, logs or snapshots.
 */
import { z } from 'zod'
import { Subject } from '../model/finding'

/** The longest text the inspector reads: a HAR file of a whole sign-in, far above one token. */
export const MAX_INSPECT_CHARS = 32 * 1024 * 1024

/** The largest XML message decoded (after base64 and inflate): far above any real assertion. */
export const MAX_XML_BYTES = 1024 * 1024

/** At most this many messages are taken from one capture (SAML-tracer or HAR). */
export const MAX_MESSAGES = 200

/** At most this many certificates and keys are tried against one signature. */
export const MAX_CANDIDATES = 2_000

const Text = z.string().max(MAX_XML_BYTES)
const Short = z.string().max(8_192)

/** Where a signing key or certificate comes from in the snapshot. */
export const CandidateKind = z.enum([
  'okta-app-key',
  'federation-signing',
  'federation-next-signing',
  'entra-jwks',
])
export type CandidateKind = z.infer<typeof CandidateKind>

/**
 * A certificate or public key of the snapshot that may have signed an artefact: an Okta app's
 * signing key (x5c), a domain federation's signing or next signing certificate, a key of the
 * tenant's JWKS. The renderer and the CLI build these from a snapshot (`./candidates`); the
 * privileged side tries each, and says which matched.
 */
export const SigningCandidate = z
  .object({
    /** stable within a snapshot, e.g. `federation-signing:contoso.com` */
    id: Short,
    kind: CandidateKind,
    /** words for people: `Okta app "Microsoft Office 365" key abc123… (active)` */
    label: Short,
    /** base64 DER of an X.509 certificate */
    x5c: z.string().max(65_536).optional(),
    /** an RSA public key as JWK members (JWKS entries without x5c) */
    jwk: z
      .object({ kty: z.literal('RSA'), n: z.string().max(4096), e: z.string().max(64) })
      .optional(),
    /** the key id a JWT header names (JWKS `kid`, Okta app key `kid`) */
    kid: Short.optional(),
    /** the configuration object that holds it, to fix */
    subject: Subject,
  })
  .strict()
export type SigningCandidate = z.infer<typeof SigningCandidate>

/** A candidate as results name it. */
export const CandidateRef = z.object({ id: Short, kind: CandidateKind, label: Short })
export type CandidateRef = z.infer<typeof CandidateRef>

/** The outcome of checking one signature against the snapshot's keys. */
export const SignatureStatus = z.enum([
  /** a candidate verified it */
  'verified',
  /** intact (the digests match) but no candidate verified it: signed with another key */
  'no-match',
  /** the signed content changed after signing (a digest does not match) */
  'tampered',
  /** the artefact carries no signature */
  'unsigned',
  /** the snapshot holds no key to try */
  'no-candidates',
  /** a signature Crosswalk cannot check (an algorithm it does not accept, a Graph token's nonce) */
  'unsupported',
])
export type SignatureStatus = z.infer<typeof SignatureStatus>

/** What the signature check found. */
export const SignatureCheck = z.object({
  status: SignatureStatus,
  /** what carries the signature: the assertion, the SAML response, the token */
  signedPart: z.enum(['assertion', 'response', 'token']).optional(),
  /** signature algorithm URI (XML) or JWS `alg` */
  algorithm: Short.optional(),
  /** XML digest algorithm URI */
  digestAlgorithm: Short.optional(),
  /** the candidates that verified it (several when one certificate is held in several places) */
  matched: z.array(CandidateRef),
  /** every candidate tried */
  tried: z.array(CandidateRef),
  /**
   * the certificate the signature carries in KeyInfo (XML) or names by `kid` / `x5t` (JWT),
   * and whether it verifies the signature: says who did sign when no candidate matched
   */
  embedded: z
    .object({
      /** SHA-1 thumbprint, upper-case hex */
      thumbprint: Short.optional(),
      kid: Short.optional(),
      subject: Short.optional(),
      notAfter: Short.optional(),
      verifies: z.boolean().optional(),
    })
    .optional(),
  /** one sentence on what went wrong or what was not checked */
  detail: Short.optional(),
})
export type SignatureCheck = z.infer<typeof SignatureCheck>

const Json: z.ZodType<unknown> = z.json()

/** A SAML attribute with its values (SAML 1.1 `AttributeName` + `AttributeNamespace`, SAML 2.0 `Name`). */
export const SamlAttribute = z.object({
  name: Short,
  namespace: Short.optional(),
  nameFormat: Short.optional(),
  values: z.array(Short),
})
export type SamlAttribute = z.infer<typeof SamlAttribute>

/** The decoded assertion: what Entra (or another relying party) reads from it. */
export const SamlAssertion = z.object({
  version: z.enum(['1.1', '2.0']),
  id: Short.optional(),
  issuer: Short.optional(),
  issueInstant: Short.optional(),
  nameId: z.object({ value: Short, format: Short.optional() }).optional(),
  subjectConfirmations: z.array(
    z.object({
      method: Short.optional(),
      recipient: Short.optional(),
      notOnOrAfter: Short.optional(),
      inResponseTo: Short.optional(),
    }),
  ),
  conditions: z.object({
    notBefore: Short.optional(),
    notOnOrAfter: Short.optional(),
    audiences: z.array(Short),
  }),
  attributes: z.array(SamlAttribute),
  authn: z
    .object({
      instant: Short.optional(),
      /** SAML 1.1 AuthenticationMethod or SAML 2.0 AuthnContextClassRef */
      context: Short.optional(),
      sessionIndex: Short.optional(),
    })
    .optional(),
})
export type SamlAssertion = z.infer<typeof SamlAssertion>

/** A SAML Response or WS-Federation RSTR with its assertion. */
export const SamlArtefact = z.object({
  kind: z.literal('saml'),
  /** `response`: SAML 2.0 protocol; `wsfed`: a WS-Trust RSTR; `assertion`: a bare assertion */
  container: z.enum(['response', 'wsfed', 'assertion']),
  assertion: SamlAssertion,
  response: z
    .object({
      id: Short.optional(),
      issuer: Short.optional(),
      destination: Short.optional(),
      inResponseTo: Short.optional(),
      status: Short.optional(),
      statusMessage: Short.optional(),
    })
    .optional(),
  /** WS-Trust RSTR: `AppliesTo` address and the token's lifetime */
  wsfed: z
    .object({ appliesTo: Short.optional(), created: Short.optional(), expires: Short.optional() })
    .optional(),
  signature: SignatureCheck,
  /** the XML as decoded, for the raw view */
  xml: Text,
})
export type SamlArtefact = z.infer<typeof SamlArtefact>

/** A JWT: header and claims, as decoded. */
export const JwtArtefact = z.object({
  kind: z.literal('jwt'),
  header: z.record(z.string(), Json),
  claims: z.record(z.string(), Json),
  signature: SignatureCheck,
})
export type JwtArtefact = z.infer<typeof JwtArtefact>

/** An OpenID Connect authorize request (the browser's redirect to the IdP). */
export const AuthorizeArtefact = z.object({
  kind: z.literal('authorize'),
  /** the URL without its query */
  endpoint: Short,
  /** the tenant segment of an Entra authority path */
  tenant: Short.optional(),
  clientId: Short.optional(),
  redirectUri: Short.optional(),
  scopes: z.array(Short),
  responseType: Short.optional(),
  responseMode: Short.optional(),
  prompt: Short.optional(),
  loginHint: Short.optional(),
  domainHint: Short.optional(),
})
export type AuthorizeArtefact = z.infer<typeof AuthorizeArtefact>

/** An error sent back to the client (`error` / `error_description` on the redirect). */
export const ErrorArtefact = z.object({
  kind: z.literal('error'),
  /** where it was sent: the redirect URI without its query */
  endpoint: Short,
  error: Short,
  description: Short.optional(),
  /** AADSTS numbers found in the description, without the prefix */
  aadsts: z.array(Short),
  /** Okta E0000… codes found */
  okta: z.array(Short),
})
export type ErrorArtefact = z.infer<typeof ErrorArtefact>

/** A WS-Federation sign-in request (Entra sending the browser to the IdP's passive endpoint). */
export const WsFedRequestArtefact = z.object({
  kind: z.literal('wsfed-request'),
  endpoint: Short,
  action: Short.optional(),
  realm: Short.optional(),
  reply: Short.optional(),
  homeRealm: Short.optional(),
})
export type WsFedRequestArtefact = z.infer<typeof WsFedRequestArtefact>

/** A SAML AuthnRequest. */
export const AuthnRequestArtefact = z.object({
  kind: z.literal('authn-request'),
  id: Short.optional(),
  issuer: Short.optional(),
  destination: Short.optional(),
  assertionConsumerServiceUrl: Short.optional(),
  nameIdPolicyFormat: Short.optional(),
  xml: Text,
})
export type AuthnRequestArtefact = z.infer<typeof AuthnRequestArtefact>

/**
 * A message that carries a sign-in artefact Crosswalk refused or could not read: hostile
 * XML (a DTD, an entity), a signature-wrapping shape, a body past the limits, broken base64.
 */
export const UnreadableArtefact = z.object({
  kind: z.literal('unreadable'),
  /** what the message held: `SAML response`, `WS-Federation result`, `token` */
  what: Short,
  reason: Short,
  /** the refusal was a defence against a hostile shape (not mere damage) */
  hostile: z.boolean(),
})
export type UnreadableArtefact = z.infer<typeof UnreadableArtefact>

export const Artefact = z.discriminatedUnion('kind', [
  UnreadableArtefact,
  SamlArtefact,
  JwtArtefact,
  AuthorizeArtefact,
  ErrorArtefact,
  WsFedRequestArtefact,
  AuthnRequestArtefact,
])
export type Artefact = z.infer<typeof Artefact>

/** One message of a capture (or the one artefact pasted on its own). */
export const InspectedMessage = z.object({
  /** 1-based position in the capture */
  index: z.number().int().positive(),
  /** `POST https://login.microsoftonline.com/login.srf`, or what was pasted */
  label: Short,
  /**
   * when the message crossed the wire (HAR `startedDateTime`, a response `Date` header,
   * SAML-tracer's export time): checks judge validity at this instant
   */
  capturedAt: Short.optional(),
  /** how `capturedAt` was known */
  capturedAtSource: z.enum(['har', 'response-date', 'export']).optional(),
  artefact: Artefact,
})
export type InspectedMessage = z.infer<typeof InspectedMessage>

/** What was pasted or dropped, as read. */
export const InspectInputKind = z.enum([
  'unknown',
  'jwt',
  'xml',
  'base64',
  'deflated',
  'url',
  'form',
  'saml-tracer',
  'har',
])
export type InspectInputKind = z.infer<typeof InspectInputKind>

/** The reply of `inspect:decode`. */
export const InspectDecoded = z.object({
  input: InspectInputKind,
  messages: z.array(InspectedMessage),
  /**
   * what reading left out, in words: cookies and Authorization headers dropped, requests
   * without a sign-in message, messages past the limit
   */
  notices: z.array(Short),
  /** nothing was read: the text is none of the forms the inspector reads, or past its limits */
  refused: z.object({ reason: Short, hint: Short }).optional(),
})
export type InspectDecoded = z.infer<typeof InspectDecoded>

/** The input of `inspect:decode`. */
export const InspectDecodeInput = z
  .object({
    /** the pasted text or the dropped file's content */
    text: z.string().min(1).max(MAX_INSPECT_CHARS),
    /** the snapshot's signing keys and certificates (see `./candidates`) */
    candidates: z.array(SigningCandidate).max(MAX_CANDIDATES),
  })
  .strict()
export type InspectDecodeInput = z.infer<typeof InspectDecodeInput>
