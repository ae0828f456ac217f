import { useEffect, useState } from 'react'
import { Button } from 'react-aria-components'
import type { Subject } from '../../../../shared/model/finding'
import type { RawRecord } from '../../../../shared/model/snapshot'
import { ModalDialog } from '../../components/modal-dialog'
import type { CrosswalkDb } from '../../db'
import { findSubjectRecord } from '../../db/queries'

interface Props {
  db: CrosswalkDb
  snapshotId: string
  subject: Subject | undefined
  onClose: () => void
}

function subjectTitle(subject: Subject): string {
  const side = subject.source === 'entra' ? 'Entra' : 'Okta'
  return `${side} ${subject.type} ${subject.name ?? subject.id}`
}

/** The raw record behind a subject, exactly as the API returned it into the snapshot. */
export function SubjectRecordDialog({ db, snapshotId, subject, onClose }: Props) {
  const [record, setRecord] = useState<{ key: string; raw?: RawRecord; error?: string }>()
  const key = subject ? `${subject.source}:${subject.type}:${subject.id}` : ''

  useEffect(() => {
    if (!subject) return
    let live = true
    findSubjectRecord(db, snapshotId, subject).then(
      (raw) => live && setRecord({ key, raw }),
      (error: unknown) =>
        live && setRecord({ key, error: error instanceof Error ? error.message : String(error) }),
    )
    return () => {
      live = false
    }
  }, [db, snapshotId, subject, key])

  const shown = record?.key === key ? record : undefined
  return (
    <ModalDialog
      title={subject ? subjectTitle(subject) : 'Record'}
      isOpen={subject !== undefined}
      onOpenChange={(open) => !open && onClose()}
    >
      {!shown && <p className="muted">Reading the record from the cache…</p>}
      {shown?.error && <p className="form__error">{shown.error}</p>}
      {shown && !shown.error && !shown.raw && (
        <p className="muted">This snapshot holds no record for {subject?.id}.</p>
      )}
      {shown?.raw && (
        <pre className="wb-record" tabIndex={0} aria-label="Raw record">
          {JSON.stringify(shown.raw, null, 2)}
        </pre>
      )}
      <div className="dialog__actions">
        <Button className="button" onPress={onClose}>
          Close
        </Button>
      </div>
    </ModalDialog>
  )
}
