import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CliError, type CliIo } from '../../../src/cli/command'
import { explainCommand } from '../../../src/cli/commands/explain'
import {
  IDP_APP_ID,
  IDP_SECRET_KEY_ID,
  obj,
  seamSnapshot,
} from '../../fixtures/snapshots/seam-snapshot'

const dir = mkdtempSync(join(tmpdir(), 'crosswalk-explain-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
writeFileSync(
  join(dir, 's.json'),
  JSON.stringify(
    seamSnapshot((s) => {
      obj(s.okta?.idps?.[0], 'protocol', 'credentials', 'client')['client_secret'] =
        IDP_SECRET_KEY_ID
      s.entra?.signIns?.push({
        id: 'si-x',
        userPrincipalName: 'bob@contoso.com',
        appId: IDP_APP_ID,
        createdDateTime: '2026-06-01T11:00:00Z',
        status: { errorCode: 7000215 },
      })
    }),
  ),
)

function io() {
  const out: string[] = []
  const value: CliIo = {
    stdout: (t) => out.push(t),
    stderr: () => undefined,
    env: {},
    cwd: dir,
    isTty: false,
  }
  return { io: value, out: () => out.join('') }
}

describe('crosswalk explain', () => {
  it.each(['AADSTS7000215', '7000215'])('explains %s offline', async (code) => {
    const t = io()
    expect(await explainCommand.run([code], t.io)).toBe(0)
    expect(t.out()).toContain('AADSTS7000215 — InvalidClientSecret')
    expect(t.out()).toContain('Secret ID')
    expect(t.out()).toContain('Rules that detect it: idp-client-secret-mismatch')
  })

  it('explains Okta codes and unquoted log reasons', async () => {
    const a = io()
    await explainCommand.run(['E0000006'], a.io)
    expect(a.out()).toContain('okta.*.read')
    const b = io()
    await explainCommand.run(['Unable', 'to', 'match', 'transformed', 'username'], b.io)
    expect(b.out()).toContain('policy.subject')
  })

  it('points at the apps behind the IdPs, their secret hints and the occurrences', async () => {
    const t = io()
    await explainCommand.run(['AADSTS7000215', '--snapshot', 's.json', '--format', 'json'], t.io)
    const out = JSON.parse(t.out()) as {
      context: {
        identityProviders: {
          application: { appId: string; secrets: { hint: string; oktaHoldsIt: boolean }[] }
        }[]
        occurrences: { signIns: number }
      }
      findings: { rule: string }[]
    }
    expect(out.context.identityProviders[0]?.application.appId).toBe(IDP_APP_ID)
    expect(out.context.identityProviders[0]?.application.secrets).toEqual([
      expect.objectContaining({ hint: 'Abc', oktaHoldsIt: false }),
    ])
    expect(out.context.occurrences.signIns).toBe(1)
    expect(out.findings.map((f) => f.rule)).toEqual(['idp-client-secret-mismatch'])
    expect(t.out()).not.toContain('not-a-real-secret')
  })

  it('refuses unknown codes and missing arguments', async () => {
    await expect(explainCommand.run(['AADSTS1'], io().io)).rejects.toThrow(/Unknown code "AADSTS1"/)
    await expect(explainCommand.run([], io().io)).rejects.toBeInstanceOf(CliError)
    await expect(explainCommand.run(['50107', '--snapshot'], io().io)).rejects.toThrow(
      /needs a value/,
    )
  })
})
