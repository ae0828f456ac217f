/**
 * The emulated Okta issues a WS-Federation result through its passive endpoint, as a browser
 * would receive it (an auto-post page); the inspector reads the page's `wresult` and finds it
 * clean against the same tenant pair. An unassigned user gets no token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inspectText } from '../../../src/node/inspect/inspect'
import { inspectMessage, signingCandidates } from '../../../src/shared/inspect'
import { SnapshotIndex } from '../../../src/shared/rules'
import type { Emulator } from '../../emulator/index'
import { startEmulator } from '../../emulator/index'
import { call } from '../../emulator/testing/clients'
import { scenarioSnapshot } from '../../fixtures/scenario-snapshot'

let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({ scenario: 'healthy' })
})
afterAll(() => emu?.close())

function passiveUrl(username: string): string {
  const app = emu.scenario.okta.apps.find((a) => a['name'] === 'office365')
  const metadata = String((app?.['_links'] as { metadata: { href: string } }).metadata.href)
  const base = metadata.replace(/\/metadata$/, '/passive')
  const q = new URLSearchParams({
    wa: 'wsignin1.0',
    wtrealm: 'urn:federation:MicrosoftOnline',
    wctx: 'LoginOptions=3',
    username,
  })
  return `${base}?${q.toString()}`
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

describe("Okta's WS-Federation passive endpoint", () => {
  it('posts a signed result the inspector finds clean', async () => {
    const appId = String(emu.scenario.okta.apps.find((a) => a['name'] === 'office365')?.['id'])
    const upns = (emu.scenario.okta.appUsers[appId] ?? []).map((au) =>
      String((au['credentials'] as { userName: string }).userName),
    )
    const upn = upns.find((u) =>
      emu.scenario.entra.users.some((e) => e.userPrincipalName === u && e.onPremisesImmutableId),
    )
    expect(upn).toBeDefined()
    const r = await call(passiveUrl(upn ?? ''), { ca: emu.caPem })
    expect(r.status).toBe(200)
    expect(r.body).toContain('action="https://login.microsoftonline.com/login.srf"')
    const wresult = /name="wresult" value="([^"]*)"/.exec(r.body)?.[1]
    expect(wresult).toBeDefined()
    const snapshot = scenarioSnapshot(emu.scenario, emu)
    const decoded = await inspectText({
      text: unescapeHtml(wresult ?? ''),
      candidates: signingCandidates(snapshot),
    })
    const message = decoded.messages[0]
    expect(message?.artefact.kind).toBe('saml')
    const report = message
      ? inspectMessage(
          { ...message, capturedAt: new Date(Date.parse(emu.scenario.now) + 1_000).toISOString() },
          snapshot,
          new SnapshotIndex(snapshot),
        )
      : undefined
    expect(report?.verdict, JSON.stringify(report?.checks.filter((c) => c.status !== 'pass'))).toBe(
      'clean',
    )
  })

  it('refuses a user the app is not assigned to, and a request that is not a sign-in', async () => {
    expect((await call(passiveUrl('nobody@nowhere.example'), { ca: emu.caPem })).status).toBe(403)
    const other = passiveUrl('x').replace('wa=wsignin1.0', 'wa=wsignout1.0')
    expect((await call(other, { ca: emu.caPem })).status).toBe(400)
  })
})
