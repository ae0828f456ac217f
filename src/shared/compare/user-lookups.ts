/**
 * The user lookups behind {@link SnapshotIndex}, each built in one pass over one side:
 * Entra users by UPN and mail (in the address book) and by immutable ID (a hashed index,
 * as proxy addresses are: hashed-index.ts), with the per-user keys the join reads; Okta
 * users by id, login and email.
 */
import { type Rec, norm } from '../util/access'
import { ADDRESS, type AddressBook, type AddressEntry } from './address-book'
import { HashedIndex, IMMUTABLE_IDS } from './hashed-index'

export interface EntraLookups {
  byImmutableId: HashedIndex
  /** per user (same positions as `entraUsers`): the lower-cased UPN and mail the indexes use */
  upnKeys: (string | undefined)[]
  mailKeys: (string | undefined)[]
  /** per user: the address entries of its UPN and mail */
  upnEntries: (AddressEntry | undefined)[]
  mailEntries: (AddressEntry | undefined)[]
  /** per user: bit 1 its UPN, 2 its mail, 4 its immutable ID is shared with another user */
  sharedKeys: Uint8Array
}

export interface OktaLookups {
  /** each live Okta user's position in `oktaUsers` (its join row), by id */
  rowById: Map<string, number>
  /** per live Okta user (`oktaUsers` positions): its lower-cased login and that key's entry */
  loginKeys: (string | undefined)[]
  loginEntries: (AddressEntry | undefined)[]
}

/** Entra users' UPN and mail into `book`, their immutable IDs, and which keys two users share. */
export function buildEntraLookups(users: readonly Rec[], book: AddressBook): EntraLookups {
  const upnKeys = new Array<string | undefined>(users.length)
  const mailKeys = new Array<string | undefined>(users.length)
  const upnEntries = new Array<AddressEntry | undefined>(users.length)
  const mailEntries = new Array<AddressEntry | undefined>(users.length)
  for (let i = 0; i < users.length; i++) {
    const u = users[i] as Rec
    const rawUpn = u['userPrincipalName']
    const rawMail = u['mail']
    const upn = norm(rawUpn)
    // most mail is the UPN as it is: one key and one entry serve both
    const mail = rawMail === rawUpn ? upn : norm(rawMail)
    upnKeys[i] = upn
    mailKeys[i] = mail
    if (upn !== undefined) {
      const entry = book.entry(upn)
      book.add(entry, upn, ADDRESS.upn, u)
      upnEntries[i] = entry
    }
    if (mail !== undefined) {
      const entry = mail === upn ? (upnEntries[i] as AddressEntry) : book.entry(mail)
      book.add(entry, mail, ADDRESS.mail, u)
      mailEntries[i] = entry
    }
  }
  const byImmutableId = new HashedIndex(users, IMMUTABLE_IDS)
  const sharedKeys = new Uint8Array(users.length)
  // duplicates are few: find their holders' rows by key, without a map of every row
  const dupUpn = new Set([...book.view(ADDRESS.upn).duplicates()].map(([k]) => k))
  const dupMail = new Set([...book.view(ADDRESS.mail).duplicates()].map(([k]) => k))
  if (dupUpn.size + dupMail.size > 0) {
    for (let i = 0; i < users.length; i++) {
      let bits = 0
      if (dupUpn.size && dupUpn.has(upnKeys[i] as string)) bits |= 1
      if (dupMail.size && dupMail.has(mailKeys[i] as string)) bits |= 2
      sharedKeys[i] = bits
    }
  }
  for (const i of byImmutableId.sharedRows()) sharedKeys[i] = (sharedKeys[i] as number) | 4
  return { byImmutableId, upnKeys, mailKeys, upnEntries, mailEntries, sharedKeys }
}

/** Okta users by id, and their login and email into `book`. */
export function buildOktaLookups(users: readonly Rec[], book: AddressBook): OktaLookups {
  const rowById = new Map<string, number>()
  const loginKeys = new Array<string | undefined>(users.length)
  const loginEntries = new Array<AddressEntry | undefined>(users.length)
  for (let j = 0; j < users.length; j++) {
    const u = users[j] as Rec
    const id = u['id']
    if (typeof id === 'string') rowById.set(id, j)
    const profile = u['profile']
    if (typeof profile !== 'object' || profile === null) continue
    const rawLogin = (profile as Rec)['login']
    const rawEmail = (profile as Rec)['email']
    const login = norm(rawLogin)
    let loginEntry: AddressEntry | undefined
    if (login !== undefined) {
      loginEntry = book.entry(login)
      book.add(loginEntry, login, ADDRESS.login, u)
      loginKeys[j] = login
      loginEntries[j] = loginEntry
    }
    // most email is the login as it is: one key and one entry serve both
    const email = rawEmail === rawLogin ? login : norm(rawEmail)
    if (email !== undefined)
      book.add(
        email === login ? (loginEntry as AddressEntry) : book.entry(email),
        email,
        ADDRESS.email,
        u,
      )
  }
  return { rowById, loginKeys, loginEntries }
}
