import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CrosswalkDb } from '../../../../src/renderer/src/db/schema'
import { findingStates, saveFindings } from '../../../../src/renderer/src/db/findings'
import { importSnapshot } from '../../../../src/renderer/src/db/snapshots'
import { RULE_SET } from '../../../../src/renderer/src/workers/run-diagnosis'
import { RULES } from '../../../../src/shared/rules'
import { FIXTURE_FINDINGS } from './fixture-findings'
import {
  NOW,
  WS,
  byLabel,
  byText,
  click,
  openTestDb,
  renderWorkbench,
  tenantPair,
  testServices,
  typeInto,
  waitFor,
  type Rendered,
} from './helpers'

let db: CrosswalkDb
let view: Rendered | undefined

beforeEach(async () => {
  db = await openTestDb()
})
afterEach(async () => {
  await view?.unmount()
  view = undefined
  await db.delete()
})

const SECRET = FIXTURE_FINDINGS[0]!
const listed = (c: HTMLElement) =>
  [...c.querySelectorAll('[data-finding-id].wb-list__item')].map((el) =>
    el.getAttribute('data-finding-id'),
  )
const status = (c: HTMLElement) => byText(c, '[role="status"]', 'Showing')?.textContent

async function withFindings(path: string) {
  const row = await importSnapshot(db, WS, tenantPair(), 'imported', NOW)
  await saveFindings(db, row.id, FIXTURE_FINDINGS)
  await db.snapshots.update(row.id, { diagnosis: { at: NOW, findings: 1, rules: RULE_SET } })
  const services = testServices(db, () => FIXTURE_FINDINGS)
  view = await renderWorkbench(services, path)
  await waitFor(() => listed(view!.container).length > 0 || undefined, 'the findings list')
  return { row, services, c: view.container }
}

describe('Findings list', () => {
  it('lists every finding grouped by rule, worst first', async () => {
    const { c, services } = await withFindings(`/w/${WS}/findings`)
    expect(services.diagnosed).toEqual([])
    expect(status(c)).toBe('Showing 4 of 4 findings')
    const title = (id: string) => RULES.find((r) => r.id === id)?.title ?? id
    const headings = [...c.querySelectorAll('.wb-group h3')].map((h) => h.textContent)
    expect(headings.slice(0, 2).sort()).toEqual(
      [
        `1${title('federation-signing-cert-mismatch')}`,
        `1${title('idp-client-secret-mismatch')}`,
      ].sort(),
    )
    expect(headings.slice(2)).toEqual([
      `1${title('immutable-id-mismatch')}`,
      '1snapshot-resource-missing',
    ])
    expect(c.querySelectorAll('[role="grid"]').length).toBe(4)
  })

  it('filters by text, severity, source and category, and keeps the filters in the URL', async () => {
    const { c } = await withFindings(`/w/${WS}/findings`)
    await typeInto(byLabel(c, 'Search'), 'CAROL')
    expect(listed(c)).toEqual(['immutable-id-mismatch:ccc333'])
    expect(view!.router.state.location.search).toBe('?q=CAROL')

    await typeInto(byLabel(c, 'Search'), '')
    await click(byLabel(c, 'Critical'))
    expect(listed(c).sort()).toEqual([
      'federation-signing-cert-mismatch:bbb222',
      'idp-client-secret-mismatch:aaa111',
    ])
    await click(byLabel(c, 'Okta'))
    expect(status(c)).toBe('Showing 2 of 4 findings')

    const category = byLabel<HTMLSelectElement>(c, 'Category')
    await act(async () => {
      category.value = 'attribute-mapping'
      category.dispatchEvent(new Event('change', { bubbles: true }))
    })
    expect(listed(c)).toEqual([])
    expect(c.textContent).toContain('No finding matches these filters.')

    await click(byText(c, 'button', 'Clear filters')!)
    expect(status(c)).toBe('Showing 4 of 4 findings')
  })

  it('opens a finding from the list with the keyboard-reachable grid action', async () => {
    const { c } = await withFindings(`/w/${WS}/findings?severity=high`)
    expect(listed(c)).toEqual(['immutable-id-mismatch:ccc333'])
    await click(c.querySelector('[data-finding-id="immutable-id-mismatch:ccc333"].wb-list__item')!)
    await waitFor(() => c.querySelector('article.wb-detail'), 'the detail pane')
    expect(view!.router.state.location.pathname).toBe(
      `/w/${WS}/findings/${encodeURIComponent('immutable-id-mismatch:ccc333')}`,
    )
    expect(view!.router.state.location.search).toBe('?severity=high')
  })
})

describe('Findings list position and keyboard', () => {
  const series = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      ...SECRET,
      id: `idp-client-secret-mismatch:${i}`,
      title: `Finding number ${i}`,
    }))

  async function withSeries(n: number) {
    const findings = series(n)
    const row = await importSnapshot(db, WS, tenantPair(), 'imported', NOW)
    await saveFindings(db, row.id, findings)
    await db.snapshots.update(row.id, { diagnosis: { at: NOW, findings: n, rules: RULE_SET } })
    view = await renderWorkbench(
      testServices(db, () => findings),
      `/w/${WS}/findings`,
    )
    await waitFor(() => listed(view!.container).length > 0 || undefined, 'the findings list')
    return view.container
  }
  const press = (key: string, target: Element = document.activeElement ?? document.body) =>
    act(async () => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
    })
  const row = (c: HTMLElement, i: number) =>
    c.querySelector<HTMLElement>(
      `[data-finding-id="idp-client-secret-mismatch:${i}"].wb-list__item`,
    )

  it('opening a finding keeps the list as far as it was paged, and focus moves to the detail; Esc goes back to its row', async () => {
    const c = await withSeries(150)
    expect(listed(c)).toHaveLength(100)
    const more = byText(c, 'button', 'Show the other 50')!
    expect(more.getAttribute('aria-label')).toContain('(50 not shown)')
    await click(more)
    expect(listed(c)).toHaveLength(150)
    const list = c.querySelector('.wb-findings__list [role="grid"]')
    await click(row(c, 140)!)
    const heading = await waitFor(
      () => c.querySelector<HTMLElement>('article.wb-detail #finding-title'),
      'the detail',
    )
    // the same list, still paged to 150: nothing was rebuilt
    expect(listed(c)).toHaveLength(150)
    expect(c.querySelector('.wb-findings__list [role="grid"]')).toBe(list)
    await waitFor(() => document.activeElement === heading, 'focus on the detail')
    await press('Escape', heading)
    expect(document.activeElement).toBe(row(c, 140))
  })

  it('j and k open the next and previous finding, / goes to the search', async () => {
    const c = await withSeries(3)
    const at = () => decodeURIComponent(view!.router.state.location.pathname.split('/').pop()!)
    await press('j', document.body)
    await waitFor(() => at() === 'idp-client-secret-mismatch:0', 'the first finding')
    await press('j', document.body)
    await waitFor(() => at() === 'idp-client-secret-mismatch:1', 'the next finding')
    await press('k', document.body)
    await waitFor(() => at() === 'idp-client-secret-mismatch:0', 'the previous finding')
    await press('/', document.body)
    expect(document.activeElement).toBe(byLabel(c, 'Search'))
    // typing j in the search is text, not a shortcut
    await press('j')
    expect(at()).toBe('idp-client-secret-mismatch:0')
  })
})

describe('Finding detail', () => {
  it('shows evidence side by side, steps, safe links and the subjects', async () => {
    const { c } = await withFindings(`/w/${WS}/findings/${encodeURIComponent(SECRET.id)}`)
    const detail = await waitFor(() => c.querySelector('article.wb-detail'), 'the detail')
    expect(detail.querySelector('h2')?.textContent).toBe(SECRET.title)
    const sides = detail.querySelector('[data-testid="evidence-side-by-side"]')!
    expect([...sides.querySelectorAll('h4')].map((h) => h.textContent)).toEqual(['Entra', 'Okta'])
    expect(sides.textContent).toContain('11111111-2222-4333-8444-555555555555')
    expect(sides.textContent).toContain('secretIsGuid')
    expect(byText(detail, 'tr', 'aadsts')?.textContent).toContain('7000215')
    expect([...detail.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual(
      SECRET.remediation.steps,
    )
    const link = detail.querySelector('a.wb-link')!
    expect(link.getAttribute('href')).toBe(SECRET.remediation.links[0])
    expect(link.getAttribute('rel')).toBe('noreferrer')
    expect(link.getAttribute('target')).toBeNull()
    expect(link.textContent).toBe(SECRET.remediation.links[0])
    expect(detail.textContent).toContain('Contoso Entra ID')
  })

  it('never turns a non-web link into an anchor', async () => {
    const { c } = await withFindings(
      `/w/${WS}/findings/${encodeURIComponent(FIXTURE_FINDINGS[1]!.id)}`,
    )
    const detail = await waitFor(() => c.querySelector('article.wb-detail'), 'the detail')
    expect(detail.querySelector('a.wb-link')).toBeNull()
    expect(detail.textContent).toContain('javascript:alert(1)')
  })

  it('uses a key/value table when the evidence has no Entra/Okta halves', async () => {
    const { c } = await withFindings(
      `/w/${WS}/findings/${encodeURIComponent(FIXTURE_FINDINGS[3]!.id)}`,
    )
    const detail = await waitFor(() => c.querySelector('article.wb-detail'), 'the detail')
    expect(detail.querySelector('[data-testid="evidence-side-by-side"]')).toBeNull()
    expect(byText(detail, 'tr', 'permission')?.textContent).toContain('Synchronization.Read.All')
  })

  it("opens a subject's raw record from the cache", async () => {
    const { c } = await withFindings(`/w/${WS}/findings/${encodeURIComponent(SECRET.id)}`)
    await waitFor(() => c.querySelector('article.wb-detail'), 'the detail')
    await click(document.querySelector('[aria-label="Show the record of idp Contoso Entra ID"]')!)
    const record = await waitFor(
      () => document.querySelector('pre[aria-label="Raw record"]'),
      'the record',
    )
    expect(JSON.parse(record.textContent!)).toMatchObject({
      id: '0oaidpcontoso',
      type: 'MICROSOFT',
    })
    expect(document.querySelector('[role="dialog"]')?.textContent).toContain(
      'Okta idp Contoso Entra ID',
    )
  })

  it('keeps the decision per workspace by finding id, across snapshots', async () => {
    const { c } = await withFindings(`/w/${WS}/findings/${encodeURIComponent(SECRET.id)}`)
    await waitFor(() => c.querySelector('article.wb-detail'), 'the detail')
    const form = c.querySelector('form[aria-label="Decision on this finding"]')!
    await click(byLabel(form, 'Accepted'))
    await typeInto(byLabel<HTMLTextAreaElement>(form, 'Note'), 'Rotation planned, CHG-1234')
    await click(byText(form, 'button', 'Save decision')!)
    await waitFor(() => byText(c, '[role="status"]', 'Accepted since'), 'the saved state')

    const stored = (await findingStates(db, WS)).get(SECRET.id)
    expect(stored).toMatchObject({
      state: 'accepted',
      note: 'Rotation planned, CHG-1234',
      updatedAt: NOW,
    })

    // A newer snapshot with the same finding shows the same decision.
    await view!.unmount()
    const newer = await importSnapshot(
      db,
      WS,
      { ...tenantPair(), collectedAt: '2026-11-22T08:00:00Z' },
      'imported',
      NOW,
    )
    await saveFindings(db, newer.id, FIXTURE_FINDINGS)
    view = await renderWorkbench(
      testServices(db, () => FIXTURE_FINDINGS),
      `/w/${WS}/findings?state=accepted`,
    )
    await waitFor(() => listed(view!.container).length > 0 || undefined, 'the list')
    expect(view.container.querySelector('.wb-banner__label')?.textContent).toContain(
      '2026-11-22 08:00',
    )
    expect(listed(view.container)).toEqual([SECRET.id])
  })
})

describe('Findings before diagnosis', () => {
  it('shows progress while the worker diagnoses, then the findings', async () => {
    await importSnapshot(db, WS, tenantPair(), 'imported', NOW)
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const base = testServices(db, () => FIXTURE_FINDINGS)
    const services = { ...base, diagnose: async (id: string) => (await gate, base.diagnose(id)) }
    view = await renderWorkbench(services, `/w/${WS}/findings`)
    const c = view.container
    await waitFor(() => byText(c, '.empty', 'Diagnosing this snapshot'), 'the progress state')
    expect(byText(c, '[role="status"]', 'Diagnosing this snapshot')).toBeDefined()
    expect(byText(c, 'button', 'Re-run diagnosis')?.hasAttribute('disabled')).toBe(true)
    release()
    await waitFor(() => listed(c).length === 4 || undefined, 'the findings')
  })
})
