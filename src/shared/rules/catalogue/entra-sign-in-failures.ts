/**
 * entra-sign-in-failures — failed Entra sign-ins grouped by AADSTS code
 * (`status.errorCode`, a number without the prefix; 0 is success), each with its
 * meaning, the usual Entra–Okta cause and the configuration objects to inspect
 * (from the offline code dictionary). Codes that point at the seam (federation,
 * IdP credentials, consent) are high, others medium. Interrupts are not failures: a
 * sign-in that asks for MFA, "stay signed in", a password reset or device proof
 * (AADSTS50058, 50140, 50199, 50072, 50074, 50076, 50079, 50125, 50097, 50089…) and a
 * user's own mistake (a wrong password, an expired one) are info notes, as is a policy
 * block (Conditional Access, security defaults, device compliance: 53000–53003, 530032,
 * 530035) that stops fewer than five people: the policy doing its job. Any failure
 * the same person resolved with a success for the same app (same correlation ID, or
 * within an hour: a Conditional Access block retried from a compliant device) is left out.
 * Reads: entra.signIns; entra.users, entra.applications and entra.servicePrincipals when
 * collected (to name the people and apps).
 * False positives: none above info known.
 */
import { aadstsEntry } from '../../codes'
import type { Finding, Subject } from '../../model'
import { type Rec, get, str } from '../../util/access'
import { LINKS } from '../links'
import { capSubjects, defineRule, makeFinding } from '../rule'
import { applicationSubject, entraUserSubject, servicePrincipalSubject } from '../../compare/seam'

const SEAM = new Set([
  50107, 50008, 50006, 90020, 51004, 90072, 7000215, 7000222, 7000218, 70002, 700027, 50011, 700016,
  700011, 50194, 65001, 90094, 650056, 20001, 20012, 90081, 50034,
])
/** Interrupts and the user's own mistakes: expected steps of a sign-in, not faults. */
const USER_SIDE = new Set([
  50058, 50140, 50199, 50072, 50074, 50076, 50079, 50125, 50097, 50089, 50168, 90095, 81010, 50126,
  50053, 50055, 50057, 50144, 70008, 700082, 54005, 50158,
])

/**
 * Policy blocks (Conditional Access, security defaults, device compliance): the policy
 * doing its job for a few people; a policy scoped wrongly when it blocks many.
 */
const POLICY = new Set([53000, 53001, 53002, 53003, 530032, 530035])
/** A policy block affecting at least this many people is a finding, fewer an info note. */
const POLICY_LOUD_PEOPLE = 5

/** A person who succeeds at the same app within this time after a failure got past it. */
const RESOLVE_WINDOW_MS = 60 * 60_000

/** Failures the same person resolved: a later success for the same app (same correlation, or soon after). */
function resolvedFailures(signIns: readonly Rec[]): Set<Rec> {
  const successes = new Map<string, number[]>()
  const correlated = new Set<string>()
  for (const s of signIns) {
    if (errorCode(s) !== undefined) continue
    const correlation = str(s, 'correlationId')
    if (correlation) correlated.add(`${correlation}|${who(s)}`)
    const at = Date.parse(str(s, 'createdDateTime') ?? '')
    if (!Number.isFinite(at)) continue
    const key = `${who(s)}|${str(s, 'appId') ?? ''}`
    const list = successes.get(key)
    if (list) list.push(at)
    else successes.set(key, [at])
  }
  const out = new Set<Rec>()
  for (const s of signIns) {
    if (errorCode(s) === undefined) continue
    const correlation = str(s, 'correlationId')
    if (correlation && correlated.has(`${correlation}|${who(s)}`)) {
      out.add(s)
      continue
    }
    const at = Date.parse(str(s, 'createdDateTime') ?? '')
    const later = successes.get(`${who(s)}|${str(s, 'appId') ?? ''}`)
    if (Number.isFinite(at) && later?.some((t) => t >= at && t - at <= RESOLVE_WINDOW_MS))
      out.add(s)
  }
  return out
}

function who(s: Rec): string {
  return (str(s, 'userId') ?? str(s, 'userPrincipalName') ?? '').toLowerCase()
}

function errorCode(signIn: Rec): number | undefined {
  const raw = get(signIn, 'status', 'errorCode')
  const n =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string'
        ? Number(raw.replace(/^aadsts/i, ''))
        : NaN
  return Number.isFinite(n) && n !== 0 ? n : undefined
}

export const entraSignInFailures = defineRule({
  id: 'entra-sign-in-failures',
  title: 'Entra sign-in failures by AADSTS code',
  category: 'sign-in',
  severity: 'medium',
  reads: ['entra.signIns'],
  optionalReads: ['entra.users', 'entra.applications', 'entra.servicePrincipals'],
  evaluate(snapshot, ctx): Finding[] {
    const groups = new Map<number, Rec[]>()
    const signInLog = snapshot.entra?.signIns ?? []
    const resolved = resolvedFailures(signInLog)
    for (const s of signInLog) {
      const code = errorCode(s)
      if (code === undefined || resolved.has(s)) continue
      const list = groups.get(code)
      if (list) list.push(s)
      else groups.set(code, [s])
    }
    const findings: Finding[] = []
    for (const [code, signIns] of groups) {
      const entry = aadstsEntry(code)
      const subjects: Subject[] = []
      const events: Subject[] = []
      const seen = new Set<string>()
      const apps = new Map<string, string>()
      for (const s of signIns) {
        const appId = str(s, 'appId')
        if (appId) apps.set(appId, str(s, 'appDisplayName') ?? appId)
        const signInId = str(s, 'id')
        if (signInId)
          events.push({ source: 'entra', type: 'signIn', id: signInId, name: `AADSTS${code}` })
        const userId = str(s, 'userId')
        const key = userId ?? str(s, 'userPrincipalName')
        if (!key || seen.has(key)) continue
        seen.add(key)
        const user = userId ? ctx.index.entraById.get(userId) : undefined
        subjects.push(
          user
            ? entraUserSubject(user)
            : { source: 'entra', type: 'user', id: key, name: str(s, 'userPrincipalName') },
        )
      }
      const appSubjects: Subject[] = []
      for (const appId of apps.keys()) {
        const sp = ctx.index.servicePrincipalsByAppId.get(appId.toLowerCase())
        const app = ctx.index.applicationsByAppId.get(appId.toLowerCase())
        if (sp) appSubjects.push(servicePrincipalSubject(sp))
        if (app) appSubjects.push(applicationSubject(app))
        if (!sp && !app)
          appSubjects.push({
            source: 'entra',
            type: 'servicePrincipal',
            id: appId,
            name: apps.get(appId),
          })
      }
      const times = signIns
        .map((s) => str(s, 'createdDateTime') ?? '')
        .filter(Boolean)
        .sort()
      const severity = SEAM.has(code)
        ? 'high'
        : USER_SIDE.has(code) || (POLICY.has(code) && seen.size < POLICY_LOUD_PEOPLE)
          ? 'info'
          : 'medium'
      findings.push(
        makeFinding(entraSignInFailures, {
          severity,
          title: `${signIns.length} sign-in${signIns.length === 1 ? '' : 's'} failed with AADSTS${code}${entry ? ` (${entry.name})` : ''}`,
          detail: `${entry ? `${entry.meaning} Typical cause with Okta: ${entry.cause}` : "This code is not in the offline dictionary; see Microsoft's error reference."} ${seen.size} user${seen.size === 1 ? '' : 's'} across ${apps.size} app${apps.size === 1 ? '' : 's'} (${[...apps.values()].slice(0, 5).join(', ')}).`,
          subjects: capSubjects(
            [...appSubjects, ...subjects, ...events],
            ctx.thresholds.maxSubjects,
          ),
          cause: String(code),
          evidence: {
            entra: {
              errorCode: code,
              count: signIns.length,
              users: seen.size,
              apps: [...apps].map(([appId, name]) => ({ appId, name })),
              first: times[0] ?? null,
              last: times[times.length - 1] ?? null,
              failureReason: str(signIns[0], 'status', 'failureReason') ?? null,
              examples: signIns.slice(0, 10).map((s) => ({
                id: str(s, 'id'),
                userPrincipalName: str(s, 'userPrincipalName') ?? null,
                appId: str(s, 'appId') ?? null,
                createdDateTime: str(s, 'createdDateTime') ?? null,
              })),
            },
            inspect: entry?.check ?? [],
            relatedRules: entry?.rules ?? [],
          },
          steps: [
            ...(entry?.fix ?? []),
            `Entra admin center › Identity › Monitoring & health › Sign-in logs › filter Status = Failure, error code ${code}: open one event for the correlation ID and the full failure reason.`,
            `API: GET https://graph.microsoft.com/v1.0/auditLogs/signIns?$filter=status/errorCode eq ${code}.`,
          ],
          links: [...(entry?.links ?? [LINKS.aadstsCodes]), LINKS.signInLogs],
        }),
      )
    }
    return findings
  },
})
