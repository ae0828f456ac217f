/**
 * The retention policy: keep the last N snapshots and one a month; pinned ones and the
 * current one always stay. Reviewing lists what the policy would remove; nothing goes until
 * the consultant confirms.
 */
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { planRetention, type RetentionPolicy } from '../../../../shared/history'
import { DateTime } from '../../components/date-time'
import {
  deleteSnapshot,
  listHistory,
  setRetention,
  snapshotBytes,
  type SnapshotRow,
} from '../../db'

/** The size cap is typed in MiB; the cache's size is its records' JSON text. */
const MIB = 2 ** 20
import type { WorkbenchServices } from '../workbench/services'

interface Props {
  workspaceId: string
  services: WorkbenchServices
  rows: readonly SnapshotRow[]
  currentId?: string
  policy: RetentionPolicy
  onPolicy: (policy: RetentionPolicy) => void
  onRemoved: () => Promise<void>
}

export function HistoryRetention({
  workspaceId,
  services,
  rows,
  currentId,
  policy,
  onPolicy,
  onRemoved,
}: Props) {
  const [proposed, setProposed] = useState<string[] | undefined>()
  const byId = new Map(rows.map((r) => [r.id, r]))
  const review = async () => {
    const db = await services.openDb()
    await setRetention(db, workspaceId, policy)
    // planned from the cache as it is now, not from what the screen last read
    const list = await listHistory(db, workspaceId)
    const bytes =
      policy.maxBytes === undefined
        ? undefined
        : await snapshotBytes(
            db,
            list.map((r) => r.id),
          )
    const plan = planRetention(
      list.map((r) => ({
        id: r.id,
        collectedAt: r.collectedAt,
        pinned: !!r.pinned,
        current: r.id === currentId,
        ...(bytes ? { bytes: bytes.get(r.id) ?? 0 } : {}),
      })),
      policy,
    )
    setProposed(plan.remove)
  }
  const confirm = async () => {
    const db = await services.openDb()
    for (const id of proposed ?? []) await deleteSnapshot(db, id)
    setProposed(undefined)
    await onRemoved()
  }
  return (
    <section aria-labelledby="hist-retention-title" className="wb-card">
      <h2 id="hist-retention-title">Retention</h2>
      <p>
        Keep the newest snapshots and one a month, within a size cap if you set one (the oldest go
        first); pinned snapshots and the current one are always kept. Nothing is removed until you
        confirm.
      </p>
      <div className="hist-filters">
        <label>
          Keep the last{' '}
          <input
            type="number"
            min={1}
            className="hist-number"
            value={policy.keepLast}
            onChange={(e) =>
              onPolicy({ ...policy, keepLast: Math.max(1, Number(e.target.value) || 1) })
            }
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={policy.monthly}
            onChange={(e) => onPolicy({ ...policy, monthly: e.target.checked })}
          />{' '}
          and one per month
        </label>
        <label>
          at most{' '}
          <input
            type="number"
            min={1}
            className="hist-number"
            placeholder="no cap"
            value={policy.maxBytes === undefined ? '' : Math.round(policy.maxBytes / MIB)}
            onChange={(e) => {
              const mib = Number(e.target.value)
              const { maxBytes: _cap, ...rest } = policy
              onPolicy(e.target.value && mib > 0 ? { ...rest, maxBytes: mib * MIB } : rest)
            }}
          />{' '}
          MiB in all
        </label>
        <Button className="button" onPress={() => void review()}>
          Review clean-up
        </Button>
      </div>
      {proposed?.length === 0 && <p role="status">The policy keeps every snapshot.</p>}
      {proposed && proposed.length > 0 && (
        <div role="alert" className="hist-proposal">
          <p>These {proposed.length} snapshots would be removed from this computer:</p>
          <ul>
            {proposed.map((id) => (
              <li key={id}>
                <DateTime iso={byId.get(id)?.collectedAt ?? ''} />
              </li>
            ))}
          </ul>
          <Button className="button button--danger" onPress={() => void confirm()}>
            Remove {proposed.length} snapshots
          </Button>{' '}
          <Button className="button" onPress={() => setProposed(undefined)}>
            Keep them
          </Button>
        </div>
      )}
    </section>
  )
}
