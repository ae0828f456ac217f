/**
 * Okta's IdP discovery (routing) policy, after the official OpenAPI (`IdpDiscoveryPolicy`,
 * `IdpDiscoveryPolicyRule` and the `list-all-idp-discovery-policy-rule-response` example):
 * every org has one such policy, created by Okta with a system "Default Rule" that sends
 * everyone to Okta; a routing rule sends the people whose username ends with a domain to an
 * identity provider.
 */
import type { OktaOrg, OktaRecord } from './types'
import type { ScenarioContext } from './context'
import { Rng, oktaDate } from './random'

/**
 * Ids of the routing objects come from a generator of their own, so adding them to a
 * scenario leaves every other generated value (people, keys, secrets) as it was.
 */
export function routingRng(ctx: ScenarioContext): Rng {
  return new Rng(ctx.seed ^ 0x0d15c0)
}

function policyLinks(org: string, policyId: string): OktaRecord {
  const self = `${org}/api/v1/policies/${policyId}`
  return {
    self: { href: self, hints: { allow: ['GET', 'PUT'] } },
    rules: { href: `${self}/rules`, hints: { allow: ['GET', 'POST'] } },
  }
}

function ruleLinks(org: string, policyId: string, ruleId: string): OktaRecord {
  return {
    self: {
      href: `${org}/api/v1/policies/${policyId}/rules/${ruleId}`,
      hints: { allow: ['GET', 'PUT'] },
    },
  }
}

/** Adds the org's IdP discovery policy and its system Default Rule; returns the policy id. */
export function addIdpDiscoveryPolicy(
  ctx: ScenarioContext,
  org: OktaOrg,
  createdMs: number,
  rng: Rng,
): string {
  const id = rng.oktaId('00p')
  const origin = ctx.origins.oktaOrgUrl
  org.idpDiscoveryPolicies.push({
    id,
    status: 'ACTIVE',
    name: 'Idp Discovery Policy',
    description: 'Default Policy for IdP Discovery',
    priority: 1,
    system: true,
    conditions: null,
    created: oktaDate(createdMs),
    lastUpdated: oktaDate(createdMs),
    _links: policyLinks(origin, id),
    type: 'IDP_DISCOVERY',
  })
  const ruleId = rng.oktaId('0pr')
  org.idpDiscoveryRules[id] = [
    {
      id: ruleId,
      status: 'ACTIVE',
      name: 'Default Rule',
      priority: 1,
      created: oktaDate(createdMs),
      lastUpdated: oktaDate(createdMs),
      system: true,
      conditions: {
        network: { connection: 'ANYWHERE' },
        platform: { include: [], exclude: [] },
        userIdentifier: { patterns: [] },
        app: { include: [], exclude: [] },
      },
      actions: {
        idp: { providers: [{ type: 'OKTA' }], idpSelectionType: 'SPECIFIC' },
      },
      _links: ruleLinks(origin, id, ruleId),
      type: 'IDP_DISCOVERY',
    },
  ]
  return id
}

/** The body an administrator sends to route people whose username ends with `@domain` to an IdP. */
export function routingRuleBody(o: {
  name: string
  domain: string
  idp: { id: string; type: string }
  priority: number
}): OktaRecord {
  return {
    type: 'IDP_DISCOVERY',
    name: o.name,
    priority: o.priority,
    conditions: {
      network: { connection: 'ANYWHERE' },
      userIdentifier: {
        type: 'IDENTIFIER',
        patterns: [{ matchType: 'SUFFIX', value: o.domain }],
      },
    },
    actions: {
      idp: { providers: [{ type: o.idp.type, id: o.idp.id }], idpSelectionType: 'SPECIFIC' },
    },
  }
}

/**
 * A created rule as Okta returns it: the body with id, status, dates, `system: false`,
 * links, and the conditions Okta fills in; user rules sit before the system rule, whose
 * priority moves down.
 */
export function createRoutingRule(
  org: OktaOrg,
  origin: string,
  policyId: string,
  body: OktaRecord,
  id: string,
  atIso: string,
): OktaRecord {
  const rules = org.idpDiscoveryRules[policyId] ?? []
  const conditions = (body.conditions ?? {}) as OktaRecord
  const own = rules.filter((r) => r.system !== true)
  const wanted = typeof body.priority === 'number' ? body.priority : own.length + 1
  const priority = Math.max(1, Math.min(wanted, own.length + 1))
  const rule: OktaRecord = {
    id,
    status: body.status === 'INACTIVE' ? 'INACTIVE' : 'ACTIVE',
    name: body.name ?? null,
    priority,
    created: atIso,
    lastUpdated: atIso,
    system: false,
    conditions: {
      network: conditions.network ?? { connection: 'ANYWHERE' },
      platform: conditions.platform ?? { include: [], exclude: [] },
      userIdentifier: conditions.userIdentifier ?? { patterns: [] },
      app: conditions.app ?? { include: [], exclude: [] },
    },
    actions: body.actions ?? null,
    _links: ruleLinks(origin, policyId, id),
    type: 'IDP_DISCOVERY',
  }
  const ordered = [...own.filter((r) => r.id !== id)]
  ordered.splice(priority - 1, 0, rule)
  const system = rules.filter((r) => r.system === true)
  org.idpDiscoveryRules[policyId] = [
    ...ordered.map((r, i) => (r.priority === i + 1 ? r : { ...r, priority: i + 1 })),
    ...system.map((r) =>
      r.priority === ordered.length + 1 ? r : { ...r, priority: ordered.length + 1 },
    ),
  ]
  return rule
}
