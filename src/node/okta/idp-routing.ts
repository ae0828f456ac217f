/**
 * The IdP discovery (routing) policies, then each policy's rules; re-read in full on refresh.
 * https://developer.okta.com/docs/api/openapi/okta-management/management/tag/Policy/#tag/Policy/operation/listPolicies
 */
import type { RawRecord } from '../../shared/model/snapshot'
import { mapWithConcurrency } from '../net/concurrency'
import type { OktaStep } from './okta-step'

/** Reads `idpDiscoveryPolicies` and, when they were read, `idpDiscoveryRules`. */
export async function readIdpRouting(step: OktaStep): Promise<void> {
  const { data, guard, list } = step
  await guard('idpDiscoveryPolicies', async () => {
    data.idpDiscoveryPolicies = await list(
      'idpDiscoveryPolicies',
      '/api/v1/policies?type=IDP_DISCOVERY',
    )
  })
  const policies = data.idpDiscoveryPolicies
  if (!policies) return
  await guard('idpDiscoveryRules', async () => {
    const out: Record<string, RawRecord[]> = {}
    await mapWithConcurrency(policies, step.concurrency, async (policy) => {
      const id = String(policy.id)
      out[id] = await list(
        'idpDiscoveryRules',
        `/api/v1/policies/${encodeURIComponent(id)}/rules`,
        id,
      )
    })
    data.idpDiscoveryRules = out
  })
}
