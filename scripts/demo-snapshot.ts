/**
 * Builds the demo workspace's snapshot: the emulator's `broken` tenant pair
 * collected by the real connectors, with the emulator's loopback origins
 * replaced by the hosts a real tenant pair would have, and keyed resources in a
 * fixed order, so the same code always yields the same file.
 */
import { startEmulator } from '../tests/emulator/index'
import { collectSnapshot } from '../src/node/collect/collect-snapshot'
import { parseProfile } from '../src/node/profile/profile'
import { readCa, resolveCredentials } from '../src/node/profile/credentials'
import type { Snapshot } from '../src/shared/model/snapshot'
import { ENTRA_RESOURCES, KEYED_RESOURCES, OKTA_RESOURCES } from '../src/shared/model/snapshot'

import { DEMO_HOSTS, DEMO_NOW, DEMO_SEED } from './demo-constants'

export { DEMO_HOSTS, DEMO_NOW, DEMO_SEED }

export async function buildDemoSnapshot(): Promise<Snapshot> {
  const emulator = await startEmulator({ scenario: 'broken', seed: DEMO_SEED, now: DEMO_NOW })
  try {
    const profile = parseProfile(emulator.profile, process.cwd())
    const credentials = await resolveCredentials(profile, emulator.env)
    const ca = await readCa(profile)
    const fixedClock = () => Date.parse(DEMO_NOW)
    const snapshot = await collectSnapshot({
      profile,
      credentials,
      ...(ca ? { ca } : {}),
      now: fixedClock,
      logsSince: '2026-11-13T12:00:00.000Z',
      logsUntil: DEMO_NOW,
      auditSince: '2026-11-13T12:00:00.000Z',
    })
    let text = JSON.stringify(canonicalOrder(snapshot))
    const origins: [string, string][] = [
      [emulator.authorityHost, DEMO_HOSTS.authorityHost],
      [emulator.graphBaseUrl, DEMO_HOSTS.graphBaseUrl],
      [emulator.oktaOrgUrl, DEMO_HOSTS.oktaOrgUrl],
    ]
    for (const [from, to] of origins) text = text.split(from).join(to)
    return JSON.parse(text) as Snapshot
  } finally {
    await emulator.close()
  }
}

/** Resources arrive in whatever order the parallel collection finishes them; fix one order. */
function canonicalOrder(snapshot: Snapshot): Snapshot {
  const order = {
    entra: ['tenantId', 'cloud', ...ENTRA_RESOURCES],
    okta: ['orgUrl', ...OKTA_RESOURCES],
  }
  for (const source of ['entra', 'okta'] as const) {
    const side = snapshot[source] as Record<string, unknown> | undefined
    if (!side) continue
    const sorted: Record<string, unknown> = {}
    for (const key of order[source]) {
      const value = side[key]
      if (value === undefined) continue
      sorted[key] = KEYED_RESOURCES[source].includes(key)
        ? Object.fromEntries(Object.entries(value as object).sort(([a], [b]) => a.localeCompare(b)))
        : value
    }
    ;(snapshot as Record<string, unknown>)[source] = sorted
  }
  snapshot.collection.errors.sort((a, b) =>
    `${a.source}.${a.resource}`.localeCompare(`${b.source}.${b.resource}`),
  )
  snapshot.collection.cursors = Object.fromEntries(
    Object.entries(snapshot.collection.cursors).sort(([a], [b]) => a.localeCompare(b)),
  )
  return snapshot
}
