import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/node/log'
import { startWebHost, type WebHost } from '../../../src/web/host'
import { CONTENT_SECURITY_POLICY } from '../../../src/web/security'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw HTTP so tests control Host and Origin exactly (fetch forbids setting Host). */
function send(
  host: WebHost,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

function invoke(
  host: WebHost,
  channel: string,
  input?: unknown,
  headers: Record<string, string> = {},
) {
  return send(host, {
    method: 'POST',
    path: `/api/invoke/${channel}`,
    headers: {
      Authorization: `Bearer ${host.token}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: input === undefined ? '' : JSON.stringify(input),
  })
}

let dir: string
let rendererDir: string
let host: WebHost

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cw-web-'))
  rendererDir = path.join(dir, 'renderer')
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true })
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>')
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(path.join(rendererDir, 'assets', 'app.css'), 'body{}')
  await writeFile(path.join(dir, 'secret.txt'), 'outside the root')
  host = await startWebHost({
    rendererDir,
    dataDir: path.join(dir, 'data'),
    version: '9.9.9',
    log: silentLogger,
    checkOutput: true,
  })
})

afterEach(async () => {
  await host.close()
  await rm(dir, { recursive: true, force: true })
})

describe('browser-mode host', () => {
  it('binds loopback only and prints a URL carrying a 32-byte token in the fragment', () => {
    expect(host.address.address).toBe('127.0.0.1')
    expect(Buffer.from(host.token, 'base64url')).toHaveLength(32)
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`)
  })

  it('refuses to bind a non-loopback address', async () => {
    await expect(
      startWebHost({ rendererDir, dataDir: dir, version: '1', log: silentLogger, host: '0.0.0.0' }),
    ).rejects.toThrow(/loopback only/)
  })

  it('round-trips an invoke as an IpcResult', async () => {
    const reply = await invoke(host, 'app:info')
    expect(reply.status).toBe(200)
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(JSON.parse(reply.body)).toEqual({
      ok: true,
      value: {
        name: 'Crosswalk',
        version: '9.9.9',
        host: 'browser',
        dataDir: path.join(dir, 'data'),
      },
    })
  })

  it('refuses calls without the token or with a wrong one', async () => {
    const none = await send(host, { method: 'POST', path: '/api/invoke/app:info' })
    expect(none.status).toBe(401)
    const wrong = await invoke(host, 'app:info', undefined, {
      Authorization: `Bearer ${'A'.repeat(43)}`,
    })
    expect(wrong.status).toBe(401)
    expect(wrong.body).not.toContain(host.token)
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const reply = await invoke(host, 'app:info', undefined, { Host: `evil.example:${host.port}` })
    expect(reply.status).toBe(421)
    const page = await send(host, { path: '/', headers: { Host: `evil.example:${host.port}` } })
    expect(page.status).toBe(421)
  })

  it('accepts localhost:PORT as Host and refuses a foreign Origin', async () => {
    expect(
      (await invoke(host, 'app:info', undefined, { Host: `localhost:${host.port}` })).status,
    ).toBe(200)
    const foreign = await invoke(host, 'app:info', undefined, { Origin: 'http://evil.example' })
    expect(foreign.status).toBe(403)
    const otherPort = await invoke(host, 'app:info', undefined, {
      Origin: `http://127.0.0.1:${host.port + 1}`,
    })
    expect(otherPort.status).toBe(403)
    const own = await invoke(host, 'app:info', undefined, { Origin: host.origin })
    expect(own.status).toBe(200)
    expect(own.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('answers invalid input with an invalid-input IpcResult', async () => {
    const reply = JSON.parse((await invoke(host, 'workspaces:create', { name: '   ' })).body)
    expect(reply.ok).toBe(false)
    expect(reply.error.code).toBe('invalid-input')
    expect(reply.error.issues[0].message).toBe('Give the workspace a name.')
    const notJson = await send(host, {
      method: 'POST',
      path: '/api/invoke/workspaces:create',
      headers: { Authorization: `Bearer ${host.token}` },
      body: '{nope',
    })
    expect(JSON.parse(notJson.body).error.code).toBe('invalid-input')
  })

  it('answers an unknown channel with unknown-channel', async () => {
    const reply = JSON.parse((await invoke(host, 'vault:dump')).body)
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    const malformed = await invoke(host, 'app%E0%A4%A')
    expect(malformed.status).toBe(200)
    expect(JSON.parse(malformed.body)).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    })
  })

  it('refuses bodies over the size limit', async () => {
    const reply = await invoke(host, 'workspaces:create', { name: 'x'.repeat(2 * 1024 * 1024) })
    expect(reply.status).toBe(413)
  })

  it('refuses GET on the invoke route', async () => {
    const reply = await send(host, {
      path: '/api/invoke/app:info',
      headers: { Authorization: `Bearer ${host.token}` },
    })
    expect(reply.status).toBe(405)
  })

  it('serves static files with content types, nosniff and the CSP', async () => {
    const index = await send(host, { path: '/' })
    expect(index.status).toBe(200)
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(index.headers['x-content-type-options']).toBe('nosniff')
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect((await send(host, { path: '/assets/app.js' })).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    )
    expect((await send(host, { path: '/assets/app.css' })).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    )
    expect((await send(host, { path: '/assets/missing.js' })).status).toBe(404)
  })

  it('refuses path traversal out of the renderer folder', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets%5c..%5c..%5csecret.txt',
    ]) {
      const reply = await send(host, { path: attempt })
      expect(reply.status, attempt).toBeGreaterThanOrEqual(400)
      expect(reply.body, attempt).not.toContain('outside the root')
    }
  })

  it('delivers workspaces:changed over SSE after a create, with a single-use ticket', async () => {
    const ticketReply = await send(host, {
      method: 'POST',
      path: '/api/events/ticket',
      headers: { Authorization: `Bearer ${host.token}` },
    })
    const { ticket } = JSON.parse(ticketReply.body) as { ticket: string }
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: `/api/events?ticket=${ticket}`,
          headers: { Host: `127.0.0.1:${host.port}` },
        },
        (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8')
          let text = ''
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8')
            if (text.includes('event: workspaces:changed')) {
              resolve(text)
              req.destroy()
            }
          })
          void invoke(host, 'workspaces:create', { name: 'Contoso' })
        },
      )
      req.on('error', reject)
      req.end()
    })
    const text = await received
    const frame = text.split('\n\n').find((f) => f.startsWith('event: workspaces:changed')) ?? ''
    const data = JSON.parse(frame.split('\ndata: ')[1] ?? '{}') as {
      workspaces: { name: string }[]
    }
    expect(data.workspaces.map((w) => w.name)).toEqual(['Contoso'])

    const reused = await send(host, { path: `/api/events?ticket=${ticket}` })
    expect(reused.status).toBe(401)
    expect((await send(host, { path: '/api/events' })).status).toBe(401)
  })

  it('refuses a ticket request without the token', async () => {
    expect((await send(host, { method: 'POST', path: '/api/events/ticket' })).status).toBe(401)
  })
})
