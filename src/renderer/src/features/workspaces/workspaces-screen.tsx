import { useState } from 'react'
import { Button } from 'react-aria-components'
import { Link, useNavigate } from 'react-router'
import type { IpcError } from '../../../../shared/ipc/contract'
import type { Workspace } from '../../../../shared/model/workspace'
import { invoke } from '../../api'
import { useAppData } from '../../app-data'
import { useShortcut } from '../../components/use-shortcut'
import { getDb, removeWorkspaceData } from '../../db'
import { RemoveWorkspaceDialog } from './remove-workspace-dialog'
import { WorkspaceNameDialog } from './workspace-name-dialog'
import { useOpenDemo } from './use-open-demo'
import { useGlances, WorkspaceCells } from './workspace-cells'
import './workspaces.css'

/** Lists workspaces and creates, renames and removes them. */
export function WorkspacesScreen() {
  const { workspaces, refreshWorkspaces } = useAppData()
  const [creating, setCreating] = useState(false)
  const [renaming, setRenaming] = useState<Workspace>()
  const [removing, setRemoving] = useState<Workspace>()
  const [listError, setListError] = useState<string>()
  const demo = useOpenDemo()
  const navigate = useNavigate()
  const glances = useGlances(workspaces)
  useShortcut('n', () => setCreating(true))

  // Mutations re-read the list themselves, so the screen is right even if the event stream is down.
  const afterMutation = async (error: IpcError | undefined): Promise<IpcError | undefined> => {
    if (error) return error
    const refreshError = await refreshWorkspaces()
    setListError(refreshError?.message)
    return undefined
  }

  // A new workspace opens at once: its screens lead to Connect → Test → Collect.
  const create = async (name: string) => {
    const result = await invoke('workspaces:create', { name })
    const error = await afterMutation(result.ok ? undefined : result.error)
    if (result.ok && !error) await navigate(`/w/${encodeURIComponent(result.value.id)}/overview`)
    return error
  }
  const rename = async (name: string) => {
    if (!renaming) return undefined
    const result = await invoke('workspaces:rename', { id: renaming.id, name })
    return afterMutation(result.ok ? undefined : result.error)
  }
  const remove = async (workspace: Workspace) => {
    const result = await invoke('workspaces:remove', { id: workspace.id })
    // The host deleted the credentials; the cached snapshots live here.
    if (result.ok) {
      try {
        await removeWorkspaceData(await getDb(), workspace.id)
      } catch (error) {
        await afterMutation(undefined)
        return {
          code: 'internal' as const,
          message: `The workspace was removed, but its cached snapshots could not be deleted: ${String(error)}`,
        }
      }
    }
    return afterMutation(result.ok ? undefined : result.error)
  }

  const sorted = [...workspaces].sort((a, b) => a.name.localeCompare(b.name))

  return (
    <section className="screen" aria-labelledby="workspaces-title">
      <div className="screen__header">
        <h1 id="workspaces-title">Workspaces</h1>
        <div className="ws-actions">
          <Button className="button" onPress={() => void demo.open()} isDisabled={demo.opening}>
            {demo.opening ? 'Opening demo…' : 'Open demo workspace'}
          </Button>
          <Button
            className="button button--primary"
            onPress={() => setCreating(true)}
            aria-keyshortcuts="n"
          >
            New workspace
          </Button>
        </div>
      </div>
      <p className="muted">
        A workspace holds one customer engagement: its Entra tenant and Okta org, snapshots and
        findings.
      </p>
      {demo.error && (
        <p className="form__error" role="alert">
          The demo could not be opened: {demo.error}
        </p>
      )}
      {listError && (
        <p className="form__error" role="alert">
          {listError}
        </p>
      )}
      {sorted.length === 0 ? (
        <div className="empty">
          <p>No workspaces yet.</p>
          <p className="muted">
            Create one for each customer you troubleshoot (press <kbd className="kbd">n</kbd>), or
            open the demo workspace to explore a tenant pair with typical problems, no credentials
            needed.
          </p>
        </div>
      ) : (
        <table className="data-table" aria-labelledby="workspaces-title">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Entra tenant and Okta org</th>
              <th scope="col">Last snapshot</th>
              <th scope="col">Health</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((workspace) => (
              <tr key={workspace.id} data-workspace-id={workspace.id}>
                <th scope="row" className="data-table__name">
                  <Link to={`/w/${encodeURIComponent(workspace.id)}/overview`}>
                    {workspace.name}
                  </Link>
                </th>
                <WorkspaceCells workspaceId={workspace.id} glances={glances} />
                <td className="data-table__actions">
                  <Button
                    className="button button--small"
                    aria-label={`Rename ${workspace.name}`}
                    onPress={() => setRenaming(workspace)}
                  >
                    Rename
                  </Button>
                  <Button
                    className="button button--small button--danger-quiet"
                    aria-label={`Remove ${workspace.name}`}
                    onPress={() => setRemoving(workspace)}
                  >
                    Remove
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <WorkspaceNameDialog
        title="New workspace"
        submitLabel="Create"
        isOpen={creating}
        onOpenChange={setCreating}
        onSubmit={create}
      />
      <WorkspaceNameDialog
        title="Rename workspace"
        submitLabel="Rename"
        isOpen={renaming !== undefined}
        initialName={renaming?.name}
        onOpenChange={(open) => !open && setRenaming(undefined)}
        onSubmit={rename}
      />
      <RemoveWorkspaceDialog
        workspace={removing}
        onOpenChange={(open) => !open && setRemoving(undefined)}
        onConfirm={remove}
      />
    </section>
  )
}
