import { useEffect, useState } from 'react'
import { Button } from 'react-aria-components'
import { acceptPartialSnapshot, loadSnapshot, type SnapshotRow } from '../../db'
import { listSnapshots } from '../../db/queries'
import { formatUtc } from '../workbench/snapshot-label'
import { useWorkbench } from '../workbench/workbench-context'
import { downloadSnapshot } from './export-snapshot'
import { ImportPanel } from './import-panel'

const ORIGIN_LABELS: Record<SnapshotRow['origin'], string> = {
  collected: 'Collected',
  imported: 'Imported file',
  demo: 'Demo',
}

function recordTotal(row: SnapshotRow): number {
  return Object.values(row.counts).reduce((sum, n) => sum + n, 0)
}

function usersLine(row: SnapshotRow): string {
  const entra = row.counts['entra.users']
  const okta = row.counts['okta.users']
  const parts = [
    entra !== undefined ? `${entra} Entra` : undefined,
    okta !== undefined ? `${okta} Okta` : undefined,
  ].filter(Boolean)
  return parts.length ? `${parts.join(' · ')} users` : '—'
}

/** Import and export of snapshot files, and the workspace's snapshots with their status. */
export function SnapshotsScreen() {
  const { load, workspaceId, reload } = useWorkbench()
  const [rows, setRows] = useState<SnapshotRow[]>()
  const [message, setMessage] = useState<{ error: boolean; text: string }>()
  const db = load.status === 'ready' ? load.db : undefined
  const current = load.status === 'ready' ? load.snapshot : undefined

  // The list follows the current snapshot: an import or an acceptance moves it.
  const currentId = current?.id
  useEffect(() => {
    if (!db) return
    let live = true
    void listSnapshots(db, workspaceId).then((list) => live && setRows(list))
    return () => {
      live = false
    }
  }, [db, workspaceId, currentId])

  const exportRow = async (row: SnapshotRow) => {
    if (!db) return
    try {
      const name = downloadSnapshot(await loadSnapshot(db, row.id))
      setMessage({ error: false, text: `Exported ${name}.` })
    } catch (error) {
      setMessage({
        error: true,
        text: `Export failed: ${error instanceof Error ? error.message : String(error)}`,
      })
    }
  }

  const accept = async (row: SnapshotRow) => {
    if (!db) return
    try {
      await acceptPartialSnapshot(db, row.id)
      setMessage({
        error: false,
        text: `The partial snapshot of ${formatUtc(row.collectedAt)} is now current.`,
      })
      await reload()
    } catch (error) {
      setMessage({ error: true, text: error instanceof Error ? error.message : String(error) })
    }
  }

  return (
    <section className="screen" aria-labelledby="snapshots-title">
      <div className="screen__header">
        <h1 id="snapshots-title">Snapshots</h1>
        {current && (
          <Button className="button" onPress={() => void exportRow(current)}>
            Export current snapshot
          </Button>
        )}
      </div>
      <p className="muted">
        Every snapshot is kept in this computer's cache and works offline. Exported files contain no
        secrets.
      </p>
      {message && (
        <p
          className={message.error ? 'form__error' : 'muted'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      <ImportPanel />
      <section className="wb-section" aria-labelledby="snapshot-list-title">
        <h2 id="snapshot-list-title">Snapshots in this workspace</h2>
        {rows && rows.length === 0 && (
          <div className="empty">
            <p>No snapshots yet.</p>
            <p className="muted">Import a file above.</p>
          </div>
        )}
        {rows && rows.length > 0 && (
          <table className="data-table" aria-labelledby="snapshot-list-title">
            <thead>
              <tr>
                <th scope="col">Collected (UTC)</th>
                <th scope="col">Status</th>
                <th scope="col">Origin</th>
                <th scope="col">Tenant and org</th>
                <th scope="col">Records</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const isCurrent = row.id === current?.id
                const finished = row.status === 'complete' || row.status === 'partial'
                return (
                  <tr key={row.id} data-snapshot-id={row.id} aria-current={isCurrent || undefined}>
                    <th scope="row" className="data-table__name">
                      <time dateTime={row.collectedAt}>{formatUtc(row.collectedAt)}</time>
                      {isCurrent && (
                        <>
                          {' '}
                          <span className="chip chip--ok">current</span>
                        </>
                      )}
                    </th>
                    <td>
                      {row.status}
                      {row.reason && <div className="muted">{row.reason}</div>}
                      {row.collection && row.collection.errors.length > 0 && (
                        <div className="muted">
                          {row.collection.errors.length} resource
                          {row.collection.errors.length === 1 ? '' : 's'} not collected
                        </div>
                      )}
                    </td>
                    <td>{ORIGIN_LABELS[row.origin]}</td>
                    <td>
                      {row.entra && (
                        <div>
                          <code>{row.entra.tenantId}</code>
                        </div>
                      )}
                      {row.okta && (
                        <div>
                          <code>{row.okta.orgUrl}</code>
                        </div>
                      )}
                    </td>
                    <td>
                      {recordTotal(row).toLocaleString()}
                      <div className="muted">{usersLine(row)}</div>
                    </td>
                    <td className="data-table__actions">
                      {row.status === 'partial' && !isCurrent && (
                        <Button
                          className="button button--small"
                          aria-label={`Accept the partial snapshot of ${formatUtc(row.collectedAt)} as current`}
                          onPress={() => void accept(row)}
                        >
                          Accept partial
                        </Button>
                      )}
                      {finished && (
                        <Button
                          className="button button--small"
                          aria-label={`Export the snapshot of ${formatUtc(row.collectedAt)}`}
                          onPress={() => void exportRow(row)}
                        >
                          Export
                        </Button>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </section>
    </section>
  )
}
