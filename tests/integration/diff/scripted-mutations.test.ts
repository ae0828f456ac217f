/**
 * The diff on the emulator: the healthy pair collected by the real connectors, the scripted
 * changes made through the emulator's write layer, collected again; the diff lists exactly
 * those changes, each attributed to the actor the emulator logged, and invents nothing. The
 * CLI gives the same through `crosswalk diff`, with exit 1 on drift when asked and 2 for
 * another tenant pair.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectSnapshot } from '../../../src/node/collect/collect-snapshot'
import { runCli } from '../../../src/cli/main'
import { COMMANDS } from '../../../src/cli/commands'
import type { Snapshot } from '../../../src/shared/model/snapshot'
import { diagnose } from '../../../src/shared/rules'
import {
  diffSnapshots,
  groupByMutation,
  indexSnapshot,
  mappingAudit,
  renderMappingAudit,
  type SnapshotDiff,
} from '../../../src/shared/diff'
import {
  applyScriptedMutations,
  grantGraphWrites,
  type ScriptedChange,
} from '../../emulator/testing/history-mutations'
import { startHarness, type Harness } from '../node/helpers'

let h: Harness
let first: Snapshot
let second: Snapshot
let script: ScriptedChange[]
let diff: SnapshotDiff
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'crosswalk-diff-'))
  h = await startHarness({ scenario: 'healthy', now: new Date().toISOString() })
  grantGraphWrites(h.emulator)
  const opts = { profile: h.profile, credentials: h.credentials, ca: h.ca }
  first = await collectSnapshot(opts)
  script = await applyScriptedMutations(h.emulator)
  second = await collectSnapshot({ ...opts, since: first })
  diff = diffSnapshots(indexSnapshot(first, { findings: diagnose(first) }), second, {
    findings: diagnose(second),
  })
}, 180_000)
afterAll(async () => {
  await h?.emulator.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('diff of two real collections around the scripted changes', () => {
  it('lists exactly the scripted changes, each attributed to the logged actor', () => {
    expect(first.collection.complete).toBe(true)
    expect(second.collection.complete).toBe(true)
    const listed = diff.objects.flatMap((o) =>
      o.changes.map((c) => ({
        resource: o.resource,
        key: o.key,
        path: c.path,
        attribution: c.attribution,
      })),
    )
    // every listed change is one the script made
    for (const c of listed) {
      const made = script.find(
        (s) => s.resource === c.resource && s.key === c.key && s.paths.some((p) => p.test(c.path)),
      )
      expect(made, `${c.resource} ${c.key} ${c.path} was not scripted`).toBeDefined()
      expect(c.attribution).toMatchObject({ status: 'attributed', actor: made?.actor })
    }
    // every scripted change is listed
    for (const s of script)
      expect(
        listed.some(
          (c) =>
            c.resource === s.resource && c.key === s.key && s.paths.some((p) => p.test(c.path)),
        ),
        `${s.mutation} (${s.resource} ${s.key}) missing`,
      ).toBe(true)
    expect(diff.drift).toBe(true)
    expect(diff.unavailable).toEqual([])
  })

  it('names the documented event of each change, and groups the rename with the username push it caused', () => {
    const activities = new Set(
      diff.objects.flatMap((o) =>
        o.changes.map((c) => (c.attribution.status === 'attributed' ? c.attribution.activity : '')),
      ),
    )
    expect([...activities].sort()).toEqual(
      [
        'Set federation settings on domain',
        'Update application',
        'Update application – Certificates and secrets management',
        'application.provision.user.push_profile',
        'directory.mapping.update',
        'user.account.update_profile',
      ].sort(),
    )
    const rename = groupByMutation(diff, ['people']).filter((g) =>
      g.items.some((i) => i.object.resource === 'okta.users'),
    )
    expect(rename).toHaveLength(1)
    expect(new Set(rename[0]?.items.map((i) => i.object.resource))).toEqual(
      new Set(['okta.users', 'okta.appUsers']),
    )
  })

  it('the mapping audit lists every seam mapping and the changed expression with its actor', () => {
    const audit = mappingAudit(second, diff)
    const kinds = new Set(audit.map((m) => m.kind))
    for (const k of ['profile mapping', 'Office 365 username', 'IdP subject', 'Entra provisioning'])
      expect(kinds.has(k as never), k).toBe(true)
    const changed = audit.filter((m) => m.changes.length > 0)
    expect(changed).toHaveLength(1)
    expect(script[2]?.paths[0]?.test(`properties.${changed[0]?.target}.expression`)).toBe(true)
    expect(changed[0]?.changes[0]?.attribution).toMatchObject({
      status: 'attributed',
      actor: script[2]?.actor,
    })
    const md = renderMappingAudit(
      audit,
      { collectedAt: second.collectedAt, baseline: first.collectedAt },
      'md',
    )
    expect(md).toContain('user.title')
    expect(md).toContain('directory.mapping.update')
  })

  it('shows the rotated secret by hint and dates, never its value', () => {
    const app = diff.objects.find((o) => o.resource === 'entra.applications')
    const addedCredential = app?.changes.find(
      (c) => c.op === 'added' && c.path.startsWith('passwordCredentials'),
    )
    expect(addedCredential?.after).toMatchObject({
      hint: expect.any(String),
      endDateTime: expect.any(String),
    })
    const text = JSON.stringify(diff)
    for (const secret of h.emulator.scenario.entra.secrets)
      expect(text).not.toContain(secret.secretText)
  })

  it('finds no change between a snapshot and itself, and the findings the changes caused', () => {
    const self = diffSnapshots(indexSnapshot(second), second)
    expect(self.objects).toEqual([])
    expect(self.drift).toBe(false)
    expect(diff.findings?.appeared.length).toBeGreaterThan(0)
  })

  it('crosswalk diff prints each change with its actor; --fail-on-drift exits 1; another pair exits 2', async () => {
    const older = path.join(dir, 'old.json')
    const newer = path.join(dir, 'new.json')
    writeFileSync(older, JSON.stringify(first))
    writeFileSync(newer, JSON.stringify(second))
    const io = () => {
      const out: string[] = []
      const err: string[] = []
      return {
        out,
        err,
        io: {
          stdout: (t: string) => void out.push(t),
          stderr: (t: string) => void err.push(t),
          env: {},
          cwd: dir,
          isTty: false,
        },
      }
    }
    const table = io()
    expect(await runCli(['diff', older, newer], table.io, COMMANDS)).toBe(0)
    const text = table.out.join('')
    if (process.env.SHOW_DIFF) console.log(text)
    for (const s of script) expect(text).toContain(s.actor)
    expect(text).toContain('web.redirectUris')
    const drift = io()
    expect(
      await runCli(
        ['diff', older, newer, '--fail-on-drift', '--format', 'json'],
        drift.io,
        COMMANDS,
      ),
    ).toBe(1)
    expect(JSON.parse(drift.out.join('')).drift).toBe(true)
    const audit = io()
    expect(await runCli(['diff', older, newer, '--mappings'], audit.io, COMMANDS)).toBe(0)
    expect(audit.out.join('')).toContain('# Seam mapping audit')
    expect(audit.out.join('')).toContain('user.title')
    const other = path.join(dir, 'other.json')
    writeFileSync(
      other,
      JSON.stringify({
        ...second,
        entra: { ...second.entra, tenantId: '00000000-0000-4000-8000-000000000001' },
        okta: { ...second.okta, orgUrl: 'https://other.okta.com' },
      }),
    )
    const refused = io()
    expect(await runCli(['diff', older, other], refused.io, COMMANDS)).toBe(2)
    expect(refused.err.join('')).toMatch(/different Entra tenants.*same tenant pair/)
    expect(refused.err.join('').trim().split('\n')).toHaveLength(1)
  })
})
