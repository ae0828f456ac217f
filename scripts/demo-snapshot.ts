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
import { KEYED_RESOURCES } from '../src/shared/model/snapshot'

export const DEMO_SEED = 20261126
export const DEMO_NOW = '2026-11-20T12:00:00.000Z'
export const DEMO_HOSTS = {
  authorityHost: 'https://login.microsoftonline.com',
  graphBaseUrl: 'https://graph.microsoft.com',
  oktaOrgUrl: 'https://contoso-demo.okta.com',
}

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
    let text = JSON.stringify(sortKeyedResources(snapshot))
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

function sortKeyedResources(snapshot: Snapshot): Snapshot {
  for (const source of ['entra', 'okta'] as const) {
    const side = snapshot[source] as Record<string, unknown> | undefined
    if (!side) continue
    for (const resource of KEYED_RESOURCES[source]) {
      const byParent = side[resource] as Record<string, unknown> | undefined
      if (byParent)
        side[resource] = Object.fromEntries(
          Object.entries(byParent).sort(([a], [b]) => a.localeCompare(b)),
        )
    }
  }
  return snapshot
}
