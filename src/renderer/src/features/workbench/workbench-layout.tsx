import { useEffect, useState } from 'react'
import { Link, Outlet, useNavigate, useParams } from 'react-router'
import { useAppData } from '../../app-data'
import { useShortcut } from '../../components/use-shortcut'
import { SnapshotBanner } from './snapshot-banner'
import { WorkbenchProvider } from './workbench-context'
import './workbench.css'

/** The frame of every workspace screen: which snapshot is shown, then the screen. */
export function WorkbenchFrame() {
  return (
    <div className="wb">
      <SnapshotBanner />
      <Outlet />
    </div>
  )
}

/** Route element for `/w/:workspaceId`: loads the workspace's cached state once for all its screens. */
export function WorkbenchLayout() {
  const { workspaceId = '' } = useParams()
  const { workspaces, status, refreshWorkspaces } = useAppData()
  const navigate = useNavigate()
  const known = workspaces.some((w) => w.id === workspaceId)
  // A workspace created a moment ago (the demo) may not be in the list yet: re-read it once.
  const [rechecked, setRechecked] = useState<string>()
  useEffect(() => {
    if (status !== 'ready' || known || rechecked === workspaceId) return
    let live = true
    void refreshWorkspaces().then(() => live && setRechecked(workspaceId))
    return () => {
      live = false
    }
  }, [status, known, rechecked, workspaceId, refreshWorkspaces])
  useShortcut(['g', 'o'], () => void navigate(`/w/${workspaceId}/overview`))
  useShortcut(['g', 'f'], () => void navigate(`/w/${workspaceId}/findings`))
  useShortcut(['g', 'i'], () => void navigate(`/w/${workspaceId}/inspector`))
  useShortcut(['g', 'c'], () => void navigate(`/w/${workspaceId}/connect`))
  useShortcut(['g', 'l'], () => void navigate(`/w/${workspaceId}/collect`))
  useShortcut(['g', 's'], () => void navigate(`/w/${workspaceId}/snapshots`))
  useShortcut(['g', 'h'], () => void navigate(`/w/${workspaceId}/history`))
  useShortcut(['g', 'd'], () => void navigate(`/w/${workspaceId}/documents`))

  if (status === 'ready' && !known && rechecked !== workspaceId) {
    return (
      <p className="muted" role="status">
        Opening the workspace…
      </p>
    )
  }
  if (status === 'ready' && !known) {
    return (
      <section className="screen" aria-labelledby="wb-missing-title">
        <h1 id="wb-missing-title">Workspace not found</h1>
        <p>
          There is no workspace with this id; it may have been removed.{' '}
          <Link to="/workspaces">Back to the workspaces</Link>.
        </p>
      </section>
    )
  }
  return (
    <WorkbenchProvider key={workspaceId} workspaceId={workspaceId}>
      <WorkbenchFrame />
    </WorkbenchProvider>
  )
}
