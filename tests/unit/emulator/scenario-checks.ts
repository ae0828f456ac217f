/** Checks shared by the scenario tests (a module, not a test file, so importing it runs no tests). */
import { expect } from 'vitest'
import type { AnswerKeyEntry, OktaRecord, Scenario } from '../../emulator/scenarios/types'

export const str = (v: unknown): string => (typeof v === 'string' ? v : '')
export const get = (r: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      r,
    )

/**
 * A per-user sync delay is proven by a pending change: the Okta user of each Entra user in the
 * entry holds a different title, imported after the user's last export, and Entra Connect's
 * last cycle came more than an hour after that import, which a System Log event records.
 */
export function expectPendingChanges(s: Scenario, e: AnswerKeyEntry): void {
  const lastSync = Date.parse(s.entra.organization[0]?.onPremisesLastSyncDateTime ?? '')
  const users = e.subjects.filter((x) => x.source === 'entra' && x.type === 'user')
  expect(users.length).toBeGreaterThan(0)
  for (const sub of users) {
    const u = s.entra.users.find((x) => x.id === sub.id)
    const okta = s.okta.users.find(
      (x) => str(get(x, 'profile.login')).toLowerCase() === u?.userPrincipalName?.toLowerCase(),
    )
    const changed = Date.parse(str(okta?.['lastUpdated']))
    expect(get(okta, 'credentials.provider.type')).toBe('ACTIVE_DIRECTORY')
    expect(changed).toBeGreaterThan(Date.parse(u?.onPremisesLastSyncDateTime ?? ''))
    expect(lastSync - changed).toBeGreaterThan(60 * 60_000)
    const attributes: [string, unknown][] = [
      ['title', u?.jobTitle],
      ['department', u?.department],
      ['lastName', u?.surname],
      ['displayName', u?.displayName],
    ]
    expect(attributes.some(([a, v]) => get(okta, `profile.${a}`) !== v)).toBe(true)
    const event = s.okta.logs.find(
      (x) =>
        x['eventType'] === 'user.account.update_profile' &&
        (x['target'] as OktaRecord[]).some((t) => t['id'] === okta?.['id']) &&
        Date.parse(str(x['published'])) === changed,
    )
    expect(event, `import event for ${str(okta?.['id'])}`).toBeDefined()
    expect(e.subjects.some((x) => x.type === 'logEvent' && x.id === event?.['uuid'])).toBe(true)
  }
}
