import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CrosswalkDb } from '../../../../src/renderer/src/db/schema'
import { currentSnapshot, importSnapshot } from '../../../../src/renderer/src/db/snapshots'
import { openDemoWorkspace } from '../../../../src/renderer/src/features/workbench/demo'
import { FIXTURE_FINDINGS } from './fixture-findings'
import {
  NOW,
  WS,
  byText,
  openTestDb,
  renderWorkbench,
  tenantPair,
  testServices,
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

describe('Overview', () => {
  it('an empty workspace leads to Connect → Test → Collect, or to an import', async () => {
    const services = testServices(db, () => FIXTURE_FINDINGS)
    view = await renderWorkbench(services, `/w/${WS}/overview`)
    const empty = await waitFor(
      () => byText(view!.container, '.empty', 'no snapshot yet'),
      'the empty state',
    )
    expect([...empty.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      `/w/${WS}/connect`,
      `/w/${WS}/collect`,
      `/w/${WS}/snapshots`,
    ])
    expect(empty.textContent).toContain('Test connection')
    expect(view.container.querySelector('.wb-banner')?.textContent).toContain('No snapshot yet')
    expect(services.diagnosed).toEqual([])
  })

  it('diagnoses a snapshot without findings, then shows which snapshot, health, chart data, facts and the seam map', async () => {
    const row = await importSnapshot(db, WS, tenantPair(), 'imported', NOW)
    const services = testServices(db, () => FIXTURE_FINDINGS)
    view = await renderWorkbench(services, `/w/${WS}/overview`)
    const c = view.container

    const headline = await waitFor(
      () => c.querySelector('[data-testid="health-headline"]'),
      'the headline',
    )
    expect(services.diagnosed).toEqual([row.id])
    expect(headline.textContent).toBe(
      '2 critical and 1 high findings likely break sign-in or provisioning.',
    )
    expect(c.querySelector('.wb-banner__label')?.textContent).toBe(
      'Snapshot of 2026-11-20 12:00 · complete',
    )

    // The chart's numbers are also in a table for assistive technology.
    const table = c.querySelector('figure table')!
    const credential = byText(table, 'tbody tr', 'Credential mismatch')!
    expect([...credential.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '2',
      '0',
      '0',
      '0',
      '0',
      '2',
    ])
    expect(byText(table, 'tbody tr', 'Attribute mapping')).toBeDefined()

    const facts = await waitFor(() => byText(c, 'section', 'Key facts'), 'key facts')
    expect(facts.textContent).toContain('Contoso Ltd')
    expect(facts.textContent).toContain('6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5')
    expect(byText(facts, 'dd', 'contoso.com')).toBeDefined()
    expect(facts.textContent).toContain('https://contoso.okta.com')
    expect(facts.textContent).toContain('2026-11-20 11:40')

    const idpPair = await waitFor(
      () => c.querySelector('[data-pair="idp:0oaidpcontoso"]'),
      'the IdP pair',
    )
    const secret = idpPair.querySelector('[data-link="client-secret"]')!
    expect(secret.getAttribute('data-status')).toBe('problem')
    expect(secret.querySelector('a')?.getAttribute('href')).toBe(
      `/w/${WS}/findings/${encodeURIComponent('idp-client-secret-mismatch:aaa111')}`,
    )
    expect(idpPair.querySelector('[data-link="client-id"]')?.getAttribute('data-status')).toBe('ok')
    const federation = c.querySelector('[data-pair^="federation:contoso.com"]')!
    expect(
      federation.querySelector('[data-link="signing-certificate"]')?.getAttribute('data-status'),
    ).toBe('problem')
    expect(
      federation.querySelector('[data-link="immutable-id"]')?.getAttribute('data-status'),
    ).toBe('problem')
    expect(federation.querySelector('[data-link="issuer"]')?.getAttribute('data-status')).toBe('ok')
    // one compact table per kind of pair, a column per link, in the same order on every row
    const seam = byText(c, 'section', 'Seam map')!
    const tables = seam.querySelectorAll('table.wb-seam')
    expect(tables).toHaveLength(2)
    for (const table of tables) {
      const columns = [...table.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.getAttribute('data-link')).join(','),
      )
      expect(new Set(columns).size).toBe(1)
    }
    expect(seam.textContent).not.toMatch(/\bnone\b/)
  })

  it('does not diagnose again when the snapshot already has findings', async () => {
    await importSnapshot(db, WS, tenantPair(), 'imported', NOW)
    const services = testServices(db, () => FIXTURE_FINDINGS)
    const first = await renderWorkbench(services, `/w/${WS}/overview`)
    await waitFor(
      () => first.container.querySelector('[data-testid="health-headline"]'),
      'the first diagnosis',
    )
    await first.unmount()
    view = await renderWorkbench(services, `/w/${WS}/overview`)
    await waitFor(
      () => view!.container.querySelector('[data-testid="health-headline"]'),
      'the headline',
    )
    expect(services.diagnosed).toHaveLength(1)
  })
})

describe('openDemoWorkspace', () => {
  it('imports the snapshot as the demo, makes it current and opens its overview', async () => {
    const visited: string[] = []
    const row = await openDemoWorkspace(WS, tenantPair(), {
      navigate: (path) => void visited.push(path),
      services: { openDb: async () => db, now: () => NOW },
    })
    expect(visited).toEqual([`/w/${WS}/overview`])
    expect(row.origin).toBe('demo')
    expect((await currentSnapshot(db, WS))?.id).toBe(row.id)

    view = await renderWorkbench(
      testServices(db, () => FIXTURE_FINDINGS),
      visited[0]!,
    )
    const label = await waitFor(
      () => view!.container.querySelector('.wb-banner__label'),
      'the banner',
    )
    expect(label.textContent).toBe('Snapshot of 2026-11-20 12:00 · demo')
  })
})
