import { Link } from 'react-router'
import type {
  FederationPair,
  IdpPair,
  LinkFinding,
  SeamLink,
  SeamMap,
} from '../../../../shared/overview/seam-map'

interface Props {
  map: SeamMap
  workspaceId: string
}

const STATUS_TEXT = { ok: 'ok', problem: 'problem', unknown: 'unknown' } as const

function findingHref(workspaceId: string, finding: LinkFinding): string {
  return `/w/${workspaceId}/findings/${encodeURIComponent(finding.id)}`
}

function FindingLinks({ findings, workspaceId }: { findings: LinkFinding[]; workspaceId: string }) {
  return (
    <ul className="wb-plain-list">
      {findings.map((f) => (
        <li key={f.id}>
          <span className={`chip chip--${f.severity}`}>{f.severity}</span>{' '}
          <Link to={findingHref(workspaceId, f)}>{f.title}</Link>
        </li>
      ))}
    </ul>
  )
}

function LinkRows({ links, workspaceId }: { links: SeamLink[]; workspaceId: string }) {
  return (
    <>
      {links.map((link) => (
        <tr key={link.kind} data-link={link.kind} data-status={link.status}>
          <th scope="row">{link.label}</th>
          <td>
            <span className={`chip chip--${link.status}`}>{STATUS_TEXT[link.status]}</span>
          </td>
          <td>
            {link.findings.length > 0 && (
              <FindingLinks findings={link.findings} workspaceId={workspaceId} />
            )}
            {link.status === 'unknown' && link.reason && (
              <span className="muted">{link.reason}</span>
            )}
            {link.status === 'ok' && link.findings.length === 0 && (
              <span className="muted">No finding</span>
            )}
          </td>
        </tr>
      ))}
    </>
  )
}

function PairTable({
  pair,
  caption,
  workspaceId,
}: {
  pair: IdpPair | FederationPair
  caption: string
  workspaceId: string
}) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Link</th>
          <th scope="col">Status</th>
          <th scope="col">Findings</th>
        </tr>
      </thead>
      <tbody>
        <LinkRows links={pair.links} workspaceId={workspaceId} />
        {pair.other.length > 0 && (
          <tr data-link="other">
            <th scope="row">Other</th>
            <td>
              <span className={`chip chip--${pair.other[0]!.severity}`}>{pair.other.length}</span>
            </td>
            <td>
              <FindingLinks findings={pair.other} workspaceId={workspaceId} />
            </td>
          </tr>
        )}
      </tbody>
    </table>
  )
}

/** Each integration's two halves and the status of every link between them. */
export function SeamMapPanel({ map, workspaceId }: Props) {
  return (
    <section className="wb-section" aria-labelledby="seam-title">
      <h2 id="seam-title">Seam map</h2>
      {!map.diagnosed && (
        <p className="muted">
          Link status appears once the diagnosis of this snapshot has finished.
        </p>
      )}
      {map.idps.length === 0 && map.federations.length === 0 && (
        <p className="muted">
          This snapshot has no Okta identity provider that signs in through Entra and no domain
          federated to Okta.
        </p>
      )}
      {map.idps.map((pair) => {
        const title = `Okta IdP “${pair.idp.name}” ↔ Entra app “${pair.application?.displayName ?? pair.idp.clientId ?? 'unknown'}”`
        return (
          <article key={pair.key} className="wb-pair" aria-label={title} data-pair={pair.key}>
            <h3>{title}</h3>
            <p className="wb-pair__ends">
              Okta IdP <code>{pair.idp.id}</code> · client ID{' '}
              <code>{pair.idp.clientId ?? 'none'}</code>
              {pair.application ? (
                <>
                  {' '}
                  · app registration <code>{pair.application.id}</code>
                </>
              ) : (
                ' · no matching app registration'
              )}
            </p>
            <PairTable pair={pair} caption={`Links of ${title}`} workspaceId={workspaceId} />
          </article>
        )
      })}
      {map.federations.map((pair) => {
        const title = `Domain ${pair.domain} ↔ Okta app “${pair.app?.label ?? 'none'}”`
        return (
          <article key={pair.key} className="wb-pair" aria-label={title} data-pair={pair.key}>
            <h3>{title}</h3>
            <p className="wb-pair__ends">
              {pair.federated ? (
                <>
                  Entra issuer <code>{pair.issuerUri ?? 'none'}</code>
                </>
              ) : (
                'Entra does not federate this domain'
              )}
              {pair.app && (
                <>
                  {' '}
                  · Okta app <code>{pair.app.id}</code>
                  {pair.app.activeKid && (
                    <>
                      {' '}
                      · signing key <code>{pair.app.activeKid}</code>
                    </>
                  )}
                </>
              )}
            </p>
            <PairTable pair={pair} caption={`Links of ${title}`} workspaceId={workspaceId} />
          </article>
        )
      })}
    </section>
  )
}
