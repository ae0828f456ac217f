import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { Button } from 'react-aria-components'
import { useSearchParams } from 'react-router'
import { ROW_STATUSES } from '../../../../shared/compare/people-rows'
import { filterRows, peopleCsv, sortRows } from '../../../../shared/compare/people-view'
import { useShortcut } from '../../components/use-shortcut'
import { downloadFile } from '../../download'
import { formatNumber } from '../../format'
import { useWorkbench } from '../workbench/workbench-context'
import { GetStarted } from '../workbench/get-started'
import {
  type PeopleCriteria,
  readPeopleCriteria,
  toFilter,
  toSort,
  writePeopleCriteria,
} from './people-criteria'
import { PeopleFilters } from './people-filters'
import { type ActiveCell, PeopleGridView } from './people-grid'
import { PersonDetailDialog } from './person-detail'
import { usePeople } from './use-people'
import './people.css'

/**
 * Every person's Entra and Okta accounts side by side: how the join decided, and each
 * attribute pair under the tenant's mappings. Filters, search and sort live in the address.
 */
export function PeopleScreen() {
  const { load, workspaceId, services } = useWorkbench()
  const snapshot = load.status === 'ready' ? load.snapshot : undefined
  const people = usePeople(services, snapshot?.id)
  const [params, setParams] = useSearchParams()
  const [criteria, setCriteria] = useState(() => readPeopleCriteria(params))
  const view = useDeferredValue(criteria)
  const [active, setActive] = useState<ActiveCell>({ row: 0, col: 0 })
  const searchRef = useRef<HTMLInputElement>(null)
  const ready = people?.status === 'ready' ? people : undefined
  const grid = ready?.grid

  const pairIds = useMemo(() => grid?.pairs.map((p) => p.id) ?? [], [grid])
  const statusCounts = useMemo(() => {
    const counts = ROW_STATUSES.map(() => 0)
    if (grid) for (let r = 0; r < grid.count; r++) counts[grid.status(r)]!++
    return counts
  }, [grid])
  const filtered = useMemo(
    () =>
      grid && ready
        ? filterRows(grid, toFilter(view, pairIds), ready.packed.search)
        : new Int32Array(),
    [grid, ready, view, pairIds],
  )
  const order = useMemo(() => {
    const sort = toSort(view)
    return grid && sort ? sortRows(grid, filtered, sort, view.descending) : filtered
  }, [grid, filtered, view])

  const change = useCallback(
    (next: PeopleCriteria) => {
      setCriteria(next)
      setParams((p) => writePeopleCriteria(next, p), { replace: true })
    },
    [setParams],
  )
  const onSort = useCallback(
    (sort: string) =>
      change({
        ...criteria,
        sort,
        descending: criteria.sort === sort ? !criteria.descending : false,
      }),
    [change, criteria],
  )

  // the open person is in the address (?entra=<id> or ?okta=<id>), so findings can link here
  const openEntra = params.get('entra')
  const openOkta = params.get('okta')
  const openRow = useMemo(() => {
    if (!grid || (!openEntra && !openOkta)) return undefined
    for (let r = 0; r < grid.count; r++)
      if ((openEntra && grid.entraId(r) === openEntra) || (openOkta && grid.oktaId(r) === openOkta))
        return r
    return undefined
  }, [grid, openEntra, openOkta])
  const open = useCallback(
    (r: number) => {
      if (!grid) return
      setParams(
        (p) => {
          const next = new URLSearchParams(p)
          next.delete('entra')
          next.delete('okta')
          const e = grid.entraId(r)
          const o = grid.oktaId(r)
          if (e) next.set('entra', e)
          else if (o) next.set('okta', o)
          return next
        },
        { replace: false },
      )
    },
    [grid, setParams],
  )
  const close = useCallback(() => {
    setParams(
      (p) => {
        const next = new URLSearchParams(p)
        next.delete('entra')
        next.delete('okta')
        return next
      },
      { replace: false },
    )
  }, [setParams])

  // first paint after the rows arrived, on the page's timeline for the benchmarks
  const painted = useRef<number | undefined>(undefined)
  useEffect(() => {
    if (!ready || painted.current === ready.arrivedAt) return
    painted.current = ready.arrivedAt
    const arrived = ready.arrivedAt
    requestAnimationFrame(() =>
      setTimeout(() => performance.measure('crosswalk:people-first-paint', { start: arrived })),
    )
  }, [ready])

  useShortcut('/', () => searchRef.current?.focus(), !!grid)

  const exportCsv = () => {
    if (!grid) return
    const t0 = performance.now()
    const text = peopleCsv(grid, order)
    performance.measure('crosswalk:people-csv', { start: t0, detail: { rows: order.length } })
    downloadFile(
      `crosswalk-people-${snapshot?.collectedAt.slice(0, 10) ?? 'snapshot'}.csv`,
      [text],
      'text/csv;charset=utf-8',
    )
  }

  if (load.status !== 'ready') return null
  return (
    <section className="screen pp-screen" aria-labelledby="people-title">
      <div className="screen__header">
        <h1 id="people-title">People</h1>
        {grid && (
          <Button className="button" onPress={exportCsv} data-testid="people-export">
            Export CSV
          </Button>
        )}
      </div>
      {!snapshot ? (
        <GetStarted
          workspaceId={workspaceId}
          lead="No snapshot yet, so nobody to compare. To get one:"
        />
      ) : !people || people.status === 'loading' ? (
        <p className="muted" role="status">
          Joining the people of both sides…
        </p>
      ) : people.status === 'error' ? (
        <p className="form__error" role="alert">
          The comparison failed: {people.message}
        </p>
      ) : (
        <>
          <PeopleFilters
            criteria={criteria}
            pairs={people.grid.pairs}
            statusCounts={statusCounts}
            onChange={change}
            searchRef={searchRef}
          />
          <div className="wb-findings__bar">
            <p className="muted" role="status" aria-live="polite" data-testid="people-count">
              Showing {formatNumber(order.length)} of {formatNumber(people.grid.count)} people
            </p>
            <p className="muted wb-keys">
              <kbd className="kbd">↑</kbd> <kbd className="kbd">↓</kbd> <kbd className="kbd">←</kbd>{' '}
              <kbd className="kbd">→</kbd> move · <kbd className="kbd">Enter</kbd> open ·{' '}
              <kbd className="kbd">/</kbd> search
            </p>
          </div>
          {order.length === 0 ? (
            <p className="empty">Nobody matches these filters.</p>
          ) : (
            <PeopleGridView
              grid={people.grid}
              order={order}
              active={active}
              onActive={setActive}
              onOpen={open}
              sort={criteria.sort}
              descending={criteria.descending}
              onSort={onSort}
              labelledBy="people-title"
            />
          )}
          <PersonDetailDialog
            grid={people.grid}
            row={openRow}
            services={services}
            snapshotId={people.snapshotId}
            workspaceId={workspaceId}
            findings={load.findings}
            onClose={close}
          />
        </>
      )}
    </section>
  )
}
