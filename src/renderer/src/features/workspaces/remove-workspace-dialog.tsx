import { useState } from 'react'
import { Button } from 'react-aria-components'
import type { IpcError } from '../../../../shared/ipc/contract'
import type { Workspace } from '../../../../shared/model/workspace'
import { ModalDialog } from '../../components/modal-dialog'

interface RemoveWorkspaceDialogProps {
  workspace: Workspace | undefined
  onOpenChange: (open: boolean) => void
  onConfirm: (workspace: Workspace) => Promise<IpcError | undefined>
}

/** Confirmation naming the workspace; the safe choice (Cancel) has the initial focus. */
export function RemoveWorkspaceDialog({
  workspace,
  onOpenChange,
  onConfirm,
}: RemoveWorkspaceDialogProps) {
  return (
    <ModalDialog
      title="Remove workspace?"
      role="alertdialog"
      isOpen={workspace !== undefined}
      onOpenChange={onOpenChange}
    >
      {workspace && (
        <Confirmation
          key={workspace.id}
          workspace={workspace}
          onConfirm={onConfirm}
          onDone={() => onOpenChange(false)}
        />
      )}
    </ModalDialog>
  )
}

interface ConfirmationProps {
  workspace: Workspace
  onConfirm: (workspace: Workspace) => Promise<IpcError | undefined>
  onDone: () => void
}

function Confirmation({ workspace, onConfirm, onDone }: ConfirmationProps) {
  const [failure, setFailure] = useState<string>()
  const [removing, setRemoving] = useState(false)

  const handleConfirm = async () => {
    setRemoving(true)
    const error = await onConfirm(workspace)
    setRemoving(false)
    if (error) setFailure(error.message)
    else onDone()
  }

  return (
    <>
      <p>
        Remove <strong>{workspace.name}</strong>? Its settings, cached snapshots and findings, and
        stored credentials (client secrets, certificates, API tokens) are deleted from this
        computer. This cannot be undone.
      </p>
      {failure && (
        <p className="form__error" role="alert">
          {failure}
        </p>
      )}
      <div className="dialog__actions">
        <Button className="button" slot="close" autoFocus>
          Cancel
        </Button>
        <Button
          className="button button--danger"
          onPress={() => void handleConfirm()}
          isPending={removing}
        >
          Remove
        </Button>
      </div>
    </>
  )
}
