import { useState, type FormEvent } from 'react'
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components'
import type { IpcError } from '../../../../shared/ipc/contract'
import { WORKSPACE_NAME_MAX, WorkspaceName } from '../../../../shared/model/workspace'
import { ModalDialog } from '../../components/modal-dialog'

interface WorkspaceNameDialogProps {
  title: string
  submitLabel: string
  isOpen: boolean
  initialName?: string
  onOpenChange: (open: boolean) => void
  /** saves the name; a returned error is shown in the dialog, which stays open */
  onSubmit: (name: string) => Promise<IpcError | undefined>
}

/** Create or rename: one validated name field, messages from `WorkspaceName` and from the host. */
export function WorkspaceNameDialog({
  title,
  isOpen,
  onOpenChange,
  ...form
}: WorkspaceNameDialogProps) {
  // The form mounts only while the dialog is open, so every opening starts from a clean state.
  return (
    <ModalDialog title={title} isOpen={isOpen} onOpenChange={onOpenChange}>
      <NameForm {...form} onDone={() => onOpenChange(false)} />
    </ModalDialog>
  )
}

interface NameFormProps {
  submitLabel: string
  initialName?: string
  onSubmit: (name: string) => Promise<IpcError | undefined>
  onDone: () => void
}

function NameForm({ submitLabel, initialName = '', onSubmit, onDone }: NameFormProps) {
  const [name, setName] = useState(initialName)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string>()
  const [saving, setSaving] = useState(false)

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const parsed = WorkspaceName.safeParse(name)
    if (!parsed.success) {
      setErrors({ name: parsed.error.issues[0]?.message ?? 'Check the name.' })
      return
    }
    setSaving(true)
    const failure = await onSubmit(parsed.data)
    setSaving(false)
    if (!failure) {
      onDone()
      return
    }
    const fieldIssue = failure.issues?.find((issue) => issue.path.startsWith('name'))
    if (failure.code === 'conflict' || fieldIssue)
      setErrors({ name: fieldIssue?.message ?? failure.message })
    else setFormError(failure.message)
  }

  return (
    <Form className="form" validationErrors={errors} onSubmit={(e) => void handleSubmit(e)}>
      <TextField
        name="name"
        className="field"
        value={name}
        onChange={(value) => {
          setName(value)
          setErrors({})
        }}
        autoFocus
      >
        <Label className="field__label">Name</Label>
        <Input className="field__input" maxLength={WORKSPACE_NAME_MAX + 20} />
        <Text slot="description" className="field__hint">
          The customer or engagement, e.g. “Contoso – Okta federation”. Up to {WORKSPACE_NAME_MAX}{' '}
          characters.
        </Text>
        <FieldError className="field__error" />
      </TextField>
      {formError && (
        <p className="form__error" role="alert">
          {formError}
        </p>
      )}
      <div className="dialog__actions">
        <Button className="button" slot="close">
          Cancel
        </Button>
        <Button className="button button--primary" type="submit" isPending={saving}>
          {submitLabel}
        </Button>
      </div>
    </Form>
  )
}
