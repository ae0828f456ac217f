import { FailuresChart, ProvisioningChart, SyncStateChart } from '../../charts/comparison-charts'
import { ExpiryChart } from '../../charts/expiry-chart'
import { formatNumber } from '../../format'
import { useCompare } from '../workbench/use-compare'
import { useWorkbench } from '../workbench/workbench-context'
import { GetStarted } from '../workbench/get-started'

/**
 * Both sides of the seam over time, from the current snapshot: credential expiry,
 * provisioning outcomes and sync states, and sign-in failures by cause. (Trends across
 * snapshots are for the snapshot history.)
 */
export function ChartsScreen() {
  const { load, workspaceId } = useWorkbench()
  const charts = useCompare('charts')
  const snapshot = load.status === 'ready' ? load.snapshot : undefined
  if (load.status !== 'ready') return null
  const data = charts.status === 'ready' ? charts.value : undefined
  const expiring = data?.expiry.credentials.filter((c) => c.days >= 0 && c.days <= 90).length ?? 0
  const expired = data?.expiry.credentials.filter((c) => c.days < 0).length ?? 0
  const later = data?.expiry.credentials.filter((c) => c.days > 365).length ?? 0
  return (
    <section className="screen" aria-labelledby="charts-title">
      <div className="screen__header">
        <h1 id="charts-title">Charts</h1>
      </div>
      {!snapshot ? (
        <GetStarted
          workspaceId={workspaceId}
          lead="No snapshot yet, so nothing to chart. To get one:"
        />
      ) : charts.status === 'loading' || charts.status === 'none' ? (
        <p className="muted" role="status">
          Counting…
        </p>
      ) : charts.status === 'error' ? (
        <p className="form__error" role="alert">
          The charts failed: {charts.message}
        </p>
      ) : data ? (
        <div>
          <section className="wb-section" aria-labelledby="chart-expiry">
            <h2 id="chart-expiry">Credential expiry, both sides</h2>
            <p className="muted">
              {formatNumber(expired)} expired, {formatNumber(expiring)} expiring within 90 days
              {later > 0 ? `; ${formatNumber(later)} expire after a year (in the table only)` : ''}.
              Entra secrets, certificates and federation signing certificates; the signing keys of
              Okta's active apps.
            </p>
            {data.expiry.points.length === 0 ? (
              <p className="muted">No credential with an end date was collected.</p>
            ) : (
              <ExpiryChart series={data.expiry} labelledBy="chart-expiry" />
            )}
          </section>
          <section className="wb-section" aria-labelledby="chart-provisioning">
            <h2 id="chart-provisioning">Provisioning outcomes by day</h2>
            {data.provisioning.points.length === 0 ? (
              <p className="muted">
                No provisioning log entry or Okta provisioning event was collected.
              </p>
            ) : (
              <ProvisioningChart series={data.provisioning} labelledBy="chart-provisioning" />
            )}
          </section>
          <section className="wb-section" aria-labelledby="chart-sync">
            <h2 id="chart-sync">Okta app users by sync state</h2>
            {data.syncStates.rows.length === 0 ? (
              <p className="muted">No app user was collected.</p>
            ) : (
              <SyncStateChart data={data.syncStates} labelledBy="chart-sync" />
            )}
          </section>
          <section className="wb-section" aria-labelledby="chart-entra-signins">
            <h2 id="chart-entra-signins">Entra sign-in failures by AADSTS code</h2>
            {data.entraSignIns.total === 0 ? (
              <p className="muted">No failed Entra sign-in in the collected logs.</p>
            ) : (
              <FailuresChart
                series={data.entraSignIns}
                labelledBy="chart-entra-signins"
                caption="Failed Entra sign-ins per day by AADSTS code"
              />
            )}
          </section>
          <section className="wb-section" aria-labelledby="chart-okta-failures">
            <h2 id="chart-okta-failures">Okta sign-in failures by reason</h2>
            {data.oktaFailures.total === 0 ? (
              <p className="muted">No failed Okta sign-in in the collected System Log.</p>
            ) : (
              <FailuresChart
                series={data.oktaFailures}
                labelledBy="chart-okta-failures"
                caption="Failed Okta sign-ins per day by reason"
              />
            )}
          </section>
        </div>
      ) : null}
    </section>
  )
}
