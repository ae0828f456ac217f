import {
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react'
import { Button } from 'react-aria-components'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import {
  facetCounts,
  filterFindings,
  groupFindings,
  indexFindings,
} from '../../../../shared/findings-filter'
import { isTypingTarget, useShortcut } from '../../components/use-shortcut'
import type { FindingStateRow } from '../../db'
import { formatNumber } from '../../format'
import { RULES } from '../../../../shared/rules'
import { useWorkbench } from '../workbench/workbench-context'
import { GetStarted } from '../workbench/get-started'
import { FindingDetail } from './finding-detail'
import { readCriteria, writeCriteria, type ScreenCriteria } from './findings-criteria'
import { FindingsFilters } from './findings-filters'
import { FindingsList } from './findings-list'
import './findings.css'

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
  const order = useMemo(() => groups.flatMap((g) => g.items.map((i) => i.finding.id)), [groups])

  const change = (next: ScreenCriteria) => {
    setCriteria(next)
    setParams(writeCriteria(next), { replace: true })
  }
  // Opening moves the keyboard focus to the detail; the list keeps its place (same route).
  const focusDetail = useRef(false)
  const searchRef = useRef<HTMLInputElement>(null)
  const detailRef = useRef<HTMLDivElement>(null)
  // Built from the deferred criteria, so typing does not re-render the memoised list.
  const open = useCallback(
    (id: string) => {
      focusDetail.current = true
      const query = writeCriteria(listCriteria).toString()
      void navigate(
        `/w/${workspaceId}/findings/${encodeURIComponent(id)}${query ? `?${query}` : ''}`,
      )
    },
    [navigate, workspaceId, listCriteria],
  )
  useEffect(() => {
    if (!selected || !focusDetail.current) return
    focusDetail.current = false
    // the detail pane is in view (sticky): moving focus must not scroll the list away
    detailRef.current?.querySelector<HTMLElement>('#finding-title')?.focus({ preventScroll: true })
    const pane = detailRef.current?.querySelector('.wb-detail')
    if (pane) pane.scrollTop = 0
  }, [selected])

  const step = (by: 1 | -1) => {
    if (order.length === 0) return
    const at = findingId ? order.indexOf(findingId) : -1
    const next = at < 0 ? (by === 1 ? 0 : order.length - 1) : at + by
    const id = order[Math.min(order.length - 1, Math.max(0, next))]
    if (id && id !== findingId) open(id)
  }
  const ready = load.status === 'ready' && findings.length > 0
  useShortcut('/', () => searchRef.current?.focus(), ready)
  useShortcut('j', () => step(1), ready)
  useShortcut('k', () => step(-1), ready)
  // Esc in the detail goes back to the finding's own row in the list.
  const backToList = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || isTypingTarget(event.target)) return
    const row = document.querySelector<HTMLElement>(
      `.wb-findings__list [data-finding-id="${CSS.escape(findingId ?? '')}"]`,
    )
    if (!row) return
    event.preventDefault()
    row.focus({ preventScroll: true })
    row.scrollIntoView?.({ block: 'nearest' })
  }

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
        <GetStarted workspaceId={workspaceId} lead="No snapshot yet, so no findings. To get one:" />
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
          <FindingsFilters
            criteria={criteria}
            facets={facets}
            onChange={change}
            searchRef={searchRef}
          />
          <div className="wb-findings__bar">
            <p className="muted" role="status" aria-live="polite">
              Showing {formatNumber(filtered.length)} of {formatNumber(findings.length)} findings
            </p>
            <p className="muted wb-keys">
              <kbd className="kbd">j</kbd> <kbd className="kbd">k</kbd> next and previous ·{' '}
              <kbd className="kbd">/</kbd> search · <kbd className="kbd">Esc</kbd> back to the list
            </p>
          </div>
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
            <div className="wb-findings__detail" ref={detailRef} onKeyDown={backToList}>
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
