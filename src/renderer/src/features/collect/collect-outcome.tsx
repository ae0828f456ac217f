import { Button } from 'react-aria-components'
import { Link } from 'react-router'
import { formatCount } from '../../format'
import type { PartialDecision, RunState } from './collect-run'
import { collapseErrors } from './describe'

/**
 * A partial run waits here for the consultant: use it, keep the previous snapshot (only
 * offered when there is one), or discard it. The snapshot is already stored with its
 * pending decision, so the question is still here after a reload or a restart.
 */
export function PartialPrompt({
  hasPrevious,
  onDecide,
}: {
  hasPrevious: boolean
  onDecide: (decision: 'accept' | 'keep' | 'discard') => void
}) {
  return (
    <div
      className="collect__prompt"
      role="alertdialog"
      aria-labelledby="partial-title"
      aria-describedby="partial-text"
    >
      <h2 id="partial-title">Use this partial snapshot?</h2>
      <p id="partial-text">
        Some resources could not be collected (listed below). If you use it, the screens show what
        was collected and the findings that need the missing data are left out.{' '}
        {hasPrevious
          ? 'If you keep the previous snapshot, this one is stored but not made current. '
          : ''}
        If you discard it, its records are deleted. The Snapshots screen offers the same choice
        until you make it.
      </p>
      <div className="dialog__actions">
        <Button className="button button--danger-quiet" onPress={() => onDecide('discard')}>
          Discard it
        </Button>
        {hasPrevious && (
          <Button className="button" onPress={() => onDecide('keep')} autoFocus>
            Keep the previous snapshot
          </Button>
        )}
        <Button
          className="button button--primary"
          onPress={() => onDecide('accept')}
          autoFocus={!hasPrevious}
        >
          Use the partial snapshot
        </Button>
      </div>
    </div>
  )
}

const OUTCOME = {
  complete: 'Collection complete.',
  partial: 'Collection finished with gaps.',
  failed: 'Collection failed.',
  cancelled: 'Collection cancelled.',
} as const

const DECIDED: Record<PartialDecision, string> = {
  accepted: ' It is now the current snapshot.',
  kept: ' It is stored; the previous snapshot stays current.',
  discarded: ' It was discarded.',
}

/** How the run ended, what could not be collected and why, and where to go next. */
export function Outcome({ state, workspaceId }: { state: RunState; workspaceId: string }) {
  const f = state.finished
  const errors = collapseErrors(f?.collection?.errors ?? [])
  return (
    <>
      {state.error && (
        <p className="form__error" role="alert">
          {state.error}
        </p>
      )}
      {f && (
        <div className={`collect__outcome collect__outcome--${f.outcome}`} role="status">
          <p>
            <strong>{OUTCOME[f.outcome]}</strong> {f.message}
            {f.outcome === 'partial' && state.partialDecision && DECIDED[state.partialDecision]}
          </p>
          {errors.length > 0 && (
            <>
              <h2>What could not be collected</h2>
              <ul className="collect__errors">
                {errors.map((e) => (
                  <li key={e.text}>
                    {e.resources.length > 1 && (
                      <span
                        className="chip chip--info collect__count"
                        title={e.resources.join(', ')}
                      >
                        × {e.resources.length}
                      </span>
                    )}{' '}
                    {e.text}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {state.phase === 'done' && state.snapshotId && state.findings !== undefined && (
        <p className="collect__next">
          Diagnosis found {formatCount(state.findings, 'finding')}.{' '}
          <Link to={`/w/${workspaceId}/overview`}>Open the overview</Link> ·{' '}
          <Link to={`/w/${workspaceId}/findings`}>Open the findings</Link>
        </p>
      )}
    </>
  )
}
