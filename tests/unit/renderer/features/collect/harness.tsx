/**
 * The Collect screen under test: a fresh cache, a fake host that journals its runs (see
 * fake-collect-host.ts) and the screen, for every test; and the steps tests take.
 */
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { RouterProvider, createMemoryRouter } from 'react-router'
import { afterEach, beforeEach } from 'vitest'
import type { CollectFinished } from '../../../../../src/shared/ipc/collect'
import type { CollectEvent } from '../../../../../src/shared/model/collect-events'
import type { CollectionInfo } from '../../../../../src/shared/model/snapshot'
import type { CrosswalkDb } from '../../../../../src/renderer/src/db'
import { CollectScreen } from '../../../../../src/renderer/src/features/collect/collect-screen'
import { disposeCollectRuns } from '../../../../../src/renderer/src/features/collect/use-collect-run'
import { createFakeApi, installFakeApi, type FakeApi } from '../../helpers/fake-api'
import { installFakeCollectHost, type FakeCollectHost } from '../../helpers/fake-collect-host'
import { byText, click, openTestDb, testServices, waitFor } from '../helpers'

export const WS = '7d1f1c2e-1111-4aaa-8bbb-000000000001'
export const RUN = '5e0c1d2b-2222-4aaa-8bbb-000000000002'
export const TENANT = '9f3c2a1b-0000-4000-8000-00000000aaaa'
export const ORG = 'https://contoso.okta.com'

export const users = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    id: `u${from + i}`,
    userPrincipalName: `user${from + i}@contoso.com`,
  }))

export const progress = (
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
export const batch = (
  source: 'entra' | 'okta',
  resource: string,
  records: Record<string, unknown>[],
): CollectEvent => ({ type: 'batch', source, resource, records })

export function collection(errors: CollectionInfo['errors'] = []): CollectionInfo {
  return {
    startedAt: '2026-11-21T08:59:00.000Z',
    finishedAt: '2026-11-21T09:00:00.000Z',
    complete: errors.length === 0,
    errors,
    grantedPermissions: { entra: ['User.Read.All'], okta: ['okta.users.read'] },
    cursors: {},
  }
}

export const SIGN_INS_DENIED = {
  source: 'entra' as const,
  resource: 'signIns',
  status: 403,
  code: 'Authorization_RequestDenied',
  message: 'Insufficient privileges to complete the operation.',
}

export type Ending = Omit<CollectFinished, 'runId' | 'workspaceId' | 'events'>

/** What each test works with; set up afresh before each test by `useCollectScreen`. */
export const ctx = {} as {
  api: FakeApi
  host: FakeCollectHost
  db: CrosswalkDb
  services: ReturnType<typeof testServices>
  container: HTMLElement
}
let root: Root | undefined

/** Renders the Collect screen, as opening the window does. */
export async function mount() {
  const router = createMemoryRouter(
    [
      { path: '/w/:workspaceId/collect', element: <CollectScreen services={ctx.services} /> },
      { path: '*', element: <p>elsewhere</p> },
    ],
    { initialEntries: [`/w/${WS}/collect`] },
  )
  ctx.container = document.createElement('div')
  document.body.append(ctx.container)
  const r = createRoot(ctx.container)
  root = r
  await act(async () => r.render(<RouterProvider router={router} />))
}

/** What a reload does to this window: every handle and the screen are gone, the cache stays. */
export async function unmount() {
  const r = root
  root = undefined
  if (r) await act(async () => r.unmount())
  ctx.container.remove()
  disposeCollectRuns()
}

/** Registers the hooks: a fresh cache, host and Collect screen for every test. */
export function useCollectScreen(): void {
  beforeEach(async () => {
    disposeCollectRuns()
    ctx.db = await openTestDb()
    ctx.services = testServices(ctx.db, () => [])
    ctx.api = createFakeApi()
    ctx.host = installFakeCollectHost(ctx.api, {
      entra: { tenantId: 'contoso.onmicrosoft.com', cloud: 'global' },
      okta: { orgUrl: ORG },
    })
    installFakeApi(ctx.api)
    await mount()
  })

  afterEach(async () => {
    await unmount()
    ctx.db.close()
  })
}

export const cell = (resource: string) =>
  ctx.container.querySelector(`tr[data-resource="${resource}"] [data-column="records"]`)
    ?.textContent
export const rowText = (resource: string) =>
  ctx.container.querySelector(`tr[data-resource="${resource}"]`)?.textContent ?? ''
export const phase = () =>
  ctx.container.querySelector('section.collect')?.getAttribute('data-run-phase')
export const settle = () => act(async () => new Promise((r) => setTimeout(r, 20)))

export async function startRun(runId = RUN, label = 'Start collection') {
  ctx.host.nextRunIds.push(runId)
  const button = await waitFor(
    () => byText(ctx.container, 'button:not([disabled])', label),
    `the ${label} button`,
  )
  await click(button)
  await waitFor(() => byText(ctx.container, 'button', 'Cancel'), 'the running state')
}

export const event = async (e: CollectEvent, runId = RUN, live = true) =>
  act(async () => ctx.host.event(runId, e, { live }))
export const finish = async (ending: Ending, runId = RUN, live = true) =>
  act(async () => ctx.host.finish(runId, ending, { live }))
