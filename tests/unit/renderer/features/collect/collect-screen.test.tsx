import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { RouterProvider, createMemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CollectFinished } from '../../../../../src/shared/ipc/collect'
import type { CollectionInfo } from '../../../../../src/shared/model/snapshot'
import {
  currentSnapshot,
  importSnapshot,
  type CrosswalkDb,
} from '../../../../../src/renderer/src/db'
import { CollectScreen } from '../../../../../src/renderer/src/features/collect/collect-screen'
import { disposeCollectRuns } from '../../../../../src/renderer/src/features/collect/use-collect-run'
import { createFakeApi, installFakeApi, type FakeApi } from '../../helpers/fake-api'
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
  extra: object = {},
) => ({
  runId: RUN,
  workspaceId: WS,
  event: {
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
  },
})
const batch = (source: 'entra' | 'okta', resource: string, records: object[], key?: string) => ({
  runId: RUN,
  workspaceId: WS,
  event: { type: 'batch', source, resource, records, ...(key ? { key } : {}) },
})

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

function finished(
  outcome: CollectFinished['outcome'],
  extra: Partial<CollectFinished> = {},
): CollectFinished {
  return { runId: RUN, workspaceId: WS, outcome, ...extra }
}

let api: FakeApi
let nextRunId = RUN
let db: CrosswalkDb
let services: ReturnType<typeof testServices>
let container: HTMLElement
let root: Root

beforeEach(async () => {
  disposeCollectRuns()
  db = await openTestDb()
  services = testServices(db, () => [])
  api = createFakeApi()
  const inner = api.invoke
  nextRunId = RUN
  api.invoke = async (channel, input) => {
    if (channel === 'collect:start') {
      const failure = await inner(channel, input)
      if ((failure as { error?: { code?: string } }).error?.code !== 'unknown-channel')
        return failure
      const runId = nextRunId
      // the host's events may overtake its reply
      api.emit('collect:event', { ...progress('entra', 'users', 0), runId })
      api.emit('collect:event', { ...batch('entra', 'users', users(2)), runId })
      return {
        ok: true,
        value: {
          runId,
          tool: { name: 'crosswalk', version: '0.1.0' },
          entra: { tenantId: 'contoso.onmicrosoft.com', cloud: 'global' },
          okta: { orgUrl: ORG },
        },
      }
    }
    if (channel === 'collect:cancel') {
      api.calls.push({ channel, input })
      return { ok: true, value: { cancelled: true } }
    }
    return inner(channel, input)
  }
  installFakeApi(api)
  const router = createMemoryRouter(
    [
      { path: '/w/:workspaceId/collect', element: <CollectScreen services={services} /> },
      { path: '*', element: <p>elsewhere</p> },
    ],
    { initialEntries: [`/w/${WS}/collect`] },
  )
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  await act(async () => root.render(<RouterProvider router={router} />))
})

afterEach(async () => {
  await act(async () => root.unmount())
  container.remove()
  disposeCollectRuns()
  db.close()
})

const cell = (resource: string) =>
  container.querySelector(`tr[data-resource="${resource}"] [data-column="records"]`)?.textContent
const emit = async (channel: string, payload: unknown) =>
  act(async () => api.emit(channel, payload))

async function startRun() {
  await click(byText(container, 'button', 'Start collection')!)
  await waitFor(() => byText(container, 'button', 'Cancel'), 'the running state')
}

describe('Collect screen', () => {
  it('shows live progress per resource and stores a complete run as the current snapshot', async () => {
    await startRun()
    // every resource of both sides has a row from the start
    expect(container.querySelectorAll('tbody tr')).toHaveLength(23)
    expect(byText(container, 'tr', 'Sign-in logs')?.textContent).toContain('Waiting')
    await emit('collect:event', progress('entra', 'users', 2))
    expect(cell('entra.users')).toBe('2')
    await emit('collect:event', batch('entra', 'users', users(3, 2)))
    await emit(
      'collect:event',
      progress('entra', 'users', 5, { pages: 2, throttleWaits: 1, retries: 2, etaMs: 65_000 }),
    )
    const row = container.querySelector('tr[data-resource="entra.users"]')!
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '5',
      '2',
      '1',
      '2',
      '0',
      'about 1 min 5 s left',
    ])
    await emit(
      'collect:event',
      batch('okta', 'users', [{ id: '00u1', profile: { login: 'a@contoso.com' } }]),
    )

    await emit(
      'collect:finished',
      finished('complete', {
        collectedAt: '2026-11-21T09:00:00.000Z',
        collection: collection(),
        // the token names the tenant by its GUID, the connection by its domain
        entra: { tenantId: TENANT, cloud: 'global' },
      }),
    )
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
    expect(current?.counts).toEqual({ 'entra.users': 5, 'okta.users': 1 })
    expect(services.diagnosed).toEqual([current?.id])
    expect(container.querySelector('a[href$="/overview"]')).not.toBeNull()
    expect(byText(container, 'tr', 'Sign-in logs')?.textContent).toContain('Done')
  })

  it('asks before using a partial snapshot, and explains what could not be collected', async () => {
    await startRun()
    await emit(
      'collect:finished',
      finished('partial', {
        collectedAt: '2026-11-21T09:00:00.000Z',
        collection: collection([
          {
            source: 'entra',
            resource: 'signIns',
            status: 403,
            code: 'Authorization_RequestDenied',
            message: 'Insufficient privileges to complete the operation.',
          },
        ]),
      }),
    )
    const prompt = await waitFor(
      () => container.querySelector('[role="alertdialog"]'),
      'the partial prompt',
    )
    expect(prompt.textContent).toContain('Use this partial snapshot?')
    const errors = container.querySelector('.collect__errors')!.textContent
    expect(errors).toContain(
      'Entra ID · Sign-in logs: the app registration lacks the Graph application permission',
    )
    expect(errors).toContain('(HTTP 403, Authorization_RequestDenied)')
    expect(await currentSnapshot(db, WS)).toBeUndefined()
    expect(byText(container, 'tr', 'Sign-in logs')?.textContent).toContain('Not collected')

    await click(byText(prompt as HTMLElement, 'button', 'Use the partial snapshot')!)
    await waitFor(() => byText(container, '.collect__next', 'Diagnosis found'), 'the diagnosis')
    const current = await currentSnapshot(db, WS)
    expect(current).toMatchObject({ status: 'partial', counts: { 'entra.users': 2 } })
    expect(container.textContent).toContain('It is now the current snapshot.')
  })

  it('declining a partial snapshot keeps the previous one current', async () => {
    await startRun()
    await emit(
      'collect:finished',
      finished('partial', {
        collection: collection([
          {
            source: 'okta',
            resource: 'logs',
            status: 0,
            code: 'ECONNRESET',
            message: 'socket hang up',
          },
        ]),
      }),
    )
    const prompt = await waitFor(
      () => container.querySelector('[role="alertdialog"]'),
      'the partial prompt',
    )
    await click(byText(prompt as HTMLElement, 'button', 'Keep the previous snapshot')!)
    await waitFor(
      () => container.textContent?.includes('the previous snapshot stays current'),
      'the decision',
    )
    expect(await currentSnapshot(db, WS)).toBeUndefined()
    expect(services.diagnosed).toEqual([])
  })

  it('cancel asks the host to stop; a cancelled run is discarded and the last good snapshot stays current', async () => {
    const previous = await importSnapshot(
      db,
      WS,
      tenantPair(),
      'imported',
      '2026-11-20T09:00:00.000Z',
    )
    const chunksBefore = await db.chunks.count()
    await startRun()
    await emit('collect:event', batch('entra', 'groups', [{ id: 'g1' }]))
    await click(byText(container, 'button', 'Cancel')!)
    expect(api.calls.find((c) => c.channel === 'collect:cancel')?.input).toEqual({ runId: RUN })
    await emit(
      'collect:finished',
      finished('cancelled', {
        message: 'The collection was cancelled; the last complete snapshot stays current.',
      }),
    )
    await waitFor(() => byText(container, 'button', 'Collect again'), 'the end of the run')
    expect(container.textContent).toContain('Collection cancelled.')
    expect((await currentSnapshot(db, WS))?.id).toBe(previous.id)
    const rows = await db.snapshots.where('workspaceId').equals(WS).toArray()
    expect(rows.map((r) => r.status).sort()).toEqual(['cancelled', 'complete'])
    // the cancelled run's record chunks are gone; the previous snapshot's are intact
    expect(await db.chunks.count()).toBe(chunksBefore)
  })

  it('runs three collections in a row from one screen, each to its own current snapshot', async () => {
    const ids: string[] = []
    for (let round = 1; round <= 3; round++) {
      const runId = `5e0c1d2b-2222-4aaa-8bbb-00000000010${round}`
      nextRunId = runId
      const label = round === 1 ? 'Start collection' : 'Collect again'
      await click(byText(container, 'button', label)!)
      await waitFor(() => byText(container, 'button', 'Cancel'), `run ${round} running`)
      await emit('collect:event', { ...batch('okta', 'users', [{ id: `00u${round}` }]), runId })
      await emit('collect:finished', {
        ...finished('complete', {
          collectedAt: `2026-11-21T09:0${round}:00.000Z`,
          collection: collection(),
        }),
        runId,
      })
      await waitFor(
        () => byText(container, '.collect__next', 'Diagnosis found'),
        `run ${round} stored and diagnosed`,
      )
      expect(container.querySelector('section.collect')?.getAttribute('data-run-phase')).toBe(
        'done',
      )
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
    await click(byText(container, 'button', 'Collect again')!)
    await waitFor(() => byText(container, 'button', 'Cancel'), 'the running state')
    expect(container.textContent).not.toContain('no saved connection yet')
    await emit('collect:finished', finished('complete', { collection: collection() }))
    await waitFor(() => byText(container, '.collect__next', 'Diagnosis found'), 'the diagnosis')
    expect(container.textContent).not.toContain('no saved connection yet')
  })

  it('follows a run another window started without writing it', async () => {
    await emit('collect:event', {
      ...progress('okta', 'groups', 7),
      runId: '5e0c1d2b-2222-4aaa-8bbb-000000000009',
    })
    await waitFor(() => cell('okta.groups') === '7', 'the observed progress')
    expect(container.textContent).toContain('started in another window')
    await emit('collect:event', {
      ...batch('okta', 'groups', [{ id: '00g1' }]),
      runId: '5e0c1d2b-2222-4aaa-8bbb-000000000009',
    })
    expect(await db.snapshots.count()).toBe(0)
  })
})
