import { useCallback, useDeferredValue, useMemo, useState } from 'react'
import { Button } from 'react-aria-components'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import {
  facetCounts,
  filterFindings,
  groupFindings,
  indexFindings,
} from '../../../../shared/findings-filter'
import type { FindingStateRow } from '../../db'
import { RULES } from '../../../../shared/rules'
import { useWorkbench } from '../workbench/workbench-context'
import { FindingDetail } from './finding-detail'
import { readCriteria, writeCriteria, type ScreenCriteria } from './findings-criteria'
import { FindingsFilters } from './findings-filters'
import { FindingsList } from './findings-list'

const RULE_TITLES = new Map<string, string>(RULES.map((rule) => [rule.id, rule.title]))
const ruleTitle = (id: string) => RULE_TITLES.get(id)

/** The findings of the current snapshot: filters, grouped list, and the open finding's detail. */
export function FindingsScreen() {
  const { load, diagnosis, workspaceId, setDecision, rerunDiagnosis } = useWorkbench()
  const { findingId } = useParams()
  const [params, setParams] = useSearchParams()
  const navigate = useNavigate()

  const findings = useMemo(() => (load.status === 'ready' ? load.findings : []), [load])
  const decisions = useMemo(
    () => (load.status === 'ready' ? load.decisions : new Map<string, FindingStateRow>()),
    [load],
  )
  // Filters live in component state so typing is never held up by a navigation; the
  // URL mirrors them (for links, back and reload) and seeds them when the screen opens.
  const [criteria, setCriteria] = useState(() => readCriteria(params))
  // The list follows the filters at a lower priority, so typing never waits for it to render.
  const listCriteria = useDeferredValue(criteria)
  // The search text of every finding is lower-cased once per diagnosis, not per keystroke.
  const indexed = useMemo(() => indexFindings(findings), [findings])
  const facets = useMemo(() => facetCounts(indexed), [indexed])
  const filtered = useMemo(
    () => filterFindings(indexed, listCriteria, (id) => decisions.get(id)?.state),
    [indexed, listCriteria, decisions],
  )
  const groups = useMemo(
    () => groupFindings(filtered, listCriteria.groupBy, ruleTitle),
    [filtered, listCriteria.groupBy],
  )
  const selected = findingId ? findings.find((f) => f.id === findingId) : undefined

  const change = (next: ScreenCriteria) => {
    setCriteria(next)
    setParams(writeCriteria(next), { replace: true })
  }
  // Built from the deferred criteria, so typing does not re-render the memoised list.
  const open = useCallback(
    (id: string) => {
      const query = writeCriteria(listCriteria).toString()
      void navigate(
        `/w/${workspaceId}/findings/${encodeURIComponent(id)}${query ? `?${query}` : ''}`,
      )
    },
    [navigate, workspaceId, listCriteria],
  )

  if (load.status !== 'ready') return null
  const running = diagnosis.state === 'running'
  return (
    <section className="screen wb-findings-screen" aria-labelledby="findings-title">
      <div className="screen__header">
        <h1 id="findings-title">Findings</h1>
        {load.snapshot && (
          <Button className="button" onPress={() => void rerunDiagnosis()} isDisabled={running}>
            Re-run diagnosis
          </Button>
        )}
      </div>
      {!load.snapshot ? (
        <div className="empty">
          <p>No snapshot yet, so no findings.</p>
          <p className="muted">
            <Link to={`/w/${workspaceId}/snapshots`}>Import a snapshot file</Link> to diagnose it.
          </p>
        </div>
      ) : findings.length === 0 ? (
        <div className="empty">
          <p>
            {running
              ? 'Diagnosing this snapshot…'
              : 'The rules found nothing wrong in this snapshot.'}
          </p>
          {running && (
            <p className="muted">Findings appear here as soon as the diagnosis finishes.</p>
          )}
        </div>
      ) : (
        <>
          <FindingsFilters criteria={criteria} facets={facets} onChange={change} />
          <p className="muted" role="status" aria-live="polite">
            Showing {filtered.length} of {findings.length} findings
          </p>
          <div className="wb-findings">
            <div className="wb-findings__list">
              {filtered.length === 0 ? (
                <p className="empty">No finding matches these filters.</p>
              ) : (
                <FindingsList
                  groups={groups}
                  selectedId={findingId}
                  decisions={decisions}
                  onOpen={open}
                />
              )}
            </div>
            <div className="wb-findings__detail">
              {selected ? (
                <FindingDetail
                  finding={selected}
                  decision={decisions.get(selected.id)}
                  db={load.db}
                  snapshotId={load.snapshot.id}
                  onDecide={(state, note) => setDecision(selected.id, state, note)}
                />
              ) : findingId ? (
                <div className="empty" role="status">
                  <p>This finding is not in the current snapshot.</p>
                  <p className="muted">
                    It may have been fixed, or it belongs to another snapshot.
                  </p>
                </div>
              ) : (
                <p className="muted">Choose a finding to see its evidence and how to fix it.</p>
              )}
            </div>
          </div>
        </>
      )}
    </section>
  )
}
