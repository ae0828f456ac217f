/**
 * What several checks share: the instant a message is judged at, the validity window with
 * clock skew, and the people a message names on both sides, found through the one join of
 * Entra and Okta (`compare/join.ts`).
 */
import { JOIN_KEY_LABELS, oktaCounterpartOf, entraCounterpartOf, peopleJoin } from '../compare/join'
import { entraUserSubject, oktaUserSubject } from '../compare/seam'
import type { SnapshotIndex } from '../compare/snapshot-index'
import { type Rec, bool, norm, str } from '../util/access'
import type { InspectCheck, InspectPeople, PersonView } from './report'

/**
 * The clock skew allowed on both ends of a validity window: 5 minutes, the tolerance relying
 * parties commonly allow; an Okta IdP's own `policy.maxClockSkew` wins for ID tokens.
 */
export const DEFAULT_SKEW_MS = 5 * 60_000

/** The instant to judge validity at: the capture's, else the message's own issue time. */
export function judgeAt(
  capturedAt: string | undefined,
  issued: string | undefined,
): { at: Date; source: 'capture' | 'issued' } | undefined {
  const captured = capturedAt ? Date.parse(capturedAt) : NaN
  if (Number.isFinite(captured)) return { at: new Date(captured), source: 'capture' }
  const own = issued ? Date.parse(issued) : NaN
  return Number.isFinite(own) ? { at: new Date(own), source: 'issued' } : undefined
}

const iso = (ms: number): string => new Date(ms).toISOString()

/** How long ago or ahead, in words: `2 h 5 min`. */
export function span(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000)
  if (minutes < 1) return `${Math.round(Math.abs(ms) / 1000)} s`
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return hours < 48 ? `${hours} h${rest ? ` ${rest} min` : ''}` : `${Math.round(hours / 24)} days`
}

/**
 * The validity check: `notBefore - skew <= at < notOnOrAfter + skew`. `aadsts` / `okta` name
 * the error the receiving side answers for a message outside its window.
 */
export function validityCheck(
  window: { notBefore?: string; notOnOrAfter?: string },
  judged: { at: Date; source: 'capture' | 'issued' } | undefined,
  skewMs: number,
  answer: Pick<InspectCheck, 'aadsts' | 'okta'>,
): InspectCheck {
  const title = 'Validity window'
  if (!judged)
    return {
      id: 'validity',
      title,
      status: 'skip',
      summary: 'No capture time and no issue time: the window cannot be judged.',
    }
  const at = judged.at.getTime()
  const from = window.notBefore ? Date.parse(window.notBefore) : NaN
  const until = window.notOnOrAfter ? Date.parse(window.notOnOrAfter) : NaN
  const expected = `${Number.isFinite(from) ? iso(from) : '(no start)'} – ${Number.isFinite(until) ? iso(until) : '(no end)'}, ± ${span(skewMs)} skew`
  const when = `${iso(at)} (${judged.source === 'capture' ? 'when it was captured' : 'its own issue time; no capture time was given'})`
  if (!Number.isFinite(until))
    return {
      id: 'validity',
      title,
      status: 'warn',
      summary: 'The message states no end of validity.',
      expected,
      actual: when,
    }
  if (Number.isFinite(from) && at < from - skewMs)
    return {
      id: 'validity',
      title,
      status: 'fail',
      summary: `Not valid yet: it starts ${span(from - at)} after ${judged.source === 'capture' ? 'the capture' : 'its issue time'}. The issuer's clock runs ahead.`,
      expected,
      actual: when,
      ...answer,
    }
  if (at >= until + skewMs)
    return {
      id: 'validity',
      title,
      status: 'fail',
      summary: `Expired ${span(at - until)} before ${judged.source === 'capture' ? 'it was captured' : 'its own issue time'}: the relying party refuses it. A fresh sign-in issues a new one; if fresh ones fail too, the issuer's clock is off.`,
      expected,
      actual: when,
      ...answer,
    }
  return {
    id: 'validity',
    title,
    status: 'pass',
    summary:
      judged.source === 'capture'
        ? `Valid when it was captured (${span(until - at)} left).`
        : 'Consistent at its own issue time; without a capture time, later expiry is not judged.',
    expected,
    actual: when,
  }
}

/** An Entra user as the inspector shows them. */
export function entraView(user: Rec): PersonView {
  return {
    subject: entraUserSubject(user),
    fields: {
      userPrincipalName: str(user, 'userPrincipalName') ?? null,
      onPremisesImmutableId: str(user, 'onPremisesImmutableId') ?? null,
      mail: str(user, 'mail') ?? null,
      accountEnabled: bool(user, 'accountEnabled') ?? null,
    },
  }
}

/** An Okta user as the inspector shows them, with their Office 365 app profile when given. */
export function oktaView(user: Rec, officeUser?: Rec): PersonView {
  return {
    subject: oktaUserSubject(user),
    fields: {
      login: str(user, 'profile', 'login') ?? null,
      email: str(user, 'profile', 'email') ?? null,
      status: str(user, 'status') ?? null,
      ...(officeUser
        ? {
            'Office 365 immutableId': str(officeUser, 'profile', 'immutableId') ?? null,
            'Office 365 userName': str(officeUser, 'credentials', 'userName') ?? null,
          }
        : {}),
    },
  }
}

/** Both halves of a person, from either one, through the join. */
export function peopleOf(
  index: SnapshotIndex,
  found: { entra?: Rec; okta?: Rec },
  officeUserOf: (oktaUser: Rec) => Rec | undefined = () => undefined,
): InspectPeople {
  const join = peopleJoin(index)
  let entra = found.entra
  let okta = found.okta
  let via: string[] | undefined
  if (entra) {
    const row = join.entra.indexOf(entra)
    const other = row >= 0 ? oktaCounterpartOf(join, row) : undefined
    if (other) {
      okta ??= other.okta
      if (other.okta === okta) via = other.via.map((k) => JOIN_KEY_LABELS[k])
    }
  } else if (okta) {
    const row = join.oktaRow.get(okta)
    const other = row !== undefined ? entraCounterpartOf(join, row) : undefined
    if (other) {
      entra = other.entra
      via = other.via.map((k) => JOIN_KEY_LABELS[k])
    }
  }
  const people: InspectPeople = {}
  if (entra) people.entra = entraView(entra)
  if (okta) people.okta = oktaView(okta, officeUserOf(okta))
  if (via?.length) people.via = via
  if (!entra && !okta) people.note = 'No person of the snapshot matches this message.'
  else if (!entra) people.note = 'The join finds no Entra user for this Okta user.'
  else if (!okta) people.note = 'The join finds no Okta user for this Entra user.'
  return people
}

/** Entra users holding an immutable ID, compared exactly (the index keys it lower-cased). */
export function entraByImmutableId(index: SnapshotIndex, value: string): Rec[] {
  const key = norm(value)
  if (!key) return []
  return (index.entraByImmutableId.get(key) ?? []).filter(
    (u) => (str(u, 'onPremisesImmutableId') ?? '').trim() === value.trim(),
  )
}
