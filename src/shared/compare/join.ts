/**
 * Who is who across the seam, independent of the IdP's own match rule, so rules can
 * tell "this person exists on both sides but the IdP will not match them". Looked up
 * on demand for the few people a rule asks about (a full join of 100k people would
 * cost more than every rule together). Keys, cheapest first, each used only when it
 * is unique on both sides: Okta login = Entra UPN; Okta email = Entra mail; the
 * Office 365 app username = UPN; the Office 365 app user's immutableId = Entra
 * onPremisesImmutableId (the last two only for synced people, who carry an
 * immutable ID).
 */
import type { Snapshot } from '../model'
import { type Rec, norm, str } from '../util/access'
import { office365Apps } from './seam'
import { MultiIndex, type SnapshotIndex } from './snapshot-index'

/** One person on both sides, and the key that joined them. */
export interface Counterpart {
  entra: Rec
  okta: Rec
  via: 'login = userPrincipalName' | 'email = mail' | 'office365 username' | 'immutableId'
}

interface AppUserKeys {
  /** Office 365 app users' Okta users by lower-cased app username */
  byUserName: MultiIndex
  /** … and by lower-cased immutableId */
  byImmutableId: MultiIndex
}

/** Office 365 app users keyed for the join; built on the first lookup that needs them. */
function appUserKeys(snapshot: Snapshot, index: SnapshotIndex): AppUserKeys {
  return index.cached('join:appUsers', () => {
    const byUserName = new MultiIndex()
    const byImmutableId = new MultiIndex()
    for (const app of office365Apps(index)) {
      for (const au of snapshot.okta?.appUsers?.[str(app, 'id') ?? ''] ?? []) {
        const okta = index.oktaById.get(str(au, 'id') ?? '')
        if (!okta) continue
        byUserName.add(norm(str(au, 'credentials', 'userName')), okta)
        byImmutableId.add(norm(str(au, 'profile', 'immutableId')), okta)
      }
    }
    return { byUserName, byImmutableId }
  })
}

/** The Okta account of an Entra user, by the first unique key that finds one. */
export function oktaCounterpart(
  entra: Rec,
  snapshot: Snapshot,
  index: SnapshotIndex,
): Counterpart | undefined {
  const upn = norm(str(entra, 'userPrincipalName'))
  const mail = norm(str(entra, 'mail'))
  const unique = (okta: Rec | undefined, via: Counterpart['via']) =>
    okta ? { entra, okta, via } : undefined
  if (upn && index.entraByUpn.count(upn) === 1) {
    const byLogin = unique(index.oktaByLogin.one(upn), 'login = userPrincipalName')
    if (byLogin) return byLogin
  }
  if (mail && index.entraByMail.count(mail) === 1) {
    const byEmail = unique(index.oktaByEmail.one(mail), 'email = mail')
    if (byEmail) return byEmail
  }
  // the Office 365 keys cover synced people (the ones Okta provisions to Office 365);
  // skipping cloud-only accounts spares building their index for service accounts
  const immutable = norm(str(entra, 'onPremisesImmutableId'))
  if (!immutable) return undefined
  const keys = appUserKeys(snapshot, index)
  if (upn && index.entraByUpn.count(upn) === 1) {
    const byAppUser = unique(keys.byUserName.one(upn), 'office365 username')
    if (byAppUser) return byAppUser
  }
  if (index.entraByImmutableId.count(immutable) === 1) {
    return unique(keys.byImmutableId.one(immutable), 'immutableId')
  }
  return undefined
}

/** The Entra account of an Okta user, by the same keys. */
export function entraCounterpart(
  okta: Rec,
  _snapshot: Snapshot,
  index: SnapshotIndex,
): Counterpart | undefined {
  const login = norm(str(okta, 'profile', 'login'))
  const email = norm(str(okta, 'profile', 'email'))
  if (login && index.oktaByLogin.count(login) === 1) {
    const entra = index.entraByUpn.one(login)
    if (entra) return { entra, okta, via: 'login = userPrincipalName' }
  }
  if (email && index.oktaByEmail.count(email) === 1) {
    const entra = index.entraByMail.one(email)
    if (entra) return { entra, okta, via: 'email = mail' }
  }
  return undefined
}
