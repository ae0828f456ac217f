import { useEffect, useState } from 'react'
import { Button } from 'react-aria-components'
import { Link } from 'react-router'
import { DateTime } from '../../components/date-time'
import {
  acceptPartialSnapshot,
  deleteSnapshot,
  keepPartialAside,
  loadSnapshot,
  type SnapshotRow,
} from '../../db'
import { listSnapshots } from '../../db/queries'
import { formatCount, formatDateTime, formatNumber } from '../../format'
import { collectRunFor, useCollectRun } from '../collect/use-collect-run'
import { useWorkbench } from '../workbench/workbench-context'
import { downloadSnapshot } from './export-snapshot'
import { ImportPanel } from './import-panel'

const ORIGIN_LABELS: Record<SnapshotRow['origin'], string> = {
  collected: 'Collected',
  imported: 'Imported file',
  demo: 'Demo',
}

const STATUS_LABELS: Record<SnapshotRow['status'], string> = {
  collecting: 'being collected',
  complete: 'complete',
  partial: 'partial',
  failed: 'failed',
  cancelled: 'cancelled',
  interrupted: 'interrupted',
}

function recordTotal(row: SnapshotRow): number {
  return Object.values(row.counts).reduce((sum, n) => sum + n, 0)
}

function usersLine(row: SnapshotRow): string {
  const entra = row.counts['entra.users']
  const okta = row.counts['okta.users']
  const parts = [
    entra !== undefined ? `${formatNumber(entra)} Entra` : undefined,
    okta !== undefined ? `${formatNumber(okta)} Okta` : undefined,
  ].filter(Boolean)
  return parts.length ? `${parts.join(' · ')} users` : '—'
}

/**
 * Import and export of snapshot files, and the workspace's snapshots with their status: a
 * partial one can be accepted as current or discarded (a collection's pending decision is
 * made here too), and runs that failed, were cancelled or were cut off can be deleted.
 */
export function SnapshotsScreen() {
  const { load, workspaceId, reload, services } = useWorkbench()
  const [rows, setRows] = useState<SnapshotRow[]>()
  const [message, setMessage] = useState<{ error: boolean; text: string }>()
  const run = useCollectRun(collectRunFor(workspaceId, services))
  const db = load.status === 'ready' ? load.db : undefined
  const current = load.status === 'ready' ? load.snapshot : undefined

  // The list follows the current snapshot and every collection stored or decided.
  const [changes, setChanges] = useState(0)
  const currentId = current?.id
  useEffect(() => {
    if (!db) return
    let live = true
    void listSnapshots(db, workspaceId).then((list) => live && setRows(list))
    return () => {
      live = false
    }
  }, [db, workspaceId, currentId, run.stored, changes])

  const act = async (work: () => Promise<void>, done: string) => {
    try {
      await work()
      setMessage({ error: false, text: done })
      setChanges((n) => n + 1)
      await reload()
    } catch (error) {
      setMessage({ error: true, text: error instanceof Error ? error.message : String(error) })
    }
  }

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

  const accept = (row: SnapshotRow) =>
    db &&
    act(
      async () => {
        // the Collect screen's question about it is answered here as well
        if (run.snapshotId === row.id && run.phase === 'awaiting-decision')
          await collectRunFor(workspaceId).decidePartial('accept')
        else await acceptPartialSnapshot(db, row.id)
      },
      `The partial snapshot of ${formatDateTime(row.collectedAt)} is now current.`,
    )
  const discard = (row: SnapshotRow) =>
    db &&
    act(
      async () => {
        if (run.snapshotId === row.id && run.phase === 'awaiting-decision')
          await collectRunFor(workspaceId).decidePartial('discard')
        else await deleteSnapshot(db, row.id)
      },
      row.status === 'partial'
        ? `The partial snapshot of ${formatDateTime(row.collectedAt)} was discarded.`
        : `The ${STATUS_LABELS[row.status]} run of ${formatDateTime(row.createdAt)} was deleted.`,
    )
  const keep = (row: SnapshotRow) =>
    db &&
    act(
      async () => {
        if (run.snapshotId === row.id && run.phase === 'awaiting-decision')
          await collectRunFor(workspaceId).decidePartial('keep')
        else await keepPartialAside(db, row.id)
      },
      `The partial snapshot of ${formatDateTime(row.collectedAt)} is kept; the current one stays current.`,
    )

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
      <section className="wb-section" aria-labelledby="snapshot-list-title">
        <h2 id="snapshot-list-title">Snapshots in this workspace</h2>
        {rows && rows.length === 0 && (
          <div className="empty">
            <p>No snapshots yet.</p>
            <p className="muted">
              Collect one from the tenants: <Link to={`/w/${workspaceId}/connect`}>Connect</Link>{' '}
              (enter both sides, Test connection, Save), then{' '}
              <Link to={`/w/${workspaceId}/collect`}>Collect</Link>. Or import a file written by{' '}
              <code>crosswalk collect</code> below.
            </p>
          </div>
        )}
        {rows && rows.length > 0 && (
          <table className="data-table" aria-labelledby="snapshot-list-title">
            <thead>
              <tr>
                <th scope="col">Collected</th>
                <th scope="col">Status</th>
                <th scope="col">Origin</th>
                <th scope="col">Tenant and org</th>
                <th scope="col" className="num">
                  Records
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <SnapshotListRow
                  key={row.id}
                  row={row}
                  isCurrent={row.id === current?.id}
                  hasCurrent={current !== undefined}
                  onExport={() => void exportRow(row)}
                  onAccept={() => void accept(row)}
                  onKeep={() => void keep(row)}
                  onDiscard={() => void discard(row)}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ImportPanel rows={rows} />
    </section>
  )
}

interface RowProps {
  row: SnapshotRow
  isCurrent: boolean
  hasCurrent: boolean
  onExport: () => void
  onAccept: () => void
  onKeep: () => void
  onDiscard: () => void
}

function SnapshotListRow({
  row,
  isCurrent,
  hasCurrent,
  onExport,
  onAccept,
  onKeep,
  onDiscard,
}: RowProps) {
  const finished = row.status === 'complete' || row.status === 'partial'
  const gone = ['failed', 'cancelled', 'interrupted'].includes(row.status)
  const when = formatDateTime(row.collectedAt)
  const gaps = row.collection?.errors.length ?? 0
  return (
    <tr data-snapshot-id={row.id} aria-current={isCurrent || undefined}>
      <th scope="row" className="data-table__name">
        <DateTime iso={row.collectedAt} />
        {isCurrent && (
          <>
            {' '}
            <span className="chip chip--ok">current</span>
          </>
        )}
        {row.pendingDecision && (
          <>
            {' '}
            <span className="chip chip--medium">awaiting your decision</span>
          </>
        )}
      </th>
      <td>
        {STATUS_LABELS[row.status]}
        {row.reason && <div className="muted">{row.reason}</div>}
        {gaps > 0 && <div className="muted">{formatCount(gaps, 'resource')} not collected</div>}
      </td>
      <td>{ORIGIN_LABELS[row.origin]}</td>
      <td className="wb-snapshots__ends">
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
      <td className="num">
        {formatNumber(recordTotal(row))}
        <div className="muted">{usersLine(row)}</div>
      </td>
      <td className="data-table__actions">
        {row.status === 'partial' && !isCurrent && (
          <Button
            className="button button--small"
            aria-label={`Accept the partial snapshot of ${when} as current`}
            onPress={onAccept}
          >
            Accept partial
          </Button>
        )}
        {row.pendingDecision && hasCurrent && (
          <Button
            className="button button--small"
            aria-label={`Keep the partial snapshot of ${when} without making it current`}
            onPress={onKeep}
          >
            Keep aside
          </Button>
        )}
        {row.status === 'partial' && !isCurrent && (
          <Button
            className="button button--small button--danger-quiet"
            aria-label={`Discard the partial snapshot of ${when}`}
            onPress={onDiscard}
          >
            Discard
          </Button>
        )}
        {finished && (
          <Button
            className="button button--small"
            aria-label={`Export the snapshot of ${when}`}
            onPress={onExport}
          >
            Export
          </Button>
        )}
        {gone && (
          <Button
            className="button button--small button--danger-quiet"
            aria-label={`Delete the ${STATUS_LABELS[row.status]} run of ${formatDateTime(row.createdAt)}`}
            onPress={onDiscard}
          >
            Delete
          </Button>
        )}
      </td>
    </tr>
  )
}
