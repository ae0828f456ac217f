import { describe, expect, it } from 'vitest'
import { keyFacts } from '../../../../src/shared/overview/key-facts'
import { tenantPair } from './helpers'

describe('keyFacts', () => {
  it('reads tenant, domains, last sync and the Okta org from the snapshot', () => {
    const facts = keyFacts(tenantPair())
    expect(facts.entra).toMatchObject({
      tenantId: '6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5',
      displayName: 'Contoso Ltd',
      cloud: 'global',
      syncEnabled: true,
      lastSync: '2026-11-20T11:40:00Z',
      minutesSinceSync: 20,
    })
    expect(facts.entra?.domains.map((d) => [d.name, d.verified, d.federated])).toEqual([
      ['contoso.com', true, true],
      ['contoso.onmicrosoft.com', true, false],
      ['fabrikam.com', false, false],
    ])
    expect(facts.okta).toEqual({ orgUrl: 'https://contoso.okta.com', users: 3, idps: 1, apps: 1 })
    expect(facts.complete).toBe(true)
  })

  it('falls back to verifiedDomains and federation configurations when domains were not collected', () => {
    const snapshot = tenantPair()
    delete snapshot.entra!.domains
    snapshot.collection.errors.push({
      source: 'entra',
      resource: 'domains',
      status: 403,
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges',
    })
    const facts = keyFacts(snapshot)
    expect(facts.entra?.domains.map((d) => [d.name, d.federated])).toEqual([
      ['contoso.com', true],
      ['contoso.onmicrosoft.com', false],
    ])
    expect(facts.failedResources).toEqual(['Entra domains'])
  })

  it('leaves the sync time out when the tenant has never synced', () => {
    const snapshot = tenantPair()
    snapshot.entra!.organization = [{ id: 'x', displayName: 'Cloud only' }]
    expect(keyFacts(snapshot).entra?.minutesSinceSync).toBeUndefined()
    expect(keyFacts(snapshot).entra?.lastSync).toBeUndefined()
  })
})
