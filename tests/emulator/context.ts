/** What every route handler can reach: the live store, keys, faults and origins of one run. */
import type { FaultEngine } from './faults'
import type { SigningKey } from './keys'
import type { EmulatorOrigins, Scenario } from './scenarios/types'
import type { Store } from './store'

export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000'
export const GRAPH_RESOURCE = 'https://graph.microsoft.com'

export interface OktaAccessToken {
  clientId: string
  scopes: string[]
  /** epoch ms (real clock) */
  expiresAt: number
}

export interface EmulatorContext {
  scenario: Scenario
  store: Store
  signing: SigningKey
  faults: FaultEngine
  origins: EmulatorOrigins
  tenantId: string
  /** access tokens issued by the Okta org authorization server */
  oktaTokens: Map<string, OktaAccessToken>
  /** Okta rate-limit buckets: requests per minute per bucket name */
  oktaRateLimits: Record<string, number>
  /** length of a rate-limit window in seconds (60 in Okta) */
  oktaRateWindowSeconds: number
}

/** The tenant a path segment names: its GUID or a verified domain, case-insensitively. */
export function resolveTenant(ctx: EmulatorContext, segment: string): string | null {
  const s = segment.toLowerCase()
  if (s === ctx.tenantId.toLowerCase()) return ctx.tenantId
  for (const d of ctx.store.entra.domains.items) {
    if (d.isVerified && d.id?.toLowerCase() === s) return ctx.tenantId
  }
  for (const org of ctx.store.entra.organization.items) {
    for (const v of org.verifiedDomains ?? []) {
      if (v.name?.toLowerCase() === s) return ctx.tenantId
    }
  }
  return null
}
