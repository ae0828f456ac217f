import { describe, expect, it } from 'vitest'
import { entraRowCandidates, oktaRowCandidates } from '../../../../src/shared/compare/candidates'
import { joinKeysOf } from '../../../../src/shared/compare/join'
import {
  ROW_CLASSES,
  ROW_STATUSES,
  peopleTable,
  rowKey,
} from '../../../../src/shared/compare/people-rows'
import { tableGrid, type PeopleGrid } from '../../../../src/shared/compare/people-grid'
import { SnapshotIndex } from '../../../../src/shared/compare/snapshot-index'
import { CELL_VERDICTS, normalisationsOf } from '../../../../src/shared/compare/values'
import type { Snapshot } from '../../../../src/shared/model'
import { type FixtureSnapshot, obj, seamSnapshot } from '../../../fixtures/snapshots/seam-snapshot'

function gridOf(snapshot: Snapshot): PeopleGrid {
  return tableGrid(peopleTable(new SnapshotIndex(snapshot)))
}

/** The row holding an Entra UPN or an Okta login. */
function rowOf(grid: PeopleGrid, who: string, side?: 'entra' | 'okta'): number {
  for (let r = 0; r < grid.count; r++) {
    if (side !== 'okta' && grid.upn(r) === who) return r
    if (side !== 'entra' && grid.login(r) === who) return r
  }
  throw new Error(`no row for ${who}`)
}

function describeRow(grid: PeopleGrid, r: number) {
  return {
    status: ROW_STATUSES[grid.status(r)],
    key: rowKey(grid.key(r)),
    population: ROW_CLASSES[grid.population(r)],
  }
}

/** The verdict of a pair (by label) on a row, with its normalisations. */
function cell(grid: PeopleGrid, r: number, label: string) {
  const c = grid.pairs.findIndex((p) => p.label === label)
  if (c < 0) throw new Error(`no pair ${label}: ${grid.pairs.map((p) => p.label).join(', ')}`)
  return {
    verdict: CELL_VERDICTS[grid.verdict(c, r)],
    normalised: normalisationsOf(grid.normalised(c, r)),
    entra: grid.entraValue(c, r),
    okta: grid.oktaValue(c, r),
  }
}

const users = (s: FixtureSnapshot) => s.entra?.users ?? []
const oktaUsers = (s: FixtureSnapshot) => s.okta?.users ?? []
const appUsers = (s: FixtureSnapshot) => s.okta?.appUsers?.['0oaO365'] ?? []

describe('people rows: how each person joined', () => {
  it('matches everyone in the healthy fixture on the immutable ID, every pair equal', () => {
    const grid = gridOf(seamSnapshot())
    expect(grid.count).toBe(3)
    for (let r = 0; r < grid.count; r++) {
      expect(describeRow(grid, r)).toEqual({
        status: 'matched',
        key: 'immutableId',
        population: 'person',
      })
      for (let c = 0; c < grid.pairs.length; c++)
        expect(['equal', 'blank']).toContain(CELL_VERDICTS[grid.verdict(c, r)])
    }
  })

  it('names the key that joined each row, strongest first', () => {
    const grid = gridOf(
      seamSnapshot((s) => {
        // alice: no immutable ID on her app user → the Office 365 username decides
        delete obj(appUsers(s)[0], 'profile')['immutableId']
        // bob: not assigned to Office 365 → the IdP's rule (idpuser.userPrincipalName = login)
        s.okta!.appUsers!['0oaO365'] = appUsers(s).filter((u) => u['id'] !== '00ubob')
        // carol: not assigned, login renamed → only email = mail is left
        s.okta!.appUsers!['0oaO365'] = appUsers(s).filter((u) => u['id'] !== '00ucarol')
        obj(oktaUsers(s)[2], 'profile')['login'] = 'carol.clark@contoso.com'
      }),
    )
    expect(describeRow(grid, rowOf(grid, 'alice@contoso.com')).key).toBe('office365UserName')
    expect(describeRow(grid, rowOf(grid, 'bob@contoso.com')).key).toBe('idp')
    const carol = rowOf(grid, 'carol@contoso.com')
    expect(describeRow(grid, carol)).toMatchObject({ status: 'matched', key: 'email' })
    expect(cell(grid, carol, 'userPrincipalName ↔ login')).toMatchObject({
      verdict: 'different',
      entra: 'carol@contoso.com',
      okta: 'carol.clark@contoso.com',
    })
  })

  it('falls back to the login when no active IdP replays a rule', () => {
    const grid = gridOf(
      seamSnapshot((s) => {
        obj(s.okta?.idps?.[0])['status'] = 'INACTIVE'
        s.okta!.appUsers!['0oaO365'] = []
      }),
    )
    expect(describeRow(grid, rowOf(grid, 'alice@contoso.com')).key).toBe('login')
  })

  it('says ambiguous when a key finds several Okta candidates, from both sides', () => {
    const snapshot = seamSnapshot((s) => {
      s.okta!.appUsers!['0oaO365'] = []
      obj(s.okta?.idps?.[0])['status'] = 'INACTIVE'
      // alice's login no longer equals her UPN; two Okta users carry her mail
      obj(oktaUsers(s)[0], 'profile')['login'] = 'alice.adams@contoso.com'
      oktaUsers(s).push({
        id: '00ualice2',
        status: 'ACTIVE',
        profile: {
          login: 'alice.second@contoso.com',
          email: 'ALICE@contoso.com',
          firstName: 'Alice',
          lastName: 'Adams',
        },
      })
    })
    const grid = gridOf(snapshot)
    const alice = rowOf(grid, 'alice@contoso.com')
    expect(describeRow(grid, alice)).toMatchObject({ status: 'ambiguous', key: 'email' })
    // the two Okta accounts are each "one person with several candidates" from their side
    expect(describeRow(grid, rowOf(grid, 'alice.adams@contoso.com')).status).toBe('ambiguous')
    expect(describeRow(grid, rowOf(grid, 'alice.second@contoso.com')).status).toBe('ambiguous')
    const index = new SnapshotIndex(snapshot)
    const byEmail = entraRowCandidates(index, grid.entraRow(alice)).find((c) => c.key === 'email')
    expect(byEmail?.rows).toHaveLength(2)
  })

  it('says ambiguous when two Entra people share the mail one Okta account holds', () => {
    const snapshot = seamSnapshot((s) => {
      s.okta!.appUsers!['0oaO365'] = []
      obj(s.okta?.idps?.[0])['status'] = 'INACTIVE'
      obj(oktaUsers(s)[1], 'profile')['login'] = 'robert.brown@contoso.com'
      obj(users(s)[0])['mail'] = 'bob@contoso.com'
    })
    const grid = gridOf(snapshot)
    const okta = rowOf(grid, 'robert.brown@contoso.com')
    expect(describeRow(grid, okta)).toMatchObject({ status: 'ambiguous', key: 'email' })
    const found = oktaRowCandidates(new SnapshotIndex(snapshot), grid.oktaRow(okta))
    expect(found.find((c) => c.key === 'email')?.rows).toHaveLength(2)
    // alice still matches on her login, with her shared mail in doubt
    const alice = rowOf(grid, 'alice@contoso.com')
    expect(describeRow(grid, alice)).toMatchObject({ status: 'matched', key: 'login' })
    expect(joinKeysOf(grid.doubt(alice))).toEqual(['email'])
  })

  it('says conflicting when two keys name different people', () => {
    const snapshot = seamSnapshot((s) => {
      // bob's app user carries alice's new immutable ID: it names bob's Okta account for
      // alice, while her username and login name her own
      obj(users(s)[0])['onPremisesImmutableId'] = 'TkVXLUFMSUNF'
      obj(appUsers(s)[1], 'profile')['immutableId'] = 'TkVXLUFMSUNF'
    })
    const grid = gridOf(snapshot)
    const alice = rowOf(grid, 'alice@contoso.com')
    expect(describeRow(grid, alice)).toMatchObject({ status: 'conflicting', key: 'immutableId' })
    const keys = entraRowCandidates(new SnapshotIndex(snapshot), grid.entraRow(alice))
    const named = new Set(keys.flatMap((k) => k.rows))
    expect(named.size).toBe(2)
    // alice's own Okta account, which her username and login name, is conflicting too
    expect(describeRow(grid, rowOf(grid, 'alice@contoso.com', 'okta')).status).toBe('conflicting')
    // bob stays matched on his username, with the immutable ID alice's row also names in doubt
    const bob = rowOf(grid, 'bob@contoso.com')
    expect(describeRow(grid, bob)).toMatchObject({ status: 'matched', key: 'office365UserName' })
    expect(joinKeysOf(grid.doubt(bob))).toEqual(['immutableId'])
  })

  it('keeps one-sided accounts and pairs a leaver with the deleted Entra user', () => {
    const grid = gridOf(
      seamSnapshot((s) => {
        const carol = users(s).pop() as Record<string, unknown>
        s.entra!.deletedUsers = [
          {
            ...carol,
            userPrincipalName: `${String(carol['id']).replace(/-/g, '')}carol@contoso.com`,
            deletedDateTime: '2026-05-30T00:00:00Z',
          },
        ]
        oktaUsers(s).push({
          id: '00udave',
          status: 'ACTIVE',
          profile: { login: 'dave@contoso.com', email: 'dave@contoso.com' },
        })
      }),
    )
    const carol = rowOf(grid, 'carol@contoso.com')
    expect(describeRow(grid, carol)).toEqual({
      status: 'matched',
      key: 'immutableId',
      population: 'deleted',
    })
    // the deleted user's UPN is compared without the object id Entra put in front
    expect(cell(grid, carol, 'userPrincipalName ↔ login').verdict).toBe('equal')
    expect(cell(grid, carol, 'accountEnabled ↔ status').verdict).toBe('different')
    const dave = rowOf(grid, 'dave@contoso.com')
    expect(describeRow(grid, dave)).toMatchObject({ status: 'okta-only', key: undefined })
    expect(cell(grid, dave, 'mail ↔ email').verdict).toBe('unpaired')
  })
})

describe('people rows: attribute cells', () => {
  it('says which normalisation made two values equal', () => {
    const grid = gridOf(
      seamSnapshot((s) => {
        obj(users(s)[0])['givenName'] = 'Jos\u00e9' // composed é
        obj(oktaUsers(s)[0], 'profile')['firstName'] = 'Jose\u0301' // e + combining acute
        obj(oktaUsers(s)[0], 'profile')['lastName'] = 'Ad\u200bams'
        obj(oktaUsers(s)[0], 'profile')['email'] = 'ALICE@contoso.com '
        obj(oktaUsers(s)[1], 'profile')['firstName'] = 'Robert'
        obj(oktaUsers(s)[2], 'profile')['email'] = null
      }),
    )
    const alice = rowOf(grid, 'alice@contoso.com')
    expect(cell(grid, alice, 'givenName ↔ firstName')).toMatchObject({
      verdict: 'equal-normalised',
      normalised: ['unicode'],
    })
    expect(cell(grid, alice, 'surname ↔ lastName')).toMatchObject({
      verdict: 'equal-normalised',
      normalised: ['zero-width'],
    })
    expect(cell(grid, alice, 'mail ↔ email')).toMatchObject({
      verdict: 'equal-normalised',
      normalised: ['case', 'space'],
    })
    expect(cell(grid, rowOf(grid, 'bob@contoso.com'), 'givenName ↔ firstName').verdict).toBe(
      'different',
    )
    expect(cell(grid, rowOf(grid, 'carol@contoso.com'), 'mail ↔ email').verdict).toBe(
      'missing-okta',
    )
  })

  it('never folds the case of an immutable ID (base64 is case-sensitive)', () => {
    const grid = gridOf(
      seamSnapshot((s) => {
        const value = String(obj(appUsers(s)[0], 'profile')['immutableId'])
        obj(appUsers(s)[0], 'profile')['immutableId'] = value.toLowerCase()
      }),
    )
    const alice = rowOf(grid, 'alice@contoso.com')
    expect(cell(grid, alice, 'onPremisesImmutableId ↔ immutableId').verdict).toBe('different')
  })

  it('takes the pairs from the mappings, the expression in the header, defaults elsewhere', () => {
    const grid = gridOf(
      seamSnapshot((s) => {
        const idpMapping = obj(s.okta?.mappings?.[0], 'properties')
        idpMapping['login'] = { expression: 'appuser.email', pushStatus: 'DONT_PUSH' }
        const o365 = obj(s.okta?.mappings?.[1], 'properties')
        o365['department'] = { expression: 'user.costCenter', pushStatus: 'PUSH' }
        for (const u of users(s)) u['department'] = 'Sales'
        for (const u of oktaUsers(s)) obj(u, 'profile')['costCenter'] = 'Sales'
        obj(oktaUsers(s)[1], 'profile')['costCenter'] = 'Finance'
      }),
    )
    const labels = grid.pairs.map((p) => p.label)
    expect(labels).toContain('mail ↔ login')
    // the IdP mapping decides what the login should equal: no default UPN ↔ login pair
    expect(labels).not.toContain('userPrincipalName ↔ login')
    const department = grid.pairs.find((p) => p.label === 'department ↔ costCenter')
    expect(department?.header).toBe('department ← user.costCenter (Microsoft Office 365)')
    expect(labels).not.toContain('department ↔ department')
    expect(cell(grid, rowOf(grid, 'bob@contoso.com'), 'department ↔ costCenter')).toMatchObject({
      verdict: 'different',
      entra: 'Sales',
      okta: 'Finance',
    })
    const employee = grid.pairs.find((p) => p.label === 'employeeId ↔ employeeNumber')
    // the fixture's users carry no employeeId: listed, not compared
    expect(employee?.collected).toBe(false)
  })

  it('sends a computed Office 365 value through the expression, and an unknown one from the app user', () => {
    const grid = gridOf(
      seamSnapshot((s) => {
        const o365 = obj(s.okta?.mappings?.[1], 'properties')
        o365['immutableId'] = { expression: 'user.email', pushStatus: 'PUSH' }
      }),
    )
    const pair = grid.pairs.find((p) => p.entra === 'onPremisesImmutableId')
    expect(pair?.okta).toBe('email')
    expect(pair?.compare).toBe('exact')
    expect(cell(grid, rowOf(grid, 'alice@contoso.com'), pair?.label ?? '')).toMatchObject({
      verdict: 'different',
      okta: 'alice@contoso.com',
    })
  })
})
