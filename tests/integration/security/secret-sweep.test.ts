/**
 * The secret-leak sweep: connect → doctor → collect → diagnose → explain → inspect against
 * the emulator's `broken` scenario, through the CLI and through the contract's handlers, then
 * every output searched for every secret the run knew — raw, JSON-escaped, URL-encoded and
 * base64: CLI stdout and stderr, the snapshot files (gzip opened), IPC replies and events,
 * log lines, and every file the data directory holds. The inspector's captures add theirs:
 * session cookies, an API call's bearer token, a password post, and the artefacts themselves
 * (an ID token's compact form, which neither the log nor a file may hold). Prints how much it
 * searched.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/node/handlers'
import { invokeChannel } from '../../../src/node/ipc/invoke'
import { createLogger } from '../../../src/node/log'
import type { EventChannel, Input, InvokeChannel } from '../../../src/shared/ipc'
import { CAPTURE_SECRETS, type Artefact } from '../../emulator/artefacts/index'
import { startEmulator, type Emulator } from '../../emulator/index'
import { UNLIMITED_OKTA_RATE_LIMITS } from '../../emulator/okta/rate-limit'
import { logWindow } from '../node/helpers'
import { findChromium } from '../../../src/node/chromium-pdf'
import { cli } from './harness'

/** The text of a PDF through poppler's pdftotext, or undefined where it is not installed. */
function pdfText(file: string): Promise<string | undefined> {
  return new Promise((resolve) =>
    execFile('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 << 20 }, (error, out) =>
      resolve(error ? undefined : out),
    ),
  )
}

const PASSPHRASE = 'sweep: correct horse battery staple'
const WRONG_SECRET = 'Wq8~sweep-wrong-secret-value.0042'
/**
 * Secrets planted in a snapshot file as another tool might write it, in the fields a careless
 * document builder would copy: the Okta IdP's client secret, a Graph credential's
 * `secretText`, an app's shared secret and password, a mapping's token.
 */
const PLANTED = {
  idpClientSecret: 'Pl4~planted-idp-client-secret-9f3a71c2',
  secretText: 'Pl5~planted-graph-secret-text-0b8e2d44',
  sharedSecret: 'planted-okta-shared-secret-7c1d9e05',
  password: 'planted-app-password-4e6a0f13',
  token: 'planted-mapping-token-2b9c8d71',
}

let emulator: Emulator
let dir: string
/** the captures handed to the inspector, outside `dir`: they hold the secrets on purpose */
let captures: string
let artefacts: Artefact[]
const outputs: { name: string; text: string }[] = []
/** outputs where a decoded artefact belongs (replies and CLI output), but never a capture's secrets */
const INSPECTED = new Set<string>()

beforeAll(async () => {
  // rate limits are not what this suite tests: budgets high enough that no run waits for a window
  emulator = await startEmulator({ scenario: 'broken', oktaRateLimits: UNLIMITED_OKTA_RATE_LIMITS })
  dir = await mkdtemp(path.join(tmpdir(), 'crosswalk-sweep-'))
  captures = await mkdtemp(path.join(tmpdir(), 'crosswalk-sweep-captures-'))
  artefacts = await emulator.artefacts()
  for (const a of artefacts) await writeFile(path.join(captures, a.file), a.content)
}, 120_000)
afterAll(async () => {
  await emulator?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
  if (captures) await rm(captures, { recursive: true, force: true })
})

/** The ID token a capture posts: a credential that may be decoded on screen, never stored or logged. */
function postedIdToken(): string {
  const har = artefacts.find((a) => a.file === 'id-token-good.har')
  const match = /id_token=([A-Za-z0-9_.-]+)/.exec(decodeURIComponent(har?.content ?? ''))
  if (!match?.[1]) throw new Error('the capture posts an ID token')
  return match[1]
}

/** Every secret the runs knew: credentials, planted tenant secrets, keys, the passphrase. */
function secrets(): string[] {
  const s = emulator.scenario
  const pemBodies = [
    s.credentials.entra.certificate?.privateKeyPem,
    s.credentials.okta.serviceApp?.privateKeyPem,
  ]
    .filter((pem): pem is string => typeof pem === 'string')
    .flatMap((pem) => {
      const lines = pem.split('\n').filter((l) => l && !l.startsWith('-----'))
      return [lines.join(''), ...lines.slice(1, 3)]
    })
  return [
    s.credentials.entra.clientSecret,
    s.credentials.okta.apiToken,
    ...s.entra.secrets.map((x) => x.secretText),
    ...s.okta.apiTokens.map((t) => t.token),
    ...pemBodies,
    WRONG_SECRET,
    PASSPHRASE,
    CAPTURE_SECRETS.cookie.split('=')[1] ?? '',
    CAPTURE_SECRETS.bearer.split(' ')[1] ?? '',
    CAPTURE_SECRETS.password,
    ...Object.values(PLANTED),
  ].filter((v, i, all) => v.length >= 8 && all.indexOf(v) === i)
}

/** Artefacts themselves: allowed decoded in replies and CLI output, nowhere else. */
function artefactSecrets(): string[] {
  return [postedIdToken()]
}

/** The forms a secret could take in an output. */
function forms(secret: string): string[] {
  return [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
  ]
}

/** Where each secret shows, in any of its forms. */
function findLeaks(list: { name: string; text: string }[], known: readonly string[]): string[] {
  const leaks: string[] = []
  for (const output of list)
    for (const secret of known)
      for (const form of forms(secret))
        if (output.text.includes(form))
          leaks.push(
            `${output.name}: ${secret.slice(0, 3)}… as ${form === secret ? 'raw' : 'encoded'}`,
          )
  return leaks
}

function record(name: string, text: string): void {
  outputs.push({ name, text })
}

async function recordFile(name: string, file: string): Promise<void> {
  const bytes = await readFile(file)
  record(
    name,
    (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8'),
  )
}

async function recordCli(name: string, argv: string[], env = emulator.env): Promise<number> {
  const r = await cli(argv, dir, env)
  record(`${name} stdout`, r.out)
  record(`${name} stderr`, r.err)
  return r.code
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}

describe('secret-leak sweep', () => {
  it('recognises a secret in every form it searches for', () => {
    const secret = 'Zz9~a "secret"/for+the=detector'
    for (const form of forms(secret))
      expect(findLeaks([{ name: 'planted', text: `…${form}…` }], [secret]), form).not.toEqual([])
    expect(findLeaks([{ name: 'hint', text: 'Zz9[redacted]' }], [secret])).toEqual([])
  })

  it('runs the CLI through doctor, collect, diagnose and explain', async () => {
    const window = logWindow(emulator)
    const logs = ['--logs-since', window.logsSince, '--logs-until', window.logsUntil]
    const profile = emulator.profileFile
    const wrong = { ...emulator.env, CROSSWALK_EMULATOR_ENTRA_CLIENT_SECRET: WRONG_SECRET }
    expect(await recordCli('doctor', ['doctor', '--profile', profile])).toBeLessThanOrEqual(1)
    await recordCli('doctor --json', ['doctor', '--profile', profile, '--json'])
    expect(await recordCli('doctor, wrong secret', ['doctor', '--profile', profile], wrong)).toBe(1)
    await recordCli(
      'collect, wrong secret',
      ['collect', '--profile', profile, '--out', 'wrong.json', ...logs],
      wrong,
    )
    await recordCli('collect', [
      'collect',
      '--profile',
      profile,
      '--out',
      'broken.json.gz',
      ...logs,
    ])
    await recordCli('collect --accept-partial', [
      'collect',
      '--profile',
      profile,
      '--out',
      'accepted.json',
      '--accept-partial',
      ...logs,
    ])
    if (emulator.keyProfileFile) {
      await recordCli('collect, keys', [
        'collect',
        '--profile',
        emulator.keyProfileFile,
        '--out',
        'keys.json',
        '--accept-partial',
        ...logs,
      ])
    }
    for (const format of ['table', 'json', 'sarif']) {
      await recordCli(`diagnose --format ${format}`, [
        'diagnose',
        'accepted.json',
        '--format',
        format,
      ])
    }
    for (const code of ['AADSTS7000215', 'AADSTS7000222', 'E0000006']) {
      await recordCli(`explain ${code}`, [
        'explain',
        code,
        '--snapshot',
        'accepted.json',
        '--format',
        'json',
      ])
      await recordCli(`explain ${code} text`, ['explain', code, '--snapshot', 'accepted.json'])
    }
    for (const file of ['id-token-good.har', 'wsfed-good.saml-tracer.json', 'oidc-good.har']) {
      for (const format of ['text', 'json']) {
        const name = `inspect ${file} --format ${format}`
        await recordCli(name, [
          'inspect',
          path.join(captures, file),
          '--snapshot',
          'accepted.json',
          '--format',
          format,
        ])
        INSPECTED.add(`${name} stdout`)
      }
    }
    for (const file of await filesUnder(dir))
      await recordFile(`file ${path.relative(dir, file)}`, file)
  }, 180_000)

  it('exports every format of the collected snapshot and of one with secrets planted in it', async () => {
    const snapshot = JSON.parse(await readFile(path.join(dir, 'accepted.json'), 'utf8')) as {
      entra: { applications: Record<string, unknown>[] }
      okta: {
        idps: Record<string, unknown>[]
        apps: Record<string, unknown>[]
        mappings: Record<string, unknown>[]
      }
    }
    const idp = snapshot.okta.idps.find((i) => i['type'] === 'MICROSOFT') as {
      protocol: { credentials: { client: Record<string, unknown> } }
    }
    idp.protocol.credentials.client['client_secret'] = PLANTED.idpClientSecret
    const app = snapshot.entra.applications.find(
      (a) =>
        Array.isArray(a['passwordCredentials']) &&
        (a['passwordCredentials'] as unknown[]).length > 0,
    ) as { passwordCredentials: Record<string, unknown>[] }
    app.passwordCredentials[0] = { ...app.passwordCredentials[0], secretText: PLANTED.secretText }
    const okta365 = snapshot.okta.apps.find((a) => a['name'] === 'office365') as {
      settings: Record<string, unknown>
      credentials: Record<string, unknown>
    }
    okta365.settings['sharedSecret'] = PLANTED.sharedSecret
    okta365.credentials['password'] = { value: PLANTED.password }
    okta365.credentials['userNameTemplate'] = {
      template: '${source.login}',
      password: PLANTED.password,
    }
    ;(snapshot.okta.mappings[0] as Record<string, unknown>)['token'] = PLANTED.token
    await writeFile(path.join(dir, 'planted.json'), JSON.stringify(snapshot))
    await mkdir(path.join(dir, 'csv-accepted'))
    await mkdir(path.join(dir, 'csv-planted'))
    for (const source of ['accepted', 'planted']) {
      for (const format of ['md', 'html', 'json'])
        expect(
          await recordCli(`export ${source} --format ${format}`, [
            'export',
            `${source}.json`,
            '--format',
            format,
            '--out',
            `${source}-doc.${format}`,
          ]),
        ).toBe(0)
      expect(
        await recordCli(`export ${source} --format csv`, [
          'export',
          `${source}.json`,
          '--format',
          'csv',
          '--out',
          `csv-${source}`,
        ]),
        outputs.at(-1)?.text,
      ).toBe(0)
      if (await findChromium(process.env)) {
        expect(
          await recordCli(
            `export ${source} --format pdf`,
            ['export', `${source}.json`, '--format', 'pdf', '--out', `${source}-doc.pdf`],
            { ...emulator.env, PATH: process.env.PATH ?? '' },
          ),
        ).toBe(0)
        const text = await pdfText(path.join(dir, `${source}-doc.pdf`))
        if (text !== undefined) record(`pdftotext ${source}.pdf`, text)
      }
    }
    // the diff of the collected snapshot against the planted one shows each planted field changed
    for (const format of ['table', 'md', 'json'])
      expect(
        await recordCli(`diff accepted planted --format ${format}`, [
          'diff',
          'accepted.json',
          'planted.json',
          '--format',
          format,
        ]),
      ).toBe(0)
    // the planted fields are in the diff, by their redacted form
    expect(outputs.at(-2)?.text).toContain('settings.sharedSecret')
    for (const file of await filesUnder(dir))
      // the exports, not the planted snapshot itself (it holds the planted values on purpose)
      if (/^(accepted|planted)-doc\.|^csv-(accepted|planted)\//.test(path.relative(dir, file)))
        await recordFile(`file ${path.relative(dir, file)}`, file)
    // the planted values reached the snapshot file, so a builder that copied them would show them
    expect(await readFile(path.join(dir, 'planted.json'), 'utf8')).toContain(
      PLANTED.idpClientSecret,
    )
  }, 180_000)

  it('runs the contract’s handlers through save, test, collect and a wrong secret', async () => {
    const dataDir = path.join(dir, 'data')
    await mkdir(dataDir, { mode: 0o700 })
    const lines: string[] = []
    const events: { channel: EventChannel; payload: unknown }[] = []
    const replies: unknown[] = []
    const inspected: unknown[] = []
    const log = createLogger({ write: (line) => lines.push(line), level: 'debug' })
    const finished = new Promise<void>((resolve, reject) => {
      const handlers = createHandlers({
        host: 'browser',
        version: '0.0.0-sweep',
        dataDir,
        log,
        emit: (channel, payload) => {
          events.push({ channel, payload: JSON.parse(JSON.stringify(payload)) })
          if (channel === 'collect:finished') resolve()
        },
        vault: { kind: 'passphrase', passphrase: PASSPHRASE },
        endpointOverrides: true,
        collectOptions: logWindow(emulator),
      })
      const call = async <C extends InvokeChannel>(channel: C, input?: Input<C>) => {
        const reply = await invokeChannel(handlers, channel, input, log, { checkOutput: true })
        replies.push(reply)
        return reply
      }
      void (async () => {
        const created = await call('workspaces:create', { name: 'Sweep' })
        if (!created.ok) throw new Error(`workspaces:create: ${created.error.message}`)
        const workspaceId = (created.value as { id: string }).id
        const entra = (clientSecret: string) => ({
          tenantId: emulator.tenantId,
          clientId: emulator.scenario.credentials.entra.clientId,
          cloud: 'global' as const,
          authorityHost: emulator.profile.entra.authorityHost,
          graphBaseUrl: emulator.profile.entra.graphBaseUrl,
          credential: { kind: 'secret' as const, clientSecret },
        })
        const okta = {
          orgUrl: emulator.profile.okta.orgUrl,
          credential: {
            kind: 'apiToken' as const,
            token: emulator.scenario.credentials.okta.apiToken,
          },
        }
        await call('connections:save', {
          workspaceId,
          entra: entra(WRONG_SECRET),
          okta,
          caPem: emulator.caPem,
        })
        await call('connections:test', { workspaceId })
        await call('connections:save', {
          workspaceId,
          entra: entra(emulator.scenario.credentials.entra.clientSecret),
          okta,
          caPem: emulator.caPem,
        })
        await call('connections:test', { workspaceId })
        await call('connections:get', { workspaceId })
        await call('vault:status')
        for (const a of artefacts)
          inspected.push(
            await invokeChannel(
              handlers,
              'inspect:decode',
              { text: a.content, candidates: [] },
              log,
              { checkOutput: true },
            ),
          )
        const started = await call('collect:start', { workspaceId })
        if (!started.ok) throw new Error(`collect:start: ${started.error.message}`)
      })().catch(reject)
    })
    await finished
    record('IPC replies', JSON.stringify(replies))
    record('IPC replies of inspect:decode', JSON.stringify(inspected))
    INSPECTED.add('IPC replies of inspect:decode')
    expect(inspected.every((r) => (r as { ok: boolean }).ok)).toBe(true)
    record('IPC events', JSON.stringify(events))
    record('log lines', lines.join('\n'))
    for (const file of await filesUnder(dataDir))
      await recordFile(`data dir ${path.relative(dataDir, file)}`, file)
    expect(events.some((e) => e.channel === 'collect:event')).toBe(true)
  }, 180_000)

  it('finds no secret, in any form, in any output', () => {
    const list = secrets()
    const leaks: string[] = []
    for (const output of outputs)
      for (const secret of INSPECTED.has(output.name) ? list : [...list, ...artefactSecrets()])
        for (const form of forms(secret))
          if (output.text.includes(form))
            leaks.push(
              `${output.name}: ${secret.slice(0, 3)}… as ${form === secret ? 'raw' : 'encoded'}`,
            )
    const kinds = {
      'CLI stdout/stderr': outputs.filter((o) => / std(out|err)$/.test(o.name)).length,
      'snapshot and CLI files': outputs.filter((o) => o.name.startsWith('file ')).length,
      'PDF text': outputs.filter((o) => o.name.startsWith('pdftotext ')).length,
      'data directory files': outputs.filter((o) => o.name.startsWith('data dir ')).length,
      'IPC replies and events': outputs.filter((o) => o.name.startsWith('IPC ')).length,
      'log streams': outputs.filter((o) => o.name === 'log lines').length,
    }
    const bytes = outputs.reduce((n, o) => n + o.text.length, 0)
    console.log(
      `secret-leak sweep: ${list.length + artefactSecrets().length} secrets × ${forms('x').length} forms searched in ${outputs.length} outputs ` +
        `(${Object.entries(kinds)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}; ${(bytes / 1024 / 1024).toFixed(1)} MiB): ` +
        `${leaks.length} leaks`,
    )
    expect(leaks).toEqual([])
    expect(outputs.length).toBeGreaterThan(30)
  })
})
