import { describe, expect, it } from 'vitest'
import { packPeople, packedGrid } from '../../../../src/shared/compare/people-packed'
import { tableGrid } from '../../../../src/shared/compare/people-grid'
import { peopleTable } from '../../../../src/shared/compare/people-rows'
import { filterRows } from '../../../../src/shared/compare/people-view'
import { SnapshotIndex } from '../../../../src/shared/compare/snapshot-index'
import { obj, seamSnapshot } from '../../../fixtures/snapshots/seam-snapshot'

// bob's Okta email differs from his mail; carol's Okta department is blank; dan is Okta-only
const table = () =>
  peopleTable(
    new SnapshotIndex(
      seamSnapshot((s) => {
        obj(s.okta?.users?.[1], 'profile')['email'] = 'Robert@Contoso.com'
        obj(s.okta?.users?.[2], 'profile')['department'] = null
        s.okta?.users?.push({
          id: '00udan',
          status: 'ACTIVE',
          profile: { login: 'dan@contoso.com', email: 'dan@contoso.com', firstName: 'Dan' },
        })
      }),
    ),
  )

describe('the People comparison packed for the UI thread', () => {
  it('reads back every cell as computed, a value the two sides share packed once', () => {
    const t = table()
    const computed = tableGrid(t)
    const packed = packPeople(t)
    const grid = packedGrid(packed)
    expect(grid.count).toBe(computed.count)
    for (let r = 0; r < grid.count; r++) {
      for (const read of ['name', 'upn', 'login', 'entraId', 'oktaId'] as const)
        expect(grid[read](r), `${read} of row ${r}`).toBe(computed[read](r))
      for (let c = 0; c < grid.pairs.length; c++) {
        expect(grid.entraValue(c, r)).toBe(computed.entraValue(c, r))
        expect(grid.oktaValue(c, r)).toBe(computed.oktaValue(c, r))
        expect(grid.verdict(c, r)).toBe(computed.verdict(c, r))
      }
    }
    // the Okta side holds only what differs from Entra's: bob's email and values Entra lacks
    const oktaText = packed.columns.map((c) => c.okta.text).join('')
    expect(oktaText).toContain('Robert@Contoso.com')
    expect(oktaText).not.toContain('alice@contoso.com')
  })

  it('searches both sides, a shared value and a value only one side holds', () => {
    const t = table()
    const packed = packPeople(t)
    const grid = packedGrid(packed)
    const found = (search: string) =>
      [...filterRows(grid, { search }, packed.search)].map((r) => grid.login(r) ?? grid.upn(r))
    expect(found('robert@')).toEqual(['bob@contoso.com'])
    expect(found('BOB@CONTOSO')).toEqual(['bob@contoso.com'])
    expect(found('dan@')).toEqual(['dan@contoso.com'])
    expect(found('no such value')).toEqual([])
  })
})
