/**
 * Who is who across the seam, independent of the IdP's own match rule, so rules can
 * tell "this person exists on both sides but the IdP will not match them". Keys, in
 * order of trust: the Office 365 app user's immutableId = Entra onPremisesImmutableId;
 * the O365 app username = Entra UPN; Okta login = UPN; Okta email = Entra mail. A key
 * that is ambiguous on either side is not used.
 */
import { type Rec, norm, str } from '../util/access'
import { office365Apps } from './seam'
import type { SnapshotIndex } from './snapshot-index'
import type { Snapshot } from '../model'

/** One person on both sides, and the key that joined them. */
export interface Counterpart {
  entra: Rec
  okta: Rec
  via: 'immutableId' | 'office365 username' | 'login = userPrincipalName' | 'email = mail'
}

/** The join of Okta and Entra users by identity (not by the IdP's rule). */
export interface Counterparts {
  /** Entra user record → pair (keyed by record: object keys hash faster than ids) */
  byEntra: Map<Rec, Counterpart>
  /** Okta user record → pair */
  byOkta: Map<Rec, Counterpart>
}

/** Builds (once per diagnosis) the identity join between Okta and Entra users. */
export function counterparts(snapshot: Snapshot, index: SnapshotIndex): Counterparts {
  return index.cached('counterparts', () => {
    const byEntra = new Map<Rec, Counterpart>()
    const byOkta = new Map<Rec, Counterpart>()
    const link = (entra: Rec | undefined, okta: Rec | undefined, via: Counterpart['via']) => {
      if (!entra || !okta || byEntra.has(entra) || byOkta.has(okta)) return
      const pair = { entra, okta, via }
      byEntra.set(entra, pair)
      byOkta.set(okta, pair)
    }
    const appUsers = office365Apps(index).flatMap(
      (app) => snapshot.okta?.appUsers?.[str(app, 'id') ?? ''] ?? [],
    )
    const oktaById = index.oktaById
    // each pass only looks at people the stronger keys left unjoined
    for (const au of appUsers) {
      const okta = oktaById.get(str(au, 'id') ?? '')
      if (!okta || byOkta.has(okta)) continue
      link(
        index.entraByImmutableId.one(norm(str(au, 'profile', 'immutableId'))),
        okta,
        'immutableId',
      )
    }
    for (const au of appUsers) {
      const okta = oktaById.get(str(au, 'id') ?? '')
      if (!okta || byOkta.has(okta)) continue
      link(
        index.entraByUpn.one(norm(str(au, 'credentials', 'userName'))),
        okta,
        'office365 username',
      )
    }
    for (const okta of index.oktaUsers) {
      if (byOkta.has(okta)) continue
      link(
        index.entraByUpn.one(norm(str(okta, 'profile', 'login'))),
        okta,
        'login = userPrincipalName',
      )
    }
    for (const okta of index.oktaUsers) {
      if (byOkta.has(okta)) continue
      const email = norm(str(okta, 'profile', 'email'))
      if (!email || index.oktaByEmail.count(email) > 1) continue
      link(index.entraByMail.one(email), okta, 'email = mail')
    }
    return { byEntra, byOkta }
  })
}
