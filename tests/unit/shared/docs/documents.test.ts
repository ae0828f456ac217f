/**
 * The documentation builders over the healthy scenario (every section with the scenario's
 * real values, the runbook's five steps in order, only the sections asked for, the same
 * bytes twice) and over the hand-made seam snapshot, whose outputs are reviewed golden files:
 * `UPDATE_GOLDEN=1` rewrites them, and the diff is then read before it is committed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  SECTION_IDS,
  buildDocument,
  parseSections,
  renderCsv,
  renderHtml,
  renderHtmlFragment,
  renderJson,
  renderMarkdown,
  type ConfigDocument,
} from '../../../../src/shared/docs'
import type { Snapshot } from '../../../../src/shared/model'
import { diagnose } from '../../../../src/shared/rules'
import { snapshotIdentity } from '../../../../src/shared/snapshot-file/identity'
import { buildScenario } from '../../../emulator/scenarios'
import type { Scenario } from '../../../emulator/scenarios/types'
import { scenarioSnapshot } from '../../../fixtures/scenario-snapshot'
import { seamSnapshot } from '../../../fixtures/snapshots/seam-snapshot'

const ORIGINS = {
  authorityHost: 'https://localhost:41001',
  graphBaseUrl: 'https://localhost:41002',
  oktaOrgUrl: 'https://localhost:41003',
}
const GOLDEN = path.resolve(__dirname, '../../../fixtures/docs')

let scenario: Scenario
let snapshot: Snapshot
let doc: ConfigDocument
beforeAll(async () => {
  scenario = await buildScenario('healthy', { seed: 1, origins: ORIGINS })
  snapshot = scenarioSnapshot(scenario, ORIGINS)
  doc = buildDocument({
    snapshot,
    findings: diagnose(snapshot),
    snapshotSha256: snapshotIdentity(snapshot),
  })
}, 60_000)

describe('the document of the healthy scenario', () => {
  it('holds every section with the scenario’s real values', () => {
    expect(doc.sections).toEqual(SECTION_IDS)
    const e = scenario.entra
    const o = scenario.okta
    expect(doc.overview?.entra?.tenantId).toBe(e.tenantId)
    expect(doc.overview?.okta?.orgUrl).toBe(ORIGINS.oktaOrgUrl)
    expect(doc.overview?.snapshotSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(doc.overview?.collectedAt).toBe(scenario.now)

    const federated = e.domains.find((d) => d.authenticationType === 'Federated')?.id ?? ''
    const fed = doc.domains?.find((d) => d.name === federated)?.federation
    expect(fed?.issuerUri).toBe(e.federationConfigurations[federated]?.[0]?.issuerUri)
    expect(fed?.signingCertificate?.sha256Thumbprint).toMatch(/^[0-9A-F]{64}$/)
    expect(fed?.office365Apps).toEqual(['Microsoft Office 365'])

    const idp = o.idps[0] as {
      id: string
      name: string
      protocol: { credentials: { client: { client_id: string } } }
    }
    const registration = doc.appRegistrations?.[0]
    expect(registration?.appId).toBe(idp.protocol.credentials.client.client_id)
    expect(registration?.redirectUris).toEqual([
      `${ORIGINS.oktaOrgUrl}/oauth2/v1/authorize/callback`,
    ])
    expect(registration?.consent.tenantWide).toEqual(['email', 'openid', 'profile', 'user.read'])
    expect(registration?.credentials.find((c) => c.kind === 'secret')?.hint).toHaveLength(3)

    const idpDoc = doc.identityProviders?.[0]
    expect(idpDoc?.id).toBe(idp.id)
    expect(idpDoc?.clientSecret?.redacted).toBe(true)
    expect(idpDoc?.subject.matchType).toBe('USERNAME')
    expect(idpDoc?.routingRules.map((r) => r.patterns)).toEqual([[`SUFFIX ${federated}`]])

    const o365 = doc.apps?.find((a) => a.kind === 'office365')
    expect(o365?.immutableIdSource).toContain('findDirectoryUser().externalId')
    expect(o365?.domains).toEqual([federated])
    expect(o365?.signingKeys.filter((k) => k.active)).toHaveLength(1)
    expect(o365?.assignments.count).toBe(scenario.okta.appUsers[String(o365?.id)]?.length)
    const saml = doc.apps?.find((a) => a.kind === 'saml')
    expect(saml?.nameId?.template).toBe('${user.email}')
    expect(saml?.attributeStatements.map((s) => s.name)).toEqual(['email', 'groups'])

    expect(doc.mappings?.length).toBe(o.mappings.length)
    expect(doc.mappings?.flatMap((m) => m.rows.map((r) => r.expression))).toContain(
      'appuser.userPrincipalName',
    )
    expect(doc.sync?.enabled).toBe(true)
    expect(doc.sync?.jobs.map((j) => j.templateId)).toEqual(['salesforce'])
    expect(doc.findings?.every((f) => f.severity === 'info')).toBe(true)
    const calendar = doc.rotation ?? []
    expect(calendar.map((r) => r.kind)).toEqual(
      expect.arrayContaining([
        'client secret',
        'certificate',
        'signing key',
        'federation certificate',
      ]),
    )
    expect(calendar.map((r) => r.expires)).toEqual([...calendar.map((r) => r.expires)].sort())
  })

  it('lays the runbook out as the five steps, in order, with the tenant’s values', () => {
    expect(doc.runbook?.steps.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1 Gather the tenant information',
      '2 Register Okta in Entra',
      '3 Create the client secret',
      '4 Add Entra as an identity provider in Okta with its attribute mappings',
      '5 Test and validate sync, SSO and logs',
    ])
    const text = renderMarkdown(doc)
    const order = [
      '### Step 1.',
      '### Step 2.',
      '### Step 3.',
      '### Step 4.',
      '### Step 5.',
      'Values you must re-enter',
    ]
    const at = order.map((h) => text.indexOf(h))
    expect(at.every((i) => i > 0)).toBe(true)
    expect(at).toEqual([...at].sort((a, b) => a - b))
    expect(text).toContain(scenario.entra.tenantId)
    expect(doc.runbook?.reenter[0]?.what).toMatch(/Client secret of the Okta identity provider/)
    expect(JSON.stringify(doc.runbook)).toContain(
      'POST https://graph.microsoft.com/v1.0/applications',
    )
  })

  it('gives the same bytes twice in every format, and dates from the snapshot, not the clock', () => {
    const again = buildDocument({
      snapshot,
      findings: diagnose(snapshot),
      snapshotSha256: snapshotIdentity(snapshot),
    })
    expect(renderMarkdown(again)).toBe(renderMarkdown(doc))
    expect(renderHtml(again)).toBe(renderHtml(doc))
    expect(renderJson(again)).toBe(renderJson(doc))
    expect(renderCsv(again)).toEqual(renderCsv(doc))
    const year = new Date().getUTCFullYear()
    expect(renderMarkdown(doc)).toContain('2026-11-20 12:00 UTC')
    expect(year).toBeGreaterThan(2000)
  })

  it('holds only the sections asked for', () => {
    const only = buildDocument({
      snapshot,
      findings: [],
      snapshotSha256: 'x'.repeat(64),
      sections: ['runbook', 'overview'],
    })
    expect(only.sections).toEqual(['overview', 'runbook'])
    expect(only.domains).toBeUndefined()
    expect(only.runbook?.steps).toHaveLength(5)
    expect(renderMarkdown(only)).not.toContain('## Domains and federation')
    expect(parseSections('runbook, nope,overview')).toEqual({
      sections: ['overview', 'runbook'],
      unknown: ['nope'],
    })
  })

  it('renders the preview fragment without any inline style or script', () => {
    const fragment = renderHtmlFragment(doc)
    expect(fragment.startsWith('<article class="doc">')).toBe(true)
    expect(fragment).not.toMatch(/<style|style=|<script|on\w+=/i)
    expect(renderHtml(doc)).toMatch(
      /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/,
    )
  })
})

describe('golden documents of the seam snapshot (reviewed, not regenerated blindly)', () => {
  const seam = seamSnapshot()
  const golden = buildDocument({
    snapshot: seam,
    findings: diagnose(seam),
    snapshotSha256: snapshotIdentity(seam),
  })
  const outputs: Record<string, string> = {
    'seam.md': renderMarkdown(golden),
    'seam.html': renderHtml(golden),
    'seam.json': renderJson(golden),
    ...Object.fromEntries(Object.entries(renderCsv(golden)).map(([n, c]) => [`seam-${n}`, c])),
  }
  for (const [name, text] of Object.entries(outputs)) {
    it(name, () => {
      const file = path.join(GOLDEN, name)
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, text)
      expect(text).toBe(readFileSync(file, 'utf8'))
    })
  }
})
