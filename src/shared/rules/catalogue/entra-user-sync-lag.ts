/**
 * entra-user-sync-lag — on-premises changes that reached Okta but not Entra: a synced
 * person whose Okta account is sourced from the same Active Directory holds a newer
 * value there (Okta updated it after Entra last exported the person) in an attribute
 * Entra Connect syncs too (given name, surname, display name, department, job title),
 * while the tenant has synced since. The person is out of Entra Connect's scope, stuck
 * on an export error, or the object is orphaned in Entra. One grouped finding.
 * A per-user `onPremisesLastSyncDateTime` alone proves nothing: Entra Connect exports an
 * object only when it changes, so months-old per-user times are normal.
 * Reads: entra.users, entra.organization, okta.users; okta.apps and okta.appUsers when
 * collected (the Office 365 keys that join people), okta.logs (the event that brought the
 * change in).
 * Population: enabled people synced from AD whose Okta account is AD-sourced and active.
 * False positives: an attribute that differs for many people at once is a mapping
 * difference between Okta's import and Entra Connect, not a pending change; such an
 * attribute is set aside (and named in the evidence).
 */
import type { Comparison, Finding, Subject } from '../../model'
import { type Rec, asText, isRec, str } from '../../util/access'
import { parseDate } from '../../util/dates'
import { LINKS } from '../links'
import { SeamPopulation } from '../../compare/people'
import { capSubjects, defineRule, makeFinding } from '../rule'
import { entraUserSubject, oktaUserSubject } from '../../compare/seam'
import { latestOktaEvent, logEventSubject } from '../log-evidence'

/** Attributes both Entra Connect and Okta's AD import take from the same AD attribute. */
const PAIRS = [
  ['givenName', 'firstName'],
  ['surname', 'lastName'],
  ['displayName', 'displayName'],
  ['department', 'department'],
  ['jobTitle', 'title'],
] as const

const MINUTE_MS = 60_000
/** The Okta events that write AD values into a profile: an import, or a profile update. */
const PROFILE_CHANGE = /^(user\.account\.update_profile|user\.import\..*|system\.import\..*)$/

/** Case, surrounding space and Unicode form set aside. */
function canonical(value: unknown): string | undefined {
  const text = asText(value)
  return text?.normalize('NFC').toLowerCase()
}

interface Pending {
  entra: Rec
  okta: Rec
  /** the Okta event that brought the change in */
  event: Rec | undefined
  attributes: { entra: string; okta: string; entraValue: string; oktaValue: string }[]
}

export const entraUserSyncLag = defineRule({
  id: 'entra-user-sync-lag',
  title: 'On-premises changes reached Okta but not Entra',
  category: 'sync',
  severity: 'medium',
  reads: ['entra.users', 'entra.organization', 'okta.users'],
  optionalReads: ['okta.apps', 'okta.appUsers', 'okta.logs'],
  evaluate(snapshot, ctx): Finding[] {
    const orgLast = parseDate(snapshot.entra?.organization?.[0]?.['onPremisesLastSyncDateTime'])
    if (!orgLast) return []
    const cycle = ctx.thresholds.syncIntervalMinutes * MINUTE_MS
    const population = new SeamPopulation(
      ctx.index,
      'enabled people synced from AD whose Okta account is AD-sourced',
    )
    const compared = new Array<number>(PAIRS.length).fill(0)
    const differing = new Array<number>(PAIRS.length).fill(0)
    const candidates: Pending[] = []
    const users = ctx.index.entraUsers
    for (let i = 0; i < users.length; i++) {
      const entra = users[i] as Rec
      if (entra['onPremisesSyncEnabled'] !== true) continue
      const j = population.judge(i)
      if (j < 0) continue
      const okta = population.oktaRecord(j)
      if (str(okta, 'credentials', 'provider', 'type')?.toUpperCase() !== 'ACTIVE_DIRECTORY')
        continue
      const attributes: Pending['attributes'] = []
      const profile = okta['profile']
      for (let k = 0; k < PAIRS.length; k++) {
        const [e, o] = PAIRS[k] as (typeof PAIRS)[number]
        const rawEntra = entra[e]
        const rawOkta = isRec(profile) ? profile[o] : undefined
        // most values are equal as they are; only the others are normalised
        if (typeof rawEntra === 'string' && rawEntra === rawOkta && rawEntra.trim()) {
          compared[k] = (compared[k] ?? 0) + 1
          continue
        }
        const a = canonical(rawEntra)
        const b = canonical(rawOkta)
        if (a === undefined || b === undefined) continue
        compared[k] = (compared[k] ?? 0) + 1
        if (a === b) continue
        differing[k] = (differing[k] ?? 0) + 1
        attributes.push({
          entra: e,
          okta: o,
          entraValue: asText(entra[e]) ?? '',
          oktaValue: str(okta, 'profile', o) ?? '',
        })
      }
      if (attributes.length === 0) continue
      const exported = parseDate(entra['onPremisesLastSyncDateTime'])
      const changed = parseDate(okta['lastUpdated'])
      if (!exported || !changed) continue
      // Okta changed after Entra last exported the person, and Entra Connect has run since
      if (changed.getTime() <= exported.getTime()) continue
      if (orgLast.getTime() - changed.getTime() < 2 * cycle) continue
      const event = latestOktaEvent(ctx.index, str(okta, 'id'), PROFILE_CHANGE, {
        after: str(entra, 'onPremisesLastSyncDateTime') ?? '',
      })
      candidates.push({ entra, okta, attributes, event })
    }
    // an attribute that differs for many people is mapped differently, not pending
    const mapped = new Set<string>(
      PAIRS.filter((_, k) => {
        const n = differing[k] ?? 0
        return n >= 20 && n / (compared[k] || n) > 0.2
      }).map(([e]) => e),
    )
    const pending = candidates
      .map((c) => ({ ...c, attributes: c.attributes.filter((a) => !mapped.has(a.entra)) }))
      .filter((c) => c.attributes.length > 0)
    if (pending.length === 0) return []
    const subjects: Subject[] = []
    for (const p of pending)
      subjects.push(
        entraUserSubject(p.entra),
        oktaUserSubject(p.okta),
        ...(p.event ? [logEventSubject(p.event)] : []),
      )
    const comparisons: Comparison[] = pending.slice(0, 20).map((p) => ({
      entra: {
        type: 'user',
        id: str(p.entra, 'id') ?? '',
        name: str(p.entra, 'userPrincipalName'),
      },
      okta: { type: 'user', id: str(p.okta, 'id') ?? '', name: str(p.okta, 'profile', 'login') },
      pairs: p.attributes.map((a) => ({
        label: `${a.entra} ↔ ${a.okta}`,
        entra: { attribute: a.entra, value: a.entraValue },
        okta: { attribute: `profile.${a.okta}`, value: a.oktaValue },
        verdict: 'different' as const,
        note: `Okta updated ${str(p.event, 'published') ?? str(p.okta, 'lastUpdated') ?? '?'}${p.event ? ` (${str(p.event, 'eventType') ?? ''})` : ''}, Entra last exported ${str(p.entra, 'onPremisesLastSyncDateTime') ?? '?'}`,
      })),
    }))
    return [
      makeFinding(entraUserSyncLag, {
        cause: 'pending',
        title: `${pending.length} ${pending.length === 1 ? 'person has' : 'people have'} AD changes in Okta that Entra has not received`,
        detail: `Okta imported newer values from Active Directory for these people after Entra Connect last exported them, and the tenant has synced since (last at ${orgLast.toISOString()}). Entra Connect is not exporting them: check that they are in its scope and have no pending export errors.`,
        subjects: capSubjects(subjects, ctx.thresholds.maxSubjects),
        evidence: {
          entra: { organizationLastSync: orgLast.toISOString() },
          total: pending.length,
          comparisons,
          setAside: [...mapped],
          population: population.counter.summary(),
        },
        steps: [
          'Entra Connect server: Synchronization Service Manager › Metaverse Search for one of the people; check its connector (in scope?) and the export errors on the Entra connector.',
          'Entra admin center › Microsoft Entra Connect › Connect Health › Sync errors for these objects.',
          'API: GET https://graph.microsoft.com/v1.0/users/{id}?$select=onPremisesLastSyncDateTime,onPremisesProvisioningErrors.',
        ],
        links: [LINKS.syncErrors, LINKS.syncScheduler],
      }),
    ]
  },
})
