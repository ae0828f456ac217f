import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { parseCli } from '../../emulator/cli'
import { callJson } from '../../emulator/testing/clients'

describe('emulator CLI', () => {
  it('parses its flags and rejects bad ones', () => {
    const o = parseCli([
      '--scenario',
      'broken',
      '--port',
      '41000',
      '--faults',
      'latency=5,5xx=0.1',
      '--seed',
      '9',
      '--users',
      '1000',
      '--json',
    ])
    expect(o).toMatchObject({
      scenario: 'broken',
      port: 41000,
      faults: 'latency=5,5xx=0.1',
      seed: 9,
      users: 1000,
      json: true,
    })
    expect(parseCli(['--now', '2026-01-02T03:04:05Z']).now).toBe('2026-01-02T03:04:05Z')
    expect(() => parseCli(['--now', 'yesterday'])).toThrow(/ISO-8601/)
    expect(() => parseCli(['--scenario', 'nope'])).toThrow(/unknown scenario/)
    expect(() => parseCli(['--faults', 'bogus=1'])).toThrow(/unknown fault/)
    expect(() => parseCli(['--port', 'x'])).toThrow(/integer/)
    expect(() => parseCli(['--wat'])).toThrow()
  })

  it('starts a scenario at the current time unless --now pins one, so a live collection sees a live tenant', () => {
    const before = Date.now()
    const now = Date.parse(parseCli(['--scenario', 'healthy']).now ?? '')
    expect(now).toBeGreaterThan(before - 61_000)
    expect(now).toBeLessThanOrEqual(Date.now())
  })

  it('prints one JSON line, serves HTTPS with its CA file, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'tests/emulator/cli.ts', '--scenario', 'fixture', '--json'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    )
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve)
        child.once('exit', () => reject(new Error('exited before printing')))
      })
      const info = JSON.parse(line) as {
        authorityHost: string
        graphBaseUrl: string
        oktaOrgUrl: string
        tenantId: string
        clientId: string
        caFile: string
        profileFile: string
        env: Record<string, string>
      }
      expect(Object.keys(info)).toEqual([
        'authorityHost',
        'graphBaseUrl',
        'oktaOrgUrl',
        'tenantId',
        'clientId',
        'caFile',
        'profileFile',
        'env',
      ])
      const profile = JSON.parse(readFileSync(info.profileFile, 'utf8')) as {
        entra: { clientSecretEnv: string; clientId: string }
        okta: { apiTokenEnv: string }
        caFile: string
      }
      expect(info.clientId).toBe(profile.entra.clientId)
      expect(info.env[profile.entra.clientSecretEnv]).toBeTruthy()
      expect(info.env[profile.okta.apiTokenEnv]).toBeTruthy()
      expect(JSON.stringify(profile)).not.toContain(info.env[profile.entra.clientSecretEnv])
      const ca = readFileSync(info.caFile, 'utf8')
      const d = await callJson<{ issuer: string }>(
        `${info.authorityHost}/${info.tenantId}/v2.0/.well-known/openid-configuration`,
        { ca },
      )
      expect(d.json.issuer).toBe(`${info.authorityHost}/${info.tenantId}/v2.0`)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })
})
