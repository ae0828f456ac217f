import { useEffect, useState } from 'react'
import { type Source } from '../../../../shared/model/snapshot'
import { collectedResources } from '../../../../shared/model'
import { formatDuration, formatNumber } from '../../format'
import type { ResourceProgress, RunState } from './collect-run'
import { resourceLabel, SOURCE_LABEL } from './describe'
import { summarizeProgress, type ProgressRow } from './progress-summary'

const PHASE_TEXT: Record<RunState['phase'], string> = {
  idle: '',
  starting: 'Starting…',
  running: 'Collecting…',
  cancelling: 'Cancelling…',
  saving: 'Saving the snapshot…',
  'awaiting-decision': '',
  diagnosing: 'Diagnosing the snapshot…',
  done: '',
}

/** The table's rows: every resource of the sides the run collects. */
export function progressRows(state: RunState): ProgressRow[] {
  const sides: Source[] = []
  const has = (side: Source) =>
    !!state.target?.[side] || Object.keys(state.progress).some((k) => k.startsWith(`${side}.`))
  if (has('entra')) sides.push('entra')
  if (has('okta')) sides.push('okta')
  const ended = state.finished
  const failed = new Set((ended?.collection?.errors ?? []).map((e) => `${e.source}.${e.resource}`))
  return sides.flatMap((source) =>
    collectedResources(source).map((resource) => {
      const key = `${source}.${resource}`
      const notCollected =
        failed.has(key) || (ended?.resources !== undefined && !(key in ended.resources))
      return { key, source, progress: state.progress[key], failed: notCollected }
    }),
  )
}

/** "Collecting…  1 min 5 s elapsed", the overall bar and the time left (an estimate). */
export function RunStatus({ state }: { state: RunState }) {
  const elapsed = useElapsed(state)
  const text = PHASE_TEXT[state.phase]
  if (!text) return null
  const watching = state.phase === 'running' && !state.writing
  return (
    <div className="collect__status">
      <p role="status">
        {text}
        {watching && ' (this window shows the run; another one stores it)'}{' '}
        {elapsed !== undefined && <span className="muted">{formatDuration(elapsed)} elapsed</span>}
      </p>
      {(state.phase === 'running' || state.phase === 'cancelling') && (
        <OverallProgress state={state} elapsedMs={elapsed ?? 0} />
      )}
    </div>
  )
}

function OverallProgress({ state, elapsedMs }: { state: RunState; elapsedMs: number }) {
  const summary = summarizeProgress(progressRows(state), elapsedMs, state.expected)
  const percent = Math.floor(summary.fraction * 100)
  const bothOpen = summary.unestimated.length > 0 && summary.etaMs !== null
  return (
    <div className="collect__overall">
      <progress
        className="collect__bar"
        max={100}
        value={percent}
        aria-label="Collection progress"
        aria-valuetext={`${percent}%`}
      />
      <p className="collect__overall-text">
        <span>{percent}%</span> · <span>{formatNumber(summary.records)} records</span> ·{' '}
        <span>
          {formatNumber(summary.done)} of {formatNumber(summary.resources)} resources done
        </span>
        {summary.etaMs !== null && summary.etaMs > 0 && (
          <>
            {' '}
            ·{' '}
            <span data-testid="collect-eta">
              about {formatDuration(summary.etaMs)} left
              {bothOpen &&
                ` for ${SOURCE_LABEL[summary.unestimated[0] === 'okta' ? 'entra' : 'okta']}`}{' '}
              <span className="muted">(estimate)</span>
            </span>
          </>
        )}
      </p>
      {summary.unestimated.map((side) => (
        <p key={side} className="muted collect__no-eta">
          {side === 'okta'
            ? 'No time estimate for Okta yet: Okta reports no totals, and this workspace has no earlier snapshot to take them from. The next collection uses this one’s counts.'
            : 'No time estimate for Entra ID yet: the resources still being read have no total to measure against.'}
        </p>
      ))}
    </div>
  )
}

function useElapsed(state: RunState): number | undefined {
  const [now, setNow] = useState(() => Date.now())
  const running = ['starting', 'running', 'cancelling'].includes(state.phase)
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [running])
  return running && state.startedAtMs !== undefined
    ? Math.max(0, now - state.startedAtMs)
    : undefined
}

/** Every resource's counters and where it stands: Done as soon as it is read completely. */
export function ProgressTable({ state }: { state: RunState }) {
  const rows = progressRows(state)
  return (
    <table className="data-table collect__table" aria-label="Progress per resource">
      <thead>
        <tr>
          <th scope="col">Resource</th>
          <th scope="col" className="num">
            Records
          </th>
          <th scope="col" className="num">
            Pages
          </th>
          <th scope="col" className="num">
            Throttle waits
          </th>
          <th scope="col" className="num">
            Retries
          </th>
          <th scope="col" className="num">
            Errors
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const p = row.progress
          const status = statusOf(p, row.failed === true, state)
          return (
            <tr key={row.key} data-resource={row.key} data-status={status.kind}>
              <th scope="row">{resourceLabel(row.source, row.key.slice(row.source.length + 1))}</th>
              <td className="num" data-column="records">
                {formatNumber(p?.records ?? 0)}
              </td>
              <td className="num">{formatNumber(p?.pages ?? 0)}</td>
              <td className="num">{formatNumber(p?.throttleWaits ?? 0)}</td>
              <td className="num">{formatNumber(p?.retries ?? 0)}</td>
              <td className="num">{formatNumber(p?.errors ?? 0)}</td>
              <td>{status.text}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

type Status = { kind: 'waiting' | 'running' | 'done' | 'failed' | 'stopped'; text: string }

function statusOf(p: ResourceProgress | undefined, failed: boolean, state: RunState): Status {
  const outcome = state.finished?.outcome
  if (failed) return { kind: 'failed', text: 'Not collected' }
  if (p?.state === 'failed') return { kind: 'failed', text: 'Failed' }
  if (p?.state === 'done') return { kind: 'done', text: 'Done' }
  if (outcome === 'complete' || outcome === 'partial') return { kind: 'done', text: 'Done' }
  if (outcome) return { kind: 'stopped', text: 'Stopped' }
  if (!p) return { kind: 'waiting', text: 'Waiting' }
  if (p.etaMs === null) return { kind: 'running', text: 'Collecting' }
  return {
    kind: 'running',
    text: p.etaMs === 0 ? 'Finishing' : `about ${formatDuration(p.etaMs)} left (estimate)`,
  }
}
