import { Button, Keyboard } from 'react-aria-components'
import { WORKBENCH_SCREENS } from '../features/workbench/workbench-routes-meta'
import { ModalDialog } from './modal-dialog'
import { ColumnHeads } from './column-heads'

/** Every keyboard shortcut the app handles; the dialog and the handlers read this one list. */
export const SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: ['?'], action: 'Show this list of shortcuts' },
  { keys: ['g', 'w'], action: 'Go to Workspaces' },
  { keys: ['g', 'a'], action: 'Go to About' },
  ...WORKBENCH_SCREENS.map((screen) => ({
    keys: ['g', screen.shortcut],
    action: `In a workspace: go to ${screen.label}`,
  })),
  { keys: ['n'], action: 'New workspace (on the Workspaces screen)' },
  { keys: ['/'], action: 'Findings: search' },
  { keys: ['j'], action: 'Findings: open the next finding' },
  { keys: ['k'], action: 'Findings: open the previous finding' },
  { keys: ['Esc'], action: 'Findings: from the open finding back to its place in the list' },
  { keys: ['/'], action: 'People: search both sides' },
  {
    keys: ['Arrows'],
    action: 'People grid: move between cells (Home, End, Page Up, Page Down too)',
  },
  { keys: ['Enter'], action: 'People grid: open the person (on a column header: sort)' },
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
        <ColumnHeads labels={['Keys', 'Action']} />
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
