import { describe, expect, it } from 'vitest'
import { runRules } from '../../../../src/shared/rules/diagnose'
import { SEAM_RULE_IDS } from '../../../../src/shared/overview/seam-links'
import { seamMap, type SeamLink } from '../../../../src/shared/overview/seam-map'
import { APP_REG, DOMAIN, IDP, O365, catalogueRules, finding, tenantPair } from './helpers'

const status = (links: SeamLink[]) => Object.fromEntries(links.map((l) => [l.kind, l.status]))

describe('seamMap pairs', () => {
  it('pairs the Microsoft IdP with its app registration and the federated domain with the O365 app', () => {
    const map = seamMap(tenantPair(), [])
    expect(map.idps).toHaveLength(1)
    expect(map.idps[0]).toMatchObject({
      idp: {
        id: '0oaidpcontoso',
        name: 'Contoso Entra ID',
        clientId: '11111111-2222-4333-8444-555555555555',
      },
      application: { id: APP_REG.id, displayName: 'Okta sign-in' },
    })
    expect(map.federations).toHaveLength(1)
    expect(map.federations[0]).toMatchObject({
      domain: 'contoso.com',
      federated: true,
      issuerUri: 'http://www.okta.com/exk1o365contoso',
      app: { id: O365.id, label: 'Microsoft Office 365', activeKid: 'kid-new' },
    })
  })

  it('marks every link ok when the data was collected and no rule found anything', () => {
    const map = seamMap(tenantPair(), [])
    expect(status(map.idps[0]!.links)).toEqual({
      'client-id': 'ok',
      'client-secret': 'ok',
      'redirect-uri': 'ok',
      issuer: 'ok',
      consent: 'ok',
      'user-matching': 'ok',
    })
    expect(status(map.federations[0]!.links)).toEqual({
      issuer: 'ok',
      'signing-certificate': 'ok',
      'immutable-id': 'ok',
    })
  })

  it('marks every link unknown before any diagnosis', () => {
    const map = seamMap(tenantPair(), undefined)
    expect(map.diagnosed).toBe(false)
    const links = [...map.idps[0]!.links, ...map.federations[0]!.links]
    expect(links.every((l) => l.status === 'unknown' && l.reason === 'Not diagnosed yet.')).toBe(
      true,
    )
  })
})

describe('seamMap link status from findings', () => {
  it("puts a finding on the link of its rule when it names one of the pair's subjects", () => {
    const secret = finding('idp-client-secret-mismatch', 'critical', [IDP, APP_REG])
    const cert = finding('federation-signing-cert-mismatch', 'critical', [DOMAIN, O365])
    const immutable = finding('office365-immutable-id-missing', 'high', [O365])
    const elsewhere = finding('idp-redirect-uri-missing', 'critical', [
      { source: 'okta', type: 'idp', id: 'another-idp' },
    ])
    const map = seamMap(tenantPair(), [secret, cert, immutable, elsewhere])
    const idpLinks = map.idps[0]!.links
    expect(status(idpLinks)).toMatchObject({ 'client-secret': 'problem', 'redirect-uri': 'ok' })
    expect(idpLinks.find((l) => l.kind === 'client-secret')).toMatchObject({
      severity: 'critical',
      findings: [{ id: secret.id, rule: secret.rule, title: secret.title }],
    })
    expect(status(map.federations[0]!.links)).toEqual({
      issuer: 'ok',
      'signing-certificate': 'problem',
      'immutable-id': 'problem',
    })
  })

  it('matches subjects case-insensitively and keeps info findings as notes on an ok link', () => {
    const expiry = finding('entra-secret-expiry', 'info', [
      { ...APP_REG, id: APP_REG.id.toUpperCase() },
    ])
    const link = seamMap(tenantPair(), [expiry]).idps[0]!.links.find(
      (l) => l.kind === 'client-secret',
    )!
    expect(link.status).toBe('ok')
    expect(link.severity).toBe('info')
    expect(link.findings.map((f) => f.id)).toEqual([expiry.id])
  })

  it('lists findings about the pair that belong to no link under other', () => {
    const future = finding('idp-some-future-check', 'high', [IDP, APP_REG])
    const pair = seamMap(tenantPair(), [future]).idps[0]!
    expect(pair.other.map((f) => f.id)).toEqual([future.id])
    expect(pair.links.every((l) => l.status === 'ok')).toBe(true)
  })

  it('says unknown, and why, when a link needs data that was not collected', () => {
    const snapshot = tenantPair()
    delete snapshot.okta!.appUsers
    const map = seamMap(snapshot, [])
    const link = map.federations[0]!.links.find((l) => l.kind === 'immutable-id')!
    expect(link).toMatchObject({ status: 'unknown', reason: 'Not collected: okta.appUsers.' })
  })

  it('takes collection status from the caller when it holds a partial copy of the snapshot', () => {
    const snapshot = tenantPair()
    delete snapshot.okta!.appUsers
    delete snapshot.entra!.users
    const map = seamMap(snapshot, [], { isCollected: () => true })
    expect(map.federations[0]!.links.every((l) => l.status === 'ok')).toBe(true)
  })

  it('cannot judge the secret or the redirect URI without an app registration behind the client ID', () => {
    const snapshot = tenantPair()
    snapshot.entra!.applications = []
    snapshot.entra!.servicePrincipals = []
    const unknownApp = finding('idp-client-id-unknown', 'critical', [IDP])
    const pair = seamMap(snapshot, [unknownApp]).idps[0]!
    expect(pair.application).toBeUndefined()
    expect(status(pair.links)).toMatchObject({
      'client-id': 'problem',
      'client-secret': 'unknown',
      'redirect-uri': 'unknown',
      consent: 'unknown',
    })
    expect(pair.links.find((l) => l.kind === 'client-secret')?.reason).toBe(
      'No app registration of the tenant has this client ID.',
    )
  })

  it('pairs an O365 app whose domain Entra does not federate, and says so', () => {
    const snapshot = tenantPair()
    snapshot.entra!.federationConfigurations = {}
    const map = seamMap(snapshot, [])
    expect(map.federations[0]).toMatchObject({ domain: 'contoso.com', federated: false })
    expect(map.federations[0]!.links.find((l) => l.kind === 'issuer')).toMatchObject({
      status: 'unknown',
      reason: 'Entra holds no federation configuration for contoso.com.',
    })
  })
})

describe('seamMap against the rule catalogue', () => {
  it('reads only rule ids that the catalogue defines', async () => {
    const ids = new Set((await catalogueRules()).map((r) => r.id))
    expect(SEAM_RULE_IDS.filter((id) => !ids.has(id))).toEqual([])
  })

  it("agrees with the rules' findings on the fixture: every problem link cites a finding and vice versa", async () => {
    const snapshot = tenantPair()
    const findings = runRules(snapshot, await catalogueRules())
    const map = seamMap(snapshot, findings)
    const links = [...map.idps, ...map.federations].flatMap((p) => p.links)
    const cited = new Set(links.flatMap((l) => l.findings.map((f) => f.id)))
    for (const link of links) {
      if (link.status === 'problem') expect(link.findings.length).toBeGreaterThan(0)
    }
    const seamFindings = findings.filter(
      (f) => SEAM_RULE_IDS.includes(f.rule) && f.subjects.some((s) => s.source === 'okta'),
    )
    expect(seamFindings.length).toBeGreaterThan(0)
    for (const f of seamFindings) expect(cited.has(f.id)).toBe(true)
    expect(status(map.federations[0]!.links)['signing-certificate']).toBe('problem')
    expect(status(map.idps[0]!.links)['client-secret']).toBe('problem')
    // the app lists no API permissions, but the tenant-wide grant covers every scope Okta asks for
    expect(status(map.idps[0]!.links)['consent']).toBe('ok')
  })

  it('shows a domain federated to Okta without an Office 365 app as a pairing problem', async () => {
    const snapshot = tenantPair()
    snapshot.okta!.apps = []
    const map = seamMap(snapshot, runRules(snapshot, await catalogueRules()))
    const pair = map.federations.find((p) => p.domain === 'contoso.com')!
    expect(pair.app).toBeUndefined()
    expect(pair.links.find((l) => l.kind === 'issuer')).toMatchObject({
      status: 'problem',
      findings: [expect.objectContaining({ rule: 'federation-office365-pairing' })],
    })
  })
})
