import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectCommand } from '../../../src/cli/commands/collect'
import { doctorCommand } from '../../../src/cli/commands/doctor'
import { CliError, type CliIo } from '../../../src/cli/command'
import { readSnapshotFile } from '../../../src/node/snapshot-file'
import { logWindow, plantedSecrets, startHarness, type Harness } from './helpers'

let h: Harness
let dir: string
beforeAll(async () => {
  h = await startHarness({ scenario: 'healthy' })
  dir = await mkdtemp(join(tmpdir(), 'crosswalk-cli-'))
})
afterAll(async () => {
  await h?.emulator.close()
  await rm(dir, { recursive: true, force: true })
})

function io(
  env: Record<string, string> = h.emulator.env,
  isTty = false,
): CliIo & { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  return { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, cwd: dir, isTty, out, err }
}

const windowArgs = (): string[] => {
  const w = logWindow(h.emulator)
  return ['--logs-since', w.logsSince, '--logs-until', w.logsUntil]
}

describe('crosswalk collect', () => {
  it('writes a complete gzipped snapshot, shows progress on a TTY, exits 0, leaks nothing', async () => {
    const t = io(h.emulator.env, true)
    const code = await collectCommand.run(
      ['--profile', h.emulator.profileFile, '--out', 'snap.json.gz', ...windowArgs()],
      t,
    )
    expect(code).toBe(0)
    const snap = await readSnapshotFile(join(dir, 'snap.json.gz'))
    expect(snap.collection.complete).toBe(true)
    expect(t.out.join('')).toMatch(/\[#+\.*\] \d+ resources/)
    const everything =
      t.out.join('') +
      t.err.join('') +
      (await readFile(join(dir, 'snap.json.gz'))).toString('latin1')
    const plain = JSON.stringify(snap)
    for (const secret of plantedSecrets(h)) {
      expect(everything).not.toContain(secret)
      expect(plain).not.toContain(secret)
    }
  })

  it('refreshes from --since and logs plain lines off a TTY', async () => {
    const t = io()
    expect(
      await collectCommand.run(
        ['--profile', h.emulator.profileFile, '--out', 'a.json', ...windowArgs()],
        t,
      ),
    ).toBe(0)
    const t2 = io()
    expect(
      await collectCommand.run(
        [
          '--profile',
          h.emulator.profileFile,
          '--out',
          'b.json',
          '--since',
          'a.json',
          ...windowArgs(),
        ],
        t2,
      ),
    ).toBe(0)
    expect(t2.out.join('')).not.toContain('\r')
    const b = await readSnapshotFile(join(dir, 'b.json'))
    expect(b.entra?.users?.length).toBe(h.emulator.scenario.entra.users.length)
  })

  it('an incomplete run goes to OUT.partial and never replaces a good OUT', async () => {
    const good = join(dir, 'good.json')
    await writeFile(good, 'previous good snapshot')
    const original = h.emulator.scenario.entra.appRoleAssignments
    const sp = String(
      h.emulator.scenario.entra.servicePrincipals.find((s) => s.appId === h.profile.entra?.clientId)
        ?.id,
    )
    h.emulator.mutate.entra.set('appRoleAssignments', {
      ...original,
      [sp]: (original[sp] ?? []).filter(
        (a) => a.appRoleId !== 'b0afded3-3588-46d8-8b3d-9842eff778da',
      ),
    })
    try {
      const t = io()
      const code = await collectCommand.run(
        ['--profile', h.emulator.profileFile, '--out', 'good.json', ...windowArgs()],
        t,
      )
      expect(code).toBe(1)
      expect(await readFile(good, 'utf8')).toBe('previous good snapshot')
      const partial = await readSnapshotFile(`${good}.partial`)
      expect(partial.collection.complete).toBe(false)
      expect(t.err.join('')).toMatch(/entra\.signIns: HTTP 403 Authorization_RequestDenied/)
      expect(t.err.join('')).toMatch(/good\.json\.partial/)
    } finally {
      h.emulator.mutate.entra.set('appRoleAssignments', original)
    }
  })

  it('names a missing secret variable and an invalid profile clearly', async () => {
    await expect(
      collectCommand.run(['--profile', h.emulator.profileFile, '--out', 'x.json'], io({})),
    ).rejects.toThrow(/environment variable CROSSWALK_EMULATOR_ENTRA_CLIENT_SECRET .* is not set/)
    await writeFile(
      join(dir, 'bad-profile.json'),
      JSON.stringify({ entra: { tenantId: 't', cloud: 'mars' } }),
    )
    const e = await collectCommand
      .run(['--profile', 'bad-profile.json', '--out', 'x.json'], io())
      .catch((x: unknown) => x)
    expect(e).toBeInstanceOf(CliError)
    expect((e as CliError).message).toMatch(/entra\.clientId/)
    expect((e as CliError).message).toMatch(/entra\.cloud/)
    await expect(stat(join(dir, 'x.json'))).rejects.toThrow()
    await expect(collectCommand.run(['--out', 'x.json'], io())).rejects.toThrow(
      /--profile and --out/,
    )
  })
})

describe('crosswalk doctor', () => {
  it('exits 0 for a working profile and 1 with the fix for a wrong secret', async () => {
    const ok = io()
    expect(await doctorCommand.run(['--profile', h.emulator.profileFile], ok)).toBe(0)
    expect(ok.out.join('')).toMatch(/Entra ID: OK/)
    const env = {
      ...h.emulator.env,
      CROSSWALK_EMULATOR_ENTRA_CLIENT_SECRET: 'abc8Q~definitely-wrong-secret-0000000',
    }
    const bad = io(env)
    expect(await doctorCommand.run(['--profile', h.emulator.profileFile, '--json'], bad)).toBe(1)
    const report = JSON.parse(bad.out.join('')) as {
      entra: { problems: { code: string }[] }
      okta: { ok: boolean }
    }
    expect(report.entra.problems.map((p) => p.code)).toEqual(['aadsts-7000215'])
    expect(report.okta.ok).toBe(true)
    expect(bad.out.join('')).not.toContain('definitely-wrong-secret')
  })

  it('reports a missing variable for one side and still checks the other', async () => {
    const t = io({
      CROSSWALK_EMULATOR_OKTA_API_TOKEN: h.emulator.env.CROSSWALK_EMULATOR_OKTA_API_TOKEN ?? '',
    })
    expect(await doctorCommand.run(['--profile', h.emulator.profileFile], t)).toBe(1)
    expect(t.out.join('')).toMatch(/Okta: OK/)
    expect(t.out.join('')).toMatch(/\[entra\.clientSecretEnv\]/)
  })
})
