/**
 * The comparisons of a cached snapshot, run inside the snapshot worker: the People rows
 * (packed for the trip to the UI thread), the groups side by side, the chart series and
 * one person's detail. The worker keeps the last snapshot it loaded with its index, so
 * the screens of one snapshot share one load and one join. Free of worker globals, so
 * it is testable as is.
 */
import {
  type KeyCandidates,
  entraRowCandidates,
  oktaRowCandidates,
} from '../../../shared/compare/candidates'
import { chartData } from '../../../shared/compare/charts'
import { groupPairs } from '../../../shared/compare/groups'
import { peopleJoin } from '../../../shared/compare/join'
import { officeAppUsers } from '../../../shared/compare/office-app-users'
import { packPeople } from '../../../shared/compare/people-packed'
import { peopleTable } from '../../../shared/compare/people-rows'
import { SnapshotIndex } from '../../../shared/compare/snapshot-index'
import type { RawRecord, Snapshot } from '../../../shared/model/snapshot'
import { str, text } from '../../../shared/util/access'
import type { CrosswalkDb } from '../db/schema'
import { loadSnapshot } from '../db/snapshots'
import { listFindings } from '../db/findings'
import { wasCollected } from '../db/queries'
import { integrationPairs } from '../../../shared/compare/integration'
import type { PeopleTimings, WorkerResults } from './diagnosis-protocol'

/** The last snapshot the worker loaded, with its index (joins and tables are cached on it). */
export class SnapshotCache {
  private held: { snapshotId: string; index: SnapshotIndex } | undefined

  /** The index of a snapshot, loading it when another one is held; `loadMs` 0 when held. */
  async index(
    db: CrosswalkDb,
    snapshotId: string,
    clock: () => number,
  ): Promise<{ index: SnapshotIndex; loadMs: number }> {
    if (this.held?.snapshotId === snapshotId) return { index: this.held.index, loadMs: 0 }
    // let the previous snapshot go before the next one is read: both would not fit
    this.held = undefined
    const t0 = clock()
    const snapshot = await loadSnapshot(db, snapshotId)
    return { index: this.keep(snapshotId, snapshot), loadMs: clock() - t0 }
  }

  /** Holds a snapshot loaded elsewhere (the diagnosis), replacing the one held. */
  keep(snapshotId: string, snapshot: Snapshot): SnapshotIndex {
    const index = new SnapshotIndex(snapshot)
    this.held = { snapshotId, index }
    return index
  }

  drop(): void {
    this.held = undefined
  }
}

/** The People comparison, packed, with the worker's timings. */
export async function runPeople(
  cache: SnapshotCache,
  db: CrosswalkDb,
  snapshotId: string,
  clock: () => number = () => performance.now(),
): Promise<WorkerResults['people']> {
  const { index, loadMs } = await cache.index(db, snapshotId, clock)
  const t0 = clock()
  peopleJoin(index)
  const t1 = clock()
  const packed = packPeople(peopleTable(index))
  const t2 = clock()
  const timings: PeopleTimings = { loadMs, joinMs: t1 - t0, rowsMs: t2 - t1, rows: packed.count }
  return { packed, timings }
}

export async function runGroups(cache: SnapshotCache, db: CrosswalkDb, snapshotId: string) {
  const { index } = await cache.index(db, snapshotId, () => performance.now())
  return groupPairs(index)
}

/** Both halves of each integration, with the findings stored for this snapshot. */
export async function runIntegration(cache: SnapshotCache, db: CrosswalkDb, snapshotId: string) {
  const { index } = await cache.index(db, snapshotId, () => performance.now())
  const [row, findings] = await Promise.all([
    db.snapshots.get(snapshotId),
    listFindings(db, snapshotId),
  ])
  const diagnosed = row?.diagnosis !== undefined || findings.length > 0
  return integrationPairs(index.snapshot, diagnosed ? findings : undefined, {
    ...(row ? { isCollected: (path: string) => wasCollected(row, path) } : {}),
  })
}

export async function runCharts(cache: SnapshotCache, db: CrosswalkDb, snapshotId: string) {
  const { index } = await cache.index(db, snapshotId, () => performance.now())
  return chartData(index.snapshot)
}

/** A candidate account another key names, as the detail lists it. */
export interface CandidateAccount {
  row: number
  id: string
  name: string
}

/** One person across the seam, for the People detail. */
export interface PersonDetail {
  entra?: RawRecord
  okta?: RawRecord
  /** the person's Office 365 app users (what Okta sends to Entra), by app label */
  appUsers: { app: string; record: RawRecord }[]
  /** for the Entra side's row, what each key found on the Okta side */
  entraKeys: (Omit<KeyCandidates, 'rows'> & { accounts: CandidateAccount[] })[]
  /** for the Okta side's row, what each key found on the Entra side */
  oktaKeys: (Omit<KeyCandidates, 'rows'> & { accounts: CandidateAccount[] })[]
}

/** The raw records of one row and what each key found for it. */
export async function runPerson(
  cache: SnapshotCache,
  db: CrosswalkDb,
  snapshotId: string,
  entraRow: number,
  oktaRow: number,
): Promise<PersonDetail> {
  const { index } = await cache.index(db, snapshotId, () => performance.now())
  const join = peopleJoin(index)
  const entra = entraRow >= 0 ? join.entra[entraRow] : undefined
  const okta = oktaRow >= 0 ? join.okta[oktaRow] : undefined
  const apps = new Map(index.oktaApps.map((a) => [str(a, 'id') ?? '', text(a, 'label') ?? 'app']))
  const appUsers = [
    ...(officeAppUsers(index)
      .get(str(okta, 'id') ?? '')
      ?.entries() ?? []),
  ].map(([appId, record]) => ({ app: apps.get(appId) ?? appId, record }))
  const named = (list: KeyCandidates[], side: 'entra' | 'okta') =>
    list.map(({ rows, ...rest }) => ({
      ...rest,
      accounts: rows.map((row) => {
        const rec = side === 'okta' ? join.okta[row] : join.entra[row]
        return {
          row,
          id: str(rec, 'id') ?? '',
          name:
            side === 'okta'
              ? (str(rec, 'profile', 'login') ?? str(rec, 'id') ?? '')
              : (str(rec, 'userPrincipalName') ?? str(rec, 'id') ?? ''),
        }
      }),
    }))
  return {
    ...(entra ? { entra } : {}),
    ...(okta ? { okta } : {}),
    appUsers,
    entraKeys: entra ? named(entraRowCandidates(index, entraRow), 'okta') : [],
    oktaKeys: okta ? named(oktaRowCandidates(index, oktaRow), 'entra') : [],
  }
}
