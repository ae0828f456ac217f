import { useEffect, useMemo, useState } from 'react'
import { Button } from 'react-aria-components'
import { Link } from 'react-router'
import { JOIN_KEY_LABELS, joinKeysOf } from '../../../../shared/compare/join'
import type { PeopleGrid } from '../../../../shared/compare/people-grid'
import { ROW_STATUSES } from '../../../../shared/compare/people-rows'
import { rowWords, verdictText } from '../../../../shared/compare/people-view'
import { V_NORMALISED, isMismatch } from '../../../../shared/compare/values'
import type { Finding } from '../../../../shared/model/finding'
import { SEVERITY_LABELS } from '../../../../shared/overview/summary'
import { ModalDialog } from '../../components/modal-dialog'
import type { PersonDetail } from '../../workers/run-compare'
import type { WorkbenchServices } from '../workbench/services'
import { ColumnHeads } from '../../components/column-heads'

interface Props {
  grid: PeopleGrid
  /** the table row shown, or undefined when closed */
  row: number | undefined
  services: WorkbenchServices
  snapshotId: string
  workspaceId: string
  findings: readonly Finding[]
  onClose: () => void
}

const STATUS_WHY: Record<string, string> = {
  matched: 'One account on each side, joined by the keys below.',
  'entra-only': 'No Okta account is named by any key.',
  'okta-only': 'No Entra account is named by any key.',
  ambiguous:
    'A key finds several candidates on one side, and no stronger key decides between them.',
  conflicting: 'Two keys name different people.',
}

/** The findings that name either account of a person. */
export function personFindings(
  findings: readonly Finding[],
  entraId: string | undefined,
  oktaId: string | undefined,
): Finding[] {
  return findings.filter((f) =>
    f.subjects.some(
      (s) =>
        (s.type === 'user' || s.type === 'deletedUser') &&
        ((s.source === 'entra' && entraId !== undefined && s.id === entraId) ||
          (s.source === 'okta' && oktaId !== undefined && s.id === oktaId)),
    ),
  )
}

/** One person across the seam: how the join decided, every pair, the findings, both raw records. */
export function PersonDetailDialog({
  grid,
  row,
  services,
  snapshotId,
  workspaceId,
  findings,
  onClose,
}: Props) {
  const [detail, setDetail] = useState<{ row: number; value?: PersonDetail; error?: string }>()
  useEffect(() => {
    if (row === undefined) return
    let live = true
    services
      .compare(snapshotId, {
        kind: 'person',
        entraRow: grid.entraRow(row),
        oktaRow: grid.oktaRow(row),
      })
      .then(
        (value) => live && setDetail({ row, value }),
        (error: unknown) =>
          live && setDetail({ row, error: error instanceof Error ? error.message : String(error) }),
      )
    return () => {
      live = false
    }
  }, [row, grid, services, snapshotId])
  const entraId = row === undefined ? undefined : grid.entraId(row)
  const oktaId = row === undefined ? undefined : grid.oktaId(row)
  const related = useMemo(
    () => personFindings(findings, entraId, oktaId),
    [findings, entraId, oktaId],
  )
  const shown = detail?.row === row ? detail : undefined
  if (row === undefined) return null
  const words = rowWords(grid, row)
  const status = ROW_STATUSES[grid.status(row)] ?? 'entra-only'
  const title = grid.name(row) ?? grid.upn(row) ?? grid.login(row) ?? 'Person'
  const keys = joinKeysOf(grid.keyBits(row))
  const doubt = joinKeysOf(grid.doubt(row))
  return (
    <ModalDialog title={title} isOpen onOpenChange={(open) => !open && onClose()} size="wide">
      <div className="pp-detail" data-testid="person-detail">
        <p>
          <span className={`chip pp-status pp-status--${status}`}>{words.status}</span>{' '}
          <span className="muted">{words.population}</span> · {STATUS_WHY[status]}
        </p>
        <dl className="pp-facts">
          <dt>Entra</dt>
          <dd>
            {grid.upn(row) ?? <span className="muted">no account</span>}
            {entraId && <code className="muted"> {entraId}</code>}
          </dd>
          <dt>Okta</dt>
          <dd>
            {grid.login(row) ?? <span className="muted">no account</span>}
            {oktaId && <code className="muted"> {oktaId}</code>}
          </dd>
          {keys.length > 0 && (
            <>
              <dt>Joined by</dt>
              <dd>{keys.map((k) => JOIN_KEY_LABELS[k]).join('; ')}</dd>
            </>
          )}
          {doubt.length > 0 && (
            <>
              <dt>In doubt</dt>
              <dd>{doubt.map((k) => JOIN_KEY_LABELS[k]).join('; ')}</dd>
            </>
          )}
        </dl>

        <h3>What each key finds</h3>
        {!shown && <p className="muted">Replaying the join for this person…</p>}
        {shown?.error && <p className="form__error">{shown.error}</p>}
        {shown?.value && <KeyTable detail={shown.value} />}

        <h3>Attributes</h3>
        <table className="data-table pp-pairs">
          <ColumnHeads labels={['Pair', 'Entra', 'Okta', 'Verdict']} />
          <tbody>
            {grid.pairs.map((pair, c) => {
              const v = grid.verdict(c, row)
              return (
                <tr key={pair.id} className={isMismatch(v) ? 'pp-pairs__diff' : undefined}>
                  <th scope="row">
                    {pair.label}
                    <span className="pp-pairs__expr">{pair.header}</span>
                  </th>
                  <td className="pp-value">{grid.entraValue(c, row) ?? '—'}</td>
                  <td className="pp-value">{grid.oktaValue(c, row) ?? '—'}</td>
                  <td>{verdictText(v, v === V_NORMALISED ? grid.normalised(c, row) : 0)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>

        <h3>Findings about this person</h3>
        {related.length === 0 ? (
          <p className="muted">No finding names either account.</p>
        ) : (
          <ul className="wb-plain-list">
            {related.map((f) => (
              <li key={f.id}>
                <span className={`chip chip--${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span>{' '}
                <Link
                  className="wb-link"
                  to={`/w/${workspaceId}/findings/${encodeURIComponent(f.id)}`}
                  data-testid="person-finding"
                >
                  {f.title}
                </Link>
              </li>
            ))}
          </ul>
        )}

        <h3>Records</h3>
        {shown?.value && (
          <div className="pp-records">
            <Record title="Entra user" value={shown.value.entra} />
            <Record title="Okta user" value={shown.value.okta} />
            {shown.value.appUsers.map((a) => (
              <Record key={a.app} title={`Okta app user: ${a.app}`} value={a.record} />
            ))}
          </div>
        )}
        <div className="dialog__actions">
          <Button className="button" onPress={onClose}>
            Close
          </Button>
        </div>
      </div>
    </ModalDialog>
  )
}

function KeyTable({ detail }: { detail: PersonDetail }) {
  const rows = [
    ...detail.entraKeys.map((k) => ({ ...k, from: 'Entra', to: 'Okta' })),
    ...detail.oktaKeys.map((k) => ({ ...k, from: 'Okta', to: 'Entra' })),
  ]
  if (rows.length === 0) return <p className="muted">No key finds an account on the other side.</p>
  return (
    <table className="data-table">
      <ColumnHeads labels={['From', 'Key', 'Value', 'Finds']} />
      <tbody>
        {rows.map((k, i) => (
          <tr key={i}>
            <td>{k.from}</td>
            <td>
              {JOIN_KEY_LABELS[k.key]}
              {k.idp && <span className="muted"> ({k.idp})</span>}
            </td>
            <td className="pp-value">{k.value ?? '—'}</td>
            <td>
              {k.accounts.map((a) => a.name).join(', ')}
              {k.sharedOnOwnSide > 1 && (
                <span className="muted">
                  {' '}
                  (held by {k.sharedOnOwnSide} {k.from} accounts)
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Record({ title, value }: { title: string; value: unknown }) {
  if (!value) return null
  return (
    <details className="pp-record">
      <summary>{title}</summary>
      <pre className="wb-record" tabIndex={0} aria-label={title}>
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  )
}
