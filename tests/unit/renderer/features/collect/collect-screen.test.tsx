import { describe, expect, it } from 'vitest'
import { currentSnapshot, importSnapshot, loadSnapshot } from '../../../../../src/renderer/src/db'
import { byText, click, tenantPair, waitFor } from '../helpers'
import {
  ORG,
  RUN,
  TENANT,
  WS,
  batch,
  cell,
  collection,
  ctx,
  event,
  finish,
  mount,
  phase,
  progress,
  rowText,
  settle,
  startRun,
  unmount,
  useCollectScreen,
  users,
} from './harness'
import { RESOURCE_PATHS, isCollected } from '../../../../../src/shared/model'

useCollectScreen()

/** Every resource a collection reads, from the registry */
const COLLECTED = RESOURCE_PATHS.filter(isCollected).length

describe('Collect screen', () => {
  it('shows live progress, each resource Done as it finishes, and stores a complete run as current', async () => {
    await startRun()
    // every resource of both sides has a row from the start
    expect(ctx.container.querySelectorAll('tbody tr')).toHaveLength(COLLECTED)
    expect(rowText('entra.signIns')).toContain('Waiting')
    await event(progress('entra', 'users', 0, { total: 5 }))
    await event(batch('entra', 'users', users(2)))
    await event(progress('entra', 'users', 2, { total: 5 }))
    await waitFor(() => cell('entra.users') === '2', 'the first page')
    await event(batch('entra', 'users', users(1_203, 2)))
    await event(
      progress('entra', 'users', 1_205, {
        pages: 2,
        throttleWaits: 1,
        retries: 2,
        etaMs: 65_000,
        total: 2_000,
      }),
    )
    await waitFor(() => cell('entra.users') === '1,205', 'thousands separators')
    const row = ctx.container.querySelector('tr[data-resource="entra.users"]')!
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '1,205',
      '2',
      '1',
      '2',
      '0',
      'about 1 min 5 s left (estimate)',
    ])
    // a resource is Done as soon as it is read completely, while the run goes on
    await event(progress('okta', 'groups', 0, { pages: 1, state: 'done' }))
    await waitFor(() => rowText('okta.groups').includes('Done'), 'Done before the end')
    expect(phase()).toBe('running')
    expect(ctx.container.querySelector('progress')).not.toBeNull()
    expect(ctx.container.textContent).toContain(`1 of ${COLLECTED} resources done`)
    expect(ctx.container.querySelector('[data-testid="collect-eta"]')?.textContent).toContain(
      '(estimate)',
    )
    // Okta reported no totals and there is no previous snapshot: no Okta estimate, and why
    expect(ctx.container.textContent).toContain('No time estimate for Okta yet')
    await event(batch('okta', 'users', [{ id: '00u1', profile: { login: 'a@contoso.com' } }]))

    await finish({
      outcome: 'complete',
      collectedAt: '2026-11-21T09:00:00.000Z',
      collection: collection(),
      resources: { 'entra.users': 1_205, 'okta.users': 1, 'okta.groups': 0 },
      // the token names the tenant by its GUID, the connection by its domain
      entra: { tenantId: TENANT, cloud: 'global' },
    })
    await waitFor(
      () => byText(ctx.container, '.collect__next', 'Diagnosis found 0 findings'),
      'the diagnosis link',
    )
    const current = await currentSnapshot(ctx.db, WS)
    expect(current).toMatchObject({
      status: 'complete',
      entra: { tenantId: TENANT },
      okta: { orgUrl: ORG },
    })
    // the empty resource counts as collected, with 0 records
    expect(current?.counts).toEqual({ 'entra.users': 1_205, 'okta.users': 1, 'okta.groups': 0 })
    expect((await loadSnapshot(ctx.db, current!.id)).okta?.groups).toEqual([])
    expect(ctx.services.diagnosed).toEqual([current?.id])
    expect(ctx.host.released).toEqual([RUN])
  })

  it('runs three collections in a row from one screen, each to its own current snapshot', async () => {
    const ids: string[] = []
    for (let round = 1; round <= 3; round++) {
      const runId = `5e0c1d2b-2222-4aaa-8bbb-00000000010${round}`
      await startRun(runId, round === 1 ? 'Start collection' : 'Collect again')
      await event(batch('okta', 'users', [{ id: `00u${round}` }]), runId)
      await finish(
        {
          outcome: 'complete',
          collectedAt: `2026-11-21T09:0${round}:00.000Z`,
          collection: collection(),
          resources: { 'okta.users': 1 },
        },
        runId,
      )
      await waitFor(
        () => byText(ctx.container, '.collect__next', 'Diagnosis found'),
        `run ${round} stored and diagnosed`,
      )
      expect(phase()).toBe('done')
      const current = await currentSnapshot(ctx.db, WS)
      expect(current?.collectedAt).toBe(`2026-11-21T09:0${round}:00.000Z`)
      ids.push(current!.id)
    }
    expect(new Set(ids).size).toBe(3)
    const statuses = (await ctx.db.snapshots.where('workspaceId').equals(WS).toArray()).map(
      (r) => r.status,
    )
    expect(statuses).toEqual(['complete', 'complete', 'complete'])
  })

  it('a failed start leaves no stale message on the next, successful run', async () => {
    ctx.api.failNext('collect:start', {
      ok: false,
      error: {
        code: 'not-found',
        message: 'This workspace has no saved connection yet: enter and save one.',
      },
    })
    await click(byText(ctx.container, 'button', 'Start collection')!)
    await waitFor(() => ctx.container.textContent?.includes('no saved connection yet'), 'the error')
    await startRun(RUN, 'Collect again')
    expect(ctx.container.textContent).not.toContain('no saved connection yet')
    await finish({ outcome: 'complete', collection: collection(), resources: {} })
    await waitFor(() => byText(ctx.container, '.collect__next', 'Diagnosis found'), 'the diagnosis')
    expect(ctx.container.textContent).not.toContain('no saved connection yet')
  })

  it('says identical errors once, with how many resources they hit', async () => {
    await startRun()
    const refused = (resource: string) => ({
      source: 'okta' as const,
      resource,
      status: 401,
      code: 'E0000011',
      message: 'Invalid token provided',
    })
    await finish({
      outcome: 'failed',
      collection: collection(['users', 'groups', 'apps', 'idps'].map(refused)),
      message: 'The collection stopped.',
    })
    await waitFor(() => phase() === 'done', 'the failed run discarded')
    const items = ctx.container.querySelectorAll('.collect__errors li')
    expect(items).toHaveLength(1)
    expect(items[0]?.textContent).toContain('× 4')
    expect(items[0]?.textContent).toContain(
      'Okta users, Okta groups and 2 more: the credential was refused',
    )
  })

  it('cancel asks the host to stop; a cancelled run is discarded and the last good snapshot stays current', async () => {
    const previous = await importSnapshot(
      ctx.db,
      WS,
      tenantPair(),
      'imported',
      '2026-11-20T09:00:00Z',
    )
    const chunksBefore = await ctx.db.chunks.count()
    await startRun()
    await event(batch('entra', 'groups', [{ id: 'g1' }]))
    await click(byText(ctx.container, 'button', 'Cancel')!)
    expect(ctx.api.calls.find((c) => c.channel === 'collect:cancel')?.input).toEqual({ runId: RUN })
    await finish({
      outcome: 'cancelled',
      message: 'The collection was cancelled; the last complete snapshot stays current.',
    })
    await waitFor(() => byText(ctx.container, 'button', 'Collect again'), 'the end of the run')
    expect(ctx.container.textContent).toContain('Collection cancelled.')
    expect((await currentSnapshot(ctx.db, WS))?.id).toBe(previous.id)
    const rows = await ctx.db.snapshots.where('workspaceId').equals(WS).toArray()
    expect(rows.map((r) => r.status).sort()).toEqual(['cancelled', 'complete'])
    // the cancelled run's record chunks are gone; the previous snapshot's are intact
    expect(await ctx.db.chunks.count()).toBe(chunksBefore)
  })

  it('Collect is disabled, with the reason and the way there, until a connection exists', async () => {
    await unmount()
    ctx.host.saved = false
    await mount()
    await waitFor(
      () => ctx.container.textContent?.includes('no saved connection yet'),
      'the reason',
    )
    const button = byText(ctx.container, 'button', 'Start collection')!
    expect(button.hasAttribute('disabled') || button.getAttribute('data-disabled')).toBeTruthy()
    expect(ctx.container.querySelector(`a[href="/w/${WS}/connect"]`)).not.toBeNull()
    await settle()
  })
})
