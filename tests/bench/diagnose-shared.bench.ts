/**
 * Shared values at scale: diagnosis of 200k Entra users who all hold one UPN, mail and
 * immutable ID, against the floor of diagnosing 200k users whose values are all
 * distinct (the same fixture, the same rules). Indexes must stay linear in the users
 * whatever the values: the shared case within 1.5× of the distinct one, and findings
 * about the shared value capped in their subjects (with the count in the evidence).
 */
import type { Snapshot } from '../../src/shared/model'
import { diagnose } from '../../src/shared/rules'
import { seamSnapshot } from '../fixtures/snapshots/seam-snapshot'
import type { Benchmark } from './types'

const USERS = Number(process.env.CROSSWALK_BENCH_SHARED_USERS ?? 200_000)

function population(shared: boolean): Snapshot {
  return seamSnapshot((s) => {
    const users: Record<string, unknown>[] = []
    for (let i = 0; i < USERS; i++) {
      const value = shared ? 'same.person@contoso.com' : `person.${i.toString(36)}@contoso.com`
      users.push({
        id: `e-${i}`,
        userPrincipalName: value,
        mail: value,
        displayName: `Person ${i}`,
        accountEnabled: true,
        userType: 'Member',
        onPremisesSyncEnabled: true,
        onPremisesImmutableId: shared ? 'U0FNRQ==' : `SU1NVVRBQkxF${i.toString(36)}==`,
        onPremisesLastSyncDateTime: '2026-06-01T11:50:00Z',
        proxyAddresses: [`SMTP:${value}`],
      })
    }
    s.entra!.users = users
  })
}

let distinct: Snapshot
let shared: Snapshot
let subjects = 0
let findings = 0

function run(snapshot: Snapshot): number {
  const started = performance.now()
  const out = diagnose(snapshot)
  const ms = performance.now() - started
  findings = out.length
  subjects = Math.max(...out.map((f) => f.subjects.length))
  return ms
}

export const benchmark: Benchmark = {
  name: 'diagnose-shared',
  description: `all rules over ${USERS / 1000}k Entra users sharing one UPN, mail and immutable ID, vs the same count of distinct values`,
  runs: 3,
  setup: async () => {
    distinct = population(false)
    shared = population(true)
  },
  floor: async () => ({ ms: run(distinct) }),
  measure: async () => {
    const ms = run(shared)
    return { ms, extra: { findings, largestSubjectList: subjects } }
  },
  targets: [
    { figure: 'ratio', max: 1.5, label: 'a shared value costs at most 1.5× distinct values' },
    {
      figure: 'largestSubjectList',
      max: 600,
      label: 'findings about a shared value cap their subjects',
    },
  ],
}
