import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises'
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

  /** Runs `body` while the reader lacks AuditLog.Read.All, so sign-ins cannot be collected. */
  async function withoutAuditLogPermission(body: () => Promise<void>): Promise<void> {
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
      await body()
    } finally {
      h.emulator.mutate.entra.set('appRoleAssignments', original)
    }
  }

  it('an incomplete run goes to OUT.partial and never replaces a good OUT', async () => {
    const good = join(dir, 'good.json')
    await writeFile(good, 'previous good snapshot')
    await withoutAuditLogPermission(async () => {
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
    })
  })

  it('--accept-partial writes OUT with complete: false, warns with the gaps, exits 0', async () => {
    await withoutAuditLogPermission(async () => {
      const t = io()
      const code = await collectCommand.run(
        [
          '--profile',
          h.emulator.profileFile,
          '--out',
          'accepted.json',
          '--accept-partial',
          ...windowArgs(),
        ],
        t,
      )
      expect(code).toBe(0)
      const snap = await readSnapshotFile(join(dir, 'accepted.json'))
      expect(snap.collection.complete).toBe(false)
      const err = t.err.join('')
      expect(err).toMatch(/^warning: Collection incomplete \(\d+ resources? missing\):\n/)
      expect(err).toMatch(
        /\n {2}entra\.signIns: HTTP 403 Authorization_RequestDenied: .* \(needs AuditLog\.Read\.All/,
      )
      expect(err).toContain('written to ' + join(dir, 'accepted.json') + ', as --accept-partial')
      await expect(stat(join(dir, 'accepted.json.partial'))).rejects.toThrow()
    })
  })

  it('checks every write target before any request', async () => {
    await mkdir(join(dir, 'a-folder'))
    await writeFile(join(dir, 'real.json'), 'kept')
    await symlink(join(dir, 'real.json'), join(dir, 'link.json'))
    await mkdir(join(dir, 'partial-taken.json.partial'))
    execFileSync('mkfifo', [join(dir, 'fifo.json')])
    const cases: [string, RegExp][] = [
      ['no-such-folder/out.json', /folder .*no-such-folder does not exist/],
      ['a-folder', /is a folder/],
      ['link.json', /is a symbolic link/],
      ['fifo.json', /is a FIFO/],
      ['/dev/full', /is a device|is not writable/],
      ['partial-taken.json', /partial-taken\.json\.partial is a folder/],
    ]
    for (const [out, message] of cases) {
      h.emulator.clearLog()
      const started = performance.now()
      const e = await collectCommand
        .run(['--profile', h.emulator.profileFile, '--out', out, ...windowArgs()], io())
        .catch((x: unknown) => x)
      expect(e, out).toBeInstanceOf(CliError)
      expect((e as CliError).message, out).toMatch(message)
      expect((e as CliError).exitCode).toBe(2)
      expect(h.emulator.requestLog, out).toEqual([])
      expect(performance.now() - started).toBeLessThan(1_000)
    }
    expect(await readFile(join(dir, 'real.json'), 'utf8')).toBe('kept')
    expect((await stat('/dev/full')).isCharacterDevice()).toBe(true)
  })

  it('a full disk at the end says so in one line and keeps the previous OUT', async () => {
    await writeFile(join(dir, 'full.json'), 'previous good snapshot')
    const t = io()
    t.writerFs = {
      open: async (file, flags, mode) => {
        const { open } = await import('node:fs/promises')
        const handle = await open(file, flags, mode)
        return {
          writeFile: () =>
            Promise.reject(Object.assign(new Error('no space left'), { code: 'ENOSPC' })),
          sync: () => handle.sync(),
          close: () => handle.close(),
        }
      },
      rename: async (a, b) => (await import('node:fs/promises')).rename(a, b),
      rm: async (f, o) => (await import('node:fs/promises')).rm(f, o),
    }
    const e = await collectCommand
      .run(['--profile', h.emulator.profileFile, '--out', 'full.json', ...windowArgs()], t)
      .catch((x: unknown) => x)
    expect((e as CliError).message).toMatch(/Could not write .*full\.json \(ENOSPC\)/)
    expect(await readFile(join(dir, 'full.json'), 'utf8')).toBe('previous good snapshot')
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
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
