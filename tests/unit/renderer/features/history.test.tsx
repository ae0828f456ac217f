/**
 * The History screen over the cache: two snapshots of the tenant pair, the newer with an app
 * registration's redirect URI removed and the audit that did it; Compare lists the change
 * with who made it, the mapping audit lists the mappings; a pinned snapshot is never
 * proposed for removal, and nothing is removed before the confirmation.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { importSnapshot } from '../../../../src/renderer/src/db/snapshots'
import { snapshotBytes } from '../../../../src/renderer/src/db/history'
import { saveFindings } from '../../../../src/renderer/src/db/findings'
import { FIXTURE_FINDINGS } from './fixture-findings'
import { Snapshot, type RawRecord } from '../../../../src/shared/model/snapshot'
import {
  NOW,
  WS,
  byText,
  click,
  typeInto,
  tenantPair,
  testServices,
  useTestDb,
  waitFor,
} from './helpers'

const t = useTestDb()

beforeEach(async () => {
  await t.db.workspaces.put({ id: WS })
})

function newer(at: string): Snapshot {
  const s = tenantPair()
  const apps = s.entra?.applications as RawRecord[]
  const app = apps[0] as RawRecord
  const web = app.web as { redirectUris: string[] }
  apps[0] = { ...app, web: { ...web, redirectUris: web.redirectUris.slice(1) } }
  return Snapshot.parse({
    ...s,
    collectedAt: at,
    entra: {
      ...s.entra,
      directoryAudits: [
        {
          id: 'audit-1',
          activityDateTime: '2026-11-20T15:00:00Z',
          activityDisplayName: 'Update application',
          result: 'success',
          correlationId: 'corr-1',
          initiatedBy: { user: { id: 'u-admin', userPrincipalName: 'admin@contoso.com' } },
          targetResources: [
            {
              id: app.id,
              modifiedProperties: [{ displayName: 'AppAddress', oldValue: '[]', newValue: '[]' }],
            },
          ],
        },
      ],
    },
  })
}

async function seed(): Promise<{ first: string; second: string }> {
  const first = await importSnapshot(
    t.db,
    WS,
    Snapshot.parse({ ...tenantPair(), entra: { ...tenantPair().entra, directoryAudits: [] } }),
    'imported',
    NOW,
  )
  const second = await importSnapshot(t.db, WS, newer('2026-11-21T12:00:00Z'), 'imported', NOW)
  await t.db.workspaces.update(WS, { currentSnapshotId: second.id })
  return { first: first.id, second: second.id }
}

describe('History screen', () => {
  it('compares two snapshots: the change with who made it, and the mapping audit', async () => {
    await seed()
    const view = await t.render(
      testServices(t.db, () => []),
      `/w/${WS}/history`,
    )
    const c = view.container
    await waitFor(
      () => c.querySelectorAll('[data-testid="history-snapshot"]').length === 2 || undefined,
      'two snapshots',
    )
    const compare = byText(c, 'button', 'Compare')
    expect(compare).toBeDefined()
    await click(compare as HTMLElement)
    await waitFor(() => c.querySelector('[data-testid="history-change"]'), 'the changes')
    const rows = [...c.querySelectorAll('[data-testid="history-change"]')].map(
      (r) => r.textContent ?? '',
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]).toContain('web.redirectUris[')
    expect(rows[0]).toContain('admin@contoso.com')
    expect(rows[0]).toContain('Update application')
    expect(c.querySelector('[data-testid="mapping-audit"]')?.textContent).toContain(
      'profile mapping',
    )
    // the trend tables carry the same numbers as the charts, for screen readers
    expect(c.querySelector('.visually-hidden table caption')?.textContent).toContain('per snapshot')
  })

  it('proposes only unpinned, non-current snapshots for removal, and removes them only on confirmation', async () => {
    const { first, second } = await seed()
    const middle = await importSnapshot(t.db, WS, newer('2026-11-21T06:00:00Z'), 'imported', NOW)
    await t.db.workspaces.update(WS, { currentSnapshotId: second })
    const view = await t.render(
      testServices(t.db, () => []),
      `/w/${WS}/history`,
    )
    const c = view.container
    await waitFor(
      () => c.querySelectorAll('[data-testid="history-snapshot"]').length === 3 || undefined,
      'three snapshots',
    )
    // pin the oldest from its row
    await click(
      c.querySelectorAll<HTMLElement>('[data-testid="history-snapshot"] button')[2] as HTMLElement,
    )
    await waitFor(
      async () => ((await t.db.snapshots.get(first))?.pinned ? true : undefined),
      'the pin stored',
    )
    await typeInto(c.querySelector<HTMLInputElement>('.hist-number') as HTMLInputElement, '1')
    await click(byText(c, 'button', 'Review clean-up') as HTMLElement)
    await waitFor(() => byText(c, 'button', 'Remove 1 snapshots'), 'the proposal')
    // proposed, not removed
    expect(await t.db.snapshots.count()).toBe(3)
    await click(byText(c, 'button', 'Remove 1 snapshots') as HTMLElement)
    await waitFor(
      async () => ((await t.db.snapshots.count()) === 2 ? true : undefined),
      'the removal',
    )
    expect((await t.db.snapshots.toArray()).map((r) => r.collectedAt).sort()).toEqual([
      '2026-11-20T12:00:00Z',
      '2026-11-21T12:00:00Z',
    ])
    expect(await t.db.snapshots.get(middle.id)).toBeUndefined()
    expect(await t.db.snapshots.get(first)).toBeDefined()
    expect((await t.db.workspaces.get(WS))?.retention).toEqual({ keepLast: 1, monthly: true })
  })

  it('a finding says since when: the first snapshot that has it', async () => {
    const { first, second } = await seed()
    const finding = FIXTURE_FINDINGS[0]!
    await saveFindings(t.db, first, [finding])
    await saveFindings(t.db, second, [finding])
    const view = await t.render(
      testServices(t.db, () => [finding]),
      `/w/${WS}/findings/${finding.id}`,
    )
    const since = await waitFor(
      () => view.container.querySelector('[data-testid="finding-since"] time'),
      'since when',
    )
    expect(since.getAttribute('datetime')).toBe('2026-11-20T12:00:00Z')
  })

  it("measures a snapshot's size in the cache as its records' JSON, for the size cap", async () => {
    const { first, second } = await seed()
    const sizes = await snapshotBytes(t.db, [first, second])
    const chunks = await t.db.chunks.toArray()
    const of = (id: string) =>
      chunks.filter((c) => c.snapshotId === id).reduce((n, c) => n + c.json.length, 0)
    expect(sizes.get(first)).toBe(of(first))
    expect(sizes.get(second)).toBe(of(second))
    expect(of(first)).toBeGreaterThan(1000)
  })
})
