/**
 * The People comparison: one row per person across the seam, straight from the one join
 * (join.ts), each saying how it joined (matched, Entra only, Okta only, ambiguous,
 * conflicting), which key joined it or left it in doubt, and the person's population
 * class; and, per row, every attribute pair (attribute-pairs.ts) compared.
 *
 * Rows: every live Entra user, in directory order (with its Okta account when the join
 * found one, live or deactivated); then every live Okta user, unless a live Entra user
 * holds it, with the deleted Entra user the join paired it with if any. Removed accounts
 * nobody on the other side names are left out: they are not at the seam any more.
 *
 * Storage is columnar (typed arrays and string arrays), so 100k people a side stay a few
 * tens of MiB and a screen can filter them without touching records.
 */
import { type Rec, isRec, str, text } from '../util/access'
import { type PairReader, attributePairReaders } from './attribute-pairs'
import { officeAppUsers } from './office-app-users'
import { entraRowCandidates } from './candidates'
import { JOIN_KEYS, type JoinKey, type JoinStatus, type PeopleJoin, peopleJoin } from './join'
import { entraClasses, oktaClasses } from './people'
import { type EntraClass, type OktaClass, entraCanSignIn, oktaCanSignIn } from './population'
import type { SnapshotIndex } from './snapshot-index'
import {
  V_DIFFERENT,
  V_EQUAL,
  V_MISSING_ENTRA,
  V_MISSING_OKTA,
  V_UNPAIRED,
  compareValues,
  isPresent,
} from './values'

/** Row statuses, in the order their indices are stored. */
export const ROW_STATUSES: readonly JoinStatus[] = [
  'matched',
  'entra-only',
  'okta-only',
  'ambiguous',
  'conflicting',
]

/** Words for each status. */
export const ROW_STATUS_LABELS: Readonly<Record<JoinStatus, string>> = {
  matched: 'Matched',
  'entra-only': 'Entra only',
  'okta-only': 'Okta only',
  ambiguous: 'Ambiguous',
  conflicting: 'Conflicting',
}

/** Population classes of a row, in the order their indices are stored. */
export const ROW_CLASSES = [
  'person',
  'guest',
  'sync-account',
  'break-glass',
  'service',
  'shared-mailbox',
  'room',
  'leaver',
  'deleted',
  'not-yet-active',
  'suspended',
] as const satisfies readonly (EntraClass | OktaClass)[]
export type RowClass = (typeof ROW_CLASSES)[number]

/** Words for each class. */
export const ROW_CLASS_LABELS: Readonly<Record<RowClass, string>> = {
  person: 'Person',
  guest: 'Guest',
  'sync-account': 'Sync account',
  'break-glass': 'Break-glass',
  service: 'Service account',
  'shared-mailbox': 'Shared mailbox',
  room: 'Room or equipment',
  leaver: 'Leaver',
  deleted: 'Deleted',
  'not-yet-active': 'Not yet active',
  suspended: 'Suspended',
}

/** The rows of the People comparison (see the file header). */
export interface PeopleRows {
  readonly join: PeopleJoin
  readonly count: number
  /** per row: the row in `join.entra`, or -1 */
  readonly entraRow: Int32Array
  /** per row: the row in `join.okta`, or -1 */
  readonly oktaRow: Int32Array
  /** per row: an index into ROW_STATUSES */
  readonly status: Uint8Array
  /**
   * per row: the deciding key as 1 + its index in JOIN_KEYS (0: none) — the strongest key
   * that joined a matched row, or the strongest key that left the row in doubt
   */
  readonly key: Uint8Array
  /** per row: every key (bits in JOIN_KEYS order) that links the row, or that is in doubt */
  readonly keyBits: Uint8Array
  /**
   * per row: keys in doubt (bits) — for an ambiguous or conflicting row its `keyBits`; for a
   * matched row, keys that found other candidates too (another Okta account carries the
   * same immutable ID); for an Okta row, keys by which an Entra person who has an account
   * already names this one as well
   */
  readonly doubt: Uint8Array
  /** per row: an index into ROW_CLASSES */
  readonly population: Uint8Array
}

const CLASS_INDEX = new Map<string, number>(ROW_CLASSES.map((c, i) => [c, i]))

function strongest(bits: number): number {
  for (let k = 0; k < JOIN_KEYS.length; k++) if (bits & (1 << k)) return k + 1
  return 0
}

/** The key a row's `key` value names, or undefined for 0. */
export function rowKey(code: number): JoinKey | undefined {
  return code > 0 ? JOIN_KEYS[code - 1] : undefined
}

/** The People rows of a snapshot (cached on the index). */
export function peopleRows(index: SnapshotIndex): PeopleRows {
  return index.cached('compare:rows', () => buildRows(index))
}

function buildRows(index: SnapshotIndex): PeopleRows {
  const join = peopleJoin(index)
  const live = join.entraDeletedFrom
  const liveOkta = join.oktaDeprovisionedFrom
  const eClasses = entraClasses(index)
  const oClasses = oktaClasses(index)
  const capacity = join.entra.length + join.okta.length
  const entraRow = new Int32Array(capacity)
  const oktaRow = new Int32Array(capacity)
  const status = new Uint8Array(capacity)
  const key = new Uint8Array(capacity)
  const keyBits = new Uint8Array(capacity)
  const doubt = new Uint8Array(capacity)
  const population = new Uint8Array(capacity)
  let n = 0
  const classOf = (i: number, j: number): number => {
    const e: string | undefined =
      i < 0 ? undefined : i >= live ? 'deleted' : (eClasses[i] ?? 'person')
    if (e !== undefined && e !== 'person') return CLASS_INDEX.get(e) ?? 0
    const o: string | undefined = j < 0 ? undefined : (oClasses[j] ?? 'person')
    return o !== undefined && o !== 'person' ? (CLASS_INDEX.get(o) ?? 0) : 0
  }
  const add = (i: number, j: number, s: number, bits: number, doubtBits = s >= 3 ? bits : 0) => {
    entraRow[n] = i
    oktaRow[n] = j
    status[n] = s
    keyBits[n] = bits
    doubt[n] = doubtBits
    key[n] = strongest(bits)
    population[n] = classOf(i, j)
    n++
  }
  for (let i = 0; i < live; i++) {
    const j = join.oktaOf[i] as number
    if (j >= 0) add(i, j, 0, join.keys[i] as number, join.entraDoubt[i] as number)
    else if (j === -2) add(i, -1, 3, join.entraDoubt[i] as number)
    else if (j === -3) add(i, -1, 4, join.entraDoubt[i] as number)
    else add(i, -1, 1, 0)
  }
  const doubted = oktaCandidatesOfDoubt(index, entraRow, status, doubt, n)
  for (let j = 0; j < liveOkta; j++) {
    const i = join.entraOf[j] as number
    if (i === -2) add(-1, j, 3, join.oktaDoubt[j] as number)
    else if (i === -1) {
      // an Okta account one of several Entra people could be: ambiguous from its side too
      const bits = doubted.get(j)
      if (bits === undefined) add(-1, j, 2, 0)
      else add(-1, j, bits & CONFLICT ? 4 : 3, bits & ~CONFLICT)
    } else if (i >= 0 && i < live && doubted.has(j)) {
      // matched, and named by another person's key as well: doubt on its row (the first
      // loop added live Entra row i as table row i)
      doubt[i] = (doubt[i] as number) | ((doubted.get(j) as number) & ~CONFLICT)
    }
    // a live Okta account the join paired with a deleted Entra user
    else if (i >= live) add(i, j, 0, join.keys[i] as number)
  }
  return {
    join,
    count: n,
    entraRow: entraRow.slice(0, n),
    oktaRow: oktaRow.slice(0, n),
    status: status.slice(0, n),
    key: key.slice(0, n),
    keyBits: keyBits.slice(0, n),
    doubt: doubt.slice(0, n),
    population: population.slice(0, n),
  }
}

/**
 * Okta rows that a doubtful Entra row's doubtful keys name, with those keys as bits: the
 * Okta side of "one person, several candidates" (such rows are few; their candidates are
 * replayed one by one).
 */
function oktaCandidatesOfDoubt(
  index: SnapshotIndex,
  entraRow: Int32Array,
  status: Uint8Array,
  doubt: Uint8Array,
  n: number,
): Map<number, number> {
  const out = new Map<number, number>()
  for (let r = 0; r < n; r++) {
    const bits = doubt[r] as number
    if (bits === 0) continue
    const conflicting = status[r] === 4
    for (const c of entraRowCandidates(index, entraRow[r] as number)) {
      const bit = 1 << JOIN_KEYS.indexOf(c.key)
      // a conflicting row's keys each name one account; elsewhere doubt means several
      // accounts on one side or the other hold the key's value
      const several = c.rows.length > 1 || c.sharedOnOwnSide > 1
      if ((bits & bit) === 0 || (!conflicting && !several)) continue
      for (const j of c.rows) out.set(j, (out.get(j) ?? 0) | bit | (conflicting ? CONFLICT : 0))
    }
  }
  return out
}

/** Marks, in `oktaCandidatesOfDoubt`'s bits, an account a conflicting row names. */
const CONFLICT = 0x80

/** One attribute pair over every row. */
export interface PairColumn {
  readonly reader: PairReader
  readonly entra: (string | undefined)[]
  readonly okta: (string | undefined)[]
  /** per row: an index into CELL_VERDICTS */
  readonly verdict: Uint8Array
  /** per row: normalisation bits of an equal-after-normalisation verdict */
  readonly normalised: Uint8Array
}

/** The People comparison: rows, the identity of each side, and every attribute pair. */
export interface PeopleTable {
  readonly rows: PeopleRows
  /** per row: a name for the person (Entra display name, else Okta's) */
  readonly name: (string | undefined)[]
  /** per row: the Entra UPN */
  readonly upn: (string | undefined)[]
  /** per row: the Okta login */
  readonly login: (string | undefined)[]
  /** per row: the Entra object id and the Okta user id */
  readonly entraId: (string | undefined)[]
  readonly oktaId: (string | undefined)[]
  readonly columns: PairColumn[]
}

function oktaName(o: Rec): string | undefined {
  const profile = o['profile']
  if (!isRec(profile)) return undefined
  const display = text(profile, 'displayName')
  if (display) return display
  const full = [text(profile, 'firstName'), text(profile, 'lastName')].filter(Boolean).join(' ')
  return full || undefined
}

/**
 * Compares every pair on every row (cached on the index). One-sided rows get `unpaired`
 * cells with the side's values; a pair whose Entra attribute was not collected gets
 * `blank` cells.
 */
export function peopleTable(index: SnapshotIndex): PeopleTable {
  return index.cached('compare:table', () => buildTable(index))
}

function buildTable(index: SnapshotIndex): PeopleTable {
  const rows = peopleRows(index)
  const { join, count } = rows
  const readers = attributePairReaders(index)
  const apps = officeAppUsers(index)
  const name = new Array<string | undefined>(count)
  const upn = new Array<string | undefined>(count)
  const login = new Array<string | undefined>(count)
  const entraId = new Array<string | undefined>(count)
  const oktaId = new Array<string | undefined>(count)
  const columns: PairColumn[] = readers.map((reader) => ({
    reader,
    entra: new Array<string | undefined>(count),
    okta: new Array<string | undefined>(count),
    verdict: new Uint8Array(count),
    normalised: new Uint8Array(count),
  }))
  for (let r = 0; r < count; r++) {
    const i = rows.entraRow[r] as number
    const j = rows.oktaRow[r] as number
    const e = i >= 0 ? (join.entra[i] as Rec) : undefined
    const o = j >= 0 ? (join.okta[j] as Rec) : undefined
    const profile = o?.['profile']
    const entraUpn = e ? str(e, 'userPrincipalName') : undefined
    const oktaLogin = isRec(profile) ? str(profile, 'login') : undefined
    upn[r] = entraUpn
    login[r] = oktaLogin
    entraId[r] = e ? str(e, 'id') : undefined
    oktaId[r] = o ? str(o, 'id') : undefined
    name[r] = (e ? text(e, 'displayName') : undefined) ?? (o ? oktaName(o) : undefined)
    const appUsers = o ? apps.get(str(o, 'id') ?? '') : undefined
    const deleted = i >= join.entraDeletedFrom
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c] as PairColumn
      const pair = col.reader.pair
      // Entra prefixes a deleted user's UPN with its object id; the person's UPN is the rest
      const ev =
        e && pair.collected
          ? deleted && pair.entra === 'userPrincipalName'
            ? undeletedUpnText(e)
            : col.reader.entraValue(e)
          : undefined
      const ov = o ? col.reader.oktaValue(o, appUsers) : undefined
      col.entra[r] = ev
      col.okta[r] = ov
      if (!e || !o) {
        col.verdict[r] = V_UNPAIRED
        continue
      }
      if (pair.compare === 'status') {
        col.verdict[r] = statusVerdict(e, o, deleted, ev, ov)
        continue
      }
      if (!pair.collected) {
        col.verdict[r] = 5
        continue
      }
      if (ev === ov && ev !== undefined && isPresent(ev)) continue // V_EQUAL is 0
      const result = compareValues(ev, ov, pair.compare !== 'exact')
      col.verdict[r] = result.verdict
      col.normalised[r] = result.normalised
    }
  }
  return { rows, name, upn, login, entraId, oktaId, columns }
}

/** A deleted user's UPN without the object id Entra puts in front, in its own case. */
function undeletedUpnText(user: Rec): string | undefined {
  const upn = str(user, 'userPrincipalName')
  const id = str(user, 'id')?.replace(/-/g, '').toLowerCase()
  return upn && id && upn.toLowerCase().startsWith(id) ? upn.slice(id.length) : upn
}

/** accountEnabled ↔ status: equal when both sides agree on whether the person can sign in. */
function statusVerdict(
  e: Rec,
  o: Rec,
  deleted: boolean,
  ev: string | undefined,
  ov: string | undefined,
): number {
  if (ov === undefined) return V_MISSING_OKTA
  if (ev === undefined && !deleted) return V_MISSING_ENTRA
  return entraCanSignIn(e, deleted) === oktaCanSignIn(o) ? V_EQUAL : V_DIFFERENT
}

/** True when a row disagrees on at least one compared pair. */
export function rowHasMismatch(table: PeopleTable, row: number): boolean {
  for (const col of table.columns) {
    const v = col.verdict[row] as number
    if (v === V_DIFFERENT || v === V_MISSING_ENTRA || v === V_MISSING_OKTA) return true
  }
  return false
}
