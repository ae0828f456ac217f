import { Button } from 'react-aria-components'
import { Link } from 'react-router'
import type { IntegrationLine, IntegrationPair } from '../../../../shared/compare/integration'
import { SEVERITY_LABELS } from '../../../../shared/overview/summary'
import { useCompare } from '../workbench/use-compare'
import { useWorkbench } from '../workbench/workbench-context'
import { GetStarted } from '../workbench/get-started'
import './integration.css'
import { ColumnHeads } from '../../components/column-heads'

const STATUS_WORDS: Record<IntegrationLine['status'], string> = {
  ok: 'Agrees',
  problem: 'Disagrees',
  unknown: 'Not known',
}

/**
 * The two halves of each integration of the seam map, field by field: the Entra app
 * registration beside its Okta Microsoft IdP, the Entra domain federation beside its Okta
 * Office 365 app. Each line is green or red, with the finding it relates to.
 */
export function IntegrationScreen() {
  const { load, workspaceId, diagnosis } = useWorkbench()
  const snapshot = load.status === 'ready' ? load.snapshot : undefined
  // the lines carry the findings: a new diagnosis computes them again
  const version = `${snapshot?.diagnosis?.at ?? ''}|${diagnosis.state}`
  const pairs = useCompare('integration', version)
  if (load.status !== 'ready') return null
  const idps = pairs.status === 'ready' ? pairs.value.filter((p) => p.kind === 'idp') : []
  const federations =
    pairs.status === 'ready' ? pairs.value.filter((p) => p.kind === 'federation') : []
  return (
    <section className="screen in-screen" aria-labelledby="integration-title">
      <div className="screen__header">
        <h1 id="integration-title">Integration</h1>
      </div>
      {!snapshot ? (
        <GetStarted
          workspaceId={workspaceId}
          lead="No snapshot yet, so no integration. To get one:"
        />
      ) : pairs.status === 'loading' || pairs.status === 'none' ? (
        <p className="muted" role="status">
          Comparing both halves of each integration…
        </p>
      ) : pairs.status === 'error' ? (
        <p className="form__error" role="alert">
          The comparison failed: {pairs.message}
        </p>
      ) : (
        <>
          {!snapshot.diagnosis && (
            <p className="muted">
              Not diagnosed yet: lines show the values only, without findings.
            </p>
          )}
          <nav aria-label="Integrations" className="in-toc">
            <ul>
              {pairs.value.map((p) => (
                <li key={p.key}>
                  <Button className="link-button" onPress={() => jump(p.key)}>
                    {p.title}
                  </Button>{' '}
                  <Tally pair={p} />
                </li>
              ))}
            </ul>
          </nav>
          <h2>Entra app registration ↔ Okta Microsoft IdP</h2>
          {idps.length === 0 && (
            <p className="muted">No Okta identity provider signs in through Entra.</p>
          )}
          {idps.map((p) => (
            <PairTable key={p.key} pair={p} workspaceId={workspaceId} />
          ))}
          <h2>Entra domain federation ↔ Okta Office 365 app</h2>
          {federations.length === 0 && (
            <p className="muted">No Entra domain is federated to an Okta Office 365 app.</p>
          )}
          {federations.map((p) => (
            <PairTable key={p.key} pair={p} workspaceId={workspaceId} />
          ))}
        </>
      )}
    </section>
  )
}

/** Moves to a pair's table without a navigation (the address stays the screen's). */
function jump(key: string): void {
  const heading = document.getElementById(`${key}-title`)
  heading?.scrollIntoView({ block: 'start' })
  heading?.focus({ preventScroll: true })
}

function Tally({ pair }: { pair: IntegrationPair }) {
  const bad = pair.lines.filter((l) => l.status === 'problem').length
  return bad > 0 ? (
    <span className="chip in-chip--problem">{bad} red</span>
  ) : (
    <span className="chip in-chip--ok">all green</span>
  )
}

function PairTable({ pair, workspaceId }: { pair: IntegrationPair; workspaceId: string }) {
  const titleId = `${pair.key}-title`
  return (
    <section className="in-pair" aria-labelledby={titleId}>
      <h3 id={titleId} tabIndex={-1}>
        {pair.title} <Tally pair={pair} />
      </h3>
      <table
        className="data-table in-table"
        aria-labelledby={titleId}
        data-testid="integration-pair"
      >
        <ColumnHeads labels={['Field', 'Entra', 'Okta', 'Status and related findings']} />
        <tbody>
          {pair.lines.map((line) => (
            <tr
              key={line.label}
              className={`in-line in-line--${line.status}`}
              data-status={line.status}
            >
              <th scope="row">{line.label}</th>
              <td>
                <span className="in-attr">{line.entra.attribute}</span>
                <span className="in-value">{line.entra.value ?? '—'}</span>
              </td>
              <td>
                <span className="in-attr">{line.okta.attribute}</span>
                <span className="in-value">{line.okta.value ?? '—'}</span>
              </td>
              <td>
                <span className={`in-status in-status--${line.status}`}>
                  <span aria-hidden="true">
                    {line.status === 'ok' ? '✓' : line.status === 'problem' ? '✕' : '?'}
                  </span>{' '}
                  {STATUS_WORDS[line.status]}
                </span>
                {line.note && <span className="in-note">{line.note}</span>}
                {line.findings.length > 0 && (
                  <ul className="wb-plain-list in-findings">
                    {line.findings.map((f) => (
                      <li key={f.id}>
                        <span className={`chip chip--${f.severity}`}>
                          {SEVERITY_LABELS[f.severity]}
                        </span>{' '}
                        <Link
                          className="wb-link"
                          to={`/w/${workspaceId}/findings/${encodeURIComponent(f.id)}`}
                        >
                          {f.title}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
