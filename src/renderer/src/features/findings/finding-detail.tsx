import { useEffect, useState } from 'react'
import { Button } from 'react-aria-components'
import { Link, useParams } from 'react-router'
import type { Finding, Subject } from '../../../../shared/model/finding'
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../../../../shared/overview/summary'
import type { CrosswalkDb, FindingStateRow, FindingStateValue } from '../../db'
import { findingFirstSeen } from '../../db/history'
import { subjectResource } from '../../db/queries'
import { DateTime } from '../../components/date-time'
import { formatNumber } from '../../format'
import { DecisionEditor } from './decision-editor'
import { EvidenceView } from './evidence-view'
import { SubjectRecordDialog } from './subject-record-dialog'

/** Subjects listed before "Show all"; grouped findings can carry hundreds. */
const SUBJECTS_SHOWN = 50

interface Props {
  finding: Finding
  decision: FindingStateRow | undefined
  db: CrosswalkDb
  snapshotId: string
  onDecide: (state: FindingStateValue, note: string) => Promise<void>
}

function isWebLink(url: string): boolean {
  return /^https?:\/\//i.test(url)
}

/** Everything about one finding: why, evidence, how to fix, what it touches, and the decision on it. */
export function FindingDetail({ finding, decision, db, snapshotId, onDecide }: Props) {
  const [open, setOpen] = useState<Subject>()
  const { workspaceId = '' } = useParams()
  const [allSubjects, setAllSubjects] = useState(false)
  const subjects = allSubjects ? finding.subjects : finding.subjects.slice(0, SUBJECTS_SHOWN)
  const total =
    typeof finding.evidence['total'] === 'number' ? finding.evidence['total'] : undefined
  const [since, setSince] = useState<{ id: string; at: string | undefined }>()
  useEffect(() => {
    let live = true
    findingFirstSeen(db, snapshotId, finding.id).then(
      (at) => live && setSince({ id: finding.id, at }),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [db, snapshotId, finding.id])

  return (
    <article className="wb-detail" aria-labelledby="finding-title" data-finding-id={finding.id}>
      <h2 id="finding-title" tabIndex={-1}>
        {finding.title}
      </h2>
      <p>
        <span className={`chip chip--${finding.severity}`}>
          {SEVERITY_LABELS[finding.severity]}
        </span>{' '}
        <span className="muted">
          {CATEGORY_LABELS[finding.category]} · rule <code>{finding.rule}</code>
        </span>
      </p>
      {since?.id === finding.id && since.at && (
        <p className="muted" data-testid="finding-since">
          Since <DateTime iso={since.at} /> (the first snapshot that has it; History compares
          snapshots)
        </p>
      )}
      <p>{finding.detail}</p>

      <h3>Evidence</h3>
      <EvidenceView evidence={finding.evidence} />

      <h3>How to fix</h3>
      {finding.remediation.steps.length > 0 ? (
        <ol className="wb-steps">
          {finding.remediation.steps.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
      ) : (
        <p className="muted">No steps given.</p>
      )}
      {finding.remediation.links.length > 0 && (
        <>
          <h3>Documentation</h3>
          <ul className="wb-plain-list">
            {finding.remediation.links.map((url) => (
              <li key={url}>
                {isWebLink(url) ? (
                  <a className="wb-link" href={url} rel="noreferrer">
                    {url}
                  </a>
                ) : (
                  <code>{url}</code>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>Objects involved</h3>
      {finding.subjects.length === 0 ? (
        <p className="muted">This finding is about the snapshot as a whole.</p>
      ) : (
        <>
          {total !== undefined && total > finding.subjects.length && (
            <p className="muted">
              {formatNumber(total)} objects are affected; the first{' '}
              {formatNumber(finding.subjects.length)} are listed.
            </p>
          )}
          <ul className="wb-subjects">
            {subjects.map((subject) => (
              <li key={`${subject.source}:${subject.type}:${subject.id}`}>
                <span className="chip chip--info">
                  {subject.source === 'entra' ? 'Entra' : 'Okta'}
                </span>{' '}
                {subject.type} <strong>{subject.name ?? subject.id}</strong>
                {subject.name && <code className="muted"> {subject.id}</code>}{' '}
                {subjectResource(subject) && (
                  <Button
                    className="button button--small button--quiet"
                    aria-label={`Show the record of ${subject.type} ${subject.name ?? subject.id}`}
                    onPress={() => setOpen(subject)}
                  >
                    Show record
                  </Button>
                )}{' '}
                {(subject.type === 'user' || subject.type === 'deletedUser') && (
                  <Link
                    className="button button--small button--quiet"
                    to={`/w/${workspaceId}/people?${subject.source}=${encodeURIComponent(subject.id)}`}
                    aria-label={`Show ${subject.name ?? subject.id} in People`}
                    data-testid="subject-people-link"
                  >
                    In People
                  </Link>
                )}
              </li>
            ))}
          </ul>
          {finding.subjects.length > SUBJECTS_SHOWN && !allSubjects && (
            <Button className="button button--small" onPress={() => setAllSubjects(true)}>
              Show all {formatNumber(finding.subjects.length)}
            </Button>
          )}
        </>
      )}

      <h3>Decision</h3>
      <DecisionEditor
        key={finding.id}
        findingId={finding.id}
        current={decision}
        onSave={onDecide}
      />
      <p className="muted wb-finding-id">
        Finding <code>{finding.id}</code> · the decision is kept across snapshots.
      </p>
      <SubjectRecordDialog
        db={db}
        snapshotId={snapshotId}
        subject={open}
        onClose={() => setOpen(undefined)}
      />
    </article>
  )
}
