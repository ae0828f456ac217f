import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { RouterProvider, createMemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CollectFinished } from '../../../../../src/shared/ipc/collect'
import type { CollectEvent } from '../../../../../src/shared/model/collect-events'
import type { CollectionInfo } from '../../../../../src/shared/model/snapshot'
import {
  currentSnapshot,
  importSnapshot,
  loadSnapshot,
  type CrosswalkDb,
} from '../../../../../src/renderer/src/db'
import { CollectScreen } from '../../../../../src/renderer/src/features/collect/collect-screen'
import { disposeCollectRuns } from '../../../../../src/renderer/src/features/collect/use-collect-run'
import { createFakeApi, installFakeApi, type FakeApi } from '../../helpers/fake-api'
import { installFakeCollectHost, type FakeCollectHost } from '../../helpers/fake-collect-host'
import { byText, click, openTestDb, tenantPair, testServices, waitFor } from '../helpers'

const WS = '7d1f1c2e-1111-4aaa-8bbb-000000000001'
const RUN = '5e0c1d2b-2222-4aaa-8bbb-000000000002'
const TENANT = '9f3c2a1b-0000-4000-8000-00000000aaaa'
const ORG = 'https://contoso.okta.com'

const users = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    id: `u${from + i}`,
    userPrincipalName: `user${from + i}@contoso.com`,
  }))

const progress = (
  source: 'entra' | 'okta',
  resource: string,
  records: number,
  extra: Partial<Extract<CollectEvent, { type: 'progress' }>> = {},
): CollectEvent => ({
  type: 'progress',
  source,
  resource,
  records,
  pages: 1,
  throttleWaits: 0,
  retries: 0,
  errors: 0,
  etaMs: null,
  ...extra,
})
const batch = (
  source: 'entra' | 'okta',
  resource: string,
  records: Record<string, unknown>[],
): CollectEvent => ({ type: 'batch', source, resource, records })

function collection(errors: CollectionInfo['errors'] = []): CollectionInfo {
  return {
    startedAt: '2026-11-21T08:59:00.000Z',
    finishedAt: '2026-11-21T09:00:00.000Z',
    complete: errors.length === 0,
    errors,
    grantedPermissions: { entra: ['User.Read.All'], okta: ['okta.users.read'] },
    cursors: {},
  }
}

const SIGN_INS_DENIED = {
  source: 'entra' as const,
  resource: 'signIns',
  status: 403,
  code: 'Authorization_RequestDenied',
  message: 'Insufficient privileges to complete the operation.',
}

type Ending = Omit<CollectFinished, 'runId' | 'workspaceId' | 'events'>

let api: FakeApi
let host: FakeCollectHost
let db: CrosswalkDb
let services: ReturnType<typeof testServices>
let container: HTMLElement
let root: Root | undefined

async function mount() {
  const router = createMemoryRouter(
    [
      { path: '/w/:workspaceId/collect', element: <CollectScreen services={services} /> },
      { path: '*', element: <p>elsewhere</p> },
    ],
    { initialEntries: [`/w/${WS}/collect`] },
  )
  container = document.createElement('div')
  document.body.append(container)
  const r = createRoot(container)
  root = r
  await act(async () => r.render(<RouterProvider router={router} />))
}

/** What a reload does to this window: every handle and the screen are gone, the cache stays. */
async function unmount() {
  const r = root
  root = undefined
  if (r) await act(async () => r.unmount())
  container.remove()
  disposeCollectRuns()
}

beforeEach(async () => {
  disposeCollectRuns()
  db = await openTestDb()
  services = testServices(db, () => [])
  api = createFakeApi()
  host = installFakeCollectHost(api, {
    entra: { tenantId: 'contoso.onmicrosoft.com', cloud: 'global' },
    okta: { orgUrl: ORG },
  })
  installFakeApi(api)
  await mount()
})

afterEach(async () => {
  await unmount()
  db.close()
})

const cell = (resource: string) =>
  container.querySelector(`tr[data-resource="${resource}"] [data-column="records"]`)?.textContent
const rowText = (resource: string) =>
  container.querySelector(`tr[data-resource="${resource}"]`)?.textContent ?? ''
const phase = () => container.querySelector('section.collect')?.getAttribute('data-run-phase')
const settle = () => act(async () => new Promise((r) => setTimeout(r, 20)))

async function startRun(runId = RUN, label = 'Start collection') {
  host.nextRunIds.push(runId)
  const button = await waitFor(
    () => byText(container, 'button:not([disabled])', label),
    `the ${label} button`,
  )
  await click(button)
  await waitFor(() => byText(container, 'button', 'Cancel'), 'the running state')
}

const event = async (e: CollectEvent, runId = RUN, live = true) =>
  act(async () => host.event(runId, e, { live }))
const finish = async (ending: Ending, runId = RUN, live = true) =>
  act(async () => host.finish(runId, ending, { live }))

describe('Collect screen', () => {
  it('shows live progress, each resource Done as it finishes, and stores a complete run as current', async () => {
    await startRun()
    // every resource of both sides has a row from the start
    expect(container.querySelectorAll('tbody tr')).toHaveLength(23)
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
    const row = container.querySelector('tr[data-resource="entra.users"]')!
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
    expect(container.querySelector('progress')).not.toBeNull()
    expect(container.textContent).toContain('1 of 23 resources done')
    expect(container.querySelector('[data-testid="collect-eta"]')?.textContent).toContain(
      '(estimate)',
    )
    // Okta reported no totals and there is no previous snapshot: no Okta estimate, and why
    expect(container.textContent).toContain('No time estimate for Okta yet')
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
      () => byText(container, '.collect__next', 'Diagnosis found 0 findings'),
      'the diagnosis link',
    )
    const current = await currentSnapshot(db, WS)
    expect(current).toMatchObject({
      status: 'complete',
      entra: { tenantId: TENANT },
      okta: { orgUrl: ORG },
    })
    // the empty resource counts as collected, with 0 records
    expect(current?.counts).toEqual({ 'entra.users': 1_205, 'okta.users': 1, 'okta.groups': 0 })
    expect((await loadSnapshot(db, current!.id)).okta?.groups).toEqual([])
    expect(services.diagnosed).toEqual([current?.id])
    expect(host.released).toEqual([RUN])
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
        () => byText(container, '.collect__next', 'Diagnosis found'),
        `run ${round} stored and diagnosed`,
      )
      expect(phase()).toBe('done')
      const current = await currentSnapshot(db, WS)
      expect(current?.collectedAt).toBe(`2026-11-21T09:0${round}:00.000Z`)
      ids.push(current!.id)
    }
    expect(new Set(ids).size).toBe(3)
    const statuses = (await db.snapshots.where('workspaceId').equals(WS).toArray()).map(
      (r) => r.status,
    )
    expect(statuses).toEqual(['complete', 'complete', 'complete'])
  })

  it('a failed start leaves no stale message on the next, successful run', async () => {
    api.failNext('collect:start', {
      ok: false,
      error: {
        code: 'not-found',
        message: 'This workspace has no saved connection yet: enter and save one.',
      },
    })
    await click(byText(container, 'button', 'Start collection')!)
    await waitFor(() => container.textContent?.includes('no saved connection yet'), 'the error')
    await startRun(RUN, 'Collect again')
    expect(container.textContent).not.toContain('no saved connection yet')
    await finish({ outcome: 'complete', collection: collection(), resources: {} })
    await waitFor(() => byText(container, '.collect__next', 'Diagnosis found'), 'the diagnosis')
    expect(container.textContent).not.toContain('no saved connection yet')
  })

  it('a partial run waits for a decision that survives a reload, and using it makes it current', async () => {
    await startRun()
    await event(batch('entra', 'users', users(2)))
    await finish({
      outcome: 'partial',
      collectedAt: '2026-11-21T09:00:00.000Z',
      collection: collection([SIGN_INS_DENIED]),
      resources: { 'entra.users': 2 },
    })
    const prompt = await waitFor(
      () => container.querySelector('[role="alertdialog"]'),
      'the partial prompt',
    )
    expect(prompt.textContent).toContain('Use this partial snapshot?')
    // there is no previous snapshot to keep
    expect(byText(prompt, 'button', 'Keep the previous snapshot')).toBeUndefined()
    const errors = container.querySelector('.collect__errors')!.textContent
    expect(errors).toContain(
      'Entra ID · Sign-in logs: the app registration lacks the Graph application permission',
    )
    expect(errors).toContain('(HTTP 403, Authorization_RequestDenied)')
    expect(await currentSnapshot(db, WS)).toBeUndefined()
    expect(rowText('entra.signIns')).toContain('Not collected')

    // the window reloads: the decision is still asked
    await unmount()
    await mount()
    const again = await waitFor(
      () => container.querySelector('[role="alertdialog"]'),
      'the partial prompt after a reload',
    )
    expect(container.querySelector('.collect__errors')?.textContent).toContain('Sign-in logs')
    await click(byText(again as HTMLElement, 'button', 'Use the partial snapshot')!)
    await waitFor(() => byText(container, '.collect__next', 'Diagnosis found'), 'the diagnosis')
    const current = await currentSnapshot(db, WS)
    expect(current).toMatchObject({
      status: 'partial',
      counts: { 'entra.users': 2 },
      pendingDecision: false,
    })
    expect(container.textContent).toContain('It is now the current snapshot.')
  })

  it('keeping the previous snapshot is offered when there is one; discarding deletes the partial', async () => {
    const previous = await importSnapshot(db, WS, tenantPair(), 'imported', '2026-11-20T09:00:00Z')
    await startRun()
    await event(batch('okta', 'users', [{ id: '00u1' }]))
    await finish({
      outcome: 'partial',
      collection: collection([{ ...SIGN_INS_DENIED, source: 'okta', resource: 'logs' }]),
      resources: { 'okta.users': 1 },
    })
    const prompt = await waitFor(
      () => container.querySelector('[role="alertdialog"]'),
      'the partial prompt',
    )
    expect(byText(prompt, 'button', 'Keep the previous snapshot')).toBeDefined()
    const chunksBefore = await db.chunks.count()
    await click(byText(prompt as HTMLElement, 'button', 'Discard it')!)
    await waitFor(() => container.textContent?.includes('It was discarded.'), 'the decision')
    expect((await currentSnapshot(db, WS))?.id).toBe(previous.id)
    expect(await db.snapshots.where('workspaceId').equals(WS).count()).toBe(1)
    expect(await db.chunks.count()).toBe(chunksBefore - 1)
    expect(services.diagnosed).toEqual([])
  })

  it('a reload during a run reattaches to it and loses nothing collected meanwhile', async () => {
    await startRun()
    await event(batch('entra', 'users', users(3)))
    await event(progress('entra', 'users', 3, { pages: 1 }))
    await waitFor(() => cell('entra.users') === '3', 'the first page')
    await unmount()
    // while the window reloads the run goes on; nobody is listening
    await event(batch('entra', 'users', users(4, 3)), RUN, false)
    await event(progress('entra', 'users', 7, { pages: 2 }), RUN, false)
    await event(batch('okta', 'users', [{ id: '00u1' }]), RUN, false)
    await mount()
    await waitFor(() => cell('entra.users') === '7', 'the progress of the reattached run')
    expect(phase()).toBe('running')
    await event(batch('entra', 'groups', [{ id: 'g1' }]))
    await finish({
      outcome: 'complete',
      collection: collection(),
      resources: { 'entra.users': 7, 'okta.users': 1, 'entra.groups': 1 },
    })
    await waitFor(() => byText(container, '.collect__next', 'Diagnosis found'), 'the diagnosis')
    const current = await currentSnapshot(db, WS)
    expect(current?.counts).toEqual({ 'entra.users': 7, 'okta.users': 1, 'entra.groups': 1 })
    const stored = await loadSnapshot(db, current!.id)
    expect(stored.entra?.users?.map((u) => u.id)).toEqual(users(7).map((u) => u.id))
    expect(await db.snapshots.where('workspaceId').equals(WS).count()).toBe(1)
  })

  it('a run that ended while the window was away is stored when it comes back', async () => {
    await startRun()
    await event(batch('okta', 'users', [{ id: '00u1' }]))
    await unmount()
    await event(batch('okta', 'users', [{ id: '00u2' }]), RUN, false)
    await finish(
      { outcome: 'complete', collection: collection(), resources: { 'okta.users': 2 } },
      RUN,
      false,
    )
    await mount()
    await waitFor(() => byText(container, '.collect__next', 'Diagnosis found'), 'the diagnosis')
    expect((await currentSnapshot(db, WS))?.counts).toEqual({ 'okta.users': 2 })
    expect(host.released).toEqual([RUN])
  })

  it('records of a resource that failed after some pages are not kept as if collected', async () => {
    await startRun()
    await event(batch('entra', 'users', users(2)))
    await event(batch('entra', 'groups', [{ id: 'g1' }]))
    await finish({
      outcome: 'partial',
      collection: collection([{ ...SIGN_INS_DENIED, resource: 'groups', status: 500 }]),
      resources: { 'entra.users': 2, 'okta.logs': 0 },
    })
    await waitFor(() => container.querySelector('[role="alertdialog"]'), 'the partial prompt')
    const row = (await db.snapshots.where('workspaceId').equals(WS).first())!
    expect(row.counts).toEqual({ 'entra.users': 2, 'okta.logs': 0 })
    const stored = await loadSnapshot(db, row.id)
    expect(stored.entra?.groups).toBeUndefined()
    expect(stored.okta?.logs).toEqual([])
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
    const items = container.querySelectorAll('.collect__errors li')
    expect(items).toHaveLength(1)
    expect(items[0]?.textContent).toContain('× 4')
    expect(items[0]?.textContent).toContain(
      'Okta · Users, Groups and 2 more: the credential was refused',
    )
  })

  it('cancel asks the host to stop; a cancelled run is discarded and the last good snapshot stays current', async () => {
    const previous = await importSnapshot(db, WS, tenantPair(), 'imported', '2026-11-20T09:00:00Z')
    const chunksBefore = await db.chunks.count()
    await startRun()
    await event(batch('entra', 'groups', [{ id: 'g1' }]))
    await click(byText(container, 'button', 'Cancel')!)
    expect(api.calls.find((c) => c.channel === 'collect:cancel')?.input).toEqual({ runId: RUN })
    await finish({
      outcome: 'cancelled',
      message: 'The collection was cancelled; the last complete snapshot stays current.',
    })
    await waitFor(() => byText(container, 'button', 'Collect again'), 'the end of the run')
    expect(container.textContent).toContain('Collection cancelled.')
    expect((await currentSnapshot(db, WS))?.id).toBe(previous.id)
    const rows = await db.snapshots.where('workspaceId').equals(WS).toArray()
    expect(rows.map((r) => r.status).sort()).toEqual(['cancelled', 'complete'])
    // the cancelled run's record chunks are gone; the previous snapshot's are intact
    expect(await db.chunks.count()).toBe(chunksBefore)
  })

  it('attaches to a run another window started', async () => {
    const other = '5e0c1d2b-2222-4aaa-8bbb-000000000009'
    host.nextRunIds.push(other)
    await act(async () => {
      await api.invoke('collect:start', { workspaceId: WS })
    })
    await event(progress('okta', 'groups', 7), other)
    await waitFor(() => cell('okta.groups') === '7', 'the observed progress')
    expect(phase()).toBe('running')
  })

  it('Collect is disabled, with the reason and the way there, until a connection exists', async () => {
    await unmount()
    host.saved = false
    await mount()
    await waitFor(() => container.textContent?.includes('no saved connection yet'), 'the reason')
    const button = byText(container, 'button', 'Start collection')!
    expect(button.hasAttribute('disabled') || button.getAttribute('data-disabled')).toBeTruthy()
    expect(container.querySelector(`a[href="/w/${WS}/connect"]`)).not.toBeNull()
    await settle()
  })
})
