import { describe, expect, it } from 'vitest'
import { FilterError, parseFilter } from '../../emulator/graph/filter'
import {
  decodeToken,
  encodeToken,
  linkWith,
  pageBody,
  projectJson,
} from '../../emulator/graph/odata'
import { parseScim, ScimError } from '../../emulator/okta/scim'

describe('Graph $filter', () => {
  const sp = {
    appId: '11111111-2222-4333-8444-555555555555',
    displayName: "O'Brien app",
    tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
    status: { errorCode: 50107 },
    createdDateTime: '2026-06-01T10:00:00Z',
  }
  const t = (f: string, x: Record<string, unknown> = sp) => parseFilter(f).predicate(x)

  it('compares strings case-insensitively, GUIDs, numbers and nested paths', () => {
    expect(t("appId eq '11111111-2222-4333-8444-555555555555'")).toBe(true)
    expect(t("displayName eq 'o''brien APP'")).toBe(true)
    expect(t('status/errorCode eq 50107')).toBe(true)
    expect(t('status/errorCode eq 0')).toBe(false)
  })

  it('compares date-times as instants', () => {
    expect(t('createdDateTime ge 2026-06-01T09:59:59.000Z')).toBe(true)
    expect(t('createdDateTime ge 2026-06-01T10:00:01Z')).toBe(false)
    expect(
      t('createdDateTime ge 2026-06-01T00:00:00Z and createdDateTime le 2026-06-02T00:00:00Z'),
    ).toBe(true)
  })

  it('supports startswith, any(), not, or and parentheses, and flags advanced queries', () => {
    expect(t("startswith(displayName,'o''b')")).toBe(true)
    expect(t("tags/any(x:x eq 'WindowsAzureActiveDirectoryIntegratedApp')")).toBe(true)
    expect(t("(appId eq 'x' or displayName eq 'nope') and not(status/errorCode eq 1)")).toBe(false)
    expect(parseFilter("displayName ne 'x'").advanced).toBe(true)
    expect(parseFilter("appId eq 'x'").advanced).toBe(false)
    expect([...parseFilter("id eq 'a' or id eq 'b'").properties]).toEqual(['id'])
  })

  it('rejects what it does not understand', () => {
    expect(() => parseFilter("appId eqq 'x'")).toThrow(FilterError)
    expect(() => parseFilter("appId eq 'x")).toThrow(FilterError)
    expect(() => parseFilter('appId eq')).toThrow(FilterError)
    expect(() => parseFilter("appId eq 'x' garbage")).toThrow(FilterError)
  })
})

describe('Graph projections and paging tokens', () => {
  it('selects properties in order, null or [] when unset, and drops navigation properties by default', () => {
    const u = { id: '1', displayName: 'A', members: [{ id: '2' }], signInActivity: {} }
    expect(projectJson(u, ['displayName', 'mail', 'proxyAddresses', 'id'], null)).toBe(
      '{"displayName":"A","mail":null,"proxyAddresses":[],"id":"1"}',
    )
    expect(projectJson(u, null, null, ['signInActivity'])).toBe('{"id":"1","displayName":"A"}')
    expect(projectJson(u, null, ['id'])).toBe('{"id":"1"}')
  })

  it('round-trips opaque tokens and rejects foreign ones', () => {
    const token = encodeToken({ o: 999 })
    expect(decodeToken(token)).toEqual({ o: 999 })
    expect(decodeToken('abc')).toBeNull()
    expect(decodeToken(`${token.slice(0, 8)}!!!`)).toBeNull()
  })

  it('keeps every original parameter in the next link', () => {
    const q = new URLSearchParams(
      "$select=id,displayName&$top=999&$filter=appId eq 'x'&$skiptoken=old",
    )
    const link = linkWith('https://localhost:1/v1.0/users', q, '$skiptoken', 'NEW')
    expect(link).toBe(
      "https://localhost:1/v1.0/users?$select=id,displayName&$top=999&$filter=appId%20eq%20'x'&$skiptoken=NEW",
    )
    expect(JSON.parse(pageBody('ctx', ['{"id":"1"}'], { count: 1, nextLink: link }))).toEqual({
      '@odata.context': 'ctx',
      '@odata.count': 1,
      '@odata.nextLink': link,
      value: [{ id: '1' }],
    })
  })
})

describe('Okta SCIM filter and search', () => {
  const user = {
    id: '00u1',
    status: 'ACTIVE',
    lastUpdated: '2026-06-01T10:00:00.000Z',
    profile: { login: 'Ada@Contoso.example', firstName: 'Ada', city: null },
  }
  const ev = {
    eventType: 'user.authentication.auth_via_IDP',
    outcome: { result: 'FAILURE' },
    target: [
      { id: '0oa1', type: 'IdentityProvider' },
      { id: '00u1', type: 'User' },
    ],
  }
  const m = (f: string, x: unknown = user) => parseScim(f).matches(x)

  it('evaluates eq/sw/co/pr and date comparisons', () => {
    expect(m('status eq "ACTIVE"')).toBe(true)
    expect(m('profile.login eq "ada@contoso.example"')).toBe(true)
    expect(m('profile.login sw "ada"')).toBe(true)
    expect(m('profile.login co "contoso"')).toBe(true)
    expect(m('profile.firstName pr')).toBe(true)
    expect(m('profile.city pr')).toBe(false)
    expect(m('lastUpdated gt "2026-06-01T09:00:00Z"')).toBe(true)
    expect(m('lastUpdated gt "2026-06-01T10:00:00.000Z"')).toBe(false)
  })

  it('combines with and/or/not and parentheses, and matches any element of arrays', () => {
    expect(
      m('eventType eq "user.authentication.auth_via_IDP" and outcome.result eq "FAILURE"', ev),
    ).toBe(true)
    expect(m('target.id eq "00u1"', ev)).toBe(true)
    expect(m('target.id eq "00u2"', ev)).toBe(false)
    expect(
      m('(status eq "SUSPENDED" or status eq "ACTIVE") and not (profile.firstName eq "Grace")'),
    ).toBe(true)
    expect(parseScim('status eq "A" and profile.login eq "b"').attributes).toEqual([
      'status',
      'profile.login',
    ])
  })

  it('rejects malformed expressions', () => {
    expect(() => parseScim('status equals "ACTIVE"')).toThrow(ScimError)
    expect(() => parseScim('status eq "ACTIVE')).toThrow(ScimError)
    expect(() => parseScim('(status eq "ACTIVE"')).toThrow(ScimError)
  })
})
