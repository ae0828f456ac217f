/**
 * What a step of the Okta collection (collect-okta.ts) shares with the run: the snapshot half
 * it fills, the failures and refresh cursors it records, and the run's guarded, tracked reads.
 */
import type { CollectionError, OktaSnapshot, RawRecord } from '../../shared/model/snapshot'
import type { Tracker } from '../collect/tracker'

export interface OktaStep {
  /** the Okta half of the snapshot, filled resource by resource */
  data: OktaSnapshot
  /** the resources that failed and why */
  errors: CollectionError[]
  /** refresh marks by cursor name */
  cursors: Record<string, string>
  tracker: Tracker
  /** requests one resource's reads keep in flight */
  concurrency: number
  /** runs `read` for `resource`: done when it settles, its failure recorded (not thrown) */
  guard: (resource: string, read: () => Promise<void>) => Promise<void>
  /** every page of `path`, tracked as `resource` (under `key`), each record kept as `keep` gives */
  list: (
    resource: string,
    path: string,
    key?: string,
    keep?: (record: RawRecord) => RawRecord,
  ) => Promise<RawRecord[]>
}
