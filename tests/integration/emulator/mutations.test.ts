/**
 * Incremental refresh against the emulator: the scenario library's churn runs through the
 * emulator's mutation layer, and Graph delta plus Okta `lastUpdated` filters return exactly
 * what changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../emulator/index'
import { churn, type ChangeSink } from '../../emulator/scenarios/mutations'
import { callJson, graphToken } from '../../emulator/testing/clients'

type Page = {
  value: Record<string, unknown>[]
  '@odata.nextLink'?: string
  '@odata.deltaLink'?: string
}

let emu: Emulator
let token: string
beforeAll(async () => {
  emu = await startEmulator({ scenario: 'healthy', seed: 3 })
  token = await graphToken(
    emu,
    emu.scenario.credentials.entra.clientId,
    emu.scenario.credentials.entra.clientSecret,
  )
})
afterAll(() => emu?.close())

async function drain(
  url: string,
): Promise<{ items: Record<string, unknown>[]; deltaLink: string }> {
  const items: Record<string, unknown>[] = []
  let next: string | undefined = url
  let deltaLink = ''
  while (next) {
    const r: { json: Page } = await callJson<Page>(next, {
      ca: emu.caPem,
      headers: { authorization: `Bearer ${token}` },
    })
    items.push(...r.json.value)
    next = r.json['@odata.nextLink']
    deltaLink = r.json['@odata.deltaLink'] ?? deltaLink
  }
  return { items, deltaLink }
}

describe('incremental refresh after churn', () => {
  it('the emulator mutation layer is a scenario ChangeSink', () => {
    const sink: ChangeSink = emu.mutate
    expect(typeof sink.entra.update).toBe('function')
  })

  it('Graph delta and Okta lastUpdated return exactly the changed people', async () => {
    const first = await drain(
      `${emu.graphBaseUrl}/v1.0/users/delta?$select=id,displayName,jobTitle`,
    )
    expect(first.items.length).toBe(emu.scenario.entra.users.length)
    const mark = new Date(Date.parse(emu.scenario.now) - 1000).toISOString()
    const before = await callJson<unknown[]>(
      `${emu.oktaOrgUrl}/api/v1/users?filter=${encodeURIComponent(`lastUpdated gt "${mark}"`)}`,
      {
        ca: emu.caPem,
        headers: { authorization: `SSWS ${emu.scenario.credentials.okta.apiToken}` },
      },
    )
    const alreadyRecent = new Set((before.json as { id: string }[]).map((u) => u.id))

    const changes = churn(emu.scenario, 0.05, 9, { sink: emu.mutate })
    expect(changes.length).toBeGreaterThan(0)

    const delta = await drain(first.deltaLink)
    const expectedEntra = new Set(
      changes.filter((c) => c.source === 'entra' && c.collection === 'users').map((c) => c.id),
    )
    expect(new Set(delta.items.map((u) => String(u.id)))).toEqual(expectedEntra)
    for (const c of changes.filter(
      (x) => x.source === 'entra' && x.collection === 'users' && x.op === 'remove',
    )) {
      expect(delta.items.find((u) => u.id === c.id)?.['@removed']).toBeTruthy()
    }

    const after = await callJson<{ id: string }[]>(
      `${emu.oktaOrgUrl}/api/v1/users?filter=${encodeURIComponent(`lastUpdated gt "${mark}"`)}`,
      {
        ca: emu.caPem,
        headers: { authorization: `SSWS ${emu.scenario.credentials.okta.apiToken}` },
      },
    )
    const changedOkta = new Set(after.json.map((u) => u.id).filter((id) => !alreadyRecent.has(id)))
    const expectedOkta = new Set(
      changes
        .filter((c) => c.source === 'okta' && c.collection === 'users' && c.op !== 'remove')
        .map((c) => c.id),
    )
    expect(changedOkta).toEqual(new Set([...expectedOkta].filter((id) => !alreadyRecent.has(id))))
  })
})
