import { Button, Keyboard } from 'react-aria-components'
import { ModalDialog } from './modal-dialog'

/** Every keyboard shortcut the app handles; the dialog and the handlers read this one list. */
export const SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: ['?'], action: 'Show this list of shortcuts' },
  { keys: ['g', 'w'], action: 'Go to Workspaces' },
  { keys: ['g', 'a'], action: 'Go to About' },
  { keys: ['g', 'o'], action: 'In a workspace: go to Overview' },
  { keys: ['g', 'f'], action: 'In a workspace: go to Findings' },
  { keys: ['g', 'i'], action: 'In a workspace: go to Inspector' },
  { keys: ['g', 'c'], action: 'In a workspace: go to Connect' },
  { keys: ['g', 'l'], action: 'In a workspace: go to Collect' },
  { keys: ['g', 's'], action: 'In a workspace: go to Snapshots' },
  { keys: ['g', 'h'], action: 'In a workspace: go to History' },
  { keys: ['g', 'd'], action: 'In a workspace: go to Documents' },
  { keys: ['n'], action: 'New workspace (on the Workspaces screen)' },
  { keys: ['/'], action: 'Findings: search' },
  { keys: ['j'], action: 'Findings: open the next finding' },
  { keys: ['k'], action: 'Findings: open the previous finding' },
  { keys: ['Esc'], action: 'Findings: from the open finding back to its place in the list' },
  { keys: ['t'], action: 'Switch between light and dark theme' },
  { keys: ['Tab'], action: 'Move to the next control; Shift+Tab moves back' },
  { keys: ['Esc'], action: 'Close the open dialog' },
]

interface ShortcutsDialogProps {
  isOpen: boolean
  onOpenChange: (open: boolean) => void
}

export function ShortcutsDialog({ isOpen, onOpenChange }: ShortcutsDialogProps) {
  return (
    <ModalDialog title="Keyboard shortcuts" isOpen={isOpen} onOpenChange={onOpenChange}>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                {shortcut.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && <span className="shortcuts__then"> then </span>}
                    <Keyboard className="kbd">{key}</Keyboard>
                  </span>
                ))}
              </td>
              <td>{shortcut.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog__actions">
        <Button className="button button--primary" slot="close" autoFocus>
          Close
        </Button>
      </div>
    </ModalDialog>
  )
}
