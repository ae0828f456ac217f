import { describe, expect, it } from 'vitest'
import {
  HashedIndex,
  IMMUTABLE_IDS,
  PROXY_ADDRESSES,
} from '../../../../src/shared/compare/hashed-index'
import { MultiIndex, smtpAddress } from '../../../../src/shared/compare/multi-index'
import { type Rec, norm } from '../../../../src/shared/util/access'

/** The plain reading of the same question: a map from every address's key to its holders. */
function reference(users: readonly Rec[]): MultiIndex {
  const index = new MultiIndex()
  for (const u of users) {
    const list = u['proxyAddresses']
    if (!Array.isArray(list)) continue
    for (const p of list) if (typeof p === 'string') index.add(smtpAddress(p), u)
  }
  return index
}

/** The same for one value a record: its immutable ID, lower-cased and trimmed. */
function immutableReference(users: readonly Rec[]): MultiIndex {
  const index = new MultiIndex()
  for (const u of users) index.add(norm(u['onPremisesImmutableId']), u)
  return index
}

/** A small deterministic generator (the same users on every run). */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const SPELLINGS = [
  (a: string) => `SMTP:${a}`,
  (a: string) => `smtp:${a.toUpperCase()}`,
  (a: string) => `Smtp: ${a} `,
  (a: string) => a,
  (a: string) => `X500:/o=ExchangeLabs/cn=${a}`,
  (a: string) => `SIP:${a}`,
  (a: string) => `sip:${a}`,
  () => 'SMTP:',
  () => 'smtp:   ',
]
const LOCALS = ['ada', 'Bob', 'zoë', 'ZOË', 'çelik', 'a b', 'x\u200by', 'ÅSA', 'info']
const DOMAINS = ['contoso.com', 'Contoso.com', 'fabrikam.onmicrosoft.com', 'tailspin.io']

function generatedUsers(count: number, seed: number): Rec[] {
  const next = random(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T
  const users: Rec[] = []
  for (let i = 0; i < count; i++) {
    const n = Math.floor(next() * 5)
    const proxies: unknown[] = []
    for (let k = 0; k < n; k++) {
      const address = `${pick(LOCALS)}${Math.floor(next() * 40)}@${pick(DOMAINS)}`
      proxies.push(pick(SPELLINGS)(address))
    }
    if (next() < 0.05) proxies.push(42, null)
    users.push(next() < 0.05 ? { id: `u${i}` } : { id: `u${i}`, proxyAddresses: proxies })
  }
  return users
}

const IMMUTABLE_SPELLINGS = [
  (v: string) => v,
  (v: string) => v.toUpperCase(),
  (v: string) => ` ${v}\t`,
  (v: string) => `${v}é`,
  (v: string) => `${v}É`,
  () => '',
  () => '   ',
]

function immutableUsers(count: number, seed: number): Rec[] {
  const next = random(seed)
  const users: Rec[] = []
  for (let i = 0; i < count; i++) {
    const value = `QUJD${Math.floor(next() * 300).toString(36)}==`
    const spell = IMMUTABLE_SPELLINGS[Math.floor(next() * IMMUTABLE_SPELLINGS.length)] as (
      v: string,
    ) => string
    const roll = next()
    users.push({
      id: `u${i}`,
      onPremisesImmutableId: roll < 0.05 ? null : roll < 0.08 ? 7 : spell(value),
    })
  }
  return users
}

/** Every question an index answers, asked of both and compared. */
function expectSameAnswers(actual: HashedIndex, expected: MultiIndex, absent: string[]) {
  expect([...actual.duplicates()]).toEqual([...expected.duplicates()])
  expect(sortedEntries(actual.entries())).toEqual(sortedEntries(expected.entries()))
  expect(actual.size).toBe(expected.size)
  const keys = [...expected.entries()].map(([k]) => k)
  for (const key of [...keys, ...absent]) {
    expect(actual.get(key)).toEqual(expected.get(key))
    expect(actual.count(key)).toBe(expected.count(key))
    expect(actual.one(key)).toBe(expected.one(key))
    expect(actual.peek(key)).toEqual(expected.peek(key))
  }
  expect(keys.length).toBeGreaterThan(100)
  expect([...expected.duplicates()].length).toBeGreaterThan(10)
}

function sortedEntries(entries: Iterable<[string, readonly Rec[]]>) {
  return [...entries]
    .map(([k, v]) => [k, v.map((u) => u['id'])] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
}

describe('HashedIndex', () => {
  it('answers every question exactly as a map of every address does', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const users = generatedUsers(600, seed)
      expectSameAnswers(new HashedIndex(users, PROXY_ADDRESSES), reference(users), [
        'nobody@contoso.com',
        'ADA1@contoso.com',
        '',
      ])
    }
  })

  it('answers for immutable IDs exactly as a map of every lower-cased ID does', () => {
    for (const seed of [6, 7, 8]) {
      const users = immutableUsers(900, seed)
      const actual = new HashedIndex(users, IMMUTABLE_IDS)
      expectSameAnswers(actual, immutableReference(users), ['nothing==', 'QUJD1=='])
      // the positions of the records that share a key: those the map lists under a shared key
      const expectedRows = new Set(
        [...immutableReference(users).duplicates()].flatMap(([, held]) =>
          held.map((u) => users.indexOf(u)),
        ),
      )
      expect(new Set(actual.sharedRows())).toEqual(expectedRows)
    }
  })

  it('tells apart two addresses whose hashes are equal', () => {
    // these two share a 32-bit hash
    const a = { id: 'a', proxyAddresses: ['SMTP:u51009@contoso.com'] }
    const b = { id: 'b', proxyAddresses: ['SMTP:U62724@CONTOSO.COM'] }
    const c = { id: 'c', proxyAddresses: ['smtp:u62724@contoso.com'] }
    const index = new HashedIndex([a, b, c], PROXY_ADDRESSES)
    expect([...index.duplicates()]).toEqual([['u62724@contoso.com', [b, c]]])
    expect(index.one('u51009@contoso.com')).toBe(a)
    expect(index.get('u62724@contoso.com')).toEqual([b, c])
    expect(index.size).toBe(2)
  })

  it('counts a user once per address, however often it lists it', () => {
    const a = {
      id: 'a',
      proxyAddresses: ['SMTP:ada@contoso.com', 'smtp:ADA@contoso.com', 'ada@contoso.com'],
    }
    const index = new HashedIndex([a], PROXY_ADDRESSES)
    expect([...index.duplicates()]).toEqual([])
    expect(index.get('ada@contoso.com')).toEqual([a])
  })

  it('keeps positions apart when they need more bits than a hash leaves room for', () => {
    // 2^21 + a few addresses: the hash gives up a bit so hash and position fit one double
    const users: Rec[] = []
    for (let i = 0; i < 1_048_600; i++)
      users.push({
        proxyAddresses: [`SMTP:p${i}@contoso.com`, `smtp:p${i}@contoso.mail.onmicrosoft.com`],
      })
    const last = { proxyAddresses: ['SMTP:P7@Contoso.com'] }
    users.push(last)
    const index = new HashedIndex(users, PROXY_ADDRESSES)
    expect([...index.duplicates()]).toEqual([['p7@contoso.com', [users[7], last]]])
    for (let i = 1; i < 1_048_600; i += 499) {
      expect(index.one(`p${i}@contoso.com`)).toBe(users[i])
      expect(index.one(`p${i}@contoso.mail.onmicrosoft.com`)).toBe(users[i])
    }
    expect(index.get('p1048600@contoso.com')).toBeUndefined()
  })
})
