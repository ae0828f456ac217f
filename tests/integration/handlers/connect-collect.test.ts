/**
 * The connect → test → collect slice through the contract's door (`invokeChannel`), against
 * the emulator: connection save and doctor, a collection run's event stream, cancel, the
 * passphrase vault, and no secret in any reply, event, log line or file.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers, type HandlerDeps } from '../../../src/node/handlers'
import { invokeChannel } from '../../../src/node/ipc/invoke'
import { createLogger } from '../../../src/node/log'
import {
  eventContract,
  type EventChannel,
  type EventPayload,
  type Handlers,
  type Input,
  type InvokeChannel,
  type IpcResult,
  type Output,
} from '../../../src/shared/ipc'
import { startEmulator, type Emulator } from '../../emulator/index'
import { logWindow } from '../node/helpers'
import { expectedCounts } from '../node/truth'

const PASSPHRASE = 'correct horse battery staple'
const WRONG_SECRET = 'Xq8~notTheRealSecretValue.123'

let emulator: Emulator
let dataDir: string
beforeAll(async () => {
  emulator = await startEmulator({ scenario: 'healthy' })
  dataDir = await mkdtemp(path.join(tmpdir(), 'cw-handlers-'))
})
afterAll(async () => {
  await emulator?.close()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

type Reply<C extends InvokeChannel> = IpcResult<Output<C>>

interface Host {
  call: <C extends InvokeChannel>(channel: C, input?: Input<C>) => Promise<Reply<C>>
  /** the reply's value; fails the test when the call failed */
  ok: <C extends InvokeChannel>(channel: C, input?: Input<C>) => Promise<Output<C>>
  events: { channel: EventChannel; payload: unknown }[]
  lines: string[]
  replies: unknown[]
  waitFor: <E extends EventChannel>(
    channel: E,
    match: (payload: EventPayload<E>) => boolean,
  ) => Promise<EventPayload<E>>
}

function host(overrides: Partial<HandlerDeps> = {}): Host {
  const lines: string[] = []
  const events: Host['events'] = []
  const replies: unknown[] = []
  const waiters: {
    channel: EventChannel
    match: (p: unknown) => boolean
    resolve: (p: unknown) => void
  }[] = []
  const log = createLogger({ write: (line) => lines.push(line), level: 'debug' })
  const handlers: Handlers = createHandlers({
    host: 'browser',
    version: '0.0.0-test',
    dataDir,
    log,
    emit: (channel, payload) => {
      // hosts validate every event against the contract before sending it
      expect(eventContract[channel].safeParse(payload).success).toBe(true)
      const copy = JSON.parse(JSON.stringify(payload)) as unknown
      events.push({ channel, payload: copy })
      for (const w of [...waiters]) {
        if (w.channel === channel && w.match(copy)) {
          waiters.splice(waiters.indexOf(w), 1)
          w.resolve(copy)
        }
      }
    },
    vault: { kind: 'passphrase', passphrase: PASSPHRASE },
    endpointOverrides: true,
    collectOptions: logWindow(emulator),
    ...overrides,
  })
  const call = async <C extends InvokeChannel>(channel: C, input?: Input<C>): Promise<Reply<C>> => {
    const reply = await invokeChannel(handlers, channel, input, log, { checkOutput: true })
    replies.push(reply)
    return reply as Reply<C>
  }
  return {
    lines,
    events,
    replies,
    call,
    ok: async (channel, input) => {
      const reply = await call(channel, input)
      if (!reply.ok) throw new Error(`${channel}: ${reply.error.code}: ${reply.error.message}`)
      return reply.value
    },
    waitFor: <E extends EventChannel>(channel: E, match: (p: EventPayload<E>) => boolean) =>
      new Promise<EventPayload<E>>((resolve) => {
        const test = (p: unknown) => match(p as EventPayload<E>)
        const seen = events.find((e) => e.channel === channel && test(e.payload))
        if (seen) resolve(seen.payload as EventPayload<E>)
        else waiters.push({ channel, match: test, resolve: (p) => resolve(p as EventPayload<E>) })
      }),
  }
}

const runOf = (e: { payload: unknown }) => (e.payload as { runId?: string }).runId

const secrets = () => [
  emulator.scenario.credentials.entra.clientSecret,
  emulator.scenario.credentials.okta.apiToken,
  WRONG_SECRET,
  PASSPHRASE,
]

function expectNoSecrets(text: string) {
  for (const secret of secrets()) expect(text).not.toContain(secret)
}

const entra = (clientSecret?: string) => ({
  tenantId: emulator.tenantId,
  clientId: emulator.scenario.credentials.entra.clientId,
  cloud: 'global' as const,
  authorityHost: emulator.profile.entra.authorityHost,
  graphBaseUrl: emulator.profile.entra.graphBaseUrl,
  ...(clientSecret ? { credential: { kind: 'secret' as const, clientSecret } } : {}),
})

describe('connect → test → collect through the handlers', () => {
  let h: Host
  let workspaceId: string

  it('saves a connection, and the doctor explains a wrong secret next to its field', async () => {
    h = host()
    expect(await h.ok('vault:status')).toMatchObject({
      kind: 'passphrase',
      unlocked: true,
      endpointOverrides: true,
    })
    workspaceId = (await h.ok('workspaces:create', { name: 'Contoso' })).id

    const saved = await h.ok('connections:save', {
      workspaceId,
      entra: entra(WRONG_SECRET),
      okta: {
        orgUrl: `${emulator.profile.okta.orgUrl}/`,
        credential: { kind: 'apiToken', token: emulator.scenario.credentials.okta.apiToken },
      },
      caPem: emulator.caPem,
    })
    expect(saved.entra).toMatchObject({
      authKind: 'clientSecret',
      secretHint: WRONG_SECRET.slice(0, 3),
    })
    expect(saved.okta).toMatchObject({
      authKind: 'apiToken',
      orgUrl: emulator.profile.okta.orgUrl,
      tokenHint: emulator.scenario.credentials.okta.apiToken.slice(0, 3),
    })

    const report = await h.ok('connections:test', { workspaceId })
    expect(report.entra?.ok).toBe(false)
    expect(report.entra?.problems).toContainEqual(
      expect.objectContaining({ field: 'entra.clientSecret', code: 'aadsts-7000215' }),
    )
    expect(report.okta?.ok).toBe(true)
  })

  it('keeps the stored Okta token when only the Entra secret is replaced; then the test passes', async () => {
    const before = JSON.parse(await readFile(path.join(dataDir, 'vault.json'), 'utf8')) as VaultJson
    await h.ok('connections:save', {
      workspaceId,
      entra: entra(emulator.scenario.credentials.entra.clientSecret),
      okta: { orgUrl: emulator.profile.okta.orgUrl },
      caPem: emulator.caPem,
    })
    const after = JSON.parse(await readFile(path.join(dataDir, 'vault.json'), 'utf8')) as VaultJson
    // replaced entries are removed, not left behind
    expect(after.entries).toHaveLength(before.entries.length)
    const report = await h.ok('connections:test', { workspaceId })
    expect(report.entra).toMatchObject({ ok: true, problems: [] })
    expect(report.okta?.ok).toBe(true)
    const got = await h.ok('connections:get', { workspaceId })
    expect(got.entra?.authorityHost).toBe(emulator.profile.entra.authorityHost)
    expect(got.caPem).toBe(emulator.caPem.trim())
  })

  it('tests what is typed without storing it: a wrong secret fails the test and the stored one still works', async () => {
    const vaultBefore = await readFile(path.join(dataDir, 'vault.json'), 'utf8')
    const connectionsBefore = await readFile(path.join(dataDir, 'connections.json'), 'utf8')
    const draft = {
      entra: entra(WRONG_SECRET),
      okta: { orgUrl: emulator.profile.okta.orgUrl },
      caPem: emulator.caPem,
    }
    const typed = await h.ok('connections:test', { workspaceId, draft })
    expect(typed.entra?.problems).toContainEqual(
      expect.objectContaining({ field: 'entra.clientSecret', code: 'aadsts-7000215' }),
    )
    // the Okta side was left empty in the form: its stored token is used, and works
    expect(typed.okta?.ok).toBe(true)
    expect(await readFile(path.join(dataDir, 'vault.json'), 'utf8')).toBe(vaultBefore)
    expect(await readFile(path.join(dataDir, 'connections.json'), 'utf8')).toBe(connectionsBefore)
    expect((await h.ok('connections:get', { workspaceId })).entra?.secretHint).toBe(
      emulator.scenario.credentials.entra.clientSecret.slice(0, 3),
    )
    const stored = await h.ok('connections:test', { workspaceId })
    expect(stored.entra).toMatchObject({ ok: true, problems: [] })
    // a draft that changes the tenant is tested with the stored secret, still without saving
    const other = await h.ok('connections:test', {
      workspaceId,
      draft: { entra: { ...entra(), tenantId: 'contoso.onmicrosoft.com' }, caPem: emulator.caPem },
    })
    expect(other.okta).toBeUndefined()
    expect(await readFile(path.join(dataDir, 'connections.json'), 'utf8')).toBe(connectionsBefore)
  })

  it('collects: the events stream every resource and finish complete with the scenario’s counts', async () => {
    const started = await h.ok('collect:start', { workspaceId })
    const { runId } = started
    expect(started.entra).toEqual({ tenantId: emulator.tenantId, cloud: 'global' })
    const second = await h.call('collect:start', { workspaceId })
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } })

    const finished = await h.waitFor('collect:finished', (p) => p.runId === runId)
    expect(finished).toMatchObject({ outcome: 'complete', workspaceId })
    expect(finished.collection?.errors).toEqual([])
    const ends = h.events.filter((e) => e.channel === 'collect:finished' && runOf(e) === runId)
    expect(ends).toHaveLength(1)

    const counts: Record<string, number> = {}
    for (const e of h.events) {
      if (e.channel !== 'collect:event') continue
      const { event } = e.payload as EventPayload<'collect:event'>
      if (event.type === 'batch' && !(event.source === 'okta' && event.resource === 'userSchema')) {
        const key = `${event.source}.${event.resource}`
        counts[key] = (counts[key] ?? 0) + event.records.length
      }
    }
    const expected = expectedCounts(emulator.scenario, logWindow(emulator))
    for (const [key, n] of Object.entries(expected))
      expect([key, counts[key] ?? 0]).toEqual([key, n])
    // the end names every collected resource with its count, empty ones included
    for (const [key, n] of Object.entries(expected))
      expect([key, finished.resources?.[key]]).toEqual([key, n])
    // a finished run frees the workspace
    expect(await h.ok('collect:cancel', { runId })).toEqual({ cancelled: false })
  })

  it('progress: Entra users have their total from /users/$count, and every resource says Done as it ends', async () => {
    const { runId } = await h.ok('collect:start', { workspaceId })
    const finished = await h.waitFor('collect:finished', (p) => p.runId === runId)
    const progress = h.events
      .filter((e) => e.channel === 'collect:event' && runOf(e) === runId)
      .map((e) => (e.payload as EventPayload<'collect:event'>).event)
      .filter((e) => e.type === 'progress')
    const users = progress.filter((e) => e.source === 'entra' && e.resource === 'users')
    expect(users[0]?.total).toBe(emulator.scenario.entra.users.length)
    const done = new Set(
      progress.filter((e) => e.state === 'done').map((e) => `${e.source}.${e.resource}`),
    )
    expect([...done].sort()).toEqual(Object.keys(finished.resources ?? {}).sort())
    // a resource is done before the run ends: its Done comes before the last event
    const seqs = h.events
      .filter((e) => e.channel === 'collect:event' && runOf(e) === runId)
      .map((e) => e.payload as EventPayload<'collect:event'>)
    const firstDone = seqs.find((p) => p.event.type === 'progress' && p.event.state === 'done')
    expect(firstDone!.seq).toBeLessThan(finished.events - 1)
  })

  it('holds a finished run for a window that reloaded, hands out its journal, and forgets it once released', async () => {
    const { runId } = await h.ok('collect:start', { workspaceId })
    const finished = await h.waitFor('collect:finished', (p) => p.runId === runId)
    const held = (await h.ok('collect:runs', undefined)).find((r) => r.runId === runId)
    expect(held).toMatchObject({ workspaceId, events: finished.events, finished: { runId } })
    let from = 0
    let records = 0
    for (;;) {
      const slice = await h.ok('collect:events', { runId, from })
      expect(slice.events.map((e) => e.seq)).toEqual(slice.events.map((_, i) => from + i))
      for (const e of slice.events) if (e.event.type === 'batch') records += e.event.records.length
      from += slice.events.length
      if (slice.finished) break
      expect(slice.events.length).toBeGreaterThan(0)
    }
    expect(from).toBe(finished.events)
    expect(records).toBeGreaterThan(0)
    expect(await h.ok('collect:release', { runId })).toEqual({ released: true })
    expect((await h.ok('collect:runs', undefined)).some((r) => r.runId === runId)).toBe(false)
    expect(await h.call('collect:events', { runId, from: 0 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })

  it('a cancelled run finishes cancelled, once, never complete', async () => {
    emulator.setFaults('latency=40')
    try {
      const { runId } = await h.ok('collect:start', { workspaceId })
      await h.waitFor('collect:event', (p) => p.runId === runId)
      expect(await h.ok('collect:cancel', { runId })).toEqual({ cancelled: true })
      const finished = await h.waitFor('collect:finished', (p) => p.runId === runId)
      expect(finished.outcome).toBe('cancelled')
      expect(finished.collection).toBeUndefined()
      await new Promise((r) => setTimeout(r, 200))
      const ends = h.events.filter((e) => e.channel === 'collect:finished' && runOf(e) === runId)
      expect(ends).toHaveLength(1)
      // nothing of the run arrives after its end
      const last = h.events.map(runOf).lastIndexOf(runId)
      expect(h.events[last]?.channel).toBe('collect:finished')
    } finally {
      emulator.setFaults('none')
    }
  })

  it('no reply, event, log line or file holds a secret', async () => {
    expectNoSecrets(JSON.stringify(h.replies))
    expectNoSecrets(JSON.stringify(h.events))
    expectNoSecrets(h.lines.join('\n'))
    expectNoSecrets(await readFile(path.join(dataDir, 'vault.json'), 'utf8'))
    expectNoSecrets(await readFile(path.join(dataDir, 'connections.json'), 'utf8'))
    expect(h.lines.some((l) => l.includes('collect.finished'))).toBe(true)
  })

  it('a wrong passphrase is refused and deletes nothing; the right one opens the vault', async () => {
    const vaultBefore = await readFile(path.join(dataDir, 'vault.json'), 'utf8')
    const other = host({ vault: { kind: 'passphrase', passphrase: 'not the passphrase' } })
    const status = await other.ok('vault:status')
    expect(status.unlocked).toBe(false)
    expect(status.problems.join(' ')).toMatch(/does not open this vault/)
    const test = await other.call('connections:test', { workspaceId })
    expect(test).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    const wrong = await other.call('vault:unlock', { passphrase: 'still the wrong one' })
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/does not open/) },
    })
    expect(await readFile(path.join(dataDir, 'vault.json'), 'utf8')).toBe(vaultBefore)
    expect(await other.ok('vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({
      unlocked: true,
    })
    expect((await other.ok('connections:test', { workspaceId })).entra?.ok).toBe(true)
    expectNoSecrets(other.lines.join('\n'))
    expectNoSecrets(JSON.stringify(other.replies))
  })

  it('refuses custom endpoints and a custom CA where the host does not allow overrides', async () => {
    const strict = host({ endpointOverrides: false })
    expect((await strict.ok('vault:status')).endpointOverrides).toBe(false)
    const refused = await strict.call('connections:save', { workspaceId, entra: entra() })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/custom endpoints/) },
    })
    const stored = await strict.call('collect:start', { workspaceId })
    expect(stored).toMatchObject({ ok: false, error: { code: 'unavailable' } })
  })

  it('removing the workspace deletes its vault entries and its connection', async () => {
    await h.ok('workspaces:remove', { id: workspaceId })
    const vault = JSON.parse(await readFile(path.join(dataDir, 'vault.json'), 'utf8')) as VaultJson
    expect(vault.entries).toEqual([])
    const connections = JSON.parse(
      await readFile(path.join(dataDir, 'connections.json'), 'utf8'),
    ) as { workspaces: Record<string, unknown> }
    expect(connections.workspaces).toEqual({})
  })
})

interface VaultJson {
  entries: unknown[]
}
