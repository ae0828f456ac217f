/**
 * The inspector against what the emulated services issue: every good artefact passes clean,
 * and every broken variant is caught by the check for its cause, naming the exact mismatch,
 * the configuration object to fix and the diagnosis rule. The emulator signs by hand-built
 * canonical XML and node:crypto; Crosswalk verifies with xml-crypto and jose.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/node/handlers'
import { inspectText } from '../../../src/node/inspect/inspect'
import { invokeChannel } from '../../../src/node/ipc/invoke'
import { silentLogger } from '../../../src/node/log'
import {
  type CheckId,
  type InspectDecoded,
  type InspectReport,
  inspectMessage,
  signingCandidates,
} from '../../../src/shared/inspect'
import type { Snapshot } from '../../../src/shared/model'
import { SnapshotIndex } from '../../../src/shared/rules'
import { type Artefact, issueArtefacts } from '../../emulator/artefacts/index'
import { buildScenario } from '../../emulator/scenarios/index'
import type { Scenario } from '../../emulator/scenarios/types'
import { scenarioSnapshot } from '../../fixtures/scenario-snapshot'

const ORIGINS = {
  authorityHost: 'https://login.emulated.test',
  graphBaseUrl: 'https://graph.emulated.test',
  oktaOrgUrl: 'https://northwind.okta.emulated.test',
}

let scenario: Scenario
let snapshot: Snapshot
let artefacts: Artefact[]

beforeAll(async () => {
  scenario = await buildScenario('healthy', { seed: 1, origins: ORIGINS })
  snapshot = scenarioSnapshot(scenario, ORIGINS)
  const key = scenario.entra.tokenSigningKey
  if (!key) throw new Error('the healthy scenario has a token-signing key')
  artefacts = issueArtefacts(scenario, ORIGINS, key)
})

async function inspect(
  file: string,
): Promise<{ decoded: InspectDecoded; reports: InspectReport[] }> {
  const artefact = artefacts.find((a) => a.file === file)
  if (!artefact) throw new Error(`no artefact ${file}`)
  const decoded = await inspectText({
    text: artefact.content,
    candidates: signingCandidates(snapshot),
  })
  const index = new SnapshotIndex(snapshot)
  return { decoded, reports: decoded.messages.map((m) => inspectMessage(m, snapshot, index)) }
}

/** The one report of a file's sign-in message (the last message of a capture). */
async function reportOf(file: string): Promise<InspectReport> {
  const { reports } = await inspect(file)
  const last = reports.at(-1)
  if (!last) throw new Error(`${file} gave no message`)
  return last
}

function failing(r: InspectReport): CheckId[] {
  return r.checks.filter((c) => c.status === 'fail' || c.status === 'warn').map((c) => c.id)
}

describe('good artefacts pass clean', () => {
  const GOOD = [
    'wsfed-good.xml',
    'wsfed-good.base64.txt',
    'saml2-app-good.b64',
    'id-token-good.jwt',
    'authorize-good.url',
    'wsfed-good.saml-tracer.json',
    'oidc-good.har',
    'id-token-good.har',
  ]
  for (const file of GOOD) {
    it(file, async () => {
      const { reports } = await inspect(file)
      expect(reports.length).toBeGreaterThan(0)
      for (const r of reports) {
        expect(
          failing(r),
          `${file}: ${JSON.stringify(r.checks.filter((c) => c.status !== 'pass'))}`,
        ).toEqual([])
        expect(r.verdict).toBe('clean')
        expect(r.outcome).toBeUndefined()
      }
    })
  }

  it('a WS-Federation result is verified with the federation certificate and the active Okta key, and names both halves of the person', async () => {
    const r = await reportOf('wsfed-good.xml')
    expect(r.kind).toBe('wsfed')
    const signature = r.checks.find((c) => c.id === 'signature')
    expect(signature?.summary).toMatch(/signingCertificate/)
    expect(signature?.summary).toMatch(/\(active\)/)
    expect(r.people.entra?.fields['onPremisesImmutableId']).toBeTruthy()
    expect(r.people.okta?.fields['Office 365 immutableId']).toBe(
      r.people.entra?.fields['onPremisesImmutableId'],
    )
    expect(r.people.via?.[0]).toMatch(/immutableId/)
    for (const id of [
      'signature',
      'issuer',
      'audience',
      'name-id',
      'immutable-id',
      'upn',
      'validity',
    ] as const)
      expect(r.checks.find((c) => c.id === id)?.status, id).toBe('pass')
  })

  it('a capture is judged at its capture time, and its cookies and Authorization headers are dropped', async () => {
    const { decoded, reports } = await inspect('wsfed-good.saml-tracer.json')
    expect(decoded.input).toBe('saml-tracer')
    expect(decoded.notices[0]).toMatch(/Dropped on reading: \d+ cookies and 1 Authorization header/)
    expect(reports.at(-1)?.judgedAt?.source).toBe('capture')
    const json = JSON.stringify(decoded)
    expect(json).not.toContain('SessionCookieValue')
    expect(json).not.toContain('Winter2026!Password')
    expect(json).not.toContain('Bearer ')
  })
})

/** Each broken variant: the check that must fail, and what it must say and point at. */
const BROKEN: {
  file: string
  check: CheckId
  aadsts?: string
  rule?: string
  fixType?: string
  says: RegExp
}[] = [
  {
    file: 'wsfed-wrong-certificate.xml',
    check: 'signature',
    aadsts: '50008',
    rule: 'federation-signing-cert-mismatch',
    fixType: 'domain',
    says: /No certificate of the configuration verifies.*thumbprint/,
  },
  {
    file: 'wsfed-rotated-key.xml',
    check: 'signature',
    aadsts: '50008',
    rule: 'federation-signing-cert-mismatch',
    fixType: 'domain',
    says: /\(not active\).*trusts another certificate/,
  },
  {
    file: 'wsfed-wrong-issuer.xml',
    check: 'issuer',
    aadsts: '50107',
    rule: 'federation-issuer-mismatch',
    fixType: 'domain',
    says: /not the issuerUri/,
  },
  {
    file: 'wsfed-missing-immutable-id.xml',
    check: 'name-id',
    aadsts: '90020',
    rule: 'office365-immutable-id-missing',
    fixType: 'app',
    says: /no NameIdentifier/,
  },
  {
    file: 'wsfed-wrong-immutable-id.xml',
    check: 'immutable-id',
    aadsts: '51004',
    rule: 'immutable-id-mismatch',
    fixType: 'app',
    says: /No Entra user holds this immutable ID; .* holds /,
  },
  {
    file: 'wsfed-wrong-audience.xml',
    check: 'audience',
    aadsts: '50008',
    fixType: 'app',
    says: /urn:federation:MicrosoftOnline/,
  },
  {
    file: 'wsfed-tampered.xml',
    check: 'signature',
    aadsts: '50008',
    says: /changed after it was signed/,
  },
  {
    file: 'wsfed-expired.saml-tracer.json',
    check: 'validity',
    aadsts: '500133',
    says: /Expired 2 h/,
  },
  { file: 'saml2-app-wrong-audience.b64', check: 'audience', fixType: 'app', says: /Audience URI/ },
  {
    file: 'id-token-wrong-key.jwt',
    check: 'signature',
    fixType: 'signingKey',
    says: /No key of the snapshot verifies/,
  },
  {
    file: 'id-token-wrong-issuer.jwt',
    check: 'tenant',
    rule: 'idp-tenant-mismatch',
    fixType: 'idp',
    says: /issued by tenant 72f988bf/,
  },
  {
    file: 'id-token-wrong-audience.jwt',
    check: 'audience',
    rule: 'idp-client-id-unknown',
    fixType: 'idp',
    says: /no Okta identity provider’s client ID/,
  },
  { file: 'id-token-tampered.jwt', check: 'signature', says: /changed after it was signed/ },
  { file: 'id-token-expired.har', check: 'validity', says: /Expired 2 h/ },
  {
    file: 'authorize-wrong-redirect.url',
    check: 'redirect-uri',
    aadsts: '50011',
    rule: 'idp-redirect-uri-missing',
    fixType: 'application',
    says: /does not list this redirect URI/,
  },
  {
    file: 'error-aadsts50011.url',
    check: 'error-code',
    aadsts: '50011',
    rule: 'idp-redirect-uri-missing',
    says: /InvalidReplyTo/,
  },
]

describe('each broken variant names its mismatch, the object to fix and the rule', () => {
  for (const b of BROKEN) {
    it(`${b.file}: ${b.check}`, async () => {
      const r = await reportOf(b.file)
      expect(r.verdict).toBe('problems')
      const check = r.checks.find((c) => c.id === b.check && c.status === 'fail')
      expect(check, JSON.stringify(r.checks)).toBeDefined()
      if (!check) return
      expect(check.summary).toMatch(b.says)
      if (b.aadsts) {
        expect(check.aadsts).toBe(b.aadsts)
        expect(r.outcome?.code).toBe(`AADSTS${b.aadsts}`)
      }
      if (b.rule) expect(check.rule).toBe(b.rule)
      if (b.fixType) {
        expect(check.fix?.object.type).toBe(b.fixType)
        expect(check.fix?.steps.length).toBeGreaterThan(0)
      }
    })
  }

  it('every variant the emulator issues is covered here or among the good ones', () => {
    const covered = new Set(BROKEN.map((b) => b.file))
    for (const a of artefacts)
      if (a.variant !== 'good') expect(covered.has(a.file), a.file).toBe(true)
  })

  it('a wrong certificate names the certificate the message carries, and that it verifies', async () => {
    const { decoded } = await inspect('wsfed-wrong-certificate.xml')
    const a = decoded.messages[0]?.artefact
    expect(a?.kind).toBe('saml')
    if (a?.kind !== 'saml') return
    expect(a.signature.status).toBe('no-match')
    expect(a.signature.embedded?.subject).toBe('Unknown signer')
    expect(a.signature.embedded?.verifies).toBe(true)
    expect(a.signature.tried.map((t) => t.kind)).toEqual(
      expect.arrayContaining(['federation-signing', 'okta-app-key', 'entra-jwks']),
    )
  })

  it('the wrong immutable ID names both users it should have matched', async () => {
    const r = await reportOf('wsfed-wrong-immutable-id.xml')
    expect(r.people.entra?.subject.type).toBe('user')
    expect(r.people.okta?.subject.type).toBe('user')
  })
})

describe('through the contract', () => {
  let dataDir = ''
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cw-inspect-'))
  })
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('inspect:decode answers every artefact with a reply that matches its contract', async () => {
    const handlers = createHandlers({
      host: 'browser',
      version: '0.0.0',
      dataDir,
      log: silentLogger,
      emit: () => undefined,
    })
    for (const a of artefacts) {
      const result = await invokeChannel(
        handlers,
        'inspect:decode',
        { text: a.content, candidates: signingCandidates(snapshot) },
        silentLogger,
        { checkOutput: true },
      )
      expect(result.ok, a.file).toBe(true)
    }
  })

  it('refuses input past the ceiling, and an unknown field, at the door', async () => {
    const handlers = createHandlers({
      host: 'browser',
      version: '0.0.0',
      dataDir,
      log: silentLogger,
      emit: () => undefined,
    })
    const extra = await invokeChannel(
      handlers,
      'inspect:decode',
      { text: 'x', candidates: [], keep: true },
      silentLogger,
    )
    expect(extra.ok).toBe(false)
    const empty = await invokeChannel(
      handlers,
      'inspect:decode',
      { text: '', candidates: [] },
      silentLogger,
    )
    expect(empty.ok).toBe(false)
  })
})
