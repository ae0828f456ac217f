import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../../../../src/renderer/src/app'
import { click, render, typeInto, waitFor, press, type Rendered } from '../../helpers/dom'
import { createFakeApi, installFakeApi, workspace, type FakeApi } from '../../helpers/fake-api'

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
