import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Finding } from '../../../../src/shared/model/finding'
import type { CrosswalkDb } from '../../../../src/renderer/src/db/schema'
import { saveFindings } from '../../../../src/renderer/src/db/findings'
import { importSnapshot } from '../../../../src/renderer/src/db/snapshots'
import { RULE_SET } from '../../../../src/renderer/src/workers/run-diagnosis'
import {
  INITIAL_ROWS,
  PAGE_SIZE,
} from '../../../../src/renderer/src/features/findings/findings-list'
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

const COUNT = 10_000
const RULES = [
  'entra-attribute-invalid',
  'immutable-id-mismatch',
  'okta-duplicate-attribute',
  'entra-user-sync-lag',
]

function many(): Finding[] {
  return Array.from({ length: COUNT }, (_, i) => ({
    id: `${RULES[i % 4]}:${i}`,
    rule: RULES[i % 4]!,
    category: 'data-validation',
    severity: i % 10 === 0 ? 'high' : 'low',
    title: `Problem ${i} for user${i}@contoso.com`,
    detail: 'detail',
    subjects: [{ source: 'entra', type: 'user', id: `u${i}`, name: `user${i}@contoso.com` }],
    evidence: {},
    remediation: { steps: [], links: [] },
  }))
}

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

const rows = (c: HTMLElement) => c.querySelectorAll('.wb-list__item').length

describe('Findings list with 10k findings', () => {
  it('renders a bounded number of rows, pages on request, and filters to a single match', async () => {
    const row = await importSnapshot(db, WS, tenantPair(), 'imported', NOW)
    await saveFindings(db, row.id, many())
    await db.snapshots.update(row.id, { diagnosis: { at: NOW, findings: 1, rules: RULE_SET } })
    view = await renderWorkbench(
      testServices(db, () => []),
      `/w/${WS}/findings`,
    )
    const c = view.container
    await waitFor(() => rows(c) > 0 || undefined, 'the list', 20_000)
    expect(byText(c, '[role="status"]', 'Showing')?.textContent).toBe(
      `Showing ${COUNT.toLocaleString('en-US')} of ${COUNT.toLocaleString('en-US')} findings`,
    )
    expect(rows(c)).toBe(INITIAL_ROWS)

    await click(c.querySelector('.wb-more')!)
    expect(rows(c)).toBe(INITIAL_ROWS + PAGE_SIZE)

    await typeInto(byLabel(c, 'Search'), 'user4242@')
    expect(rows(c)).toBe(1)
    expect(byText(c, '[role="status"]', 'Showing')?.textContent).toBe(
      `Showing 1 of ${COUNT.toLocaleString('en-US')} findings`,
    )
    // Clearing the search brings every group back as far as it had been paged.
    await typeInto(byLabel(c, 'Search'), '')
    expect(rows(c)).toBe(INITIAL_ROWS + PAGE_SIZE)
  }, 60_000)
})
