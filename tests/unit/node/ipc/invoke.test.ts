import { beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../../src/node/handlers'
import { invokeChannel } from '../../../../src/node/ipc/invoke'
import { createLogger } from '../../../../src/node/log'
import type { Handlers } from '../../../../src/shared/ipc/contract'
import { useTempDirs } from '../../../fixtures/temp-dirs'

let handlers: Handlers
let events: { channel: string; payload: unknown }[]
let logLines: string[]
const log = createLogger({ write: (l) => logLines.push(l) })

const temp = useTempDirs('cw-ipc-')

beforeEach(async () => {
  const dataDir = await temp.make()
  events = []
  logLines = []
  handlers = createHandlers({
    host: 'browser',
    version: '1.2.3',
    dataDir,
    log,
    emit: (channel, payload) => events.push({ channel, payload }),
  })
})

describe('invokeChannel', () => {
  it('answers app:info with the host and version', async () => {
    const result = await invokeChannel(handlers, 'app:info', undefined, log, { checkOutput: true })
    expect(result).toMatchObject({ ok: true, value: { host: 'browser', version: '1.2.3' } })
  })

  it('rejects an unknown channel without throwing', async () => {
    const result = await invokeChannel(handlers, 'fs:read', {}, log)
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
  })

  it('rejects invalid input with the path of each issue', async () => {
    const result = await invokeChannel(handlers, 'workspaces:create', { name: '' }, log)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid-input')
    expect(result.error.issues?.[0]?.path).toBe('name')
  })

  it('rejects extra properties, so callers cannot smuggle fields', async () => {
    const result = await invokeChannel(
      handlers,
      'workspaces:create',
      { name: 'A', secret: 'x' },
      log,
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('creates a workspace, validates the reply and announces the change', async () => {
    const result = await invokeChannel(handlers, 'workspaces:create', { name: ' Contoso ' }, log, {
      checkOutput: true,
    })
    expect(result).toMatchObject({ ok: true, value: { name: 'Contoso' } })
    expect(events).toHaveLength(1)
    expect(events[0]!.channel).toBe('workspaces:changed')
  })

  it('maps expected handler failures to their code', async () => {
    const result = await invokeChannel(
      handlers,
      'workspaces:remove',
      { id: '00000000-0000-4000-8000-000000000001' },
      log,
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('hides unexpected failures behind internal and logs them', async () => {
    const broken: Handlers = {
      ...handlers,
      'workspaces:list': () => Promise.reject(new Error('disk on fire at /secret/path')),
    }
    const result = await invokeChannel(broken, 'workspaces:list', undefined, log)
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('/secret/path')
    expect(logLines.join('\n')).toContain('disk on fire')
  })

  it('flags a reply that breaks the contract when output checking is on', async () => {
    const lying = {
      ...handlers,
      'app:info': () => Promise.resolve({ name: 'x' }),
    } as unknown as Handlers
    const result = await invokeChannel(lying, 'app:info', undefined, log, { checkOutput: true })
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})
