/**
 * The inspector's verdict on one message: the error Entra or Okta would answer, each check
 * with the expected and the actual value, the configuration object to fix with its steps and
 * a link to the diagnosis rule's findings, and both halves of the person it names.
 */
import { Link } from 'react-router'
import {
  REPORT_KIND_LABELS,
  type CheckStatus,
  type InspectCheck,
  type InspectReport,
  type PersonView,
} from '../../../../shared/inspect'
import { RULES } from '../../../../shared/rules'
import { DateTime } from '../../components/date-time'

const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: 'OK',
  fail: 'Fails',
  warn: 'Check',
  info: 'Note',
  skip: 'Not checked',
}
const STATUS_CHIP: Record<CheckStatus, string> = {
  pass: 'chip chip--ok',
  fail: 'chip chip--critical',
  warn: 'chip chip--medium',
  info: 'chip chip--info',
  skip: 'chip chip--unknown',
}

const ruleTitle = (id: string) => RULES.find((r) => r.id === id)?.title

export function Verdict({ report }: { report: InspectReport }) {
  if (report.verdict === 'unreadable')
    return (
      <div className="wb-notice wb-notice--error ins-verdict" role="status">
        <p>
          <strong>{report.checks[0]?.title === 'Refused' ? 'Refused.' : 'Not read.'}</strong>{' '}
          {report.checks[0]?.summary}
        </p>
      </div>
    )
  if (report.verdict === 'clean')
    return (
      <div className="wb-notice wb-notice--ok ins-verdict" role="status">
        <p>
          <strong>No problem found.</strong> Every check passed
          {report.target ? ` against ${report.target.label}` : ''}.
        </p>
      </div>
    )
  const fails = report.checks.filter((c) => c.status === 'fail').length
  const warns = report.checks.filter((c) => c.status === 'warn').length
  return (
    <div className="wb-notice wb-notice--error ins-verdict" role="status">
      <p>
        <strong>
          {report.outcome
            ? `${report.outcome.side === 'entra' ? 'Entra' : 'Okta'} answers ${report.outcome.code}`
            : fails
              ? 'This sign-in fails'
              : 'Works, with something to check'}
        </strong>
        {report.outcome ? ` (${report.outcome.name}): ${report.outcome.meaning}` : ''}{' '}
        <span className="muted">
          {[
            fails && `${fails} failing check${fails === 1 ? '' : 's'}`,
            warns && `${warns} to check`,
          ]
            .filter(Boolean)
            .join(', ')}
          .
        </span>
      </p>
    </div>
  )
}

function CheckItem({ check, workspaceId }: { check: InspectCheck; workspaceId: string }) {
  const open = check.status === 'fail' || check.status === 'warn'
  return (
    <li className="ins-check" data-status={check.status}>
      <div className="ins-check__head">
        <span className={STATUS_CHIP[check.status]}>{STATUS_LABEL[check.status]}</span>
        <strong className="ins-check__title">{check.title}</strong>
        <span className="ins-check__summary">{check.summary}</span>
      </div>
      {(check.expected !== undefined || check.actual !== undefined) &&
        (open || check.status === 'pass') && (
          <dl className="ins-check__values">
            {check.expected !== undefined && (
              <div>
                <dt>Expected</dt>
                <dd>{check.expected}</dd>
              </div>
            )}
            {check.actual !== undefined && (
              <div>
                <dt>Actual</dt>
                <dd>{check.actual}</dd>
              </div>
            )}
          </dl>
        )}
      {open && check.fix && (
        <div className="ins-check__fix">
          <p>
            Fix <strong>{check.fix.label}</strong>:
          </p>
          <ol>
            {check.fix.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
      )}
      {open && check.rule && (
        <p className="ins-check__rule">
          Diagnosis rule:{' '}
          <Link to={`/w/${workspaceId}/findings?q=${encodeURIComponent(check.rule)}`}>
            {ruleTitle(check.rule) ?? check.rule}
          </Link>{' '}
          <code>{check.rule}</code>
        </p>
      )}
    </li>
  )
}

function Person({ side, person }: { side: string; person: PersonView }) {
  return (
    <div className="ins-person">
      <p className="ins-person__side">{side}</p>
      <p className="ins-person__name">{person.subject.name ?? person.subject.id}</p>
      <dl className="ins-fields">
        {Object.entries(person.fields).map(([k, v]) => (
          <div key={k} className="ins-fields__row">
            <dt>{k}</dt>
            <dd>{v === null ? '—' : String(v)}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}

export function ReportView({
  report,
  workspaceId,
  headingId,
}: {
  report: InspectReport
  workspaceId: string
  headingId: string
}) {
  const { people } = report
  return (
    <>
      <p className="muted ins-context">
        Checked as: {REPORT_KIND_LABELS[report.kind]}
        {report.target ? <>, against {report.target.label}</> : null}
        {report.judgedAt ? (
          <>
            ; validity judged at <DateTime iso={report.judgedAt.at} /> (
            {report.judgedAt.source === 'capture'
              ? 'when it was captured'
              : 'its own issue time: no capture time'}
            )
          </>
        ) : null}
        .
      </p>
      <section className="wb-section" aria-labelledby={headingId}>
        <h3 id={headingId}>Checks</h3>
        <ul className="ins-checks">
          {report.checks.map((c, i) => (
            <CheckItem key={`${c.id}-${i}`} check={c} workspaceId={workspaceId} />
          ))}
        </ul>
      </section>
      {(people.entra || people.okta || people.note) && (
        <section className="wb-section" aria-labelledby={`${headingId}-people`}>
          <h3 id={`${headingId}-people`}>Person</h3>
          {people.via && <p className="muted">Joined by {people.via.join('; ')}.</p>}
          {people.note && <p className="muted">{people.note}</p>}
          <div className="ins-people">
            {people.entra && <Person side="Entra" person={people.entra} />}
            {people.okta && <Person side="Okta" person={people.okta} />}
          </div>
        </section>
      )}
    </>
  )
}
