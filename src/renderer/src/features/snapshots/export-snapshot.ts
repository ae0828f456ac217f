/**
 * Export of a cached snapshot as a `crosswalk.snapshot` JSON file, through a
 * download anchor (the hosts deny new windows, and a download needs no IPC).
 * The snapshot holds no secrets by contract, so it is written as stored.
 */
import type { Snapshot } from '../../../../shared/model/snapshot'
import { downloadFile } from '../../download'

/** "crosswalk-snapshot-contoso.okta.com-20261120T1200.json" (collectedAt in UTC) */
export function snapshotFileName(snapshot: Snapshot): string {
  const who =
    (snapshot.okta?.orgUrl ? snapshot.okta.orgUrl.replace(/^https?:\/\//, '') : undefined) ??
    snapshot.entra?.tenantId ??
    'snapshot'
  const when = snapshot.collectedAt.replace(/[-:]/g, '').replace(/\.\d+/, '').slice(0, 13)
  const safe = `${who}-${when}`.replace(/[^A-Za-z0-9._-]+/g, '-')
  return `crosswalk-snapshot-${safe}.json`
}

/** Offers `snapshot` as a file download. */
export function downloadSnapshot(snapshot: Snapshot, doc: Document = document): string {
  // Compact like `crosswalk collect` writes it: a 100k-user tenant pair stays a manageable file.
  return downloadFile(
    snapshotFileName(snapshot),
    [`${JSON.stringify(snapshot)}\n`],
    'application/json',
    doc,
  )
}
