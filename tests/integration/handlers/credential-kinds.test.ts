/**
 * The other credential kinds through the handlers: an Entra certificate (thumbprint and
 * expiry come back, the key never does) and an Okta OAuth service app with a private key.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/node/handlers'
import { invokeChannel } from '../../../src/node/ipc/invoke'
import { createLogger } from '../../../src/node/log'
import type { Input, InvokeChannel, Output } from '../../../src/shared/ipc'
import { startEmulator, type Emulator } from '../../emulator/index'
import { logWindow } from '../node/helpers'

let emulator: Emulator
let dataDir: string
const lines: string[] = []
const events: unknown[] = []
let ok: <C extends InvokeChannel>(channel: C, input?: Input<C>) => Promise<Output<C>>

beforeAll(async () => {
  emulator = await startEmulator({ scenario: 'healthy' })
  dataDir = await mkdtemp(path.join(tmpdir(), 'cw-kinds-'))
  const log = createLogger({ write: (line) => lines.push(line), level: 'debug' })
  const handlers = createHandlers({
    host: 'browser',
    version: '0.0.0-test',
    dataDir,
    log,
    emit: (_channel, payload) => events.push(payload),
    vault: { kind: 'passphrase', passphrase: 'kinds test passphrase' },
    endpointOverrides: true,
    collectOptions: logWindow(emulator),
  })
  ok = async (channel, input) => {
    const reply = await invokeChannel(handlers, channel, input, log, { checkOutput: true })
    if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`)
    return reply.value as never
  }
})
afterAll(async () => {
  await emulator?.close()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

describe('certificate and service-app connections', () => {
  it('save, test and collect with a certificate and a private key; neither key leaves', async () => {
    const cert = emulator.scenario.credentials.entra.certificate!
    const app = emulator.scenario.credentials.okta.serviceApp!
    const { id: workspaceId } = await ok('workspaces:create', { name: 'Fabrikam' })
    const saved = await ok('connections:save', {
      workspaceId,
      entra: {
        tenantId: emulator.tenantId,
        clientId: emulator.scenario.credentials.entra.clientId,
        cloud: 'global',
        authorityHost: emulator.profile.entra.authorityHost,
        graphBaseUrl: emulator.profile.entra.graphBaseUrl,
        credential: {
          kind: 'certificate',
          certificatePem: cert.certificatePem,
          privateKeyPem: cert.privateKeyPem!,
        },
      },
      okta: {
        orgUrl: emulator.oktaOrgUrl,
        credential: {
          kind: 'privateKey',
          clientId: app.clientId,
          privateKeyPem: app.privateKeyPem!,
          keyId: app.keyId,
          scopes: app.grantedScopes,
        },
      },
      caPem: emulator.caPem,
    })
    expect(saved.entra).toMatchObject({
      authKind: 'certificate',
      certificateThumbprint: expect.stringMatching(/^[0-9A-F:]+$/i),
      certificateExpiresAt: expect.stringMatching(/^\d{4}-/),
    })
    expect(saved.entra).not.toHaveProperty('secretHint')
    expect(saved.okta).toMatchObject({
      authKind: 'privateKey',
      clientId: app.clientId,
      keyId: app.keyId,
      scopes: app.grantedScopes,
    })

    const report = await ok('connections:test', { workspaceId })
    expect(report.entra).toMatchObject({ ok: true, problems: [] })
    expect(report.okta?.ok).toBe(true)

    // the service app's settings survive a save that keeps its key
    await ok('connections:save', {
      workspaceId,
      okta: { orgUrl: emulator.oktaOrgUrl },
      caPem: emulator.caPem,
    })
    const { runId } = await ok('collect:start', { workspaceId })
    const finished = await new Promise<{ outcome: string }>((resolve) => {
      const timer = setInterval(() => {
        const end = events.find(
          (e) =>
            (e as { runId?: string; outcome?: string }).runId === runId &&
            'outcome' in (e as object),
        )
        if (end) {
          clearInterval(timer)
          resolve(end as { outcome: string })
        }
      }, 20)
    })
    expect(finished.outcome).toBe('complete')

    const keys = [cert.privateKeyPem!, app.privateKeyPem!].map(
      (k) => k.split('\n').filter((l) => l && !l.startsWith('-----'))[1]!,
    )
    const text = [
      JSON.stringify(events),
      lines.join('\n'),
      await readFile(path.join(dataDir, 'vault.json'), 'utf8'),
      await readFile(path.join(dataDir, 'connections.json'), 'utf8'),
      JSON.stringify(saved),
    ].join('\n')
    for (const line of keys) expect(text).not.toContain(line)
  })
})
