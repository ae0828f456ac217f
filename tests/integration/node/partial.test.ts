import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectSnapshot } from '../../../src/node/collect/collect-snapshot'
import { Snapshot } from '../../../src/shared/model/snapshot'
import { logWindow, startHarness, type Harness } from './helpers'
import { GRAPH_APP_ROLES } from '../../emulator/scenarios/constants'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ scenario: 'healthy' })
})
afterAll(async () => {
  await h?.emulator.close()
})

const AUDIT_LOG_READ_ALL = 'b0afded3-3588-46d8-8b3d-9842eff778da'
const SYNCHRONIZATION_READ_ALL = GRAPH_APP_ROLES.find(
  (r) => r.value === 'Synchronization.Read.All',
)?.id

describe('a missing permission or licence leaves that resource absent', () => {
  it('without AuditLog.Read.All the audit logs are absent with 403 errors; the rest is collected', async () => {
    const s = h.emulator.scenario
    const reader = s.entra.servicePrincipals.find((sp) => sp.appId === s.credentials.entra.clientId)
    const original = s.entra.appRoleAssignments
    const readerId = String(reader?.id)
    h.emulator.mutate.entra.set('appRoleAssignments', {
      ...original,
      [readerId]: (original[readerId] ?? []).filter((a) => a.appRoleId !== AUDIT_LOG_READ_ALL),
    })
    try {
      const snap = await collectSnapshot({
        profile: h.profile,
        credentials: h.credentials,
        ca: h.ca,
        ...logWindow(h.emulator),
      })
      expect(snap.collection.complete).toBe(false)
      expect(snap.collection.grantedPermissions.entra).not.toContain('AuditLog.Read.All')
      const failed = snap.collection.errors
        .map((e) => `${e.source}.${e.resource}:${e.status}`)
        .sort()
      expect(failed).toEqual([
        'entra.directoryAudits:403',
        'entra.provisioningLogs:403',
        'entra.signIns:403',
      ])
      expect(snap.entra?.signIns).toBeUndefined()
      expect(snap.entra?.users?.length).toBe(s.entra.users.length)
      expect(snap.okta?.users?.length).toBeGreaterThan(0)
      expect(Snapshot.safeParse(snap).success).toBe(true)
    } finally {
      h.emulator.mutate.entra.set('appRoleAssignments', original)
    }
  })

  it('without Synchronization.Read.All the provisioning jobs and their schemas are absent, for the same 403', async () => {
    const s = h.emulator.scenario
    const reader = s.entra.servicePrincipals.find((sp) => sp.appId === s.credentials.entra.clientId)
    const original = s.entra.appRoleAssignments
    const readerId = String(reader?.id)
    h.emulator.mutate.entra.set('appRoleAssignments', {
      ...original,
      [readerId]: (original[readerId] ?? []).filter(
        (a) => a.appRoleId !== SYNCHRONIZATION_READ_ALL,
      ),
    })
    try {
      const snap = await collectSnapshot({
        profile: h.profile,
        credentials: h.credentials,
        ca: h.ca,
      })
      const failed = snap.collection.errors.map((e) => `${e.resource}:${e.status}:${e.code}`).sort()
      expect(failed).toEqual([
        'synchronizationJobs:403:Authorization_RequestDenied',
        'synchronizationSchemas:403:Authorization_RequestDenied',
      ])
      expect(snap.entra?.synchronizationSchemas).toBeUndefined()
    } finally {
      h.emulator.mutate.entra.set('appRoleAssignments', original)
    }
  })

  it('a tenant without Entra ID P1/P2 loses sign-in logs only', async () => {
    h.emulator.mutate.entra.set('premiumLicense', false)
    try {
      const snap = await collectSnapshot({
        profile: h.profile,
        credentials: h.credentials,
        ca: h.ca,
        ...logWindow(h.emulator),
      })
      const signIns = snap.collection.errors.find((e) => e.resource === 'signIns')
      expect(signIns?.code).toBe('Authentication_RequestFromNonPremiumTenantOrB2CTenant')
      expect(snap.entra?.directoryAudits).toBeDefined()
      expect(snap.collection.complete).toBe(false)
    } finally {
      h.emulator.mutate.entra.set('premiumLicense', true)
    }
  })

  it('a wrong Entra secret fails every Entra resource with AADSTS7000215 and still collects Okta', async () => {
    const snap = await collectSnapshot({
      profile: h.profile,
      credentials: {
        ...h.credentials,
        entra: { kind: 'secret', clientSecret: 'Wrong~secret-value-1234567890' },
      },
      ca: h.ca,
      ...logWindow(h.emulator),
    })
    expect(snap.entra).toBeUndefined()
    expect(
      snap.collection.errors.filter((e) => e.source === 'entra').every((e) => e.code === '7000215'),
    ).toBe(true)
    expect(snap.okta?.users?.length).toBeGreaterThan(0)
    expect(JSON.stringify(snap)).not.toContain('Wrong~secret-value-1234567890')
  })
})
