import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { CliError, type CliIo } from '../../../src/cli/command'
import { diagnoseCommand } from '../../../src/cli/commands/diagnose'
import { Finding } from '../../../src/shared/model'
import { RULES } from '../../../src/shared/rules'
import { IDP_SECRET_KEY_ID, obj, seamSnapshot } from '../../fixtures/snapshots/seam-snapshot'

const dir = mkdtempSync(join(tmpdir(), 'crosswalk-diagnose-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const broken = seamSnapshot((s) => {
  obj(s.okta?.idps?.[0], 'protocol', 'credentials', 'client')['client_secret'] = IDP_SECRET_KEY_ID
  obj(s.okta?.users?.[0], 'profile')['email'] = 'alice@corp.local'
})
const text = JSON.stringify(broken)
writeFileSync(join(dir, 'broken.json'), text)
writeFileSync(join(dir, 'broken.json.gz'), gzipSync(text))
writeFileSync(join(dir, 'gzipped-without-suffix.json'), gzipSync(text))
writeFileSync(join(dir, 'healthy.json'), JSON.stringify(seamSnapshot()))
writeFileSync(join(dir, 'v2.json'), JSON.stringify({ ...broken, version: 2 }))
writeFileSync(join(dir, 'other.json'), JSON.stringify({ hello: 'world' }))
writeFileSync(join(dir, 'broken-json.json'), '{"format":')

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

describe('crosswalk diagnose', () => {
  it('prints findings as JSON, from plain, .gz and gzip-by-bytes files alike', async () => {
    const outputs: string[] = []
    for (const file of ['broken.json', 'broken.json.gz', 'gzipped-without-suffix.json']) {
      const t = io()
      expect(await diagnoseCommand.run([file, '--format', 'json'], t.io)).toBe(0)
      outputs.push(t.out())
    }
    expect(new Set(outputs).size).toBe(1)
    const findings = Finding.array().parse(JSON.parse(outputs[0] ?? ''))
    expect(findings.map((f) => f.rule)).toEqual([
      'idp-client-secret-mismatch',
      'okta-attribute-invalid',
    ])
    // Okta's copy of the secret never appears beyond its 3-character prefix
    expect(outputs[0]).not.toContain('Abc~not-a-real-secret-value')
  })

  it('prints an aligned table with a summary', async () => {
    const t = io()
    await diagnoseCommand.run(['broken.json'], t.io)
    const lines = t.out().split('\n')
    expect(lines[0]).toMatch(/^SEVERITY\s+CATEGORY\s+RULE\s+SUBJECTS\s+TITLE$/)
    expect(lines[1]?.indexOf('credential-mismatch')).toBe(lines[0]?.indexOf('CATEGORY'))
    expect(lines[2]?.indexOf('okta-attribute-invalid')).toBe(lines[0]?.indexOf('RULE'))
    expect(t.out()).toContain('2 findings: 1 critical, 1 low')
  })

  it('prints SARIF 2.1.0 with the catalogue as rules', async () => {
    const t = io()
    await diagnoseCommand.run(['--format=sarif', 'broken.json'], t.io)
    const log = JSON.parse(t.out()) as {
      version: string
      runs: {
        tool: { driver: { rules: { id: string }[] } }
        results: {
          ruleId: string
          ruleIndex: number
          level: string
          partialFingerprints: Record<string, string>
        }[]
      }[]
    }
    expect(log.version).toBe('2.1.0')
    const run = log.runs[0]
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id))
    expect(run?.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['idp-client-secret-mismatch', 'error'],
      ['okta-attribute-invalid', 'note'],
    ])
    for (const r of run?.results ?? [])
      expect(run?.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId)
    expect(run?.results[0]?.partialFingerprints['crosswalkFindingId']).toMatch(
      /^idp-client-secret-mismatch:/,
    )
  })

  it('exits 1 when a finding is at or above --fail-on', async () => {
    expect(await diagnoseCommand.run(['broken.json', '--fail-on', 'critical'], io().io)).toBe(1)
    expect(await diagnoseCommand.run(['healthy.json', '--fail-on', 'info'], io().io)).toBe(0)
    expect(await diagnoseCommand.run(['broken.json'], io().io)).toBe(0)
  })

  it('lists every gap of an incomplete snapshot, and the info findings it points at exist', async () => {
    const partial = seamSnapshot((s) => {
      delete s.entra?.signIns
      delete s.okta?.logs
      s.collection.complete = false
      s.collection.errors.push({
        source: 'entra',
        resource: 'signIns',
        status: 403,
        code: 'Authorization_RequestDenied',
        message: 'Insufficient privileges',
      })
    })
    writeFileSync(join(dir, 'partial.json'), JSON.stringify(partial))
    const t = io()
    expect(await diagnoseCommand.run(['partial.json', '--format', 'json'], t.io)).toBe(0)
    const findings = JSON.parse(t.out()) as Finding[]
    // a resource refused for a permission is the permission note's: it names what to grant
    const notes = findings.filter((f) =>
      ['snapshot-resource-missing', 'collection-permission-missing'].includes(f.rule),
    )
    expect(notes.map((f) => f.rule).sort()).toEqual([
      'collection-permission-missing',
      'snapshot-resource-missing',
    ])
    expect(t.err()).toBe(
      [
        'crosswalk diagnose: the snapshot is incomplete; 2 resources were not collected:',
        '  entra.signIns: HTTP 403 Authorization_RequestDenied: Insufficient privileges (needs AuditLog.Read.All and Directory.Read.All or Directory.ReadWrite.All)',
        '  okta.logs: not in the snapshot (needs the Okta scope okta.logs.read)',
        'What needs them was not checked: 2 info findings (snapshot-resource-missing, collection-permission-missing) below name the rules that could not run and what to grant.',
        '',
      ].join('\n'),
    )
  })

  it('says so when no rule reads what an incomplete snapshot lacks', async () => {
    const partial = seamSnapshot((s) => {
      delete s.entra?.groups
      s.collection.complete = false
    })
    writeFileSync(join(dir, 'no-groups.json'), JSON.stringify(partial))
    const t = io()
    expect(await diagnoseCommand.run(['no-groups.json', '--format', 'json'], t.io)).toBe(0)
    expect((JSON.parse(t.out()) as Finding[]).map((f) => f.rule)).not.toContain(
      'snapshot-resource-missing',
    )
    expect(t.err()).toContain('  entra.groups: not in the snapshot (needs the Microsoft Graph')
    expect(t.err()).toContain('No rule reads it, so the findings below are not affected.')
    expect(t.err()).not.toContain('listed as info findings')
  })

  it('runs only the rules asked for', async () => {
    const t = io()
    await diagnoseCommand.run(
      ['broken.json', '--format', 'json', '--rules', 'okta-attribute-invalid'],
      t.io,
    )
    expect((JSON.parse(t.out()) as Finding[]).map((f) => f.rule)).toEqual([
      'okta-attribute-invalid',
    ])
  })

  it.each([
    [['missing.json'], /Cannot read/],
    [['v2.json'], /version 2.*reads version 1/],
    [['other.json'], /not a Crosswalk snapshot/],
    [['broken-json.json'], /not valid JSON/],
    [[], /Name the snapshot file/],
    [['broken.json', '--format', 'xml'], /--format must be one of json, table, sarif/],
    [['broken.json', '--fail-on', 'severe'], /--fail-on must be one of/],
    [['broken.json', '--rules', 'no-such-rule'], /Unknown rule no-such-rule/],
    [['broken.json', '--colour'], /Unknown option --colour/],
    [['a.json', 'b.json'], /one snapshot file/],
  ])('refuses %j with a clear usage error', async (args, message) => {
    const run = diagnoseCommand.run(args, io().io)
    await expect(run).rejects.toBeInstanceOf(CliError)
    await expect(run).rejects.toThrow(message)
  })
})
