import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import { SEVERITIES } from '../../../../shared/model/finding'
import { SEVERITY_LABELS } from '../../../../shared/overview/summary'
import type { Workspace } from '../../../../shared/model/workspace'
import { DateTime } from '../../components/date-time'
import { getDb } from '../../db'
import { workspaceGlance, type WorkspaceGlance } from '../../db/queries'
import { formatAge, formatNumber } from '../../format'
import { snapshotKind } from '../workbench/snapshot-label'

/** The glances, and when they were read (the ages are counted from then). */
export interface Glances {
  at: number
  rows: ReadonlyMap<string, WorkspaceGlance>
}

/**
 * Each listed workspace's current snapshot and open findings, read from the cache after the
 * list is shown (the list itself never waits for them).
 */
export function useGlances(workspaces: readonly Workspace[]): Glances {
  const [glances, setGlances] = useState<Glances>({ at: 0, rows: new Map() })
  const ids = workspaces.map((w) => w.id).join('\n')
  useEffect(() => {
    let live = true
    void (async () => {
      try {
        const db = await getDb()
        const next = new Map<string, WorkspaceGlance>()
        for (const id of ids.split('\n').filter(Boolean))
          next.set(id, await workspaceGlance(db, id))
        if (live) setGlances({ at: Date.now(), rows: next })
      } catch {
        // the cache cannot be read here: the rows stay without their snapshot columns
      }
    })()
    return () => {
      live = false
    }
  }, [ids])
  return glances
}

/** Tenant and org, last snapshot (with its age) and health of one workspace row. */
export function WorkspaceCells({
  workspaceId,
  glances,
}: {
  workspaceId: string
  glances: Glances
}) {
  const glance = glances.rows.get(workspaceId)
  const snapshot = glance?.snapshot
  const base = `/w/${encodeURIComponent(workspaceId)}`
  return (
    <>
      <td className="ws-ends">
        {snapshot?.entra && <code>{snapshot.entra.tenantId}</code>}
        {snapshot?.okta && <code>{snapshot.okta.orgUrl}</code>}
        {snapshot && !snapshot.entra && !snapshot.okta && <span className="muted">—</span>}
      </td>
      <td>
        {snapshot ? (
          <>
            <DateTime iso={snapshot.collectedAt} />{' '}
            <span className="muted">
              · {formatAge(snapshot.collectedAt, glances.at)} · {snapshotKind(snapshot)}
            </span>
          </>
        ) : glance ? (
          <span className="muted">
            None yet · <Link to={`${base}/connect`}>connect</Link> and{' '}
            <Link to={`${base}/collect`}>collect</Link>
          </span>
        ) : null}
        {glance?.pending && (
          <div>
            <Link className="chip chip--medium" to={`${base}/collect`}>
              a partial collection awaits your decision
            </Link>
          </div>
        )}
      </td>
      <td>
        <Health glance={glance} />
      </td>
    </>
  )
}

function Health({ glance }: { glance: WorkspaceGlance | undefined }) {
  if (!glance?.snapshot) return null
  const open = glance.open
  if (!open) return <span className="muted">not diagnosed yet</span>
  const shown = SEVERITIES.filter((s) => open[s] > 0 && s !== 'info')
  if (shown.length === 0) return <span className="chip chip--ok">no open findings</span>
  return (
    <span className="ws-health">
      {shown.map((severity) => (
        <span key={severity} className={`chip chip--${severity}`}>
          {formatNumber(open[severity])} {SEVERITY_LABELS[severity]}
        </span>
      ))}
    </span>
  )
}
