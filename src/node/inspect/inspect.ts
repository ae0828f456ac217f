/**
 * The inspector's privileged half (`inspect:decode`, `crosswalk inspect`): recognises what was
 * pasted or dropped — a JWT, XML, base64 (deflated or not), a URL, a form body, a SAML-tracer
 * export or a HAR file — reads every sign-in message in it, and verifies each signature
 * against the snapshot's keys the caller passes. It holds nothing: the text, its messages and
 * what was dropped live only as long as the call, and nothing of them is logged.
 */
import {
  MAX_INSPECT_CHARS,
  MAX_MESSAGES,
  type Artefact,
  type InspectDecodeInput,
  type InspectDecoded,
  type InspectInputKind,
  type InspectedMessage,
  type SigningCandidate,
} from '../../shared/inspect/artefact'
import { formatBytes } from '../../shared/snapshot-file/read'
import { type Carrier, artefactsOf, formParams, urlCarriers } from './carriers'
import {
  type CaptureCarriers,
  HarFile,
  SamlTracerExport,
  harCarriers,
  tracerCarriers,
} from './captures'
import {
  DecodeError,
  decodeCarried,
  strictBase64,
  unreadable,
  xmlArtefact,
  xmlFromBase64,
} from './decode'
import { JWT_PATTERN, inspectJwt } from './jwt'

const HINT =
  'Paste a JWT, a SAML response or WS-Federation result (XML, base64 or URL-encoded, deflated or not), a URL of the sign-in, a SAML-tracer export (JSON) or a HAR file.'

const ARTEFACT_PARAMS =
  /(?:^|[?&#])(SAMLResponse|SAMLRequest|wresult|id_token|access_token|error|client_id|wa)=/

/** Reads `input.text` and decodes every sign-in message in it. */
export async function inspectText(input: InspectDecodeInput): Promise<InspectDecoded> {
  const text = input.text.replace(/^\uFEFF/, '').trim()
  if (text.length === 0) return refuse('unknown', 'Nothing was pasted.')
  if (text.length > MAX_INSPECT_CHARS)
    return refuse(
      'unknown',
      `The text is longer than the ${formatBytes(MAX_INSPECT_CHARS)} the inspector reads.`,
    )
  const { candidates } = input
  if (text.startsWith('{')) return inspectJson(text, candidates)
  if (JWT_PATTERN.test(text))
    return single('jwt', 'Pasted token', await jwtOrUnreadable(text, candidates))
  if (text.startsWith('<')) return single('xml', 'Pasted XML', xmlOrUnreadable(text, candidates))
  if (/^%3C/i.test(text)) {
    const decoded = decodeOnce(text)
    if (decoded)
      return single('xml', 'Pasted XML (URL-encoded)', xmlOrUnreadable(decoded, candidates))
  }
  const url = parseHttpUrl(text)
  if (url)
    return fromCarriers(
      'url',
      urlCarriers(url, `Pasted URL ${url.origin}${url.pathname}`),
      candidates,
    )
  if (ARTEFACT_PARAMS.test(text) && !/\s/.test(text))
    return fromCarriers(
      'form',
      [{ label: 'Pasted form', binding: 'post', params: formParams(text) }],
      candidates,
    )
  return inspectBase64(text, candidates)
}

function decodeOnce(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
}

function parseHttpUrl(text: string): URL | undefined {
  if (!/^https?:\/\//i.test(text) || /\s/.test(text)) return undefined
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

async function jwtOrUnreadable(
  token: string,
  candidates: readonly SigningCandidate[],
): Promise<Artefact> {
  try {
    return await inspectJwt(token, candidates)
  } catch (error) {
    return unreadable('token', error)
  }
}

function xmlOrUnreadable(xml: string, candidates: readonly SigningCandidate[]): Artefact {
  try {
    return xmlArtefact(xml, candidates)
  } catch (error) {
    return unreadable('XML message', error)
  }
}

/** Base64 of XML, deflated or not; URL-encoded base64 too. */
function inspectBase64(text: string, candidates: readonly SigningCandidate[]): InspectDecoded {
  const candidate = /%[0-9A-Fa-f]{2}/.test(text) ? (decodeOnce(text) ?? text) : text
  if (!strictBase64(candidate))
    return refuse('unknown', 'The text is none of the forms the inspector reads.')
  let xml: string
  let deflated = false
  try {
    xml = xmlFromBase64(candidate, false)
  } catch {
    try {
      xml = xmlFromBase64(candidate, true)
      deflated = true
    } catch (error) {
      // a deflate bomb is reported as the defence it met; anything else is just not an artefact
      if (error instanceof DecodeError && error.hostile)
        return single('deflated', 'Pasted base64 (deflated)', unreadable('base64 message', error))
      return refuse('unknown', 'The text is none of the forms the inspector reads.')
    }
  }
  return single(
    deflated ? 'deflated' : 'base64',
    deflated ? 'Pasted base64 (deflated)' : 'Pasted base64',
    xmlOrUnreadable(xml, candidates),
  )
}

/** A SAML-tracer export or a HAR file. */
async function inspectJson(
  text: string,
  candidates: readonly SigningCandidate[],
): Promise<InspectDecoded> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return refuse('unknown', 'The text starts like JSON but is not valid JSON.')
  }
  const tracer = SamlTracerExport.safeParse(json)
  if (tracer.success) return fromCapture('saml-tracer', tracerCarriers(tracer.data), candidates)
  const har = HarFile.safeParse(json)
  if (har.success) return fromCapture('har', harCarriers(har.data), candidates)
  return refuse(
    'unknown',
    'The JSON is neither a SAML-tracer export ({"requests": [...]}) nor a HAR file ({"log": {"entries": [...]}}).',
  )
}

async function fromCapture(
  kind: 'saml-tracer' | 'har',
  capture: CaptureCarriers,
  candidates: readonly SigningCandidate[],
): Promise<InspectDecoded> {
  const decoded = await fromCarriers(kind, capture.carriers, candidates, capture.tracerXml)
  const { cookies, authorization, malformed } = capture.dropped
  const notices = [...decoded.notices]
  if (cookies || authorization)
    notices.unshift(
      `Dropped on reading: ${plural(cookies, 'cookie')} and ${plural(authorization, 'Authorization header')}; only sign-in messages are kept.`,
    )
  if (malformed)
    notices.push(`${plural(malformed, 'entry', 'entries')} without a readable URL skipped.`)
  return { ...decoded, notices }
}

async function fromCarriers(
  kind: InspectInputKind,
  carriers: readonly Carrier[],
  candidates: readonly SigningCandidate[],
  tracerXml: ReadonlyMap<Carrier, string> = new Map(),
): Promise<InspectDecoded> {
  const messages: InspectedMessage[] = []
  let past = 0
  const requests = new Set<number>()
  const spoke = new Set<number>()
  for (const carrier of carriers) {
    if (carrier.request !== undefined) requests.add(carrier.request)
    const carried = artefactsOf(carrier)
    const artefacts: Artefact[] = []
    for (const c of carried) artefacts.push(await decodeCarried(c, candidates))
    const xml = tracerXml.get(carrier)
    if (artefacts.length === 0 && xml) artefacts.push(xmlOrUnreadable(xml, candidates))
    if (artefacts.length > 0 && carrier.request !== undefined) spoke.add(carrier.request)
    for (const artefact of artefacts) {
      if (messages.length >= MAX_MESSAGES) {
        past++
        continue
      }
      messages.push({
        index: messages.length + 1,
        label: carrier.label,
        ...(carrier.capturedAt ? { capturedAt: carrier.capturedAt } : {}),
        ...(carrier.capturedAtSource ? { capturedAtSource: carrier.capturedAtSource } : {}),
        artefact,
      })
    }
  }
  const notices: string[] = []
  const quiet = requests.size - spoke.size
  if (quiet > 0) notices.push(`${plural(quiet, 'request')} without a sign-in message left out.`)
  if (past) notices.push(`${plural(past, 'message')} past the first ${MAX_MESSAGES} left out.`)
  if (messages.length === 0)
    return {
      input: kind,
      messages,
      notices,
      refused: {
        reason:
          kind === 'saml-tracer' || kind === 'har'
            ? 'The capture holds no SAML, WS-Federation or OpenID Connect sign-in message.'
            : 'The text holds no sign-in message.',
        hint: HINT,
      },
    }
  return { input: kind, messages, notices }
}

function single(kind: InspectInputKind, label: string, artefact: Artefact): InspectDecoded {
  return { input: kind, messages: [{ index: 1, label, artefact }], notices: [] }
}

function refuse(kind: InspectInputKind, reason: string): InspectDecoded {
  return { input: kind, messages: [], notices: [], refused: { reason, hint: HINT } }
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`
}
