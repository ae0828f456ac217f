import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../../../src/renderer/src/app'
import { screenKey } from '../../../../src/renderer/src/components/app-shell'
import { ErrorBoundary } from '../../../../src/renderer/src/components/error-boundary'
import { SHORTCUTS } from '../../../../src/renderer/src/components/shortcuts-dialog'
import { THEME_STORAGE_KEY } from '../../../../src/renderer/src/theme'
import { click, press, render, waitFor, type Rendered } from '../helpers/dom'
import { WORKBENCH_SCREENS } from '../../../../src/renderer/src/features/workbench/workbench-routes-meta'
import { createFakeApi, installFakeApi, workspace } from '../helpers/fake-api'

let view: Rendered | undefined
const button = (name: RegExp) =>
  [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    name.test(b.getAttribute('aria-label') ?? b.textContent ?? ''),
  )

async function start(hash = '#/workspaces') {
  window.location.hash = hash
  installFakeApi(createFakeApi())
  const shown = await render(<App />)
  view = shown
  await waitFor(() => shown.container.querySelector('[data-app-state="ready"]'))
}

beforeEach(() => {
  window.localStorage.clear()
  delete document.documentElement.dataset.theme
})
afterEach(() => {
  view?.unmount()
  document.body.innerHTML = ''
})

describe('app shell', () => {
  it('keeps a screen mounted while its own path changes (opening a finding), not across screens', () => {
    expect(screenKey('/w/abc/findings/f%3A1')).toBe(screenKey('/w/abc/findings'))
    expect(screenKey('/w/abc/findings')).not.toBe(screenKey('/w/abc/overview'))
    expect(screenKey('/w/abc/findings')).not.toBe(screenKey('/w/xyz/findings'))
    expect(screenKey('/workspaces')).not.toBe(screenKey('/about'))
  })

  it('links only to screens that exist, with a skip link to the main content', async () => {
    await start()
    const nav = document.querySelector('nav[aria-label="Main"]')
    expect(
      [...(nav?.querySelectorAll('a') ?? [])].map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Workspaces', '#/workspaces'],
      ['About', '#/about'],
    ])
    const skip = document.querySelector<HTMLAnchorElement>('a.skip-link')
    expect(skip?.textContent).toBe('Skip to content')
    await click(skip)
    expect(document.activeElement?.id).toBe('main-content')
  })

  it('shows app:info on the About screen', async () => {
    await start('#/about')
    expect(document.querySelector('h1')?.textContent).toBe('About Crosswalk')
    expect(document.body.textContent).toContain('0.1.0')
    expect(document.body.textContent).toContain('/data')
  })

  it('opens the shortcuts dialog with ? and lists the shortcuts', async () => {
    await start()
    await press('?', document.body)
    const dialog = await waitFor(() => document.querySelector('[role="dialog"]'))
    expect(dialog.textContent).toContain('Keyboard shortcuts')
    expect(dialog.textContent).toContain('New workspace')
  })

  it('gives every screen its own g sequence', () => {
    const sequences = SHORTCUTS.filter((s) => s.keys[0] === 'g').map((s) => s.keys.join(' '))
    expect(sequences.length).toBeGreaterThan(10)
    expect(new Set(sequences).size).toBe(sequences.length)
  })

  it('opens each workspace screen with g and its letter, and runs no one-key shortcut with it', async () => {
    const ws = workspace('Contoso')
    window.location.hash = `#/w/${ws.id}/overview`
    installFakeApi(createFakeApi([ws]))
    view = await render(<App />)
    await waitFor(() => view?.container.querySelector('[data-app-state="ready"]'))
    const theme = document.documentElement.dataset.theme
    for (const screen of WORKBENCH_SCREENS) {
      await press('g', document.body)
      await press(screen.shortcut, document.body)
      await waitFor(
        () => window.location.hash.endsWith(`/${screen.path}`) || undefined,
        screen.label,
      )
      expect(document.documentElement.dataset.theme, screen.label).toBe(theme)
      expect(document.querySelector('[role="dialog"]'), screen.label).toBeNull()
    }
  })

  it('navigates with the g a shortcut', async () => {
    await start()
    await press('g', document.body)
    await press('a', document.body)
    await waitFor(() => document.querySelector('h1')?.textContent === 'About Crosswalk')
  })

  it('toggles the theme, applies it to <html> and remembers it', async () => {
    await start()
    await click(button(/Switch to dark theme/))
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark')
    await press('t', document.body)
    expect(document.documentElement.dataset.theme).toBe('light')
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('light')
  })

  it('follows the system theme until the user picks one', async () => {
    const listeners = new Set<() => void>()
    const query = {
      matches: false,
      addEventListener: (_: string, l: () => void) => listeners.add(l),
      removeEventListener: (_: string, l: () => void) => listeners.delete(l),
    }
    Object.defineProperty(window, 'matchMedia', { value: () => query, configurable: true })
    try {
      await start()
      expect(button(/Switch to dark theme/)).toBeDefined()
      query.matches = true
      await act(async () => listeners.forEach((l) => l()))
      expect(button(/Switch to light theme/)).toBeDefined()
    } finally {
      Reflect.deleteProperty(window, 'matchMedia')
    }
  })

  it('shows a not-found screen for unknown routes instead of a blank page', async () => {
    await start('#/nowhere')
    expect(document.querySelector('h1')?.textContent).toBe('Not found')
  })
})

describe('ErrorBoundary', () => {
  function Broken(): never {
    throw new Error('chart data missing')
  }

  it('shows what failed, where, and a Reload button', async () => {
    const originalError = console.error
    console.error = () => undefined
    try {
      view = await render(
        <ErrorBoundary screen="Workspaces">
          <Broken />
        </ErrorBoundary>,
      )
    } finally {
      console.error = originalError
    }
    const alert = document.querySelector('[role="alert"]')
    expect(alert?.textContent).toContain('Something went wrong in Workspaces')
    expect(alert?.textContent).toContain('chart data missing')
    expect(button(/^Reload$/)).toBeDefined()
  })
})
