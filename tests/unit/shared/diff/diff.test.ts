/**
 * The pure diff against adversarial pairs: reordered arrays and keys, volatile-only changes,
 * a rotated key, a renamed person, another tenant pair, missing resources and partial
 * snapshots; attribution that names only what the logs say, and the retention plan.
 */
import { describe, expect, it } from 'vitest'
import { Snapshot, type RawRecord } from '../../../../src/shared/model/snapshot'
import {
  diffSnapshots,
  DiffRefused,
  indexSnapshot,
  type SnapshotDiff,
} from '../../../../src/shared/diff'
import { planRetention } from '../../../../src/shared/history'
import { configEventWindow } from '../../../../src/node/okta/log-window'

const T0 = '2026-05-01T10:00:00Z'
const T1 = '2026-05-02T10:00:00Z'

function snap(
  at: string,
  entra: Record<string, unknown>,
  okta: Record<string, unknown> = {},
  errors: unknown[] = [],
): Snapshot {
  return Snapshot.parse({
    format: 'crosswalk.snapshot',
    version: 1,
    collectedAt: at,
    tool: { name: 'crosswalk', version: 'test' },
    entra: { tenantId: 'tenant-1', cloud: 'global', directoryAudits: [], ...entra },
    okta: { orgUrl: 'https://contoso.okta.com', logs: [], ...okta },
    collection: {
      startedAt: at,
      finishedAt: at,
      complete: errors.length === 0,
      errors,
      grantedPermissions: { entra: [], okta: [] },
    },
  })
}

const app = (extra: RawRecord = {}): RawRecord => ({
  id: 'app-1',
  displayName: 'Okta IdP',
  web: { redirectUris: ['https://a/cb', 'https://b/cb'] },
  passwordCredentials: [
    {
      keyId: 'k1',
      hint: 'abc',
      startDateTime: '2025-01-01T00:00:00Z',
      endDateTime: '2027-01-01T00:00:00Z',
      secretText: null,
    },
    {
      keyId: 'k2',
      hint: 'def',
      startDateTime: '2025-06-01T00:00:00Z',
      endDateTime: '2027-06-01T00:00:00Z',
      secretText: null,
    },
  ],
  ...extra,
})

const diff = (a: Snapshot, b: Snapshot): SnapshotDiff => diffSnapshots(indexSnapshot(a), b)
const paths = (d: SnapshotDiff): string[] =>
  d.objects.flatMap((o) => o.changes.map((c) => `${o.resource}|${c.op}|${c.path}`))

describe('diffSnapshots', () => {
  it('sees no change in reordered arrays and keys', () => {
    const a = snap(T0, { applications: [app()] })
    const reordered = app()
    const b = snap(T1, {
      applications: [
        {
          passwordCredentials: [...(reordered.passwordCredentials as RawRecord[])].reverse(),
          web: { redirectUris: ['https://b/cb', 'https://a/cb'] },
          displayName: 'Okta IdP',
          id: 'app-1',
        },
      ],
    })
    expect(paths(diff(a, b))).toEqual([])
  })

  it('does not count volatile fields, links or logs as changes', () => {
    const user = {
      id: 'u1',
      status: 'ACTIVE',
      lastLogin: T0,
      lastUpdated: T0,
      _links: { self: { href: 'x' } },
      profile: { login: 'a@b.c' },
    }
    const a = snap(
      T0,
      {},
      { users: [user], logs: [{ uuid: 'e1', eventType: 'user.session.start', published: T0 }] },
    )
    const b = snap(
      T1,
      {},
      { users: [{ ...user, lastLogin: T1, lastUpdated: T1, _links: {} }], logs: [] },
    )
    const d = diff(a, b)
    expect(paths(d)).toEqual([])
    expect(d.drift).toBe(false)
  })

  it('shows a rotated key by key ID with its hint and dates, never a secret', () => {
    const a = snap(T0, { applications: [app()] })
    const rotated = app({
      passwordCredentials: [
        {
          keyId: 'k2',
          hint: 'def',
          startDateTime: '2025-06-01T00:00:00Z',
          endDateTime: '2027-06-01T00:00:00Z',
          secretText: null,
        },
        {
          keyId: 'k3',
          hint: 'ghi',
          startDateTime: '2026-05-01T00:00:00Z',
          endDateTime: '2028-05-01T00:00:00Z',
          secretText: 'ghi8Q~planted-secret-value',
        },
      ],
    })
    const d = diff(a, snap(T1, { applications: [rotated] }))
    expect(paths(d)).toEqual([
      'entra.applications|removed|passwordCredentials[keyId=k1]',
      'entra.applications|added|passwordCredentials[keyId=k3]',
    ])
    expect(JSON.stringify(d)).not.toContain('planted-secret-value')
    expect(d.objects[0]?.changes[1]?.after).toMatchObject({
      hint: 'ghi',
      endDateTime: '2028-05-01T00:00:00Z',
    })
    expect(d.drift).toBe(true)
  })

  it('follows a renamed person by id: one change of the name, no add and remove', () => {
    const u = { id: 'u1', userPrincipalName: 'ann@contoso.com', displayName: 'Ann Lee' }
    const d = diff(
      snap(T0, { users: [u] }),
      snap(T1, {
        users: [{ ...u, userPrincipalName: 'ann.marsh@contoso.com', displayName: 'Ann Marsh' }],
      }),
    )
    expect(d.counts.people).toEqual({ added: 0, removed: 0, changed: 1 })
    expect(paths(d).sort()).toEqual([
      'entra.users|changed|displayName',
      'entra.users|changed|userPrincipalName',
    ])
    expect(d.drift).toBe(false)
  })

  it('refuses another tenant pair with what to fix', () => {
    const a = snap(T0, {})
    const other = Snapshot.parse({
      ...snap(T1, {}),
      entra: { tenantId: 'tenant-2', cloud: 'global' },
      okta: undefined,
    })
    expect(() => diff(a, other)).toThrow(DiffRefused)
    expect(() => diff(a, other)).toThrow(/different Entra tenants.*same tenant pair/)
  })

  it('lists a resource a partial snapshot lacks as not compared, never as removed', () => {
    const a = snap(T0, { applications: [app()], synchronizationJobs: { sp: [{ id: 'j1' }] } })
    const b = snap(T1, { applications: [app()] }, {}, [
      {
        source: 'entra',
        resource: 'synchronizationJobs',
        status: 403,
        code: 'Authorization_RequestDenied',
        message: 'Insufficient privileges',
      },
    ])
    const d = diff(a, b)
    expect(d.objects).toEqual([])
    expect(d.unavailable).toEqual([
      expect.objectContaining({
        resource: 'entra.synchronizationJobs',
        missingIn: 'new',
        reason: expect.stringContaining('Authorization_RequestDenied'),
      }),
    ])
  })

  it('attributes only to an event that names the object and the property, and says why otherwise', () => {
    const audit = (activity: string, property: string) => ({
      id: `a-${property}`,
      activityDateTime: '2026-05-01T18:00:00Z',
      activityDisplayName: activity,
      result: 'success',
      correlationId: `c-${property}`,
      initiatedBy: { user: { id: 'admin-1', userPrincipalName: 'admin@contoso.com' } },
      targetResources: [
        {
          id: 'app-1',
          modifiedProperties: [{ displayName: property, oldValue: '[]', newValue: '[]' }],
        },
      ],
    })
    const a = snap(T0, { applications: [app()] })
    const changed = app({ web: { redirectUris: ['https://a/cb'] }, displayName: 'Renamed' })
    const d = diff(
      a,
      snap(T1, {
        applications: [changed],
        directoryAudits: [audit('Update application', 'AppAddress')],
      }),
    )
    const byPath = new Map(d.objects[0]?.changes.map((c) => [c.path, c.attribution]))
    expect(byPath.get('web.redirectUris[https://b/cb]')).toMatchObject({
      status: 'attributed',
      actor: 'admin@contoso.com',
    })
    // the event lists what it changed, and the name is not among it: not invented
    expect(byPath.get('displayName')).toEqual({ status: 'not-yet-in-logs', source: 'entra' })
    const old = snap('2026-01-01T00:00:00Z', { applications: [app()] })
    const late = diff(old, snap(T1, { applications: [changed] }))
    expect(late.objects[0]?.changes[0]?.attribution).toEqual({
      status: 'outside-retention',
      source: 'entra',
      retentionDays: 30,
    })
    const noLogs = Snapshot.parse({
      ...snap(T1, { applications: [changed] }),
      entra: { tenantId: 'tenant-1', cloud: 'global', applications: [changed] },
    })
    expect(diff(a, noLogs).objects[0]?.changes[0]?.attribution).toEqual({
      status: 'logs-not-collected',
      source: 'entra',
    })
  })

  it('gives findings appeared, resolved and persisting from the findings passed in', () => {
    const f = (id: string) => ({
      id,
      rule: 'r',
      category: 'configuration' as const,
      severity: 'high' as const,
      title: id,
      detail: '',
      subjects: [],
      evidence: {},
      remediation: { steps: [], links: [] },
    })
    const d = diffSnapshots(
      indexSnapshot(snap(T0, {}), { findings: [f('a'), f('b')] }),
      snap(T1, {}),
      { findings: [f('b'), f('c')] },
    )
    expect(d.findings?.appeared.map((x) => x.id)).toEqual(['c'])
    expect(d.findings?.resolved.map((x) => x.id)).toEqual(['a'])
    expect(d.findings?.persisting.map((x) => x.id)).toEqual(['b'])
  })
})

describe('planRetention', () => {
  const s = (id: string, at: string, extra = {}) => ({ id, collectedAt: at, ...extra })
  it('keeps the last N, one a month, the pinned and the current; proposes the rest oldest first', () => {
    const list = [
      s('jan1', '2026-01-03'),
      s('jan2', '2026-01-20'),
      s('feb1', '2026-02-02', { pinned: true }),
      s('feb2', '2026-02-10'),
      s('mar1', '2026-03-01'),
      s('mar2', '2026-03-05'),
      s('mar3', '2026-03-09', { current: true }),
    ]
    expect(planRetention(list, { keepLast: 2, monthly: true }).remove).toEqual(['jan1', 'mar1'])
    expect(planRetention(list, { keepLast: 2, monthly: false }).remove).toEqual([
      'jan1',
      'jan2',
      'feb2',
      'mar1',
    ])
  })
  it('a size cap removes the oldest unprotected first and never a pinned one', () => {
    const list = [
      s('a', '2026-01-01', { bytes: 5, pinned: true }),
      s('b', '2026-02-01', { bytes: 5 }),
      s('c', '2026-03-01', { bytes: 5 }),
    ]
    expect(planRetention(list, { keepLast: 3, monthly: false, maxBytes: 10 }).remove).toEqual(['b'])
  })
})

describe('configEventWindow', () => {
  it('reads configuration events back to the previous snapshot, within the 90-day retention', () => {
    const until = '2026-05-31T00:00:00.000Z'
    const since = '2026-05-24T00:00:00.000Z'
    expect(configEventWindow(undefined, since, until)).toBeUndefined()
    expect(configEventWindow('2026-05-28T00:00:00.000Z', since, until)).toBeUndefined()
    expect(configEventWindow('2026-05-01T01:00:00.000Z', since, until)).toBe(
      '2026-05-01T00:00:00.000Z',
    )
    expect(configEventWindow('2025-01-01T00:00:00.000Z', since, until)).toBe(
      '2026-03-02T00:00:00.000Z',
    )
  })
})
