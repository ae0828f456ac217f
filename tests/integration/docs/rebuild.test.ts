/**
 * Disaster recovery, proven: the healthy integration is collected and documented; a `fresh`
 * tenant pair (the same people, none of the seam's objects) is rebuilt by following the
 * runbook of the JSON export alone; the rebuilt pair, collected by the real connectors,
 * diagnoses clean, and every write left the audit event the real services document.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { collectSnapshot } from '../../../src/node/collect/collect-snapshot'
import { diagnose } from '../../../src/shared/rules'
import { buildDocument, renderJson } from '../../../src/shared/docs'
import { snapshotIdentity } from '../../../src/shared/snapshot-file/identity'
import type { Snapshot } from '../../../src/shared/model'
import { graphToken } from '../../emulator/testing/clients'
import { GRAPH_WRITE_ROLES } from '../../emulator/scenarios/constants'
import { logWindow, startHarness, type Harness } from '../node/helpers'
import { followRunbook, type RunbookDocument } from './runbook-runner'

const started: Harness[] = []
afterAll(async () => {
  for (const h of started) await h.emulator.close()
})

/** A harness on fixed ports, so both tenant pairs answer on the same origins, as one tenant would. */
async function harnessAt(scenario: 'healthy' | 'fresh', port: number): Promise<Harness> {
  const h = await startHarness({
    scenario,
    port,
    oktaRateLimits: {
      users: 100_000,
      apps: 100_000,
      idps: 10_000,
      mappings: 10_000,
      other: 100_000,
    },
  })
  started.push(h)
  return h
}

/** The emulator's scenario clock, for collections whose "now" the scenario dates agree with. */
function scenarioClock(h: Harness): () => number {
  const start = Date.now()
  const base = Date.parse(h.emulator.scenario.now)
  return () => base + (Date.now() - start)
}

function collect(h: Harness): Promise<Snapshot> {
  return collectSnapshot({
    profile: h.profile,
    credentials: h.credentials,
    ca: h.ca,
    now: scenarioClock(h),
    ...logWindow(h.emulator),
  })
}

async function startPair(): Promise<Harness> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = 42_000 + Math.floor(Math.random() * 7_000) * 3
    try {
      return await harnessAt('healthy', port)
    } catch (error) {
      if (!String(error).includes('EADDRINUSE')) throw error
    }
  }
  throw new Error('no free ports for the emulator')
}

describe(
  'the runbook rebuilds the healthy integration in a fresh tenant pair',
  { timeout: 240_000 },
  () => {
    it('from the runbook values alone, and the rebuilt pair diagnoses clean', async () => {
      const healthy = await startPair()
      const port = Number(new URL(healthy.emulator.authorityHost).port)
      const before = await collect(healthy)
      expect(before.collection.complete).toBe(true)
      const doc = buildDocument({
        snapshot: before,
        findings: diagnose(before),
        snapshotSha256: snapshotIdentity(before),
      })
      const exported = JSON.parse(renderJson(doc)) as RunbookDocument
      await healthy.emulator.close()
      started.splice(started.indexOf(healthy), 1)

      const fresh = await harnessAt('fresh', port)
      const emu = fresh.emulator
      expect(emu.scenario.okta.idps).toEqual([])
      // the consultant's app may write: grant it the Graph permissions the writes need
      const reader = emu.scenario.entra.servicePrincipals.find(
        (sp) => sp.appId === emu.scenario.credentials.entra.clientId,
      )
      const graphSp = emu.scenario.entra.servicePrincipals.find(
        (sp) => sp.appId === '00000003-0000-0000-c000-000000000000',
      )
      const readerId = reader?.id ?? ''
      emu.mutate.entra.set('appRoleAssignments', {
        ...emu.scenario.entra.appRoleAssignments,
        [readerId]: [
          ...(emu.scenario.entra.appRoleAssignments[readerId] ?? []),
          ...GRAPH_WRITE_ROLES.map((r, i) => ({
            id: `rebuild-${i}`,
            appRoleId: r.id,
            principalId: readerId,
            principalType: 'ServicePrincipal',
            resourceId: graphSp?.id ?? '',
          })),
        ],
      })
      const clock = scenarioClock(fresh)
      const calls = await followRunbook(exported, {
        graphBaseUrl: emu.graphBaseUrl,
        oktaOrgUrl: emu.oktaOrgUrl,
        ca: emu.caPem,
        graphToken: await graphToken(
          emu,
          emu.scenario.credentials.entra.clientId,
          emu.scenario.credentials.entra.clientSecret,
        ),
        oktaToken: emu.scenario.credentials.okta.apiToken,
        now: clock,
      })
      expect(calls.length).toBeGreaterThan(10)

      const after = await collect(fresh)
      expect(after.collection.complete).toBe(true)
      const above = diagnose(after).filter((f) => f.severity !== 'info')
      expect(above.map((f) => `${f.rule}: ${f.title}`)).toEqual([])
      // every seam object is back: the IdP, its app registration, the Office 365 app, the federation
      expect(after.okta?.idps?.map((i) => i.name)).toEqual(before.okta?.idps?.map((i) => i.name))
      expect(after.okta?.apps?.map((a) => a.label).sort()).toEqual(
        before.okta?.apps?.map((a) => a.label).sort(),
      )
      expect(Object.keys(after.entra?.federationConfigurations ?? {})).toEqual(
        Object.keys(before.entra?.federationConfigurations ?? {}),
      )
      const o365 = (snap: Snapshot) => {
        const app = snap.okta?.apps?.find((a) => a.name === 'office365')
        return (snap.okta?.appUsers?.[String(app?.id)] ?? []).length
      }
      expect(o365(after)).toBe(o365(before))

      // each write recorded the audit event the service documents
      const activities = emu.scenario.entra.directoryAudits.map((a) => a.activityDisplayName)
      for (const name of [
        'Add application',
        'Add service principal',
        'Add delegated permission grant',
        'Set domain authentication',
        'Set federation settings on domain',
      ])
        expect(activities).toContain(name)
      expect(
        activities.some(
          (a) =>
            a?.startsWith('Update application') &&
            a.includes('Certificates and secrets management'),
        ),
      ).toBe(true)
      const events = new Set(emu.scenario.okta.logs.map((e) => String(e['eventType'])))
      for (const type of [
        'system.idp.lifecycle.create',
        'application.lifecycle.create',
        'application.lifecycle.activate',
        'app.keys.generate',
        'application.lifecycle.update',
        'directory.mapping.update',
        'application.user_membership.add',
        'policy.rule.add',
      ])
        expect(events).toContain(type)
      const addApp = emu.scenario.entra.directoryAudits.find(
        (a) => a.activityDisplayName === 'Add application',
      )
      expect(addApp?.initiatedBy?.app?.appId).toBe(emu.scenario.credentials.entra.clientId)
      const idpEvent = emu.scenario.okta.logs.find(
        (e) => e['eventType'] === 'system.idp.lifecycle.create',
      )
      expect((idpEvent?.['actor'] as { type?: string }).type).toBe('User')
    })
  },
)
