import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { INVOKE_CHANNELS } from '../../../../src/shared/ipc/channels'
import type { Handlers } from '../../../../src/shared/ipc/contract'
import { createHandlers } from '../../../../src/node/handlers'
import { silentLogger } from '../../../../src/node/log'
import { registerHandlers } from '../../../../src/main/ipc/register-handlers'
import { createSenderCheck, type SenderEvent } from '../../../../src/main/ipc/sender-check'
import type { RendererSource } from '../../../../src/main/renderer-source'
import { FakeFrame, FakeIpcMain, FakeWebContents } from '../fake-electron'

const APP_URL = 'crosswalk://app/index.html'
const source: RendererSource = { kind: 'app', dir: '/app/out/renderer' }

let dir: string
let ipc: FakeIpcMain
let contents: FakeWebContents
let handlers: Handlers

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cw-ipc-'))
  ipc = new FakeIpcMain()
  contents = new FakeWebContents()
  contents.mainFrame = new FakeFrame(`${APP_URL}#/workspaces`, 4, 1)
  handlers = createHandlers({
    host: 'electron',
    version: '1.2.3',
    dataDir: dir,
    log: silentLogger,
    emit: () => undefined,
  })
  const window = { isDestroyed: () => false, webContents: contents }
  registerHandlers(
    ipc as never,
    handlers,
    createSenderCheck(() => window as never, source),
    silentLogger,
    {
      checkOutput: true,
    },
  )
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const trusted = (): SenderEvent => ({ sender: contents, senderFrame: contents.mainFrame }) as never
const call = (channel: string, event: SenderEvent, input?: unknown) => {
  const handler = ipc.handlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return handler(event, input) as Promise<unknown>
}

describe('registerHandlers', () => {
  it('registers exactly the contract channels', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
  })

  it('answers the trusted main frame', async () => {
    expect(await call('app:info', trusted())).toEqual({
      ok: true,
      value: { name: 'Crosswalk', version: '1.2.3', host: 'electron', dataDir: dir },
    })
    const created = (await call('workspaces:create', trusted(), { name: 'Fabrikam' })) as {
      ok: boolean
      value: { name: string }
    }
    expect(created).toMatchObject({ ok: true, value: { name: 'Fabrikam' } })
  })

  it('rejects invalid input with invalid-input and never runs the handler', async () => {
    const reply = await call('workspaces:create', trusted(), { name: '', extra: 1 })
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await call('workspaces:list', trusted())).toEqual({ ok: true, value: [] })
  })

  it('rejects a subframe, another web contents, a destroyed frame and a foreign page', async () => {
    const subframe = {
      sender: contents,
      senderFrame: new FakeFrame(APP_URL, 4, 2, contents.mainFrame),
    }
    const otherContents = new FakeWebContents()
    const other = { sender: otherContents, senderFrame: new FakeFrame(APP_URL, 4, 1) }
    const gone = { sender: contents, senderFrame: null }
    const foreign = { sender: contents, senderFrame: new FakeFrame('https://evil.example/', 4, 1) }
    const sameIdsOtherProcess = { sender: contents, senderFrame: new FakeFrame(APP_URL, 9, 1) }
    for (const event of [subframe, other, gone, foreign, sameIdsOtherProcess]) {
      expect(await call('workspaces:create', event as never, { name: 'Sneaky' })).toMatchObject({
        ok: false,
        error: { code: 'untrusted-sender' },
      })
    }
    expect(await call('workspaces:list', trusted())).toEqual({ ok: true, value: [] })
  })

  it('rejects everything once the window is gone', async () => {
    const lone = new FakeIpcMain()
    registerHandlers(
      lone as never,
      handlers,
      createSenderCheck(() => undefined, source),
      silentLogger,
    )
    const reply = await lone.handlers.get('app:info')?.(trusted())
    expect(reply).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } })
  })
})
