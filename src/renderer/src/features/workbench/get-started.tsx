import { Link } from 'react-router'

/**
 * What an empty workspace screen offers: the way to a first snapshot, Connect → Test →
 * Collect, or a file written by `crosswalk collect`.
 */
export function GetStarted({ workspaceId, lead }: { workspaceId: string; lead: string }) {
  const base = `/w/${workspaceId}`
  return (
    <div className="empty wb-start">
      <p>{lead}</p>
      <ol className="wb-start__steps">
        <li>
          <Link to={`${base}/connect`}>Connect</Link>: enter the Entra tenant and the Okta org (the
          app registration’s client secret, an Okta API token).
        </li>
        <li>
          <strong>Test connection</strong> there: each problem is explained next to its field. Then{' '}
          <strong>Save</strong>.
        </li>
        <li>
          <Link to={`${base}/collect`}>Collect</Link> a snapshot of both sides; the diagnosis runs
          as soon as it is stored.
        </li>
      </ol>
      <p className="muted">
        Or <Link to={`${base}/snapshots`}>import a snapshot file</Link> written by{' '}
        <code>crosswalk collect</code>.
      </p>
    </div>
  )
}
