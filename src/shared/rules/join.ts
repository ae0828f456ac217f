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

/** The join of Okta and Entra users by identity (not by the IdP's rule). */
export interface Counterparts {
  /** Entra user id → Okta user */
  oktaForEntra: Map<string, { user: Rec; via: string }>
  /** Okta user id → Entra user */
  entraForOkta: Map<string, { user: Rec; via: string }>
}

function unique(list: Rec[] | undefined): Rec | undefined {
  return list && list.length === 1 ? list[0] : undefined
}

/** Builds (once per diagnosis) the identity join between Okta and Entra users. */
export function counterparts(snapshot: Snapshot, index: SnapshotIndex): Counterparts {
  return index.cached('counterparts', () => {
    const oktaForEntra = new Map<string, { user: Rec; via: string }>()
    const entraForOkta = new Map<string, { user: Rec; via: string }>()
    const link = (entra: Rec | undefined, okta: Rec | undefined, via: string) => {
      const eid = str(entra, 'id')
      const oid = str(okta, 'id')
      if (!entra || !okta || !eid || !oid) return
      if (oktaForEntra.has(eid) || entraForOkta.has(oid)) return
      oktaForEntra.set(eid, { user: okta, via })
      entraForOkta.set(oid, { user: entra, via })
    }
    const appUsers = office365Apps(index).flatMap(
      (app) => snapshot.okta?.appUsers?.[str(app, 'id') ?? ''] ?? [],
    )
    for (const au of appUsers) {
      const okta = index.oktaById.get(str(au, 'id') ?? '')
      link(
        unique(index.entraByImmutableId.get(norm(str(au, 'profile', 'immutableId')) ?? '')),
        okta,
        'immutableId',
      )
    }
    for (const au of appUsers) {
      const okta = index.oktaById.get(str(au, 'id') ?? '')
      link(
        unique(index.entraByUpn.get(norm(str(au, 'credentials', 'userName')) ?? '')),
        okta,
        'office365 username',
      )
    }
    for (const okta of index.oktaUsers) {
      link(
        unique(index.entraByUpn.get(norm(str(okta, 'profile', 'login')) ?? '')),
        okta,
        'login = userPrincipalName',
      )
    }
    for (const okta of index.oktaUsers) {
      const email = norm(str(okta, 'profile', 'email'))
      if (!email || (index.oktaByEmail.get(email)?.length ?? 0) > 1) continue
      link(unique(index.entraByMail.get(email)), okta, 'email = mail')
    }
    return { oktaForEntra, entraForOkta }
  })
}
