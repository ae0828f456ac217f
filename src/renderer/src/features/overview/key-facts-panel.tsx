import type { KeyFacts } from '../../../../shared/overview/key-facts'
import { DateTime } from '../../components/date-time'
import { formatNumber } from '../../format'

function describeSyncAge(minutes: number): string {
  if (minutes < 90) return `${minutes} min before the snapshot`
  const hours = Math.round(minutes / 60)
  if (hours < 48) return `${hours} h before the snapshot`
  return `${Math.round(hours / 24)} days before the snapshot`
}

/** Tenant, org, domains and sync: what a consultant checks first. */
export function KeyFactsPanel({ facts }: { facts: KeyFacts }) {
  const domains = facts.entra?.domains ?? []
  const verified = domains.filter((d) => d.verified)
  const federated = domains.filter((d) => d.federated)
  return (
    <section className="wb-section" aria-labelledby="facts-title">
      <h2 id="facts-title">Key facts</h2>
      <dl className="facts">
        <dt>Entra tenant</dt>
        <dd>
          {facts.entra ? (
            <>
              {facts.entra.displayName && <strong>{facts.entra.displayName} </strong>}
              <code>{facts.entra.tenantId}</code>{' '}
              <span className="muted">({facts.entra.cloud} cloud)</span>
            </>
          ) : (
            <span className="muted">Not in this snapshot</span>
          )}
        </dd>
        <dt>Verified domains</dt>
        <dd>
          {verified.length > 0 ? (
            verified.map((d) => d.name).join(', ')
          ) : (
            <span className="muted">{facts.entra ? 'None collected' : '—'}</span>
          )}
        </dd>
        <dt>Federated domains</dt>
        <dd>
          {federated.length > 0 ? (
            federated.map((d) => d.name).join(', ')
          ) : (
            <span className="muted">None</span>
          )}
        </dd>
        <dt>Last Entra Connect sync</dt>
        <dd>
          {facts.entra?.lastSync ? (
            <>
              <DateTime iso={facts.entra.lastSync} />
              {facts.entra.minutesSinceSync !== undefined && (
                <span className="muted"> ({describeSyncAge(facts.entra.minutesSinceSync)})</span>
              )}
            </>
          ) : (
            <span className="muted">
              {facts.entra?.syncEnabled === false ? 'Sync is not enabled' : 'No sync recorded'}
            </span>
          )}
        </dd>
        <dt>Okta org</dt>
        <dd>
          {facts.okta ? (
            <>
              <code>{facts.okta.orgUrl}</code>
              {facts.okta.users !== undefined && (
                <span className="muted">
                  {' '}
                  ({formatNumber(facts.okta.users)} users, {formatNumber(facts.okta.apps ?? 0)}{' '}
                  apps, {formatNumber(facts.okta.idps ?? 0)} identity providers)
                </span>
              )}
            </>
          ) : (
            <span className="muted">Not in this snapshot</span>
          )}
        </dd>
        <dt>Collection</dt>
        <dd>
          {facts.complete ? 'Complete' : 'Partial'}
          {facts.failedResources.length > 0 && (
            <span className="muted"> · not collected: {facts.failedResources.join(', ')}</span>
          )}
        </dd>
      </dl>
    </section>
  )
}
