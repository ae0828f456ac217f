import { mkdtemp, rm, symlink, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebArgsError, parseWebArgs } from '../../../src/web/args'
import { defaultRendererDir, runWebServer } from '../../../src/web/run'
import { resolveStaticFile } from '../../../src/node/static-files'
import type { WebHost } from '../../../src/web/host'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cw-run-'))
  await mkdir(path.join(dir, 'renderer'))
  await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html>')
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('parseWebArgs', () => {
  it('reads --port, --data-dir and --host in both spellings', () => {
    expect(parseWebArgs(['--port', '8123', '--data-dir=/tmp/x'])).toEqual({
      port: 8123,
      host: '127.0.0.1',
      dataDir: '/tmp/x',
      help: false,
    })
    expect(parseWebArgs([]).port).toBe(0)
  })

  it('rejects bad ports and unknown options', () => {
    expect(() => parseWebArgs(['--port', '80a'])).toThrow(WebArgsError)
    expect(() => parseWebArgs(['--port', '70000'])).toThrow(/0 to 65535/)
    expect(() => parseWebArgs(['--port'])).toThrow(/needs a value/)
    expect(() => parseWebArgs(['--verbose'])).toThrow(/Unknown option/)
  })
})

describe('runWebServer', () => {
  const io = (out: string[], err: string[]) => ({
    stdout: (line: string) => out.push(line),
    stderr: (line: string) => err.push(line),
    env: {},
    rendererDir: path.join(dir, 'renderer'),
    onSignal: () => undefined,
  })

  it('prints the full URL on a line of its own and never logs the token', async () => {
    const out: string[] = []
    const err: string[] = []
    const host = (await runWebServer(
      ['--port', '0', '--data-dir', path.join(dir, 'data')],
      io(out, err),
    )) as WebHost
    try {
      const urlLines = out.filter((line) => line.startsWith('http://'))
      expect(urlLines).toEqual([`http://127.0.0.1:${host.port}/#token=${host.token}`])
      expect(err.join('\n')).not.toContain(host.token)
    } finally {
      await host.close()
    }
  })

  it('refuses a non-loopback --host with exit code 2', async () => {
    const err: string[] = []
    expect(await runWebServer(['--host', '0.0.0.0'], io([], err))).toBe(2)
    expect(err.join('\n')).toMatch(/loopback/)
  })

  it('stops on the registered signal handler', async () => {
    const handlers = new Map<string, () => void>()
    const host = (await runWebServer(['--data-dir', path.join(dir, 'data')], {
      ...io([], []),
      onSignal: (signal, handler) => handlers.set(signal, handler),
    })) as WebHost
    expect([...handlers.keys()].sort()).toEqual(['SIGINT', 'SIGTERM'])
    handlers.get('SIGTERM')?.()
    await expect(fetch(`${host.origin}/`)).rejects.toThrow()
  })
})

describe('static files', () => {
  it('refuses a symlink that leads out of the root', async () => {
    await writeFile(path.join(dir, 'outside.txt'), 'secret')
    await symlink(path.join(dir, 'outside.txt'), path.join(dir, 'renderer', 'link.txt'))
    expect(await resolveStaticFile(path.join(dir, 'renderer'), '/link.txt')).toEqual({
      ok: false,
      status: 404,
    })
  })

  it('maps a directory to its index.html', async () => {
    const found = await resolveStaticFile(path.join(dir, 'renderer'), '/')
    expect(found).toMatchObject({ ok: true, file: path.join(dir, 'renderer', 'index.html') })
  })

  it('finds out/renderer from the built server location', () => {
    expect(defaultRendererDir('file:///app/out/web/server.js')).toBe('/app/out/renderer')
    expect(defaultRendererDir('file:///app/src/web/run.ts')).toBe('/app/out/renderer')
  })
})
