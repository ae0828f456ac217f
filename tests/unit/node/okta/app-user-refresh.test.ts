import { describe, expect, it } from 'vitest'
import {
  APP_USER_FEED_FILTER,
  type ChangeFeed,
  mergeAppUsers,
  nextMark,
  planAppUserRefresh,
  type PlanInput,
  readAppUser,
  readChangeFeed,
  feedLinkFor,
  readLogHead,
  resumeChangeFeed,
  usableMark,
  usersChangedSince,
} from '../../../../src/node/okta/app-user-refresh'
import type { OktaReader } from '../../../../src/node/okta/okta-reader'
import { ApiError } from '../../../../src/node/net/api-error'
import type { RawRecord } from '../../../../src/shared/model/snapshot'

const MARK = '2026-11-20T12:00:00.000Z'
const BEFORE = '2026-11-20T11:00:00.000Z'
const AFTER = '2026-11-20T12:30:00.000Z'

const app = (id: string, lastUpdated = BEFORE): RawRecord => ({ id, lastUpdated, label: id })
const appUser = (id: string, userName = `${id}@example.com`): RawRecord => ({
  id,
  credentials: { userName },
})
const event = (eventType: string, appId: string, userId?: string): RawRecord => ({
  eventType,
  published: AFTER,
  target: [{ id: appId, type: 'AppInstance' }, ...(userId ? [{ id: userId, type: 'User' }] : [])],
})
const feed = (...events: RawRecord[]): ChangeFeed => ({
  events: events as ChangeFeed['events'],
  newest: events.length ? AFTER : undefined,
})

/** two apps: a big one (3 pages of 2) and a small one (1 page) */
function input(over: Partial<PlanInput> = {}): PlanInput {
  const mapping = { id: 'prm1', source: { id: 'u' }, target: { id: 'big' }, properties: {} }
  return {
    apps: [app('big'), app('small')],
    mappings: [mapping],
    previous: {
      apps: [app('big'), app('small')],
      appUsers: {
        big: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => appUser(id)),
        small: [appUser('a')],
      },
      mappings: [mapping],
    },
    changedUserIds: new Set(),
    feed: feed(),
    pageSize: 2,
    ...over,
  }
}

describe('planAppUserRefresh', () => {
  it('keeps every app when nothing has evidence of change', () => {
    const plans = planAppUserRefresh(input())
    expect(Object.fromEntries(plans)).toEqual({ big: { kind: 'keep' }, small: { kind: 'keep' } })
  })

  it('reads by id the users a feed event or a user change names, when that is cheaper than paging', () => {
    const plans = planAppUserRefresh(
      input({
        feed: feed(event('application.user_membership.add', 'big', 'new')),
        changedUserIds: new Set(['b', 'zzz-not-assigned']),
      }),
    )
    expect(plans.get('big')).toEqual({ kind: 'byId', userIds: ['b', 'new'] })
    expect(plans.get('small')).toEqual({ kind: 'keep' })
  })

  it('re-reads in full when the changed users cost as many requests as the pages', () => {
    const plans = planAppUserRefresh(input({ changedUserIds: new Set(['a', 'b', 'c']) }))
    expect(plans.get('big')).toEqual({ kind: 'full', reason: '3 changed, 3 pages' })
    expect(plans.get('small')).toEqual({ kind: 'full', reason: '1 changed, 1 pages' })
  })

  it('re-reads in full an app that changed, is new, had its mappings changed or a lifecycle event', () => {
    const changedApp = planAppUserRefresh(input({ apps: [app('big', AFTER), app('small')] }))
    expect(changedApp.get('big')).toEqual({ kind: 'full', reason: 'the app changed' })
    expect(changedApp.get('small')).toEqual({ kind: 'keep' })

    const newApp = planAppUserRefresh(input({ apps: [app('big'), app('small'), app('fresh')] }))
    expect(newApp.get('fresh')).toEqual({ kind: 'full', reason: 'no previous app users' })

    const remapped = planAppUserRefresh(
      input({
        mappings: [
          { id: 'prm1', source: { id: 'u' }, target: { id: 'big' }, properties: { x: 1 } },
        ],
      }),
    )
    expect(remapped.get('big')).toEqual({ kind: 'full', reason: 'its profile mappings changed' })
    expect(remapped.get('small')).toEqual({ kind: 'keep' })

    const lifecycle = planAppUserRefresh(
      input({ feed: feed(event('application.lifecycle.update', 'small')) }),
    )
    expect(lifecycle.get('small')).toEqual({ kind: 'full', reason: 'an event about the whole app' })

    const groupAssigned = planAppUserRefresh(
      input({ feed: feed(event('group.application_assignment.add', 'big')) }),
    )
    expect(groupAssigned.get('big')).toEqual({
      kind: 'full',
      reason: 'an event about the whole app',
    })
  })

  it('counts an AppUser target as its user, and re-reads an app an event names without a user', () => {
    const appUserOnly: RawRecord = {
      eventType: 'app.user_management.push_profile_success',
      published: AFTER,
      target: [
        { id: 'big', type: 'AppInstance' },
        { id: 'c', type: 'AppUser' },
      ],
    }
    const plans = planAppUserRefresh(
      input({ feed: feed(appUserOnly, event('application.provision.user.import', 'small')) }),
    )
    expect(plans.get('big')).toEqual({ kind: 'byId', userIds: ['c'] })
    expect(plans.get('small')).toEqual({ kind: 'full', reason: 'an event about the whole app' })
  })

  it('re-reads everything when the feed or the changed users are unknown', () => {
    for (const over of [
      { feed: undefined },
      { changedUserIds: undefined },
      { mappings: undefined },
    ])
      for (const plan of planAppUserRefresh(input(over)).values()) expect(plan.kind).toBe('full')
  })
})

describe('usersChangedSince', () => {
  const user = (id: string, lastUpdated: string, title = 'x'): RawRecord => ({
    id,
    lastUpdated,
    profile: { title },
  })
  it('names users updated after the mark, changed at the mark, or gone', () => {
    const previous = [
      user('same', BEFORE),
      user('later', BEFORE),
      user('atMarkSame', MARK),
      user('atMarkDiff', MARK),
      user('gone', BEFORE),
    ]
    const now = [
      user('same', BEFORE),
      user('later', AFTER),
      user('atMarkSame', MARK),
      user('atMarkDiff', MARK, 'changed in the same second'),
      user('noDate', 'not a date'),
    ]
    expect([...usersChangedSince(MARK, now, previous)].sort()).toEqual([
      'atMarkDiff',
      'gone',
      'later',
      'noDate',
    ])
  })
})

describe('mergeAppUsers', () => {
  it('replaces re-read app users in place, drops unassigned ones and appends new ones', () => {
    const merged = mergeAppUsers(
      [appUser('a'), appUser('b'), appUser('c')],
      new Map([
        ['b', appUser('b', 'renamed@example.com')],
        ['c', null],
        ['d', appUser('d')],
        ['never-assigned', null],
      ]),
    )
    expect(merged).toEqual([appUser('a'), appUser('b', 'renamed@example.com'), appUser('d')])
  })
})

describe('nextMark', () => {
  it('moves only forward, to the newest user update', () => {
    expect(nextMark(MARK, AFTER)).toBe(AFTER)
    expect(nextMark(MARK, BEFORE)).toBe(MARK)
    expect(nextMark(MARK, undefined)).toBe(MARK)
  })
})

const ORG = 'https://acme.okta.com'

/** a reader over canned pages: `pages` in order, then empty pages (a polling query never ends) */
function pagedReader(pages: unknown[][]): OktaReader & { urls: string[] } {
  const urls: string[] = []
  return {
    urls,
    getJson: async (p) => {
      urls.push(p)
      return pages[0] ?? []
    },
    forEachPage: async (p, onPage) => {
      urls.push(p)
      let n = 0
      for (;;) {
        await onPage((pages[n] ?? []) as RawRecord[], `${ORG}/api/v1/logs?after=page${n + 1}`)
        n++
        if (n > 100) throw new Error('the feed must stop at an empty page')
      }
    },
  }
}

describe('readChangeFeed', () => {
  it('asks for app-user events since the mark and stops at the first empty page', async () => {
    const r = pagedReader([
      [event('application.user_membership.add', 'big', 'u1')],
      [{ ...event('application.user_membership.remove', 'big', 'u2'), published: MARK }],
    ])
    const result = await readChangeFeed(r, { since: MARK })
    // the empty page's next link is where the next read continues
    expect(result?.next).toBe(`${ORG}/api/v1/logs?after=page3`)
    expect(result?.events.map((e) => e.eventType)).toEqual([
      'application.user_membership.add',
      'application.user_membership.remove',
    ])
    expect(result?.newest).toBe(AFTER)
    expect(decodeURIComponent(r.urls[0] ?? '')).toContain(`filter=${APP_USER_FEED_FILTER}`)
    expect(decodeURIComponent(r.urls[0] ?? '')).toContain(`since=${MARK}`)
  })

  it('gives up (undefined) on more events than the cap, or on a record that is not a LogEvent', async () => {
    const many = Array.from({ length: 3 }, () => event('application.user_membership.add', 'a', 'u'))
    expect(await readChangeFeed(pagedReader([many]), { since: MARK }, undefined, 2)).toBeUndefined()
    expect(await readChangeFeed(pagedReader([[{ eventType: 7 }]]), { since: MARK })).toBeUndefined()
  })
})

describe('resumeChangeFeed', () => {
  const link = (origin: string, filter = APP_USER_FEED_FILTER): string =>
    `${origin}/api/v1/logs?since=${MARK}&filter=${encodeURIComponent(filter)}&after=abc`

  it('continues from a stored link on this org, with the change-feed filter', async () => {
    const r = pagedReader([])
    await resumeChangeFeed(r, { orgUrl: ORG, mark: MARK, link: link(ORG) })
    expect(r.urls).toEqual([link(ORG)])
  })

  it('starts from the mark less the overlap when the stored link is absent or foreign', async () => {
    for (const stored of [undefined, link('https://evil.example'), link(ORG, 'eventType pr')]) {
      const r = pagedReader([])
      await resumeChangeFeed(r, { orgUrl: ORG, mark: MARK, link: stored })
      expect(decodeURIComponent(r.urls[0] ?? '')).toContain('since=2026-11-20T11:55:00.000Z')
    }
  })

  it('falls back to the mark when the org no longer honours the link (400)', async () => {
    const urls: string[] = []
    const r: OktaReader = {
      getJson: async () => [],
      forEachPage: async (p, onPage) => {
        urls.push(p)
        if (p.startsWith('http'))
          throw new ApiError('okta', 400, 'E0000001', 'Api validation failed: after')
        await onPage([], undefined)
        return 1
      },
    }
    expect(await resumeChangeFeed(r, { orgUrl: ORG, mark: MARK, link: link(ORG) })).toEqual({
      events: [],
      newest: undefined,
    })
    expect(urls).toHaveLength(2)
  })
})

describe('feedLinkFor', () => {
  const q = (params: Record<string, string>): string =>
    `${ORG}/api/v1/logs?${new URLSearchParams(params).toString()}`
  const base = { since: MARK, filter: APP_USER_FEED_FILTER, limit: '1000', after: 'abc' }

  it('accepts the polling link the feed itself stops at', () => {
    expect(feedLinkFor(ORG, q({ ...base, sortOrder: 'ASCENDING' }))).toBe(
      q({ ...base, sortOrder: 'ASCENDING' }),
    )
  })

  it('refuses anything else a snapshot file could carry', () => {
    for (const link of [
      q({ ...base, until: AFTER }),
      q({ ...base, sortOrder: 'DESCENDING' }),
      q({ ...base, q: 'admin' }),
      q({ ...base, filter: 'eventType pr' }),
      q({ since: MARK, filter: APP_USER_FEED_FILTER }),
      q(base).replace(ORG, 'https://evil.example'),
      q(base).replace('/api/v1/logs', '/api/v1/users'),
      'not a url',
    ])
      expect(feedLinkFor(ORG, link), link).toBeUndefined()
  })
})

describe('usableMark', () => {
  const now = Date.parse(MARK)
  it('is the stored time when the log still keeps it and it is not in the future', () => {
    expect(usableMark(BEFORE, now)).toBe(BEFORE)
    expect(usableMark('2026-11-20T13:00:00Z', now)).toBe('2026-11-20T13:00:00Z')
  })
  it('refuses a missing, malformed, too old or future mark', () => {
    for (const mark of [
      undefined,
      'yesterday',
      '2026-11-20',
      '2026-05-01T00:00:00Z',
      '2026-12-20T00:00:00Z',
    ])
      expect(usableMark(mark, now), String(mark)).toBeUndefined()
  })
})

describe('readLogHead', () => {
  it('is the newest event’s time, or undefined for an empty log', async () => {
    expect(await readLogHead(pagedReader([[{ published: AFTER }]]))).toBe(AFTER)
    expect(await readLogHead(pagedReader([]))).toBeUndefined()
  })
})

describe('readAppUser', () => {
  const failing = (error: unknown): OktaReader => ({
    getJson: async () => {
      throw error
    },
    forEachPage: async () => 0,
  })
  it('is null for a user no longer assigned (404) and rethrows anything else', async () => {
    const gone = new ApiError('okta', 404, 'E0000007', 'Not found: Resource not found: u (AppUser)')
    expect(await readAppUser(failing(gone), 'app', 'u')).toBeNull()
    const denied = new ApiError('okta', 403, 'E0000006', 'You do not have permission.')
    await expect(readAppUser(failing(denied), 'app', 'u')).rejects.toBe(denied)
  })
})
