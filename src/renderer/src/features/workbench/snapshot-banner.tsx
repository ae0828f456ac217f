import { Link } from 'react-router'
import { DateTime } from '../../components/date-time'
import { snapshotKind } from './snapshot-label'
import { useWorkbench } from './workbench-context'

/** Always says which snapshot the screens show, when it was collected, and the diagnosis progress. */
export function SnapshotBanner() {
  const { load, diagnosis, workspaceId } = useWorkbench()
  if (load.status === 'loading') {
    return (
      <p className="wb-banner muted" role="status">
        Loading the cached snapshot…
      </p>
    )
  }
  if (load.status === 'error') {
    return (
      <p className="wb-banner form__error" role="alert">
        The local cache could not be read: {load.message}
      </p>
    )
  }
  const { snapshot } = load
  return (
    <div className="wb-banner" data-snapshot-id={snapshot?.id ?? ''}>
      {snapshot ? (
        <span className="wb-banner__label" data-snapshot-kind={snapshotKind(snapshot)}>
          Snapshot of <DateTime iso={snapshot.collectedAt} /> · {snapshotKind(snapshot)}
        </span>
      ) : (
        <span className="wb-banner__label">
          No snapshot yet · <Link to={`/w/${workspaceId}/connect`}>connect</Link>,{' '}
          <Link to={`/w/${workspaceId}/collect`}>collect</Link> or{' '}
          <Link to={`/w/${workspaceId}/snapshots`}>import one</Link>
        </span>
      )}
      <span role="status" className="wb-banner__status">
        {diagnosis.state === 'running' && (
          <>
            <span className="wb-spinner" aria-hidden="true" /> Diagnosing this snapshot…
          </>
        )}
        {diagnosis.state === 'failed' && (
          <span className="form__error">The diagnosis failed: {diagnosis.message}</span>
        )}
      </span>
    </div>
  )
}
