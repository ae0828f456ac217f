import { describe, expect, it } from 'vitest'
import type { Snapshot } from '../../../../src/shared/model'
import { SnapshotIndex } from '../../../../src/shared/compare/snapshot-index'
import { officeKeys } from '../../../../src/shared/compare/join'
import { oktaRowCandidates } from '../../../../src/shared/compare/candidates'
import { ADDRESS, AddressBook } from '../../../../src/shared/compare/address-book'
import { MultiIndex } from '../../../../src/shared/compare/multi-index'

type J = Record<string, unknown>

function snapshot(entraUsers: J[], oktaUsers: J[], office: J[] = []): Snapshot {
  return {
    schemaVersion: 1,
    collectedAt: '2026-11-20T00:00:00Z',
    entra: { tenantId: 't', users: entraUsers },
    okta: {
      orgUrl: 'https://example.okta.com',
      users: oktaUsers,
      apps: [{ id: 'o365', name: 'office365', status: 'ACTIVE', label: 'Microsoft Office 365' }],
      appUsers: { o365: office },
    },
  } as unknown as Snapshot
}

const ada = {
  id: 'e1',
  userPrincipalName: 'Ada@Contoso.com',
  mail: 'ada@contoso.com',
  proxyAddresses: ['SMTP:ada@contoso.com', 'smtp:ada@contoso.mail.onmicrosoft.com'],
  onPremisesImmutableId: 'QUJD',
}
const bob = {
  id: 'e2',
  userPrincipalName: 'bob@contoso.com',
  mail: 'bob@contoso.com',
  proxyAddresses: ['SMTP:bob@contoso.com', 'smtp:ADA@contoso.com'],
  onPremisesImmutableId: 'qujd',
}
const oktaAda = {
  id: '00u1',
  status: 'ACTIVE',
  profile: { login: 'ada@contoso.com', email: 'ADA@contoso.com' },
}
const oktaBob = {
  id: '00u2',
  status: 'ACTIVE',
  profile: { login: 'bob@contoso.com', email: 'bob@contoso.com' },
}

const carol = { id: 'e3', userPrincipalName: 'carol@contoso.com', mail: 'C.Jones@contoso.com' }
const oktaCarol = {
  id: '00u3',
  status: 'ACTIVE',
  profile: { login: 'carol@contoso.com', email: 'cj@personal.example' },
}

describe('SnapshotIndex lookups on the address book', () => {
  it('answers each attribute only for the values that attribute holds', () => {
    const index = new SnapshotIndex(snapshot([carol], [oktaCarol]))
    expect(index.entraByUpn.one('carol@contoso.com')).toBe(carol)
    expect(index.entraByUpn.get('c.jones@contoso.com')).toBeUndefined()
    expect(index.entraByMail.one('c.jones@contoso.com')).toBe(carol)
    expect(index.entraByMail.get('carol@contoso.com')).toBeUndefined()
    expect(index.oktaByLogin.one('carol@contoso.com')).toBe(oktaCarol)
    expect(index.oktaByLogin.get('cj@personal.example')).toBeUndefined()
    expect(index.oktaByEmail.one('cj@personal.example')).toBe(oktaCarol)
    expect(index.oktaByEmail.get('carol@contoso.com')).toBeUndefined()
    expect([index.entraByUpn.size, index.entraByMail.size, index.oktaByEmail.size]).toEqual([
      1, 1, 1,
    ])
  })

  it('keys each attribute lower-cased and keeps the attributes apart', () => {
    const index = new SnapshotIndex(snapshot([ada, bob], [oktaAda, oktaBob]))
    expect(index.entraByUpn.one('ada@contoso.com')).toBe(ada)
    expect(index.entraByMail.one('ada@contoso.com')).toBe(ada)
    expect(index.oktaByLogin.one('ada@contoso.com')).toBe(oktaAda)
    expect(index.oktaByEmail.one('ada@contoso.com')).toBe(oktaAda)
    // a value held as one attribute is not found under another
    expect(index.entraByUpn.get('ada@contoso.mail.onmicrosoft.com')).toBeUndefined()
    expect(index.entraByMail.count('nobody@contoso.com')).toBe(0)
    expect(index.entraByUpn.size).toBe(2)
    expect(index.oktaByEmail.size).toBe(2)
    expect([...index.entraByMail.entries()].map(([k]) => k).sort()).toEqual([
      'ada@contoso.com',
      'bob@contoso.com',
    ])
  })

  it('reports a shared value per attribute: proxies and immutable IDs across users, case ignored', () => {
    const index = new SnapshotIndex(snapshot([ada, bob], [oktaAda, oktaBob]))
    expect([...index.entraByProxy.duplicates()]).toEqual([['ada@contoso.com', [ada, bob]]])
    expect([...index.entraByImmutableId.duplicates()]).toEqual([['qujd', [ada, bob]]])
    // the UPN and mail are each held once: no duplicate, however many attributes share the value
    expect([...index.entraByUpn.duplicates()]).toEqual([])
    expect([...index.entraByMail.duplicates()]).toEqual([])
    expect(Array.from(index.entraSharedKeys)).toEqual([4, 4])
  })

  it('finds duplicates among many holders without repeating one', () => {
    const users = Array.from({ length: 40 }, (_, i) => ({
      id: `e${i}`,
      userPrincipalName: `u${i}@contoso.com`,
      mail: 'shared@contoso.com',
    }))
    const index = new SnapshotIndex(snapshot(users, []))
    const [[key, holders]] = [...index.entraByMail.duplicates()] as [[string, J[]]]
    expect(key).toBe('shared@contoso.com')
    expect(holders).toHaveLength(40)
    expect(new Set(holders).size).toBe(40)
    expect(Array.from(index.entraSharedKeys).every((bits) => bits === 2)).toBe(true)
  })

  it('files Office 365 usernames under the login entry when equal and under their own otherwise', () => {
    const office = [
      { id: '00u1', status: 'PROVISIONED', credentials: { userName: 'ada@contoso.com' } },
      { id: '00u2', status: 'PROVISIONED', credentials: { userName: 'Robert@Contoso.com' } },
    ]
    const index = new SnapshotIndex(snapshot([ada, bob], [oktaAda, oktaBob], office))
    const { byUserName } = officeKeys(index)
    expect(byUserName.one('ada@contoso.com')).toBe(oktaAda)
    expect(byUserName.one('robert@contoso.com')).toBe(oktaBob)
    expect(byUserName.get('bob@contoso.com')).toBeUndefined()
    expect(byUserName.size).toBe(2)
  })
})

describe('the candidates of an Okta row', () => {
  it("name the username of the person's first Office 365 assignment, whatever else holds the value", () => {
    // one Okta user assigned to two Office 365 apps: the first names the Entra person, the
    // second the Okta login, which the address book met first
    const s = snapshot([{ id: 'e0', userPrincipalName: 'a@x.com' }], [])
    const okta = s.okta as unknown as J & { apps: J[]; appUsers: Record<string, J[]>; users: J[] }
    okta.users = [{ id: 'o1', status: 'ACTIVE', profile: { login: 'b@x.com' } }]
    okta.apps = [
      { id: 'app0', name: 'office365', status: 'ACTIVE' },
      { id: 'app1', name: 'office365', status: 'ACTIVE' },
    ]
    okta.appUsers = {
      app0: [{ id: 'o1', credentials: { userName: 'a@x.com' } }],
      app1: [{ id: 'o1', credentials: { userName: 'b@x.com' } }],
    }
    const index = new SnapshotIndex(s)
    void index.oktaByLogin
    expect(oktaRowCandidates(index, 0)).toEqual([
      expect.objectContaining({ key: 'office365UserName', value: 'a@x.com', rows: [0] }),
    ])
  })
})

describe('AddressBook and MultiIndex agree', () => {
  it('give the same answers for the same additions', () => {
    const records = Array.from({ length: 30 }, (_, i) => ({ id: i }))
    const keys = ['a', 'b', 'a', 'c', 'a', 'b']
    const book = new AddressBook()
    const index = new MultiIndex()
    records.forEach((r, i) => {
      const key = keys[i % keys.length] as string
      book.add(book.entry(key), key, ADDRESS.login, r)
      index.add(key, r)
      // a record added twice under one key counts once
      book.add(book.entry(key), key, ADDRESS.login, r)
      index.add(key, r)
    })
    const view = book.view(ADDRESS.login)
    for (const key of ['a', 'b', 'c', 'd']) {
      expect(view.get(key)).toEqual(index.get(key))
      expect(view.count(key)).toBe(index.count(key))
      expect(view.one(key)).toBe(index.one(key))
    }
    expect([...view.duplicates()]).toEqual([...index.duplicates()])
    expect(view.size).toBe(index.size)
    expect(book.view(ADDRESS.email).size).toBe(0)
  })
})

describe('SnapshotIndex live and deprovisioned Okta users', () => {
  it('sets DEPROVISIONED users apart in any case, and only them', () => {
    const users = [
      'ACTIVE',
      'DEPROVISIONED',
      'Deprovisioned',
      'deprovisioned ',
      'SUSPENDED',
      'PROVISIONED',
    ].map((status, i) => ({ id: `00u${i}`, status, profile: { login: `u${i}@contoso.com` } }))
    const index = new SnapshotIndex(snapshot([], users))
    expect(index.oktaDeprovisioned.map((u) => u['status'])).toEqual([
      'DEPROVISIONED',
      'Deprovisioned',
    ])
    expect(index.oktaUsers.map((u) => u['status'])).toEqual([
      'ACTIVE',
      'deprovisioned ',
      'SUSPENDED',
      'PROVISIONED',
    ])
    expect(index.oktaById.get('00u1')).toBeUndefined()
    expect(index.oktaById.get('00u5')).toBe(users[5])
    expect(index.oktaRowById.get('00u5')).toBe(3)
  })
})
