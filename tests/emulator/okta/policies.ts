/**
 * `GET /api/v1/policies?type=…` and `GET /api/v1/policies/{policyId}/rules` for the one
 * policy type the emulator holds, IDP_DISCOVERY (`listPolicies`, `listPolicyRules`). `type`
 * is required, as the OpenAPI says; other types list nothing.
 */
import type { EmuRequest, EmuResponse } from '../http'
import type { OktaOrg } from '../scenarios/types'
import { notFound, validation } from './errors'
import { pageOf } from './paging'

const POLICY_TYPES = new Set([
  'ACCESS_POLICY',
  'IDP_DISCOVERY',
  'MFA_ENROLL',
  'OKTA_SIGN_ON',
  'PASSWORD',
  'PROFILE_ENROLLMENT',
  'POST_AUTH_SESSION',
  'ENTITY_RISK',
  'DEVICE_SIGNAL_COLLECTION',
  'CLIENT_UPDATE',
  'SESSION_VIOLATION_DETECTION',
  'IDENTITY_CLAIM_SOURCING',
])

export interface PolicyRoute {
  key: string
  bucket: string
  scope: string
  run: (req: EmuRequest) => EmuResponse
}

/** The read routes under /api/v1/policies (`rest` = the segments after `policies`). */
export function policyRoute(data: OktaOrg, rest: string[]): PolicyRoute | null {
  if (rest.length === 0)
    return {
      key: 'GET /api/v1/policies',
      bucket: 'policies',
      scope: 'okta.policies.read',
      run: (r) => {
        const type = r.query.get('type')
        if (!type || !POLICY_TYPES.has(type))
          return validation('type: a valid policy type is required')
        const rows = type === 'IDP_DISCOVERY' ? data.idpDiscoveryPolicies : []
        return pageOf(r, rows, { default: 20, max: 200 })
      },
    }
  const [policyId, what] = rest
  if (rest.length === 2 && what === 'rules')
    return {
      key: 'GET /api/v1/policies/{id}/rules',
      bucket: 'policies',
      scope: 'okta.policies.read',
      run: (r) => {
        const rules = data.idpDiscoveryRules[policyId ?? '']
        return rules
          ? pageOf(r, rules, { default: 20, max: 200 })
          : notFound(`${policyId} (Policy)`)
      },
    }
  return null
}
