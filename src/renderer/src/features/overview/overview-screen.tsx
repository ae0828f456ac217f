import { useEffect, useMemo, useState } from 'react'
import { Button } from 'react-aria-components'
import type { Snapshot } from '../../../../shared/model/snapshot'
import { keyFacts } from '../../../../shared/overview/key-facts'
import { seamMap } from '../../../../shared/overview/seam-map'
import { countsByCategory, healthSummary } from '../../../../shared/overview/summary'
import { FindingsByCategoryChart } from '../../charts/findings-by-category-chart'
import { loadSnapshotParts, wasCollected } from '../../db/queries'
import { DateTime } from '../../components/date-time'
import { useWorkbench } from '../workbench/workbench-context'
import { GetStarted } from '../workbench/get-started'
import { HealthSummaryPanel } from './health-summary'
import { KeyFactsPanel } from './key-facts-panel'
import { SeamMapPanel } from './seam-map-panel'

/** Resources the key facts and the seam map read; users and logs stay in the cache. */
const OVERVIEW_RESOURCES = [
  'entra.organization',
  'entra.domains',
  'entra.federationConfigurations',
  'entra.applications',
  'entra.servicePrincipals',
  'okta.apps',
  'okta.appKeys',
  'okta.idps',
  'okta.mappings',
] as const

/** Health, findings by category, key facts and the seam map of the current snapshot. */
export function OverviewScreen() {
  const { load, diagnosis, workspaceId, rerunDiagnosis } = useWorkbench()
  const [parts, setParts] = useState<
    { id: string; snapshot: Snapshot } | { id: string; error: string }
  >()
  const row = load.status === 'ready' ? load.snapshot : undefined

  const db = load.status === 'ready' ? load.db : undefined
  const rowId = row?.id
  useEffect(() => {
    if (!db || !rowId) return
    let live = true
    loadSnapshotParts(db, rowId, OVERVIEW_RESOURCES).then(
      (snapshot) => live && setParts({ id: rowId, snapshot }),
      (error: unknown) =>
        live &&
        setParts({ id: rowId, error: error instanceof Error ? error.message : String(error) }),
    )
    return () => {
      live = false
    }
  }, [db, rowId])

  const findings = useMemo(() => (load.status === 'ready' ? load.findings : []), [load])
  const decisions = load.status === 'ready' ? load.decisions : undefined
  const diagnosed = findings.length > 0 || diagnosis.state === 'done'
  const decision = useMemo(
    () => (decisions ? (id: string) => decisions.get(id)?.state : undefined),
    [decisions],
  )
  const summary = useMemo(() => healthSummary(findings, decision), [findings, decision])
  const rows = useMemo(() => countsByCategory(findings, decision), [findings, decision])
  const current = parts && parts.id === row?.id ? parts : undefined
  const facts = useMemo(
    () => (current && 'snapshot' in current ? keyFacts(current.snapshot) : undefined),
    [current],
  )
  const map = useMemo(
    () =>
      current && 'snapshot' in current && row
        ? seamMap(current.snapshot, diagnosed ? findings : undefined, {
            isCollected: (path) => wasCollected(row, path),
          })
        : undefined,
    [current, row, diagnosed, findings],
  )

  if (load.status !== 'ready') return null
  return (
    <section className="screen wb-overview" aria-labelledby="overview-title">
      <div className="screen__header">
        <h1 id="overview-title">Overview</h1>
        {row && (
          <Button
            className="button"
            onPress={() => void rerunDiagnosis()}
            isDisabled={diagnosis.state === 'running'}
          >
            Re-run diagnosis
          </Button>
        )}
      </div>
      {!row ? (
        <GetStarted
          workspaceId={workspaceId}
          lead="This workspace has no snapshot yet. Its health, findings and seam map appear here once it has one:"
        />
      ) : (
        <>
          <p className="muted">
            {[
              row.entra && `Entra tenant ${row.entra.tenantId}`,
              row.okta && `Okta org ${row.okta.orgUrl}`,
            ]
              .filter(Boolean)
              .join(' · ')}{' '}
            · collected <DateTime iso={row.collectedAt} />
          </p>
          {diagnosed ? (
            <HealthSummaryPanel summary={summary} workspaceId={workspaceId} />
          ) : (
            <p className="muted wb-section">
              {diagnosis.state === 'failed'
                ? 'The diagnosis did not finish; use “Re-run diagnosis”.'
                : 'The health summary appears when the diagnosis has finished.'}
            </p>
          )}
          {diagnosed && rows.length > 0 && (
            <section className="wb-section" aria-labelledby="by-category-title">
              <h2 id="by-category-title">Open findings by category and severity</h2>
              <FindingsByCategoryChart rows={rows} labelledBy="by-category-title" />
            </section>
          )}
          {current && 'error' in current && (
            <p className="form__error" role="alert">
              The snapshot could not be read from the cache: {current.error}
            </p>
          )}
          {facts && <KeyFactsPanel facts={facts} />}
          {map && <SeamMapPanel map={map} workspaceId={workspaceId} />}
        </>
      )}
    </section>
  )
}
