import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectSnapshot } from '../../../src/node/collect/collect-snapshot'
import { UNLIMITED_OKTA_RATE_LIMITS } from '../../emulator/okta/rate-limit'
import { counts, logWindow, plantedSecrets, startHarness, type Harness } from './helpers'
import { expectedCounts } from './truth'

let h: Harness
beforeAll(async () => {
  // Four collections within one rate-limit window: at the default budgets the pacer's half
  // share would hold the later ones for the window's reset. Pacing is tested elsewhere.
  h = await startHarness({ scenario: 'broken', oktaRateLimits: UNLIMITED_OKTA_RATE_LIMITS })
})
afterAll(async () => {
  await h?.emulator.close()
})

describe('the broken scenario', () => {
  it('collects every planted record the reader may read, and every answer-key subject is in the snapshot', async () => {
    const snap = await collectSnapshot({
      profile: h.profile,
      credentials: h.credentials,
      ca: h.ca,
      ...logWindow(h.emulator),
    })
    // the API token carries its administrator's rights: everything is read
    expect(snap.collection.errors).toEqual([])
    expect(counts(snap)).toEqual(expectedCounts(h.emulator.scenario, logWindow(h.emulator)))
    const sides = { entra: JSON.stringify(snap.entra), okta: JSON.stringify(snap.okta) }
    const missing = h.emulator.scenario.answerKey.flatMap((entry) =>
      entry.subjects
        // the reader's own service app is a credential, not a record of the org
        .filter((s) => s.type !== 'serviceApp')
        .filter((s) => !sides[s.source].includes(s.id))
        .map((s) => `${entry.problem}: ${s.source} ${s.type} ${s.id}`),
    )
    expect(missing).toEqual([])
    const text = JSON.stringify(snap)
    for (const secret of plantedSecrets(h)) expect(text).not.toContain(secret)
  })

  it('with the service app, which lacks okta.groups.read (planted), reads everything but Okta groups, their members and push mappings', async () => {
    const app = h.emulator.scenario.credentials.okta.serviceApp
    if (!app?.privateKeyPem) throw new Error('the broken scenario has a service app')
    const snap = await collectSnapshot({
      profile: {
        okta: {
          orgUrl: h.emulator.oktaOrgUrl,
          clientId: app.clientId,
          privateKeyFile: 'unused',
          keyId: app.keyId,
          scopes: app.grantedScopes,
        },
      },
      credentials: {
        okta: { kind: 'privateKey', privateKeyPem: app.privateKeyPem, keyId: app.keyId },
      },
      ca: h.ca,
      ...logWindow(h.emulator),
    })
    // the groups, their members and the push mappings (which need okta.groups.read too)
    expect(
      [...snap.collection.errors].sort((a, b) => a.resource.localeCompare(b.resource)),
    ).toEqual(
      ['groupMembers', 'groupPushMappings', 'groups'].map((resource) =>
        expect.objectContaining({ source: 'okta', resource, status: 403, code: 'E0000006' }),
      ),
    )
    expect(snap.collection.reader?.okta).toEqual({
      credential: 'service-app',
      clientId: app.clientId,
    })
  })

  it('stores the IdP secret pasted as a secret ID by its key ID, and a refresh of Okta alone keeps the match', async () => {
    const pastedKeyIds = (snap: Awaited<ReturnType<typeof collectSnapshot>>) =>
      (snap.okta?.idps ?? [])
        .map((idp) => {
          const client = (idp['protocol'] as { credentials?: { client?: Record<string, unknown> } })
            ?.credentials?.client
          return client?.['client_secret'] as { guidShaped?: boolean; keyId?: string } | undefined
        })
        .filter((secret) => secret?.guidShaped)
    const full = await collectSnapshot({
      profile: h.profile,
      credentials: h.credentials,
      ca: h.ca,
      ...logWindow(h.emulator),
    })
    const appKeyIds = new Set(
      (full.entra?.applications ?? []).flatMap((a) =>
        ((a['passwordCredentials'] as { keyId?: string }[] | undefined) ?? []).map((c) => c.keyId),
      ),
    )
    const first = pastedKeyIds(full)
    expect(first.length).toBeGreaterThan(0)
    for (const secret of first) expect(appKeyIds.has(secret?.keyId)).toBe(true)
    // Okta alone: the app registrations come from the previous snapshot
    const oktaOnly = await collectSnapshot({
      profile: { ...(h.profile.okta ? { okta: h.profile.okta } : {}) },
      credentials: { ...(h.credentials.okta ? { okta: h.credentials.okta } : {}) },
      ca: h.ca,
      since: full,
      ...logWindow(h.emulator),
    })
    expect(oktaOnly.entra).toBeUndefined()
    expect(pastedKeyIds(oktaOnly)).toEqual(first)
  })
})
