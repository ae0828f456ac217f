import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../../../../src/renderer/src/app'
import { click, render, typeInto, waitFor, press, type Rendered } from '../../helpers/dom'
import { createFakeApi, installFakeApi, workspace, type FakeApi } from '../../helpers/fake-api'
import {
  getDb,
  importSnapshot,
  removeWorkspaceData,
  saveFindings,
} from '../../../../../src/renderer/src/db'
import { RULE_SET } from '../../../../../src/renderer/src/workers/run-diagnosis'
import { FIXTURE_FINDINGS } from '../fixture-findings'
import { tenantPair } from '../helpers'

let api: FakeApi
let view: Rendered

const appState = () =>
  view.container.querySelector('[data-app-state]')?.getAttribute('data-app-state')
const rowNames = () =>
  [...document.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent)
const button = (name: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  )
const dialog = () => document.querySelector<HTMLElement>('[role="dialog"], [role="alertdialog"]')
const nameInput = () => dialog()?.querySelector<HTMLInputElement>('input')

async function start(initial = [workspace('Contoso'), workspace('Adatum')]) {
  api = createFakeApi(initial)
  installFakeApi(api)
  view = await render(<App />)
  await waitFor(() => appState() === 'ready')
}

beforeEach(() => {
  window.location.hash = '#/workspaces'
  window.localStorage.clear()
})
afterEach(() => {
  view.unmount()
  document.body.innerHTML = ''
})

describe('Workspaces screen', () => {
  it('goes from loading to ready and lists workspaces by name', async () => {
    api = createFakeApi([workspace('Contoso'), workspace('Adatum')])
    installFakeApi(api)
    view = await render(<App />)
    expect(['loading', 'ready']).toContain(appState())
    await waitFor(() => appState() === 'ready')
    expect(rowNames()).toEqual(['Adatum', 'Contoso'])
    // the start reads the app, the workspaces, and the collection runs the host still holds
    expect([...new Set(api.calls.map((c) => c.channel))].sort()).toEqual([
      'app:info',
      'collect:runs',
      'workspaces:list',
    ])
  })

  it('each row shows the tenant and org, the last snapshot with its age, and its health', async () => {
    const contoso = workspace('Contoso')
    const db = await getDb()
    try {
      const row = await importSnapshot(
        db,
        contoso.id,
        tenantPair(),
        'imported',
        '2026-11-20T12:05:00Z',
      )
      await saveFindings(db, row.id, FIXTURE_FINDINGS)
      await db.snapshots.update(row.id, {
        diagnosis: { at: '2026-11-20T12:06:00Z', findings: 4, rules: RULE_SET },
      })
      await start([contoso, workspace('Adatum')])
      const tr = await waitFor(
        () =>
          document.querySelector<HTMLElement>(
            `tr[data-workspace-id="${contoso.id}"]:has(.ws-health)`,
          ),
        'the glance',
      )
      const text = tr.textContent ?? ''
      expect(text).toContain(tenantPair().entra!.tenantId)
      expect(text).toContain('https://contoso.okta.com')
      expect(text).toContain('2026-11-20 12:00')
      expect(text).toMatch(/days ago · complete/)
      expect([...tr.querySelectorAll('.ws-health .chip')].map((c) => c.textContent)).toEqual([
        '2 Critical',
        '1 High',
      ])
      const adatum = document.querySelector(`tbody tr:not([data-workspace-id="${contoso.id}"])`)
      expect(adatum?.textContent).toContain('None yet')
    } finally {
      await removeWorkspaceData(db, contoso.id)
    }
  })

  it('shows the error state when the first load fails', async () => {
    api = createFakeApi()
    api.failNext('workspaces:list', {
      ok: false,
      error: { code: 'internal', message: 'Disk on fire.' },
    })
    installFakeApi(api)
    view = await render(<App />)
    await waitFor(() => appState() === 'error')
    expect(document.body.textContent).toContain('Disk on fire.')
    expect(button('Reload')).toBeDefined()
  })

  it('creates a workspace, showing validation and conflict messages first', async () => {
    await start()
    await click(button('New workspace'))
    expect(dialog()?.textContent).toContain('New workspace')

    await click(button('Create'))
    await waitFor(() => dialog()?.textContent?.includes('Give the workspace a name.'))
    expect(api.calls.some((c) => c.channel === 'workspaces:create')).toBe(false)

    await typeInto(nameInput() as HTMLInputElement, 'contoso')
    await click(button('Create'))
    await waitFor(() =>
      dialog()?.textContent?.includes('A workspace named "Contoso" already exists.'),
    )

    await typeInto(nameInput() as HTMLInputElement, 'Fabrikam')
    await click(button('Create'))
    await waitFor(() => !dialog())
    // the new workspace opens at once, and its empty screen leads to Connect → Test → Collect
    const created = api.workspaces.find((w) => w.name === 'Fabrikam')!
    await waitFor(() => window.location.hash === `#/w/${created.id}/overview`, 'the new workspace')
    const leads = await waitFor(() => document.querySelector('.wb-start'), 'the way to start')
    expect(
      [...leads.querySelectorAll('a')].map((a) => a.getAttribute('href')?.split('/').pop()),
    ).toEqual(['connect', 'collect', 'snapshots'])
    window.location.hash = '#/workspaces'
    await waitFor(() => rowNames().length === 3, 'the list')
    expect(rowNames()).toEqual(['Adatum', 'Contoso', 'Fabrikam'])
  })

  it('renames a workspace through its dialog', async () => {
    await start()
    await click(button('Rename Contoso'))
    expect(nameInput()?.value).toBe('Contoso')
    await typeInto(nameInput() as HTMLInputElement, 'Contoso EU')
    await click(button('Rename'))
    await waitFor(() => !dialog())
    expect(rowNames()).toEqual(['Adatum', 'Contoso EU'])
  })

  it('removes only after a confirmation that names the workspace', async () => {
    await start()
    await click(button('Remove Adatum'))
    const confirm = dialog()
    expect(confirm?.getAttribute('role')).toBe('alertdialog')
    expect(confirm?.textContent).toContain('Remove Adatum?')
    await click(button('Cancel'))
    await waitFor(() => !dialog())
    expect(rowNames()).toEqual(['Adatum', 'Contoso'])

    await click(button('Remove Adatum'))
    await click(
      [...(dialog()?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Remove'),
    )
    await waitFor(() => !dialog())
    expect(rowNames()).toEqual(['Contoso'])
  })

  it('shows a host failure inside the remove dialog', async () => {
    await start()
    api.failNext('workspaces:remove', {
      ok: false,
      error: { code: 'not-found', message: 'That workspace no longer exists.' },
    })
    await click(button('Remove Adatum'))
    await click(
      [...(dialog()?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Remove'),
    )
    await waitFor(() => dialog()?.textContent?.includes('That workspace no longer exists.'))
  })

  it('follows workspaces:changed events and unsubscribes on unmount', async () => {
    await start([])
    expect(document.body.textContent).toContain('No workspaces yet.')
    await waitFor(() => api.listenerCount() === 1)
    api.emit('workspaces:changed', { workspaces: [workspace('Northwind')] })
    await waitFor(() => rowNames().length === 1)
    expect(rowNames()).toEqual(['Northwind'])
    api.emit('workspaces:changed', { workspaces: [{ name: 'no id' }] })
    expect(rowNames()).toEqual(['Northwind'])
    view.unmount()
    expect(api.listenerCount()).toBe(0)
    view = await render(<div />)
  })

  it('opens the create dialog with the n shortcut', async () => {
    await start()
    await press('n', document.body)
    await waitFor(() => dialog()?.textContent?.includes('New workspace'))
  })
})
