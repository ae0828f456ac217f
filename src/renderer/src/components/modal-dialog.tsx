import type { ReactNode } from 'react'
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components'

interface ModalDialogProps {
  title: string
  isOpen: boolean
  onOpenChange: (open: boolean) => void
  /** alertdialog for confirmations of destructive actions */
  role?: 'dialog' | 'alertdialog'
  /** wide: a detail with tables and records, as wide as the window allows */
  size?: 'normal' | 'wide'
  children: ReactNode
}

/** A modal with a heading; Escape and clicks outside close it, focus is trapped and restored. */
export function ModalDialog({
  title,
  isOpen,
  onOpenChange,
  role = 'dialog',
  size = 'normal',
  children,
}: ModalDialogProps) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable
    >
      <Modal className={size === 'wide' ? 'modal modal--wide' : 'modal'}>
        <Dialog className="dialog" role={role}>
          <Heading slot="title" className="dialog__title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  )
}
