/**
 * `crosswalk inspect`'s text output: per message, what it is and what it says (the decoded
 * header and claims, or the assertion's issuer, audience, NameID, conditions, attributes and
 * signature), then each check with the expected and the actual value, the object to fix and
 * the diagnosis rule for that cause, and the error Entra or Okta would answer. Every value
 * goes through `term`, so the artefact's own text cannot steer the terminal.
 */
import type { Artefact, InspectDecoded, InspectedMessage } from '../../shared/inspect/artefact'
import {
  REPORT_KIND_LABELS,
  type CheckStatus,
  type InspectReport,
} from '../../shared/inspect/report'
import { term } from '../../shared/text/terminal'

const MARK: Record<CheckStatus, string> = {
  pass: 'ok  ',
  fail: 'FAIL',
  warn: 'warn',
  info: 'info',
  skip: 'skip',
}

function json(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** What the message says, a line a field. */
function decodedLines(a: Artefact): string[] {
  switch (a.kind) {
    case 'unreadable':
      return [term`  ${a.hostile ? 'Refused' : 'Unreadable'}: ${a.what}: ${a.reason}`]
    case 'jwt':
      return [
        '  Header:',
        ...Object.entries(a.header).map(([k, v]) => term`    ${k}: ${json(v)}`),
        '  Claims:',
        ...Object.entries(a.claims).map(([k, v]) => term`    ${k}: ${json(v)}`),
        term`  Signature: ${a.signature.status}${a.signature.algorithm ? ` (${a.signature.algorithm})` : ''}`,
      ]
    case 'saml': {
      const s = a.assertion
      const lines = [
        term`  SAML ${s.version} assertion in a ${a.container === 'wsfed' ? 'WS-Federation result' : a.container === 'response' ? 'SAML response' : 'bare assertion'}`,
        term`    Issuer: ${s.issuer ?? '(none)'}`,
        term`    Issued: ${s.issueInstant ?? '(no IssueInstant)'}`,
        term`    Audience: ${s.conditions.audiences.join(', ') || '(none)'}`,
        term`    Valid: ${s.conditions.notBefore ?? '?'} – ${s.conditions.notOnOrAfter ?? '?'}`,
        term`    NameID: ${s.nameId ? `${s.nameId.value}${s.nameId.format ? ` (${s.nameId.format})` : ''}` : '(none)'}`,
        ...s.subjectConfirmations.map(
          (c) =>
            term`    Subject confirmation: ${c.method ?? '?'}${c.recipient ? ` → ${c.recipient}` : ''}`,
        ),
        ...s.attributes.map(
          (x) =>
            term`    Attribute ${x.namespace ? `${x.namespace}/` : ''}${x.name}: ${x.values.join(', ')}`,
        ),
      ]
      if (s.authn)
        lines.push(term`    Authentication: ${s.authn.context ?? '?'} at ${s.authn.instant ?? '?'}`)
      lines.push(
        term`    Signature: ${a.signature.status} on the ${a.signature.signedPart ?? 'message'}${a.signature.algorithm ? ` (${a.signature.algorithm}, digest ${a.signature.digestAlgorithm ?? '?'})` : ''}`,
      )
      if (a.signature.matched.length)
        lines.push(term`      verified with ${a.signature.matched.map((m) => m.label).join('; ')}`)
      else if (a.signature.tried.length)
        lines.push(
          term`      tried ${a.signature.tried.length} certificate(s); ${a.signature.detail ?? ''}`,
        )
      return lines
    }
    case 'authorize':
      return [
        term`  Authorize request to ${a.endpoint}`,
        term`    client_id: ${a.clientId ?? '(none)'}`,
        term`    redirect_uri: ${a.redirectUri ?? '(none)'}`,
        term`    scope: ${a.scopes.join(' ')}`,
        term`    response_type: ${a.responseType ?? '(none)'}`,
      ]
    case 'error':
      return [
        term`  Error sent to ${a.endpoint}: ${a.error}`,
        ...(a.description ? [term`    ${a.description}`] : []),
      ]
    case 'wsfed-request':
      return [
        term`  WS-Federation ${a.action ?? ''} request to ${a.endpoint}`,
        term`    wtrealm: ${a.realm ?? '(none)'}`,
      ]
    case 'authn-request':
      return [
        term`  AuthnRequest from ${a.issuer ?? '(no issuer)'} to ${a.destination ?? '(no destination)'}`,
      ]
  }
}

function reportLines(r: InspectReport): string[] {
  const lines = [
    term`  Checked as: ${REPORT_KIND_LABELS[r.kind]}${r.target ? ` — ${r.target.label}` : ''}`,
  ]
  if (r.judgedAt)
    lines.push(
      term`  Judged at: ${r.judgedAt.at} (${r.judgedAt.source === 'capture' ? 'capture time' : 'its own issue time'})`,
    )
  for (const [side, p] of [
    ['Entra', r.people.entra],
    ['Okta', r.people.okta],
  ] as const) {
    if (!p) continue
    lines.push(term`  ${side} user: ${p.subject.name ?? p.subject.id}`)
    for (const [k, v] of Object.entries(p.fields))
      lines.push(term`      ${k}: ${v === null ? '(none)' : String(v)}`)
  }
  if (r.people.via) lines.push(term`  Joined by: ${r.people.via.join('; ')}`)
  if (r.people.note) lines.push(term`  ${r.people.note}`)
  lines.push('  Checks:')
  for (const c of r.checks) {
    lines.push(term`    [${MARK[c.status]}] ${c.title}: ${c.summary}`)
    if (c.status === 'pass' || c.status === 'info') continue
    if (c.expected !== undefined) lines.push(term`           expected: ${c.expected}`)
    if (c.actual !== undefined) lines.push(term`           actual:   ${c.actual}`)
    if (c.fix) {
      lines.push(term`           fix ${c.fix.label}:`)
      for (const step of c.fix.steps) lines.push(term`             - ${step}`)
    }
    if (c.rule)
      lines.push(
        term`           rule: ${c.rule} (crosswalk diagnose finds this cause in the snapshot)`,
      )
  }
  if (r.outcome)
    lines.push(
      term`  ${r.outcome.side === 'entra' ? 'Entra' : 'Okta'} answers ${r.outcome.code} (${r.outcome.name}): ${r.outcome.meaning}`,
    )
  lines.push(
    term`  Verdict: ${r.verdict === 'clean' ? 'no problem found' : r.verdict === 'unreadable' ? 'not read' : 'problems found'}`,
  )
  return lines
}

/** The whole text output. */
export function renderInspectText(
  decoded: InspectDecoded,
  reports: readonly InspectReport[] | undefined,
): string {
  const lines: string[] = []
  for (const notice of decoded.notices) lines.push(term`${notice}`)
  if (!reports)
    lines.push(
      'Decoded only: without --snapshot, nothing is checked against the configuration, and a signature is checked only against the certificate the message itself carries.',
    )
  decoded.messages.forEach((m: InspectedMessage, i) => {
    lines.push(
      '',
      term`[${m.index}] ${m.label}${m.capturedAt ? ` (captured ${m.capturedAt})` : ''}`,
    )
    lines.push(...decodedLines(m.artefact))
    const r = reports?.[i]
    if (r) lines.push(...reportLines(r))
  })
  return `${lines.join('\n').replace(/^\n/, '')}\n`
}
