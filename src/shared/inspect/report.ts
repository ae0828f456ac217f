/**
 * What the inspector concludes about one decoded message: the checks it ran against the
 * snapshot, each with the expected and the actual value, the configuration object to fix and
 * the diagnosis rule that finds the same cause; the people it names on both sides; the error
 * Entra or Okta would answer. Pure data: built in the diagnosis worker and the CLI alike.
 */
import { aadstsEntry, lookupCode } from '../codes'
import type { Subject } from '../model'
import type { RuleId } from '../rules'

/** The checks, in the order they are shown. */
export const CHECK_IDS = [
  'readable',
  'signature',
  'signed-part',
  'issuer',
  'audience',
  'protocol',
  'recipient',
  'name-id',
  'immutable-id',
  'upn',
  'validity',
  'tenant',
  'client-id',
  'redirect-uri',
  'scopes',
  'claims',
  'subject-match',
  'account',
  'error-code',
  'realm',
] as const
export type CheckId = (typeof CHECK_IDS)[number]

/** `fail`: Entra or Okta refuses it; `warn`: works but is off; `skip`: the snapshot cannot tell. */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'info' | 'skip'

/** The configuration object to change, and how. */
export interface CheckFix {
  object: Subject
  /** the object in words: `Entra domain federation of contoso.com` */
  label: string
  steps: string[]
}

/** One check of a message against the snapshot. */
export interface InspectCheck {
  id: CheckId
  /** the check's name: `Issuer` */
  title: string
  status: CheckStatus
  /** one sentence on what was found */
  summary: string
  expected?: string
  actual?: string
  /** what to change, where a configuration object is at fault */
  fix?: CheckFix
  /** the diagnosis rule that finds the same cause in the snapshot */
  rule?: RuleId
  /** the AADSTS number (without the prefix) Entra answers for this cause */
  aadsts?: string
  /** what Okta answers for this cause (a System Log reason or an E0000… code) */
  okta?: string
}

/** A person as the inspector shows them. */
export interface PersonView {
  subject: Subject
  /** the values the checks compared, by name */
  fields: Record<string, string | boolean | null>
}

/** The people a message names, found through the one join of Entra and Okta. */
export interface InspectPeople {
  entra?: PersonView
  okta?: PersonView
  /** how the two were joined (`Office 365 immutableId = onPremisesImmutableId`), when they were */
  via?: string[]
  /** why someone is missing */
  note?: string
}

/** The error Entra or Okta would answer for the message, from the offline dictionary. */
export interface InspectOutcome {
  side: 'entra' | 'okta'
  code: string
  name: string
  meaning: string
}

/** What a message is for, as the checks understood it. */
export type ReportKind =
  | 'wsfed'
  | 'saml2-federation'
  | 'saml-app'
  | 'saml'
  | 'id-token'
  | 'access-token'
  | 'jwt'
  | 'authorize'
  | 'error'
  | 'wsfed-request'
  | 'authn-request'
  | 'unreadable'

/** The inspector's report on one message. */
export interface InspectReport {
  kind: ReportKind
  /** the configuration the message was checked against: `Entra federation of contoso.com` */
  target?: { label: string; subject?: Subject }
  /** the instant validity was judged at, and where it came from */
  judgedAt?: { at: string; source: 'capture' | 'issued' }
  people: InspectPeople
  checks: InspectCheck[]
  outcome?: InspectOutcome
  verdict: 'clean' | 'problems' | 'unreadable'
}

/** Words for each report kind. */
export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, string>> = {
  wsfed: 'WS-Federation result (SAML 1.1) for Entra',
  'saml2-federation': 'SAML 2.0 response for Entra',
  'saml-app': 'SAML 2.0 response for an Okta SAML app',
  saml: 'SAML assertion',
  'id-token': 'Entra ID token for Okta',
  'access-token': 'Access token',
  jwt: 'JWT',
  authorize: 'OpenID Connect authorize request',
  error: 'Error redirect',
  'wsfed-request': 'WS-Federation sign-in request',
  'authn-request': 'SAML AuthnRequest',
  unreadable: 'Unreadable message',
}

/** The outcome of the first failing check that names an error, worst cause first. */
export function outcomeOf(checks: readonly InspectCheck[]): InspectOutcome | undefined {
  for (const check of checks) {
    if (check.status !== 'fail') continue
    if (check.aadsts) {
      const entry = aadstsEntry(check.aadsts)
      return {
        side: 'entra',
        code: `AADSTS${check.aadsts}`,
        name: entry?.name ?? 'Sign-in error',
        meaning: entry?.meaning ?? check.summary,
      }
    }
    if (check.okta) {
      const entry = lookupCode(check.okta)
      return {
        side: 'okta',
        code: entry?.code ?? check.okta,
        name: entry?.name ?? check.okta,
        meaning: entry?.meaning ?? check.summary,
      }
    }
  }
  return undefined
}

/** Assembles a report: its verdict and outcome follow from the checks. */
export function report(
  kind: ReportKind,
  checks: InspectCheck[],
  extra: Pick<InspectReport, 'target' | 'judgedAt'> & { people?: InspectPeople } = {},
): InspectReport {
  const ordered = [...checks].sort((a, b) => CHECK_IDS.indexOf(a.id) - CHECK_IDS.indexOf(b.id))
  const outcome = outcomeOf(ordered)
  return {
    kind,
    ...(extra.target ? { target: extra.target } : {}),
    ...(extra.judgedAt ? { judgedAt: extra.judgedAt } : {}),
    people: extra.people ?? {},
    checks: ordered,
    ...(outcome ? { outcome } : {}),
    verdict: ordered.some((c) => c.status === 'fail' || c.status === 'warn') ? 'problems' : 'clean',
  }
}
