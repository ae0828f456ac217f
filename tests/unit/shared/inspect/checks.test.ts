/**
 * The inspector's checks, one by one, on decoded values against the healthy scenario's
 * snapshot: each check has a case that passes and a case that fails (the emulator's signed
 * artefacts cover the signature and the end-to-end path in tests/integration/inspect).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type Artefact,
  type CheckId,
  type InspectReport,
  type SamlArtefact,
  type SignatureCheck,
  inspectMessage,
} from '../../../../src/shared/inspect'
import type { Snapshot } from '../../../../src/shared/model'
import { SnapshotIndex } from '../../../../src/shared/rules'
import { buildScenario } from '../../../emulator/scenarios/index'
import type { Scenario } from '../../../emulator/scenarios/types'
import { scenarioSnapshot } from '../../../fixtures/scenario-snapshot'

const ORIGINS = {
  authorityHost: 'https://login.unit.test',
  graphBaseUrl: 'https://graph.unit.test',
  oktaOrgUrl: 'https://org.okta.unit.test',
}
const NOW = '2026-11-20T12:00:00.000Z'

let scenario: Scenario
let snapshot: Snapshot
let person: { upn: string; immutableId: string; oid: string }
let fed: { domain: string; issuer: string }
let idp: { clientId: string; redirectUri: string; app: string }

beforeAll(async () => {
  scenario = await buildScenario('healthy', { seed: 5, origins: ORIGINS, now: NOW })
  snapshot = scenarioSnapshot(scenario, ORIGINS)
  const user = scenario.entra.users.find((u) => u.onPremisesImmutableId && u.accountEnabled)
  if (!user?.userPrincipalName || !user.onPremisesImmutableId || !user.id)
    throw new Error('a synced user')
  person = { upn: user.userPrincipalName, immutableId: user.onPremisesImmutableId, oid: user.id }
  const [domain, configs] = Object.entries(scenario.entra.federationConfigurations)[0] ?? []
  fed = { domain: domain ?? '', issuer: configs?.[0]?.issuerUri ?? '' }
  const msIdp = scenario.okta.idps.find((i) => i['type'] === 'MICROSOFT')
  const clientId = String(
    (msIdp?.['protocol'] as { credentials: { client: { client_id: string } } }).credentials.client
      .client_id,
  )
  const app = scenario.entra.applications.find((a) => a.appId === clientId)
  idp = { clientId, redirectUri: app?.web?.redirectUris?.[0] ?? '', app: app?.displayName ?? '' }
})

const verified = (
  id: string,
  kind: 'federation-signing' | 'okta-app-key' | 'entra-jwks',
): SignatureCheck => ({
  status: 'verified',
  signedPart: 'assertion',
  matched: [{ id, kind, label: id }],
  tried: [{ id, kind, label: id }],
})

function run(artefact: Artefact, capturedAt = NOW): InspectReport {
  return inspectMessage(
    { index: 1, label: 'unit', capturedAt, artefact },
    snapshot,
    new SnapshotIndex(snapshot),
  )
}

function status(r: InspectReport, id: CheckId): string | undefined {
  const list = r.checks.filter((c) => c.id === id)
  return (
    list.find((c) => c.status === 'fail')?.status ??
    list.find((c) => c.status === 'warn')?.status ??
    list[0]?.status
  )
}

function saml(
  over: Partial<SamlArtefact['assertion']> = {},
  extra: Partial<SamlArtefact> = {},
): SamlArtefact {
  return {
    kind: 'saml',
    container: 'wsfed',
    xml: '<x/>',
    signature: verified(`federation-signing:${fed.domain}`, 'federation-signing'),
    assertion: {
      version: '1.1',
      issuer: fed.issuer,
      issueInstant: '2026-11-20T11:59:30.000Z',
      nameId: { value: person.immutableId },
      subjectConfirmations: [{ method: 'urn:oasis:names:tc:SAML:1.0:cm:bearer' }],
      conditions: {
        notBefore: '2026-11-20T11:54:30.000Z',
        notOnOrAfter: '2026-11-20T12:59:30.000Z',
        audiences: ['urn:federation:MicrosoftOnline'],
      },
      attributes: [
        { name: 'UPN', namespace: 'http://schemas.xmlsoap.org/claims', values: [person.upn] },
        {
          name: 'ImmutableID',
          namespace: 'http://schemas.microsoft.com/LiveID/Federation/2008/05',
          values: [person.immutableId],
        },
      ],
      ...over,
    },
    ...extra,
  }
}

function saml2(
  over: Partial<SamlArtefact['assertion']> = {},
  extra: Partial<SamlArtefact> = {},
): SamlArtefact {
  const s = saml(
    {
      version: '2.0',
      nameId: {
        value: person.immutableId,
        format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      },
      attributes: [{ name: 'IDPEmail', values: [person.upn] }],
      ...over,
    },
    { container: 'response', ...extra },
  )
  return s
}

describe('SAML for Entra', () => {
  it('a WS-Federation result that matches everything passes every check', () => {
    const r = run(saml())
    expect(r.verdict, JSON.stringify(r.checks)).toBe('clean')
    for (const id of [
      'signature',
      'issuer',
      'audience',
      'protocol',
      'name-id',
      'immutable-id',
      'upn',
      'validity',
    ] as const)
      expect(status(r, id), id).toBe('pass')
  })

  it('protocol: SAML 2.0 sent to a WS-Federation domain', () => {
    expect(status(run(saml2()), 'protocol')).toBe('fail')
  })

  it('signed element: the assertion (pass) or only the response (fail)', () => {
    expect(status(run(saml2()), 'signed-part')).toBe('pass')
    const responseOnly = saml2(
      {},
      {
        signature: {
          ...verified(`federation-signing:${fed.domain}`, 'federation-signing'),
          signedPart: 'response',
        },
      },
    )
    expect(status(run(responseOnly), 'signed-part')).toBe('fail')
  })

  it('NameID format: persistent (pass) or another (fail) in SAML 2.0', () => {
    expect(status(run(saml2()), 'name-id')).toBe('pass')
    const email = saml2({
      nameId: {
        value: person.immutableId,
        format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      },
    })
    const r = run(email)
    expect(status(r, 'name-id')).toBe('fail')
    expect(r.checks.find((c) => c.id === 'name-id')?.expected).toMatch(/persistent/)
  })

  it('UPN claim: missing fails; another person’s warns', () => {
    expect(status(run(saml({ attributes: [] })), 'upn')).toBe('fail')
    const other = scenario.entra.users.find(
      (u) => u.userPrincipalName && u.userPrincipalName !== person.upn,
    )
    const r = run(
      saml({
        attributes: [
          {
            name: 'UPN',
            namespace: 'http://schemas.xmlsoap.org/claims',
            values: [other?.userPrincipalName ?? ''],
          },
        ],
      }),
    )
    expect(status(r, 'upn')).toBe('warn')
  })

  it('validity: not yet valid at the capture (issuer clock ahead)', () => {
    const r = run(
      saml({
        conditions: {
          notBefore: '2026-11-20T12:30:00.000Z',
          notOnOrAfter: '2026-11-20T13:30:00.000Z',
          audiences: ['urn:federation:MicrosoftOnline'],
        },
      }),
    )
    expect(status(r, 'validity')).toBe('fail')
    expect(r.checks.find((c) => c.id === 'validity')?.summary).toMatch(/Not valid yet/)
  })

  it('validity without a capture time is judged at the issue time, and says so', () => {
    const r = inspectMessage(
      { index: 1, label: 'unit', artefact: saml() },
      snapshot,
      new SnapshotIndex(snapshot),
    )
    expect(r.judgedAt?.source).toBe('issued')
    expect(status(r, 'validity')).toBe('pass')
  })

  it('immutable ID held by two Entra users', () => {
    const twin = structuredClone(snapshot)
    const users = twin.entra?.users ?? []
    const copy = {
      ...users.find((u) => u['userPrincipalName'] === person.upn),
      id: 'twin',
      userPrincipalName: `twin.${person.upn}`,
    }
    users.push(copy)
    const r = inspectMessage(
      { index: 1, label: 'unit', capturedAt: NOW, artefact: saml() },
      twin,
      new SnapshotIndex(twin),
    )
    const check = r.checks.find((c) => c.id === 'immutable-id')
    expect(check?.status).toBe('fail')
    expect(check?.rule).toBe('immutable-id-shared')
  })
})

describe('SAML for an Okta SAML app', () => {
  function appResponse(over: Partial<SamlArtefact['assertion']> = {}): SamlArtefact {
    const app = scenario.okta.apps.find((a) => a['signOnMode'] === 'SAML_2_0')
    const signOn = (app?.['settings'] as { signOn: Record<string, string> }).signOn
    const appId = String(app?.['id'])
    const user = scenario.okta.users.find(
      (u) => u['id'] === scenario.okta.appUsers[appId]?.[0]?.['id'],
    )
    const email = String((user?.['profile'] as Record<string, string>)['email'])
    const kid = String((app?.['credentials'] as { signing: { kid: string } }).signing.kid)
    return saml2(
      {
        issuer: `http://www.okta.com/${appId}`,
        nameId: { value: email, format: signOn['subjectNameIdFormat'] ?? '' },
        subjectConfirmations: [
          { method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer', recipient: signOn['ssoAcsUrl'] ?? '' },
        ],
        conditions: {
          notBefore: '2026-11-20T11:54:30.000Z',
          notOnOrAfter: '2026-11-20T12:04:30.000Z',
          audiences: [signOn['audience'] ?? ''],
        },
        attributes: [],
        ...over,
      },
      { signature: verified(`okta-app-key:${appId}:${kid}`, 'okta-app-key') },
    )
  }

  it('the app’s own response passes audience, recipient and NameID', () => {
    const r = run(appResponse())
    expect(r.kind).toBe('saml-app')
    expect(r.verdict, JSON.stringify(r.checks)).toBe('clean')
    for (const id of ['signature', 'audience', 'recipient', 'name-id'] as const)
      expect(status(r, id), id).toBe('pass')
  })

  it('recipient: another ACS URL fails', () => {
    expect(
      status(
        run(
          appResponse({ subjectConfirmations: [{ recipient: 'https://elsewhere.example/acs' }] }),
        ),
        'recipient',
      ),
    ).toBe('fail')
  })

  it('NameID: a value no assigned user’s template gives', () => {
    const other = scenario.okta.users.find(
      (u) => (u['profile'] as Record<string, string>)['login'] !== undefined,
    )
    const login = String((other?.['profile'] as Record<string, string>)['login'])
    const r = run(appResponse({ nameId: { value: `x${login}` } }))
    expect(['fail', 'warn']).toContain(status(r, 'name-id'))
  })
})

describe('Entra ID tokens for Okta', () => {
  const token = (claims: Record<string, unknown> = {}): Artefact => ({
    kind: 'jwt',
    header: { alg: 'RS256', kid: 'k' },
    claims: {
      iss: `${ORIGINS.authorityHost}/${scenario.entra.tenantId}/v2.0`,
      aud: idp.clientId,
      tid: scenario.entra.tenantId,
      oid: person.oid,
      preferred_username: person.upn,
      email: scenario.entra.users.find((u) => u.id === person.oid)?.mail ?? person.upn,
      iat: Date.parse('2026-11-20T11:59:30Z') / 1000,
      nbf: Date.parse('2026-11-20T11:59:30Z') / 1000,
      exp: Date.parse('2026-11-20T12:59:30Z') / 1000,
      nonce: 'n',
      ...claims,
    },
    signature: verified(`entra-jwks:k`, 'entra-jwks'),
  })

  it('a token for the IdP passes every check', () => {
    const r = run(token())
    expect(r.kind).toBe('id-token')
    expect(r.verdict, JSON.stringify(r.checks)).toBe('clean')
    for (const id of [
      'signature',
      'tenant',
      'audience',
      'claims',
      'subject-match',
      'validity',
    ] as const)
      expect(status(r, id), id).toBe('pass')
  })

  it('claims: a token without oid', () => {
    const r = run(token({ oid: undefined }))
    expect(status(r, 'claims')).toBe('fail')
  })

  it('subject match: a preferred_username no Okta user holds', () => {
    const r = run(token({ preferred_username: 'nobody@nowhere.example', oid: 'not-an-oid' }))
    const check = r.checks.find((c) => c.id === 'subject-match')
    expect(check?.status).toBe('fail')
    expect(check?.rule).toBe('idp-username-unmatched')
    expect(r.outcome?.code).toBe('Unable to match transformed username')
  })

  it('a v1.0 issuer warns', () => {
    expect(
      status(run(token({ iss: `https://sts.windows.net/${scenario.entra.tenantId}/` })), 'tenant'),
    ).toBe('warn')
  })
})

describe('the authorization-code flow', () => {
  const authorize = (over: Partial<Extract<Artefact, { kind: 'authorize' }>> = {}): Artefact => ({
    kind: 'authorize',
    endpoint: `${ORIGINS.authorityHost}/${scenario.entra.tenantId}/oauth2/v2.0/authorize`,
    tenant: scenario.entra.tenantId,
    clientId: idp.clientId,
    redirectUri: idp.redirectUri,
    scopes: ['openid', 'email', 'profile'],
    responseType: 'code',
    ...over,
  })

  it('the request Okta sends passes client ID, tenant, redirect URI and scopes', () => {
    const r = run(authorize())
    expect(r.verdict, JSON.stringify(r.checks)).toBe('clean')
    for (const id of ['client-id', 'tenant', 'redirect-uri', 'scopes'] as const)
      expect(status(r, id), id).toBe('pass')
  })

  it('client ID: no app registration has it (AADSTS700016)', () => {
    const r = run(authorize({ clientId: '00000000-1111-2222-3333-444444444444' }))
    expect(r.checks.find((c) => c.id === 'client-id')).toMatchObject({
      status: 'fail',
      aadsts: '700016',
      rule: 'idp-client-id-unknown',
    })
  })

  it('tenant: another tenant fails', () => {
    const r = run(authorize({ tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47' }))
    expect(r.checks.find((c) => c.id === 'tenant')).toMatchObject({
      status: 'fail',
      rule: 'idp-tenant-mismatch',
    })
  })

  it('scopes: without openid fails, without email warns', () => {
    expect(status(run(authorize({ scopes: ['email', 'profile'] })), 'scopes')).toBe('fail')
    expect(status(run(authorize({ scopes: ['openid', 'profile'] })), 'scopes')).toBe('warn')
  })

  it('error redirect: an unknown error without AADSTS still fails with its words', () => {
    const r = run({
      kind: 'error',
      endpoint: idp.redirectUri,
      error: 'access_denied',
      description: 'The user cancelled.',
      aadsts: [],
      okta: [],
    })
    expect(r.checks[0]).toMatchObject({
      id: 'error-code',
      status: 'fail',
      summary: 'The user cancelled.',
    })
  })

  it('WS-Federation request: the realm and the federation’s passive URI', () => {
    const passive = scenario.entra.federationConfigurations[fed.domain]?.[0]?.passiveSignInUri ?? ''
    const good = run({
      kind: 'wsfed-request',
      endpoint: passive,
      action: 'wsignin1.0',
      realm: 'urn:federation:MicrosoftOnline',
    })
    expect(good.verdict, JSON.stringify(good.checks)).toBe('clean')
    const bad = run({
      kind: 'wsfed-request',
      endpoint: 'https://elsewhere.example/wsfed',
      action: 'wsignin1.0',
      realm: 'urn:other',
    })
    expect(status(bad, 'realm')).toBe('warn')
    expect(status(bad, 'issuer')).toBe('warn')
  })

  it('an unreadable message is reported as such, hostile or not', () => {
    const r = run({
      kind: 'unreadable',
      what: 'SAML response',
      reason: 'The XML declares a document type (DTD).',
      hostile: true,
    })
    expect(r.verdict).toBe('unreadable')
    expect(r.checks[0]).toMatchObject({ id: 'readable', title: 'Refused', status: 'fail' })
  })
})
