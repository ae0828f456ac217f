import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importSnapshot } from '../../../../src/renderer/src/db/snapshots'
import type { Finding } from '../../../../src/shared/model/finding'
import { obj, seamSnapshot } from '../../../fixtures/snapshots/seam-snapshot'
import { NOW, WS, byText, testServices, useTestDb, waitFor } from './helpers'

const ctx = useTestDb()

// jsdom lays nothing out: the grid's scroll area is given the size a window would give it,
// so the virtualizer draws the rows in view as in a browser
const sizes = { clientHeight: 600, clientWidth: 8000 }
const layout = Object.fromEntries(
  Object.keys(sizes).map((k) => [k, Object.getOwnPropertyDescriptor(Element.prototype, k)]),
)
beforeEach(() => {
  for (const [name, size] of Object.entries(sizes)) {
    const own = layout[name]
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('pp-scroll') ? size : (own?.get?.call(this) ?? 0)
      },
    })
  }
})
afterEach(() => {
  for (const name of Object.keys(sizes))
    delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name]
})

// bob's Okta email differs from his mail; carol has no Okta account
const snapshot = () =>
  seamSnapshot((s) => {
    obj(s.okta?.users?.[1], 'profile')['email'] = 'robert@contoso.com'
    s.okta!.users = s.okta!.users!.filter((u) => u['id'] !== '00ucarol')
    s.okta!.appUsers!['0oaO365'] = s.okta!.appUsers!['0oaO365']!.filter(
      (u) => u['id'] !== '00ucarol',
    )
  })

const BOB_FINDING: Finding = {
  id: 'email-blank-on-one-side:bob',
  rule: 'email-blank-on-one-side',
  category: 'attribute-mapping',
  severity: 'high',
  title: "Bob's email differs between Entra and Okta",
  detail: 'The addresses differ.',
  subjects: [
    { source: 'entra', type: 'user', id: 'e-bob', name: 'bob@contoso.com' },
    { source: 'okta', type: 'user', id: '00ubob', name: 'bob@contoso.com' },
  ],
  evidence: {},
  remediation: { steps: [], links: [] },
}

function count(c: HTMLElement): string {
  return c.querySelector('[data-testid="people-count"]')?.textContent ?? ''
}

async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
    setter?.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

async function key(target: Element, name: string, init: KeyboardEventInit = {}): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, ...init }))
  })
}

/** The People screen of the snapshot, without findings, once its three people are listed. */
async function openPeople(): Promise<HTMLElement> {
  await importSnapshot(ctx.db, WS, snapshot(), 'imported', NOW)
  const view = await ctx.render(
    testServices(ctx.db, () => []),
    `/w/${WS}/people`,
  )
  await waitFor(() => count(view.container).includes('Showing 3 of 3'), 'the people')
  return view.container
}

describe('People', () => {
  it('lists everyone with the join, filters, searches both sides and opens a person by keyboard', async () => {
    await importSnapshot(ctx.db, WS, snapshot(), 'imported', NOW)
    const services = testServices(ctx.db, () => [BOB_FINDING])
    const view = await ctx.render(services, `/w/${WS}/people`)
    const c = view.container
    await waitFor(() => count(c).includes('Showing 3 of 3'), 'the three people')
    const grid = c.querySelector('[role="grid"]')!
    expect(grid.getAttribute('aria-rowcount')).toBe('5')
    const headers = [
      ...grid.querySelectorAll('[role="columnheader"][aria-colindex]:not([aria-colspan])'),
    ].map((h) => h.textContent)
    expect(headers.slice(0, 4)).toEqual(['Name', 'Status', 'Joined by', 'Class'])
    expect(headers).toContain('Entra mail')
    expect(headers).toContain('Okta email')
    // the differing pair is highlighted, with words for screen readers
    const diff = grid.querySelector('.pp-cell--diff[data-flag]')
    expect(diff).not.toBeNull()
    expect(diff?.getAttribute('aria-label')).toBe('robert@contoso.com, different')

    const search = c.querySelector<HTMLInputElement>('input[type="search"]')!
    await type(search, 'ROBERT@')
    await waitFor(() => count(c).includes('Showing 1 of 3'), 'the search across sides')
    await type(search, '')
    await waitFor(() => count(c).includes('Showing 3 of 3'), 'everyone again')

    const status = byText(c, 'label', 'Entra only')!.querySelector('input')!
    await act(async () => status.click())
    await waitFor(() => count(c).includes('Showing 1 of 3'), 'the Entra-only filter')
    expect(grid.textContent).toContain('Carol Clark')
    await act(async () => status.click())
    await waitFor(() => count(c).includes('Showing 3 of 3'), 'the filter cleared')

    // keyboard: the first cell is the tab stop; arrows move, End goes to the row's last cell
    const first = grid.querySelector<HTMLElement>('[data-row="0"] [data-col="0"]')!
    expect(first.tabIndex).toBe(0)
    await act(async () => first.focus())
    await key(first, 'ArrowDown')
    await waitFor(
      () => document.activeElement?.closest('[data-row="1"]') && document.activeElement,
      'the second row',
    )
    await key(document.activeElement!, 'End')
    const last = document.activeElement as HTMLElement
    expect(Number(last.getAttribute('aria-colindex'))).toBe(
      Number(grid.getAttribute('aria-colcount')),
    )
    await key(last, 'Home')
    await key(document.activeElement!, 'Enter')
    const detail = await waitFor(
      () => document.querySelector('[data-testid="person-detail"]'),
      'the person detail',
    )
    const name = detail.closest('[role="dialog"]')?.querySelector('h2')?.textContent
    expect(name).toBe('Bob Brown')
    await waitFor(
      () => detail.textContent?.includes('What each key finds') && detail.querySelector('pre'),
      'the records',
    )
    expect(detail.textContent).toContain('"id": "e-bob"')
    expect(detail.textContent).toContain('"id": "00ubob"')
    const finding = detail.querySelector<HTMLAnchorElement>('[data-testid="person-finding"]')
    expect(finding?.getAttribute('href')).toBe(
      `/w/${WS}/findings/${encodeURIComponent(BOB_FINDING.id)}`,
    )
    // the open person is in the address, for links from findings
    expect(view.router.state.location.search).toContain('entra=e-bob')
  })

  it('opens the person a finding links to', async () => {
    await importSnapshot(ctx.db, WS, snapshot(), 'imported', NOW)
    await ctx.render(
      testServices(ctx.db, () => [BOB_FINDING]),
      `/w/${WS}/people?okta=00ubob`,
    )
    const detail = await waitFor(
      () => document.querySelector('[data-testid="person-detail"]'),
      'the linked person',
    )
    expect(detail.closest('[role="dialog"]')?.querySelector('h2')?.textContent).toBe('Bob Brown')
  })

  it('makes the names sticky only while the grid is scrolled sideways', async () => {
    const c = await openPeople()
    const grid = c.querySelector<HTMLElement>('.pp-scroll')!
    const scrollTo = async (left: number) =>
      act(async () => {
        grid.scrollLeft = left
        grid.dispatchEvent(new Event('scroll'))
      })
    expect(grid.hasAttribute('data-sideways')).toBe(false)
    await scrollTo(240)
    expect(grid.hasAttribute('data-sideways')).toBe(true)
    // a render of the grid keeps it: React does not own the attribute
    await type(c.querySelector<HTMLInputElement>('input[type="search"]')!, 'bob')
    await waitFor(() => count(c).includes('Showing 1 of 3'), 'the search')
    expect(grid.hasAttribute('data-sideways')).toBe(true)
    await scrollTo(0)
    expect(grid.hasAttribute('data-sideways')).toBe(false)
  })

  it('sorts by a column from its header', async () => {
    const c = await openPeople()
    const names = () =>
      [...c.querySelectorAll('.pp-row .pp-cell--sticky')].map((n) => n.textContent)
    const header = [
      ...c.querySelectorAll<HTMLElement>('[role="columnheader"][aria-colindex]'),
    ].find((h) => h.textContent === 'Name')!
    await act(async () => (header as HTMLElement).click())
    await act(async () => (header as HTMLElement).click())
    await waitFor(() => header.getAttribute('aria-sort') === 'descending', 'descending')
    expect(names()).toEqual(['Carol Clark', 'Bob Brown', 'Alice Adams'])
  })
})
