/**
 * Active Directory changes that reached Okta but not Entra: a synced person whose Okta
 * account is sourced from the same AD holds a different value there, which Okta updated
 * after Entra Connect last exported the person, in an attribute both take from the same
 * AD attribute. Whether that is Entra Connect skipping the person (it has run since) or
 * a stalled sync (it has not) is for the caller to say; both rules share this one view.
 *
 * A per-user `onPremisesLastSyncDateTime` alone proves nothing: Entra Connect exports an
 * object only when it changes, so months-old per-user times are normal. An attribute that
 * differs for many people at once is a mapping difference between Okta's import and Entra
 * Connect, not a pending change, and is set aside.
 */
import type { Comparison, Population, Subject } from '../model'
import { type Rec, asText, isRec, str } from '../util/access'
import { parseDate } from '../util/dates'
import { SeamPopulation } from '../compare/people'
import type { SnapshotIndex } from '../compare/snapshot-index'
import { entraUserSubject, oktaUserSubject } from '../compare/seam'
import { latestOktaEvent, logEventSubject } from './log-evidence'

/** Attributes both Entra Connect and Okta's AD import take from the same AD attribute. */
export const AD_PAIRS = [
  ['givenName', 'firstName'],
  ['surname', 'lastName'],
  ['displayName', 'displayName'],
  ['department', 'department'],
  ['jobTitle', 'title'],
] as const

/** True when `value` is a string that starts with a visible character (so is not blank). */
function plainlyFilled(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.charCodeAt(0) > 32
}

/**
 * True when every pair holds the same filled string on both sides, as it is: nearly every
 * person, so the pairs are read by name (one property load each) rather than through
 * the table, whose changing names make every load a dictionary lookup.
 */
function allEqualAsIs(entra: Rec, profile: Rec): boolean {
  const given = entra['givenName']
  const surname = entra['surname']
  const display = entra['displayName']
  const department = entra['department']
  const title = entra['jobTitle']
  return (
    plainlyFilled(given) &&
    given === profile['firstName'] &&
    plainlyFilled(surname) &&
    surname === profile['lastName'] &&
    plainlyFilled(display) &&
    display === profile['displayName'] &&
    plainlyFilled(department) &&
    department === profile['department'] &&
    plainlyFilled(title) &&
    title === profile['title']
  )
}

/** The Okta events that write AD values into a profile: an import, or a profile update. */
const PROFILE_CHANGE = /^(user\.account\.update_profile|user\.import\..*|system\.import\..*)$/

/** Case, surrounding space and Unicode form set aside. */
function canonical(value: unknown): string | undefined {
  const text = asText(value)
  return text?.normalize('NFC').toLowerCase()
}

/** One person's AD change that Okta holds and Entra does not. */
export interface PendingChange {
  entra: Rec
  okta: Rec
  /** when Okta last updated the account */
  changedAt: Date
  /** the Okta event that brought the change in */
  event: Rec | undefined
  attributes: { entra: string; okta: string; entraValue: string; oktaValue: string }[]
}

export interface PendingAdChanges {
  changes: readonly PendingChange[]
  /** Entra attributes set aside as mapped differently, not pending */
  setAside: readonly string[]
  population: Population
}

function collect(index: SnapshotIndex): PendingAdChanges {
  const population = new SeamPopulation(
    index,
    'enabled people synced from AD whose Okta account is AD-sourced',
  )
  const compared = new Array<number>(AD_PAIRS.length).fill(0)
  const differing = new Array<number>(AD_PAIRS.length).fill(0)
  const candidates: PendingChange[] = []
  const users = index.entraUsers
  for (let i = 0; i < users.length; i++) {
    const entra = users[i] as Rec
    if (entra['onPremisesSyncEnabled'] !== true) continue
    const j = population.judge(i)
    if (j < 0) continue
    const okta = population.oktaRecord(j)
    const provider = str(okta, 'credentials', 'provider', 'type')
    if (provider !== 'ACTIVE_DIRECTORY' && provider?.toUpperCase() !== 'ACTIVE_DIRECTORY') continue
    const profile = okta['profile']
    if (isRec(profile) && allEqualAsIs(entra, profile)) {
      for (let k = 0; k < AD_PAIRS.length; k++) compared[k] = (compared[k] ?? 0) + 1
      continue
    }
    const attributes: PendingChange['attributes'] = []
    for (let k = 0; k < AD_PAIRS.length; k++) {
      const [e, o] = AD_PAIRS[k] as (typeof AD_PAIRS)[number]
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
    const changedAt = parseDate(okta['lastUpdated'])
    // Okta changed the account after Entra last exported the person
    if (!exported || !changedAt || changedAt.getTime() <= exported.getTime()) continue
    const event = latestOktaEvent(index, str(okta, 'id'), PROFILE_CHANGE, {
      after: str(entra, 'onPremisesLastSyncDateTime') ?? '',
    })
    candidates.push({ entra, okta, changedAt, attributes, event })
  }
  const mapped = new Set<string>(
    AD_PAIRS.filter((_, k) => {
      const n = differing[k] ?? 0
      return n >= 20 && n / (compared[k] || n) > 0.2
    }).map(([e]) => e),
  )
  const changes = candidates
    .map((c) => ({ ...c, attributes: c.attributes.filter((a) => !mapped.has(a.entra)) }))
    .filter((c) => c.attributes.length > 0)
  return { changes, setAside: [...mapped], population: population.counter.summary() }
}

/** The snapshot's pending AD changes (computed once per diagnosis). */
export function pendingAdChanges(index: SnapshotIndex): PendingAdChanges {
  return index.cached('pending-ad-changes', () => collect(index))
}

/** The subjects of pending changes: each person on both sides and the event. */
export function pendingSubjects(changes: readonly PendingChange[]): Subject[] {
  const subjects: Subject[] = []
  for (const p of changes)
    subjects.push(
      entraUserSubject(p.entra),
      oktaUserSubject(p.okta),
      ...(p.event ? [logEventSubject(p.event)] : []),
    )
  return subjects
}

/** The first pending changes as comparisons, with when each side last moved. */
export function pendingComparisons(changes: readonly PendingChange[], max = 20): Comparison[] {
  return changes.slice(0, max).map((p) => ({
    entra: { type: 'user', id: str(p.entra, 'id') ?? '', name: str(p.entra, 'userPrincipalName') },
    okta: { type: 'user', id: str(p.okta, 'id') ?? '', name: str(p.okta, 'profile', 'login') },
    pairs: p.attributes.map((a) => ({
      label: `${a.entra} ↔ ${a.okta}`,
      entra: { attribute: a.entra, value: a.entraValue },
      okta: { attribute: `profile.${a.okta}`, value: a.oktaValue },
      verdict: 'different' as const,
      note: `Okta updated ${str(p.event, 'published') ?? str(p.okta, 'lastUpdated') ?? '?'}${p.event ? ` (${str(p.event, 'eventType') ?? ''})` : ''}, Entra last exported ${str(p.entra, 'onPremisesLastSyncDateTime') ?? '?'}`,
    })),
  }))
}
