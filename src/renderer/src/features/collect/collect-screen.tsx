import { useEffect, useState } from 'react'
import { Button } from 'react-aria-components'
import { Link, useParams } from 'react-router'
import { type Source } from '../../../../shared/model/snapshot'
import { collectedResources } from '../../../../shared/model/resources'
import type { WorkbenchServices } from '../workbench/services'
import type { ResourceProgress, RunState } from './collect-run'
import { explainCollectionError, formatDuration, resourceLabel, SOURCE_LABEL } from './describe'
import { collectRunFor, useCollectRun } from './use-collect-run'
import './collect.css'

/**
 * The Collect screen: starts a collection of the workspace's tenant pair, shows every
 * resource's progress live, cancels, and ends with what could not be collected and why.
 */
export function CollectScreen({ services }: { services?: WorkbenchServices }) {
  const { workspaceId = '' } = useParams()
  const run = collectRunFor(workspaceId, services)
  const state = useCollectRun(run)
  const active = ['starting', 'running', 'cancelling', 'saving'].includes(state.phase)

  return (
    <section
      className="screen collect"
      aria-labelledby="collect-title"
      data-run-phase={state.phase}
    >
      <div className="screen__header">
        <h1 id="collect-title">Collect</h1>
        <div className="collect__actions">
          {state.phase === 'running' || state.phase === 'cancelling' ? (
            <Button
              className="button button--danger"
              onPress={() => void run.cancel()}
              isPending={state.phase === 'cancelling'}
              isDisabled={!state.writing}
            >
              Cancel
            </Button>
          ) : (
            <Button
              className="button button--primary"
              onPress={() => void run.start()}
              isDisabled={
                active || state.phase === 'awaiting-decision' || state.phase === 'diagnosing'
              }
              isPending={state.phase === 'starting'}
            >
              {state.phase === 'done' ? 'Collect again' : 'Start collection'}
            </Button>
          )}
        </div>
      </div>
      <p className="muted">
        Reads both sides into a snapshot cached on this computer. The last complete snapshot stays
        current until a new one finishes.{' '}
        <Link to={`/w/${workspaceId}/connect`}>Connection settings</Link>
      </p>
      <RunStatus state={state} />
      {state.phase === 'awaiting-decision' && (
        <PartialPrompt onDecide={(accept) => void run.decidePartial(accept)} />
      )}
      <Outcome state={state} workspaceId={workspaceId} />
      {state.phase !== 'idle' && <ProgressTable state={state} />}
    </section>
  )
}

function RunStatus({ state }: { state: RunState }) {
  const elapsed = useElapsed(state)
  const text: Record<RunState['phase'], string> = {
    idle: '',
    starting: 'Starting…',
    running: state.writing ? 'Collecting…' : 'Collecting (started in another window)…',
    cancelling: 'Cancelling…',
    saving: 'Saving the snapshot…',
    'awaiting-decision': '',
    diagnosing: 'Diagnosing the snapshot…',
    done: '',
  }
  if (!text[state.phase]) return null
  return (
    <p className="collect__status" role="status">
      {text[state.phase]}{' '}
      {elapsed !== undefined && <span className="muted">{formatDuration(elapsed)} elapsed</span>}
    </p>
  )
}

function useElapsed(state: RunState): number | undefined {
  const [elapsed, setElapsed] = useState<number>()
  const running = state.phase === 'running' || state.phase === 'starting'
  const startedAt = state.startedAtMs
  useEffect(() => {
    if (!running || startedAt === undefined) return
    const timer = setInterval(() => setElapsed(Math.max(0, Date.now() - startedAt)), 1000)
    return () => clearInterval(timer)
  }, [running, startedAt])
  return running ? elapsed : undefined
}

function PartialPrompt({ onDecide }: { onDecide: (accept: boolean) => void }) {
  return (
    <div
      className="collect__prompt"
      role="alertdialog"
      aria-labelledby="partial-title"
      aria-describedby="partial-text"
    >
      <h2 id="partial-title">Use this partial snapshot?</h2>
      <p id="partial-text">
        Some resources could not be collected (listed below). Use it: the screens show what was
        collected and the findings that need the missing data are left out. Keep the previous one:
        this snapshot is stored but not made current.
      </p>
      <div className="dialog__actions">
        <Button className="button" onPress={() => onDecide(false)} autoFocus>
          Keep the previous snapshot
        </Button>
        <Button className="button button--primary" onPress={() => onDecide(true)}>
          Use the partial snapshot
        </Button>
      </div>
    </div>
  )
}

function Outcome({ state, workspaceId }: { state: RunState; workspaceId: string }) {
  const f = state.finished
  const errors = f?.collection?.errors ?? []
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
            {f.outcome === 'partial' &&
              state.partialDecision === 'accepted' &&
              ' It is now the current snapshot.'}
            {f.outcome === 'partial' &&
              state.partialDecision === 'declined' &&
              ' It is stored; the previous snapshot stays current.'}
          </p>
          {errors.length > 0 && (
            <>
              <h2>What could not be collected</h2>
              <ul className="collect__errors">
                {errors.map((e, i) => (
                  <li key={`${e.source}.${e.resource}.${i}`}>{explainCollectionError(e)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {state.phase === 'done' && state.snapshotId && state.findings !== undefined && (
        <p className="collect__next">
          Diagnosis found {state.findings} finding{state.findings === 1 ? '' : 's'}.{' '}
          <Link to={`/w/${workspaceId}/overview`}>Open the overview</Link> ·{' '}
          <Link to={`/w/${workspaceId}/findings`}>Open the findings</Link>
        </p>
      )}
    </>
  )
}

const OUTCOME = {
  complete: 'Collection complete.',
  partial: 'Collection finished with gaps.',
  failed: 'Collection failed.',
  cancelled: 'Collection cancelled.',
} as const

function ProgressTable({ state }: { state: RunState }) {
  const sides: Source[] = []
  if (state.target?.entra || Object.keys(state.progress).some((k) => k.startsWith('entra.')))
    sides.push('entra')
  if (state.target?.okta || Object.keys(state.progress).some((k) => k.startsWith('okta.')))
    sides.push('okta')
  const failed = new Set(
    (state.finished?.collection?.errors ?? []).map((e) => `${e.source}.${e.resource}`),
  )
  const ended = state.finished !== undefined
  const rows = sides.flatMap((source) =>
    collectedResources(source).map((resource) => ({
      key: `${source}.${resource}`,
      source,
      resource,
      progress: state.progress[`${source}.${resource}`],
    })),
  )
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
          <th scope="col">ETA / status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-resource={row.key}>
            <th scope="row">
              <span className="collect__source">{SOURCE_LABEL[row.source]}</span>{' '}
              {resourceLabel(row.source, row.resource)}
            </th>
            <td className="num" data-column="records">
              {row.progress?.records ?? 0}
            </td>
            <td className="num">{row.progress?.pages ?? 0}</td>
            <td className="num">{row.progress?.throttleWaits ?? 0}</td>
            <td className="num">{row.progress?.retries ?? 0}</td>
            <td className="num">{row.progress?.errors ?? 0}</td>
            <td>{statusOf(row.progress, failed.has(row.key), ended, state.finished?.outcome)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function statusOf(
  progress: ResourceProgress | undefined,
  failed: boolean,
  ended: boolean,
  outcome: string | undefined,
): string {
  if (failed) return 'Not collected'
  if (ended) return outcome === 'complete' || outcome === 'partial' ? 'Done' : 'Stopped'
  if (!progress) return 'Waiting'
  if (progress.etaMs === null) return 'Collecting'
  return progress.etaMs === 0 ? 'Finishing' : `about ${formatDuration(progress.etaMs)} left`
}
