import { Button } from 'react-aria-components'
import { Link } from 'react-router'
import type { GroupPair, LoneMember } from '../../../../shared/compare/groups'
import type { SeamGroupReason } from '../../../../shared/compare/seam-groups'
import { formatNumber } from '../../format'
import { useCompare } from '../workbench/use-compare'
import { useWorkbench } from '../workbench/workbench-context'
import { GetStarted } from '../workbench/get-started'
import './groups.css'

const REASONS: Record<SeamGroupReason, string> = {
  'office365-assignment': 'assigned to Office 365',
  pushed: 'pushed to Office 365',
  'push-target': 'push target',
  'idp-assignment': 'assigned by an IdP',
}

const MATCHED_BY = {
  'on-premises': 'same AD group',
  'push-mapping': 'group push',
  name: 'same name',
} as const

/** Members listed per side before "and N more". */
const LISTED = 200

function count(n: number | undefined): string {
  return n === undefined ? 'not collected' : formatNumber(n)
}

/**
 * Entra groups next to the Okta groups the seam uses (assigned to Office 365, pushed, or
 * assigned by an IdP), their member counts and who is in one and not the other.
 */
export function GroupsScreen() {
  const { load, workspaceId } = useWorkbench()
  const groups = useCompare('groups')
  const snapshot = load.status === 'ready' ? load.snapshot : undefined
  if (load.status !== 'ready') return null
  return (
    <section className="screen gr-screen" aria-labelledby="groups-title">
      <div className="screen__header">
        <h1 id="groups-title">Groups</h1>
      </div>
      <p className="muted">
        The Okta groups the seam uses — assigned to an Office 365 app, pushed to Office 365, or
        assigned by an identity provider — each beside the Entra group that is the same group (by
        its AD identifiers, the push mapping, or its name). People are compared through the join of
        the People screen.
      </p>
      {!snapshot ? (
        <GetStarted workspaceId={workspaceId} lead="No snapshot yet, so no groups. To get one:" />
      ) : groups.status === 'loading' || groups.status === 'none' ? (
        <p className="muted" role="status">
          Comparing the groups…
        </p>
      ) : groups.status === 'error' ? (
        <p className="form__error" role="alert">
          The comparison failed: {groups.message}
        </p>
      ) : groups.value.length === 0 ? (
        <div className="empty">
          <p>No Okta group of this snapshot is used at the seam.</p>
          <p className="muted">
            {snapshot.counts['okta.groups'] === undefined
              ? 'Okta groups were not collected (the reader needs okta.groups.read).'
              : 'None is assigned to an Office 365 app, pushed, or assigned by an identity provider.'}
          </p>
        </div>
      ) : (
        <>
          <table className="data-table gr-table" aria-labelledby="groups-title">
            <thead>
              <tr>
                <th scope="col">Okta group</th>
                <th scope="col">Entra group</th>
                <th scope="col" className="num">
                  Okta members
                </th>
                <th scope="col" className="num">
                  Entra members
                </th>
                <th scope="col" className="num">
                  In both
                </th>
                <th scope="col" className="num">
                  Only in Entra
                </th>
                <th scope="col" className="num">
                  Only in Okta
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.value.map((g) => (
                <tr key={g.key} className={differs(g) ? 'gr-row--diff' : undefined}>
                  <th scope="row">
                    <Button className="link-button" onPress={() => showDetail(g.key)}>
                      {g.okta.name}
                    </Button>
                    <span className="gr-sub">
                      {g.okta.type} · {g.okta.reasons.map((r) => REASONS[r]).join(', ')}
                    </span>
                  </th>
                  <td>
                    {g.entra ? (
                      <>
                        {g.entra.name}
                        <span className="gr-sub">
                          {g.matchedBy ? MATCHED_BY[g.matchedBy] : ''}
                          {g.entra.synced ? ' · synced from AD' : ' · cloud group'}
                        </span>
                      </>
                    ) : (
                      <span className="muted">none</span>
                    )}
                  </td>
                  <td className="num">{count(g.okta.members)}</td>
                  <td className="num">{count(g.entra?.members)}</td>
                  <td className="num">{g.note ? '—' : formatNumber(g.inBoth)}</td>
                  <td className="num">{g.note ? '—' : formatNumber(g.onlyInEntra.length)}</td>
                  <td className="num">{g.note ? '—' : formatNumber(g.onlyInOkta.length)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {groups.value.map((g) => (
            <GroupDetail key={g.key} group={g} workspaceId={workspaceId} />
          ))}
        </>
      )}
    </section>
  )
}

/** Scrolls a group's detail into view and moves the focus to its heading. */
function showDetail(key: string): void {
  const heading = document.getElementById(`${key}-title`)
  heading?.scrollIntoView({ block: 'start' })
  heading?.focus({ preventScroll: true })
}

function differs(g: GroupPair): boolean {
  return (
    !g.entra || g.onlyInEntra.length > 0 || g.onlyInOkta.length > 0 || g.push?.status === 'ERROR'
  )
}

function GroupDetail({ group: g, workspaceId }: { group: GroupPair; workspaceId: string }) {
  const titleId = `${g.key}-title`
  return (
    <section className="gr-detail" id={g.key} aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {g.okta.name} <span className="muted">↔</span> {g.entra?.name ?? 'no Entra group'}
      </h2>
      {g.push && (
        <p className={g.push.status === 'ACTIVE' ? 'muted' : 'form__error'}>
          Group push {g.push.status.toLowerCase()}
          {g.push.lastPush ? `, last pushed ${g.push.lastPush}` : ''}
          {g.push.errorSummary ? `: ${g.push.errorSummary}` : ''}.
        </p>
      )}
      {g.entra && g.entra.otherMembers > 0 && (
        <p className="muted">
          The Entra group also holds {formatNumber(g.entra.otherMembers)} members that are not users
          (groups, devices, service principals).
        </p>
      )}
      {g.note ? (
        <p className="muted">{g.note}</p>
      ) : g.onlyInEntra.length + g.onlyInOkta.length === 0 ? (
        <p className="gr-same">The same {formatNumber(g.inBoth)} people on both sides.</p>
      ) : (
        <div className="gr-sides">
          <Lonely title="Only in Entra" members={g.onlyInEntra} workspaceId={workspaceId} />
          <Lonely title="Only in Okta" members={g.onlyInOkta} workspaceId={workspaceId} />
        </div>
      )}
    </section>
  )
}

function Lonely({
  title,
  members,
  workspaceId,
}: {
  title: string
  members: readonly LoneMember[]
  workspaceId: string
}) {
  return (
    <div>
      <h3>
        {title} <span className="muted">({formatNumber(members.length)})</span>
      </h3>
      {members.length === 0 ? (
        <p className="muted">Nobody.</p>
      ) : (
        <ul className="wb-plain-list gr-members">
          {members.slice(0, LISTED).map((m) => (
            <li key={`${m.entraId ?? ''}|${m.oktaId ?? ''}`}>
              <Link
                className="wb-link"
                to={`/w/${workspaceId}/people?${m.entraId ? `entra=${encodeURIComponent(m.entraId)}` : `okta=${encodeURIComponent(m.oktaId ?? '')}`}`}
              >
                {m.name}
              </Link>{' '}
              <span className="muted">— {m.why}</span>
            </li>
          ))}
          {members.length > LISTED && (
            <li className="muted">and {formatNumber(members.length - LISTED)} more</li>
          )}
        </ul>
      )}
    </div>
  )
}
