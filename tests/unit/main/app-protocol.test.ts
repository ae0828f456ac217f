import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/csp'
import { answerAppRequest, handleAppProtocol } from '../../../src/main/app-protocol'
import { FakeProtocol } from './fake-electron'

let root: string
let renderer: string
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'cw-protocol-'))
  renderer = path.join(root, 'renderer')
  await mkdir(path.join(renderer, 'assets'), { recursive: true })
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Crosswalk</title>')
  await writeFile(path.join(renderer, 'assets', 'main.js'), 'export {}')
  await writeFile(path.join(root, 'secret.txt'), 'outside the build')
  await symlink(path.join(root, 'secret.txt'), path.join(renderer, 'assets', 'link.txt'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => answerAppRequest(renderer, { url, method })

describe('the crosswalk:// protocol', () => {
  it('serves the built renderer with our CSP and exact content types', async () => {
    const page = await get('crosswalk://app/index.html#/workspaces')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>Crosswalk</title>')
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    const script = await get('crosswalk://app/assets/main.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await get('crosswalk://app/')).status).toBe(200)
  })

  it('refuses anything outside the build, another host, and methods other than GET', async () => {
    for (const url of [
      'crosswalk://app/../secret.txt',
      'crosswalk://app/%2e%2e/secret.txt',
      'crosswalk://app/assets%2f..%2f..%2fsecret.txt',
      'crosswalk://app/assets/link.txt',
      'crosswalk://app/assets/..%5c..%5csecret.txt',
    ]) {
      const answer = await get(url)
      expect([400, 404], url).toContain(answer.status)
      expect(await answer.text(), url).not.toContain('outside the build')
    }
    expect((await get('crosswalk://app/missing.js')).status).toBe(404)
    expect((await get('crosswalk://other/index.html')).status).toBe(404)
    expect((await get('crosswalk://app/index.html', 'POST')).status).toBe(405)
    const head = await get('crosswalk://app/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('is what the registered handler answers', async () => {
    const protocol = new FakeProtocol()
    handleAppProtocol(protocol as never, renderer)
    const handler = protocol.handlers.get('crosswalk')
    const answer = await handler?.({ url: 'crosswalk://app/index.html', method: 'GET' } as Request)
    expect(answer?.status).toBe(200)
  })
})
