/**
 * What the people join is (its keys, statuses and rows) and how a row is read back: its
 * status and its counterpart. `join.ts` builds it.
 */
import type { Rec } from '../util/access'

/** The keys that join a person across the seam, strongest first. */
export const JOIN_KEYS = ['immutableId', 'office365UserName', 'idp', 'login', 'email'] as const
export type JoinKey = (typeof JOIN_KEYS)[number]

/** How each key compares the two sides, for evidence and column headers. */
export const JOIN_KEY_LABELS: Readonly<Record<JoinKey, string>> = {
  immutableId: 'Office 365 immutableId = onPremisesImmutableId',
  office365UserName: 'Office 365 username = userPrincipalName',
  idp: "the Microsoft IdP's match rule",
  login: 'Okta login = userPrincipalName',
  email: 'Okta email = mail',
}

/** A row's status. */
export type JoinStatus = 'matched' | 'entra-only' | 'okta-only' | 'ambiguous' | 'conflicting'

/** codes of `oktaOf` / `entraOf` for rows without one counterpart */
export const NONE = -1
export const AMBIGUOUS = -2
export const CONFLICTING = -3

/** The join of one snapshot; see the file header. */
export interface PeopleJoin {
  /** Entra rows: `index.entraUsers` (same positions), then `index.entraDeleted` */
  readonly entra: readonly Rec[]
  /** first row of the deleted Entra users */
  readonly entraDeletedFrom: number
  /** Okta rows: `index.oktaUsers` (same positions), then `index.oktaDeprovisioned` */
  readonly okta: readonly Rec[]
  /** first row of the deactivated Okta users */
  readonly oktaDeprovisionedFrom: number
  /** per Entra row: the Okta row, or -1 none, -2 ambiguous, -3 conflicting */
  readonly oktaOf: Int32Array
  /** per Okta row: the Entra row, same codes */
  readonly entraOf: Int32Array
  /** per Entra row: the keys (bits in JOIN_KEYS order) linking it to its Okta row */
  readonly keys: Uint8Array
  /** the row of each Okta record (`index.oktaRows`) */
  readonly oktaRow: ReadonlyMap<Rec, number>
  /**
   * per live Entra row: the Okta row its identity keys name (immutable ID, Office 365
   * username, login, email — the strongest that finds exactly one), ignoring what the
   * IdPs' match rules do; -1 none, -2 ambiguous. Rules that test an IdP's rule against
   * the person use this; `oktaOf` folds the IdP rules in.
   */
  readonly personOf: Int32Array
  /**
   * per Entra row: the keys (bits in JOIN_KEYS order) in doubt. For an ambiguous or
   * conflicting row, what left it undecided — a key finding several candidates, a
   * candidate another person claims as strongly, or (conflicting) every key that named
   * someone; for a matched row, keys that found several candidates although another key
   * decided (an immutable ID three Okta accounts carry); 0 elsewhere
   */
  readonly entraDoubt: Uint8Array
  /** per Okta row that several Entra rows claim equally strongly: the keys of those claims */
  readonly oktaDoubt: Uint8Array
}

/** One side's view of a joined person. */
export interface Counterpart {
  entra: Rec
  okta: Rec
  entraRow: number
  oktaRow: number
  /** every key that links the two, strongest first */
  via: JoinKey[]
  entraDeleted: boolean
  oktaDeprovisioned: boolean
}

export const BIT: Readonly<Record<JoinKey, number>> = {
  immutableId: 1,
  office365UserName: 2,
  idp: 4,
  login: 8,
  email: 16,
}

/** The keys of a bit set, strongest first. */
export function joinKeysOf(bits: number): JoinKey[] {
  return JOIN_KEYS.filter((k) => (bits & BIT[k]) !== 0)
}

/** The status of an Entra row. */
export function entraRowStatus(join: PeopleJoin, row: number): JoinStatus {
  return statusOf(join.oktaOf[row] as number, 'entra-only')
}

/** The status of an Okta row. */
export function oktaRowStatus(join: PeopleJoin, row: number): JoinStatus {
  return statusOf(join.entraOf[row] as number, 'okta-only')
}

function statusOf(code: number, alone: JoinStatus): JoinStatus {
  if (code >= 0) return 'matched'
  if (code === AMBIGUOUS) return 'ambiguous'
  if (code === CONFLICTING) return 'conflicting'
  return alone
}

/** The Okta counterpart of an Entra row, when the join matched one. */
export function oktaCounterpartOf(join: PeopleJoin, entraRow: number): Counterpart | undefined {
  const j = join.oktaOf[entraRow] as number
  if (j < 0) return undefined
  return counterpart(join, entraRow, j)
}

/** The Entra counterpart of an Okta row, when the join matched one. */
export function entraCounterpartOf(join: PeopleJoin, oktaRow: number): Counterpart | undefined {
  const i = join.entraOf[oktaRow] as number
  if (i < 0 || join.oktaOf[i] !== oktaRow) return undefined
  return counterpart(join, i, oktaRow)
}

/**
 * The Okta account an Entra user's identity keys name, whatever the IdPs' match rules do
 * (see `PeopleJoin.personOf`); only for live Entra rows.
 */
export function personOf(join: PeopleJoin, entraRow: number): Counterpart | undefined {
  const j = join.personOf[entraRow] as number
  if (j < 0) return undefined
  return counterpart(join, entraRow, j)
}

function counterpart(join: PeopleJoin, i: number, j: number): Counterpart {
  return {
    entra: join.entra[i] as Rec,
    okta: join.okta[j] as Rec,
    entraRow: i,
    oktaRow: j,
    via: joinKeysOf(join.keys[i] as number),
    entraDeleted: i >= join.entraDeletedFrom,
    oktaDeprovisioned: j >= join.oktaDeprovisionedFrom,
  }
}
