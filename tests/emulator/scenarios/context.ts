/** The fixed facts every part of a scenario agrees on: ids, names, domains, "now". */
import type { EmulatorOrigins, ScenarioOptions } from './types'
import { DEFAULT_NOW, Rng, hash32 } from './random'

export interface ScenarioContext {
  seed: number
  rng: Rng
  nowMs: number
  now: string
  origins: EmulatorOrigins
  tenantId: string
  company: string
  /** `<tenant>.onmicrosoft.com` */
  initialDomain: string
  /** the mail routing domain Exchange Online adds, `<tenant>.mail.onmicrosoft.com` */
  mailRoutingDomain: string
  /** the domain federated to Okta; hybrid users sign in with it */
  federatedDomain: string
  /** a verified, managed (cloud-authenticated) domain */
  managedDomain: string
  /** the on-premises AD DNS domain */
  adDomain: string
  adNetbios: string
  /** S-1-5-21-a-b-c, the AD domain SID user SIDs are built from */
  adDomainSid: string
  /** Okta default user type id (mappings and users refer to it) */
  oktaUserTypeId: string
  oktaUserSchemaId: string
  /** object id of the Microsoft Graph service principal in this tenant */
  graphServicePrincipalId: string
}

export function createContext(options: ScenarioOptions, label: string): ScenarioContext {
  const rng = new Rng(options.seed ^ hash32(label))
  const now = options.now ?? DEFAULT_NOW
  const nowMs = Date.parse(now)
  if (Number.isNaN(nowMs)) throw new Error(`options.now is not an ISO-8601 date: ${now}`)
  return {
    seed: options.seed,
    rng,
    nowMs,
    now: new Date(nowMs).toISOString(),
    origins: {
      authorityHost: options.origins.authorityHost.replace(/\/+$/, ''),
      graphBaseUrl: options.origins.graphBaseUrl.replace(/\/+$/, ''),
      oktaOrgUrl: options.origins.oktaOrgUrl.replace(/\/+$/, ''),
    },
    tenantId: rng.guid(),
    company: 'Northwind Traders',
    initialDomain: 'northwindtraders.onmicrosoft.com',
    mailRoutingDomain: 'northwindtraders.mail.onmicrosoft.com',
    federatedDomain: 'northwindtraders.com',
    managedDomain: 'nwtraders.net',
    adDomain: 'corp.northwindtraders.com',
    adNetbios: 'NWTCORP',
    adDomainSid: `S-1-5-21-${rng.int(1e9, 4e9)}-${rng.int(1e9, 4e9)}-${rng.int(1e9, 4e9)}`,
    oktaUserTypeId: rng.oktaId('oty'),
    oktaUserSchemaId: rng.oktaId('osc'),
    graphServicePrincipalId: rng.guid(),
  }
}
