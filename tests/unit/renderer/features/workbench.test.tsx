import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { Outlet, RouterProvider, createMemoryRouter } from 'react-router'
import { afterEach, describe, expect, it } from 'vitest'
import { AppDataProvider } from '../../../../src/renderer/src/app-data'
import { DB_NAME } from '../../../../src/renderer/src/db'
import {
  WORKBENCH_ROUTES,
  WORKBENCH_SCREENS,
  WorkbenchNav,
  workbenchScreenLabel,
} from '../../../../src/renderer/src/features/workbench/workbench-routes'
import { createFakeApi, installFakeApi, workspace } from '../helpers/fake-api'
import { press } from '../helpers/dom'
import { byText, waitFor } from './helpers'

let cleanup: (() => Promise<void>) | undefined

afterEach(async () => {
  await cleanup?.()
  cleanup = undefined
  installFakeApi(undefined)
  indexedDB.deleteDatabase(DB_NAME)
})

/** The app's own mounting: the workbench routes under the root, the nav in the sidebar. */
async function renderApp(path: string, api: ReturnType<typeof createFakeApi>) {
  installFakeApi(api)
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <>
            <nav aria-label="Main">
              <WorkbenchNav />
            </nav>
            <main>
              <Outlet />
            </main>
          </>
        ),
        children: [...WORKBENCH_ROUTES, { path: 'workspaces', element: <h1>Workspaces</h1> }],
      },
    ],
    { initialEntries: [path] },
  )
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  await act(async () =>
    root.render(
      <AppDataProvider>
        <RouterProvider router={router} />
      </AppDataProvider>,
    ),
  )
  cleanup = async () => {
    await act(async () => root.unmount())
    container.remove()
  }
  return { container, router }
}

describe('Workbench routes and navigation', () => {
  it('opens a workspace at its overview and lists its screens in the sidebar', async () => {
    const ws = workspace('Contoso')
    const { container, router } = await renderApp(`/w/${ws.id}`, createFakeApi([ws]))
    await waitFor(() => byText(container, '.empty', 'no snapshot yet'), 'the empty overview')
    expect(router.state.location.pathname).toBe(`/w/${ws.id}/overview`)
    const nav = container.querySelector('nav[aria-label="Main"]')!
    expect(nav.textContent).toContain('Contoso')
    expect(
      [...nav.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Overview', `/w/${ws.id}/overview`],
      ['Findings', `/w/${ws.id}/findings`],
      ['People', `/w/${ws.id}/people`],
      ['Groups', `/w/${ws.id}/groups`],
      ['Integration', `/w/${ws.id}/integration`],
      ['Charts', `/w/${ws.id}/charts`],
      ['Inspector', `/w/${ws.id}/inspector`],
      ['Connect', `/w/${ws.id}/connect`],
      ['Collect', `/w/${ws.id}/collect`],
      ['Snapshots', `/w/${ws.id}/snapshots`],
      ['History', `/w/${ws.id}/history`],
      ['Documents', `/w/${ws.id}/documents`],
    ])
    expect(nav.querySelector('a[aria-current="page"]')?.textContent).toBe('Overview')
  })

  it('opens each screen with g and its letter', async () => {
    const ws = workspace('Contoso')
    const { container, router } = await renderApp(`/w/${ws.id}`, createFakeApi([ws]))
    await waitFor(() => byText(container, '.empty', 'no snapshot yet'), 'the empty overview')
    for (const screen of WORKBENCH_SCREENS) {
      await press('g', document.body)
      await press(screen.shortcut, document.body)
      expect(router.state.location.pathname).toBe(`/w/${ws.id}/${screen.path}`)
    }
  })

  it('re-reads the workspace list once before saying a workspace does not exist', async () => {
    const api = createFakeApi([workspace('Contoso')])
    const { container } = await renderApp('/w/00000000-0000-4000-8000-00000000dead/overview', api)
    await waitFor(() => byText(container, 'h1', 'Workspace not found'), 'the not-found state')
    expect(api.calls.filter((c) => c.channel === 'workspaces:list')).toHaveLength(2)
    expect(container.querySelector('nav')?.textContent).toContain('Workspace')
  })

  it('names workspace screens for error panels', () => {
    expect(workbenchScreenLabel('/w/abc/findings/x:1')).toBe('Findings')
    expect(workbenchScreenLabel('/w/abc/snapshots')).toBe('Snapshots')
    expect(workbenchScreenLabel('/workspaces')).toBeUndefined()
  })
})
