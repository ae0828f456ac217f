import { beforeEach, describe, expect, it } from 'vitest'
import {
  TOKEN_STORAGE_KEY,
  createBrowserBridge,
  takeLaunchToken,
  installBrowserBridge,
  watchLaunchToken,
} from '../../../../src/renderer/src/bridge/browser-bridge'

const TOKEN = 'tok_EN-123456789'

class FakeEventSource extends EventTarget {
  static opened: FakeEventSource[] = []
  closed = false
  constructor(readonly url: string) {
    super()
    FakeEventSource.opened.push(this)
  }
  close() {
    this.closed = true
  }
  push(channel: string, data: unknown) {
    this.dispatchEvent(new MessageEvent(channel, { data: JSON.stringify(data) }))
  }
}

interface Request {
  url: string
  init: RequestInit
}

function createEnv(
  respond: (req: Request) => Response = () => Response.json({ ok: true, value: 'x' }),
) {
  const requests: Request[] = []
  const timers: (() => void)[] = []
  return {
    requests,
    timers,
    env: {
      fetch: ((url: string, init: RequestInit) => {
        const req = { url, init }
        requests.push(req)
        return Promise.resolve(respond(req))
      }) as typeof fetch,
      createEventSource: (url: string) => new FakeEventSource(url) as unknown as EventSource,
      token: TOKEN,
      setTimeout: (fn: () => void) => timers.push(fn),
    },
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  FakeEventSource.opened = []
  sessionStorage.clear()
})

describe('takeLaunchToken', () => {
  it('takes the token from the fragment, stores it and strips it from the address', () => {
    history.replaceState(null, '', `/#token=${TOKEN}`)
    expect(takeLaunchToken(window)).toBe(TOKEN)
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe(TOKEN)
    expect(location.hash).toBe('#/')
    expect(location.href).not.toContain(TOKEN)
  })

  it('accepts ?token= and falls back to the stored token on reload', () => {
    history.replaceState(null, '', `/?token=${TOKEN}`)
    expect(takeLaunchToken(window)).toBe(TOKEN)
    expect(location.search).toBe('')
    history.replaceState(null, '', '/#/workspaces')
    expect(takeLaunchToken(window)).toBe(TOKEN)
    sessionStorage.clear()
    expect(takeLaunchToken(window)).toBeUndefined()
  })
})

describe('watchLaunchToken', () => {
  it('a new launch address opened in a live tab takes its key and loads the app again', () => {
    const target = new EventTarget()
    const reloads: number[] = []
    const win = {
      location,
      history,
      sessionStorage,
      addEventListener: target.addEventListener.bind(target) as Window['addEventListener'],
    }
    watchLaunchToken(win, () => reloads.push(1))
    history.replaceState(null, '', '/#/w/abc/overview')
    target.dispatchEvent(new Event('hashchange'))
    expect(reloads).toEqual([])
    history.replaceState(null, '', '/#token=tok_NEW-987654321')
    target.dispatchEvent(new Event('hashchange'))
    expect(reloads).toEqual([1])
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('tok_NEW-987654321')
    expect(location.href).not.toContain('tok_NEW')
  })
})

describe('createBrowserBridge', () => {
  it('POSTs allow-listed invokes with the bearer token and JSON body', async () => {
    const { env, requests } = createEnv()
    const api = createBrowserBridge(env)
    expect(await api.invoke('workspaces:create', { name: 'Contoso' })).toEqual({
      ok: true,
      value: 'x',
    })
    expect(requests[0]?.url).toBe('/api/invoke/workspaces%3Acreate')
    expect(requests[0]?.init.method).toBe('POST')
    expect((requests[0]?.init.headers as Record<string, string>).Authorization).toBe(
      `Bearer ${TOKEN}`,
    )
    expect(requests[0]?.init.body).toBe('{"name":"Contoso"}')
    await api.invoke('app:info')
    expect(requests[1]?.init.body).toBe('')
  })

  it('rejects channels outside the allow-list without a request', async () => {
    const { env, requests } = createEnv()
    const api = createBrowserBridge(env)
    await expect(api.invoke('vault:read', {})).rejects.toThrow('unknown channel vault:read')
    expect(() => api.on('app:info', () => undefined)).toThrow(/unknown event channel/)
    expect(requests).toHaveLength(0)
  })

  it('rejects with the host message on a transport refusal, and without a token', async () => {
    const { env } = createEnv(() =>
      Response.json({ error: 'Missing or wrong token.' }, { status: 401 }),
    )
    await expect(createBrowserBridge(env).invoke('app:info')).rejects.toThrow(
      'Missing or wrong token.',
    )
    await expect(
      createBrowserBridge({ ...env, token: undefined }).invoke('app:info'),
    ).rejects.toThrow(/launch key/)
  })

  it('opens the event stream with a ticket and hands listeners the payload', async () => {
    const { env, requests } = createEnv((req) =>
      req.url === '/api/events/ticket' ? Response.json({ ticket: 'T1' }) : Response.json({}),
    )
    const api = createBrowserBridge(env)
    const seen: unknown[] = []
    const unsubscribe = api.on('workspaces:changed', (payload) => seen.push(payload))
    await flush()
    expect(requests.map((r) => r.url)).toEqual(['/api/events/ticket'])
    const [source] = FakeEventSource.opened
    expect(source?.url).toBe('/api/events?ticket=T1')
    source?.push('workspaces:changed', { workspaces: [] })
    expect(seen).toEqual([{ workspaces: [] }])
    unsubscribe()
    source?.push('workspaces:changed', { workspaces: [] })
    expect(seen).toHaveLength(1)
  })

  it('reconnects with a fresh ticket after the stream fails', async () => {
    let n = 0
    const { env, timers } = createEnv(() => Response.json({ ticket: `T${++n}` }))
    const api = createBrowserBridge(env)
    api.on('workspaces:changed', () => undefined)
    await flush()
    FakeEventSource.opened[0]?.dispatchEvent(new Event('error'))
    expect(FakeEventSource.opened[0]?.closed).toBe(true)
    expect(timers).toHaveLength(1)
    timers[0]?.()
    await flush()
    expect(FakeEventSource.opened.map((s) => s.url)).toEqual([
      '/api/events?ticket=T1',
      '/api/events?ticket=T2',
    ])
  })
})

describe('installBrowserBridge', () => {
  it('leaves an existing window.api (the preload) alone', () => {
    const preload = { invoke: () => Promise.resolve(), on: () => () => undefined }
    const win = { api: preload } as unknown as Window & typeof globalThis
    installBrowserBridge(win)
    expect((win as unknown as { api: unknown }).api).toBe(preload)
  })
})
