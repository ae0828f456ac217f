import { afterEach, describe, expect, it } from 'vitest'
import { invoke, onEvent } from '../../../src/renderer/src/api'
import type { CrosswalkApi } from '../../../src/shared/ipc/contract'
import { installFakeApi } from './helpers/fake-api'

const answering = (reply: unknown | Error): CrosswalkApi => ({
  invoke: () => (reply instanceof Error ? Promise.reject(reply) : Promise.resolve(reply)),
  on: () => () => undefined,
})

afterEach(() => installFakeApi(undefined))

describe('invoke', () => {
  it('returns a well-formed success with the value parsed by the contract', async () => {
    installFakeApi(
      answering({
        ok: true,
        value: { name: 'Crosswalk', version: '1', host: 'browser', dataDir: '/d' },
      }),
    )
    expect(await invoke('app:info', undefined)).toEqual({
      ok: true,
      value: { name: 'Crosswalk', version: '1', host: 'browser', dataDir: '/d' },
    })
  })

  it('passes failures through', async () => {
    installFakeApi(answering({ ok: false, error: { code: 'conflict', message: 'Taken.' } }))
    expect(await invoke('workspaces:create', { name: 'x' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Taken.' },
    })
  })

  it('turns a malformed reply or an off-contract value into an internal error', async () => {
    installFakeApi(answering({ status: 'fine' }))
    expect(await invoke('workspaces:list', undefined)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    })
    installFakeApi(answering({ ok: true, value: [{ id: 'nope' }] }))
    expect(await invoke('workspaces:list', undefined)).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: 'workspaces:list returned a reply that does not match its contract.',
      },
    })
  })

  it('turns a transport failure into unavailable', async () => {
    installFakeApi(answering(new Error('connection refused')))
    expect(await invoke('app:info', undefined)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'connection refused' },
    })
  })

  it('reports a missing host as unavailable', async () => {
    installFakeApi(undefined)
    expect(await invoke('app:info', undefined)).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    })
  })
})

describe('onEvent', () => {
  it('delivers payloads that match the event contract and drops the rest', () => {
    let push: (payload: unknown) => void = () => undefined
    installFakeApi({
      invoke: () => Promise.resolve(undefined),
      on: (_channel, listener) => {
        push = listener
        return () => undefined
      },
    })
    const seen: unknown[] = []
    onEvent('workspaces:changed', (payload) => seen.push(payload))
    push({ workspaces: [] })
    push({ workspaces: 'all of them' })
    push(undefined)
    expect(seen).toEqual([{ workspaces: [] }])
  })
})
