import { useEffect, useState } from 'react'
import { Button } from 'react-aria-components'
import { Link, useParams } from 'react-router'
import { invoke } from '../../api'
import type { WorkbenchServices } from '../workbench/services'
import { Outcome, PartialPrompt } from './collect-outcome'
import { ProgressTable, RunStatus } from './collect-progress'
import { collectRunFor, useCollectRun } from './use-collect-run'
import './collect.css'

type Connection = { state: 'loading' } | { state: 'saved' } | { state: 'none'; reason: string }

/** Whether the workspace has a saved connection to collect from (Collect is disabled until then). */
function useConnection(workspaceId: string): Connection {
  const [connection, setConnection] = useState<Connection>({ state: 'loading' })
  useEffect(() => {
    let live = true
    void invoke('connections:get', { workspaceId }).then((result) => {
      if (!live) return
      if (!result.ok) return setConnection({ state: 'none', reason: result.error.message })
      setConnection(
        result.value.entra || result.value.okta
          ? { state: 'saved' }
          : {
              state: 'none',
              reason: 'This workspace has no saved connection yet.',
            },
      )
    })
    return () => {
      live = false
    }
  }, [workspaceId])
  return connection
}

/**
 * The Collect screen: starts a collection of the workspace's tenant pair, shows every
 * resource's progress live with the whole run's progress and an estimated time left,
 * cancels, and ends with what could not be collected and why. The run belongs to the host:
 * this screen (in any window, after any reload) is a view of it.
 */
export function CollectScreen({ services }: { services?: WorkbenchServices }) {
  const { workspaceId = '' } = useParams()
  const run = collectRunFor(workspaceId, services)
  const state = useCollectRun(run)
  const connection = useConnection(workspaceId)
  const active = ['starting', 'running', 'cancelling', 'saving'].includes(state.phase)
  const blocked = connection.state === 'none'

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
            >
              Cancel
            </Button>
          ) : (
            <Button
              className="button button--primary"
              onPress={() => void run.start()}
              isDisabled={
                blocked ||
                active ||
                state.phase === 'awaiting-decision' ||
                state.phase === 'diagnosing'
              }
              isPending={state.phase === 'starting'}
              aria-describedby={blocked ? 'collect-blocked' : undefined}
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
      {blocked && state.phase === 'idle' && (
        <div className="empty" id="collect-blocked">
          <p>{connection.reason}</p>
          <p className="muted">
            Collect needs a connection: open <Link to={`/w/${workspaceId}/connect`}>Connect</Link>,
            enter the Entra tenant and the Okta org, use <strong>Test connection</strong> and{' '}
            <strong>Save</strong>, then come back here.
          </p>
        </div>
      )}
      <RunStatus state={state} />
      {state.phase === 'awaiting-decision' && (
        <PartialPrompt
          hasPrevious={state.hasPrevious === true}
          onDecide={(decision) => void run.decidePartial(decision)}
        />
      )}
      <Outcome state={state} workspaceId={workspaceId} />
      {state.phase !== 'idle' && <ProgressTable state={state} />}
    </section>
  )
}
