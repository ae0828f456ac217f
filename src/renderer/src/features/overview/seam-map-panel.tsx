import { Link } from 'react-router'
import {
  FEDERATION_LINK_DEFINITIONS,
  FEDERATION_LINKS,
  IDP_LINK_DEFINITIONS,
  IDP_LINKS,
  type SeamLinkKind,
} from '../../../../shared/overview/seam-links'
import type {
  FederationPair,
  IdpPair,
  LinkFinding,
  SeamLink,
  SeamMap,
} from '../../../../shared/overview/seam-map'
import { SEVERITY_LABELS } from '../../../../shared/overview/summary'
import { formatNumber } from '../../format'
import './seam-map.css'

interface Props {
  map: SeamMap
  workspaceId: string
}

/** Column headings: short, since every link of a kind of pair is a column. */
const SHORT: Partial<Record<SeamLinkKind, string>> = {
  consent: 'Consent',
  issuer: 'Issuer',
  'immutable-id': 'Immutable ID',
}

function findingHref(workspaceId: string, finding: LinkFinding): string {
  return `/w/${workspaceId}/findings/${encodeURIComponent(finding.id)}`
}

/**
 * One link's status: "ok"; the worst finding's severity, linking to it (with how many more);
 * or "unknown", saying why on hover and to assistive technology.
 */
function StatusCell({
  link,
  label,
  findings,
  workspaceId,
}: {
  link?: SeamLink
  label: string
  findings: LinkFinding[]
  workspaceId: string
}) {
  const status = link?.status ?? (findings.length > 0 ? 'problem' : 'ok')
  const first = findings[0]
  const titles = findings.map((f) => `${SEVERITY_LABELS[f.severity]}: ${f.title}`).join('\n')
  return (
    <td data-link={link?.kind ?? 'other'} data-status={status}>
      {first ? (
        <Link
          className={`chip chip--${first.severity} wb-seam__finding`}
          to={findingHref(workspaceId, first)}
          title={titles}
          aria-label={`${label}: ${first.title}${findings.length > 1 ? ` (and ${findings.length - 1} more)` : ''}`}
        >
          {SEVERITY_LABELS[first.severity]}
          {findings.length > 1 && ` +${formatNumber(findings.length - 1)}`}
        </Link>
      ) : status === 'unknown' ? (
        <span className="chip chip--unknown" title={link?.reason}>
          unknown
          {link?.reason && <span className="visually-hidden">: {link.reason}</span>}
        </span>
      ) : link ? (
        <span className="chip chip--ok" title="Checked: no finding">
          ok
        </span>
      ) : (
        <span className="muted">—</span>
      )}
    </td>
  )
}

/** Fixed column widths: the pair's names and ids get room, the links share the rest. */
function Columns({ links }: { links: number }) {
  return (
    <colgroup>
      <col className="wb-seam__pair-col" />
      {Array.from({ length: links + 1 }, (_, i) => (
        <col key={i} />
      ))}
    </colgroup>
  )
}

function LinkHeadings({ kinds, labels }: { kinds: readonly SeamLinkKind[]; labels: string[] }) {
  return (
    <>
      {kinds.map((kind, i) => (
        <th key={kind} scope="col" title={labels[i]}>
          {SHORT[kind] ?? labels[i]}
        </th>
      ))}
      <th scope="col" title="Findings about the pair that belong to none of the links">
        Other
      </th>
    </>
  )
}

function IdpTable({ pairs, workspaceId }: { pairs: IdpPair[]; workspaceId: string }) {
  const labels = IDP_LINKS.map((kind) => IDP_LINK_DEFINITIONS[kind].label)
  return (
    <table className="data-table wb-seam" aria-labelledby="seam-idps-title">
      <Columns links={IDP_LINKS.length} />
      <thead>
        <tr>
          <th scope="col">Okta identity provider ↔ Entra app registration</th>
          <LinkHeadings kinds={IDP_LINKS} labels={labels} />
        </tr>
      </thead>
      <tbody>
        {pairs.map((pair) => (
          <tr key={pair.key} data-pair={pair.key}>
            <th scope="row">
              <span className="wb-seam__name">{pair.idp.name}</span>
              <span className="wb-seam__to">
                {pair.application ? (
                  (pair.application.displayName ?? pair.application.appId ?? pair.application.id)
                ) : (
                  <span className="muted">no app registration with its client ID</span>
                )}
              </span>
              <span className="wb-seam__ids">
                client ID <code>{pair.idp.clientId ?? 'not set'}</code>
              </span>
            </th>
            <LinkCells
              kinds={IDP_LINKS}
              labels={labels}
              links={pair.links}
              other={pair.other}
              workspaceId={workspaceId}
            />
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** One status cell per kind of link of a pair, in column order, then its other findings. */
function LinkCells<K extends string>({
  kinds,
  labels,
  links,
  other,
  workspaceId,
}: {
  kinds: readonly K[]
  labels: readonly string[]
  links: readonly SeamLink[]
  other: LinkFinding[]
  workspaceId: string
}) {
  return (
    <>
      {kinds.map((kind, i) => {
        const link = links.find((l) => l.kind === kind)
        return (
          <StatusCell
            key={kind}
            link={link}
            label={labels[i] ?? kind}
            findings={link?.findings.filter((f) => f.severity !== 'info') ?? []}
            workspaceId={workspaceId}
          />
        )
      })}
      <StatusCell label="Other" findings={other} workspaceId={workspaceId} />
    </>
  )
}

function FederationTable({ pairs, workspaceId }: { pairs: FederationPair[]; workspaceId: string }) {
  const labels = FEDERATION_LINKS.map((kind) => FEDERATION_LINK_DEFINITIONS[kind].label)
  return (
    <table className="data-table wb-seam" aria-labelledby="seam-federations-title">
      <Columns links={FEDERATION_LINKS.length} />
      <thead>
        <tr>
          <th scope="col">Entra domain ↔ Okta Office 365 app</th>
          <LinkHeadings kinds={FEDERATION_LINKS} labels={labels} />
        </tr>
      </thead>
      <tbody>
        {pairs.map((pair) => (
          <tr key={pair.key} data-pair={pair.key}>
            <th scope="row">
              <span className="wb-seam__name">{pair.domain}</span>
              <span className="wb-seam__to">
                {pair.app ? (
                  (pair.app.label ?? pair.app.id)
                ) : (
                  <span className="muted">no Office 365 app serves it</span>
                )}
              </span>
              <span className="wb-seam__ids">
                {pair.federated ? (
                  <>
                    issuer <code>{pair.issuerUri ?? 'not set'}</code>
                  </>
                ) : (
                  'Entra does not federate this domain'
                )}
              </span>
            </th>
            <LinkCells
              kinds={FEDERATION_LINKS}
              labels={labels}
              links={pair.links}
              other={pair.other}
              workspaceId={workspaceId}
            />
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * Each integration's two halves and the status of every link between them: one compact table
 * per kind of pair, a row per pair and a column per link, so a consultant scans down a column
 * (every client secret) or across a row (one integration).
 */
export function SeamMapPanel({ map, workspaceId }: Props) {
  return (
    <section className="wb-section" aria-labelledby="seam-title">
      <h2 id="seam-title">Seam map</h2>
      {!map.diagnosed ? (
        <p className="muted">
          Link status appears once the diagnosis of this snapshot has finished.
        </p>
      ) : (
        <p className="muted wb-seam__legend">
          <span className="chip chip--ok">ok</span> checked, no problem ·{' '}
          <span className="chip chip--high">High</span> a finding: open it from the chip ·{' '}
          <span className="chip chip--unknown">unknown</span> not checked (hover for why)
        </p>
      )}
      {map.idps.length === 0 && map.federations.length === 0 && (
        <p className="muted">
          This snapshot has no Okta identity provider that signs in through Entra and no domain
          federated to Okta.
        </p>
      )}
      {map.idps.length > 0 && (
        <>
          <h3 id="seam-idps-title" className="wb-seam__title">
            Sign-in to Okta through Entra ({formatNumber(map.idps.length)})
          </h3>
          <div className="wb-seam__scroll">
            <IdpTable pairs={map.idps} workspaceId={workspaceId} />
          </div>
        </>
      )}
      {map.federations.length > 0 && (
        <>
          <h3 id="seam-federations-title" className="wb-seam__title">
            Domains federated to Okta ({formatNumber(map.federations.length)})
          </h3>
          <div className="wb-seam__scroll">
            <FederationTable pairs={map.federations} workspaceId={workspaceId} />
          </div>
        </>
      )}
    </section>
  )
}
