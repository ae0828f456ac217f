/**
 * The tenant emulator: Entra sign-in, Graph v1.0 and the Okta API on three HTTPS listeners
 * (127.0.0.1, a CA generated per run), serving one scenario, with faults on demand.
 * It imports nothing from `src/`: it must not share the product's bugs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EmulatorContext } from './context'
import { entraService } from './entra/server'
import { FaultEngine, type FaultSpec } from './faults'
import { graphService } from './graph/server'
import { listen, RequestLog, type Listener, type LogEntry, type ServiceDefinition } from './http'
import { createSigningKey } from './keys'
import type { Artefact } from './artefacts/index'
import { createMutations, type Mutations } from './mutate'
import { DEFAULT_OKTA_RATE_LIMITS } from './okta/rate-limit'
import { oktaService } from './okta/server'
import type { EmulatorOrigins, Scenario, ScenarioBuilder } from './scenarios/types'
import { Store } from './store'
import { generateRunCertificates } from './tls'

/** The named scenarios of the scenario library (loaded at run time; its index lists the same). */
export const SCENARIO_NAMES = [
  'healthy',
  'broken',
  'large',
  'realistic',
  'realistic-broken',
  'fresh',
] as const
export type ScenarioName = (typeof SCENARIO_NAMES)[number]

export interface EmulatorOptions {
  scenario: ScenarioName | Scenario | ScenarioBuilder
  seed?: number
  /** users per side for generated scenarios */
  users?: number
  faults?: Partial<FaultSpec> | string
  /** first of three consecutive ports (login, Graph, Okta); 0 or absent = any free ports */
  port?: number
  /** Okta requests per minute per bucket (users, groups, apps, idps, logs, mappings, schemas, token) */
  oktaRateLimits?: Record<string, number>
  /** rate-limit window in seconds (default 60, as Okta); tests shorten it */
  oktaRateWindowSeconds?: number
  /** scenario "now" passed to named scenarios */
  now?: string
}

/** The connection profile (DESIGN.md §4) that points Crosswalk at this emulator. */
export interface EmulatorProfile {
  entra: {
    tenantId: string
    clientId: string
    cloud: 'global'
    clientSecretEnv: string
    authorityHost: string
    graphBaseUrl: string
  }
  okta: { orgUrl: string; apiTokenEnv: string }
  caFile: string
}

/** A DESIGN.md §4 profile that authenticates with key files rather than secrets. */
export interface KeyProfile {
  entra: Omit<EmulatorProfile['entra'], 'clientSecretEnv'> & {
    certificateFile: string
    privateKeyFile: string
  }
  okta: { orgUrl: string } & (
    { clientId: string; privateKeyFile: string; scopes: string[] } | { apiTokenEnv: string }
  )
  caFile: string
}

export interface Emulator extends EmulatorOrigins {
  tenantId: string
  caPem: string
  caFile: string
  profile: EmulatorProfile
  profileFile: string
  /**
   * The same endpoints with key credentials instead of secrets, when the scenario has them:
   * the Entra certificate and key files, and the Okta service app's key file and scopes.
   */
  keyProfile?: KeyProfile
  keyProfileFile?: string
  /** values of the environment variables the profile names */
  env: Record<string, string>
  scenario: Scenario
  setFaults(spec: Partial<FaultSpec> | string | undefined): void
  faults(): FaultSpec
  setOktaRateLimit(bucket: string, perMinute: number): void
  mutate: Mutations
  /**
   * the sign-in artefacts this scenario's services issue, signed with its keys, and their
   * broken variants (see artefacts/index.ts), issued at the scenario clock's "now"
   */
  artefacts(): Promise<Artefact[]>
  /** the most recent requests (up to 20,000) */
  requestLog: readonly LogEntry[]
  /** requests per route since start (or the last clearLog) */
  stats(): Record<string, number>
  clearLog(): void
  close(): Promise<void>
}

export const ENTRA_SECRET_ENV = 'CROSSWALK_EMULATOR_ENTRA_CLIENT_SECRET'
export const OKTA_TOKEN_ENV = 'CROSSWALK_EMULATOR_OKTA_API_TOKEN'

async function namedScenario(name: ScenarioName): Promise<ScenarioBuilder> {
  // resolved at run time: the scenario library is built separately and may be absent
  const url = new URL('./scenarios/index.ts', import.meta.url).href
  let mod: unknown
  try {
    mod = await import(/* @vite-ignore */ url)
  } catch (error) {
    throw new Error(`scenario "${name}" needs tests/emulator/scenarios/index.ts: ${String(error)}`)
  }
  const build = (mod as { buildScenario?: unknown }).buildScenario
  if (typeof build !== 'function')
    throw new Error('tests/emulator/scenarios/index.ts exports no buildScenario')
  return (options) => (build as (n: string, o: typeof options) => Promise<Scenario>)(name, options)
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const seed = options.seed ?? 1
  const certs = generateRunCertificates()
  const faults = new FaultEngine(seed, options.faults)
  const log = new RequestLog()
  const defs: { entra?: ServiceDefinition; graph?: ServiceDefinition; okta?: ServiceDefinition } =
    {}
  const ready = (d: ServiceDefinition | undefined): ServiceDefinition => {
    if (!d) throw new Error('emulator is still starting')
    return d
  }
  const base = options.port ?? 0
  const listeners: Listener[] = []
  try {
    for (const [i, name] of (['entra', 'graph', 'okta'] as const).entries()) {
      listeners.push(
        await listen({
          key: certs.server.keyPem,
          cert: certs.server.certPem,
          port: base ? base + i : 0,
          definition: () => ready(defs[name]),
          faults,
          log,
        }),
      )
    }
  } catch (error) {
    await Promise.all(listeners.map((l) => l.close()))
    throw error
  }
  const [login, graph, okta] = listeners as [Listener, Listener, Listener]
  const origins: EmulatorOrigins = {
    authorityHost: login.origin,
    graphBaseUrl: graph.origin,
    oktaOrgUrl: okta.origin,
  }

  let scenario: Scenario
  try {
    const source = options.scenario
    const builder =
      typeof source === 'string'
        ? await namedScenario(source)
        : typeof source === 'function'
          ? source
          : null
    scenario = builder
      ? await builder({
          seed,
          origins,
          ...(options.users ? { users: options.users } : {}),
          ...(options.now ? { now: options.now } : {}),
        })
      : (source as Scenario)
  } catch (error) {
    await Promise.all(listeners.map((l) => l.close()))
    throw error
  }

  const store = new Store(scenario)
  const signing = createSigningKey(scenario.entra.tokenSigningKey)
  const ctx: EmulatorContext = {
    scenario,
    store,
    signing,
    faults,
    origins,
    tenantId: scenario.entra.tenantId,
    oktaTokens: new Map(),
    oktaRateLimits: { ...DEFAULT_OKTA_RATE_LIMITS, ...options.oktaRateLimits },
    oktaRateWindowSeconds: options.oktaRateWindowSeconds ?? 60,
  }
  const oktaDef = oktaService(ctx)
  defs.entra = entraService(ctx)
  defs.graph = graphService(ctx)
  defs.okta = oktaDef.definition

  const dir = await mkdtemp(join(tmpdir(), 'crosswalk-emulator-'))
  const caFile = join(dir, 'ca.pem')
  await writeFile(caFile, certs.ca.certPem)
  const profile: EmulatorProfile = {
    entra: {
      tenantId: ctx.tenantId,
      clientId: scenario.credentials.entra.clientId,
      cloud: 'global',
      clientSecretEnv: ENTRA_SECRET_ENV,
      authorityHost: origins.authorityHost,
      graphBaseUrl: origins.graphBaseUrl,
    },
    okta: { orgUrl: origins.oktaOrgUrl, apiTokenEnv: OKTA_TOKEN_ENV },
    caFile,
  }
  const profileFile = join(dir, 'profile.json')
  await writeFile(profileFile, `${JSON.stringify(profile, null, 2)}\n`)
  const keys = await writeKeyProfile(dir, scenario, profile)

  let closed = false
  return {
    ...origins,
    tenantId: ctx.tenantId,
    caPem: certs.ca.certPem,
    caFile,
    profile,
    profileFile,
    ...keys,
    env: {
      [ENTRA_SECRET_ENV]: scenario.credentials.entra.clientSecret,
      [OKTA_TOKEN_ENV]: scenario.credentials.okta.apiToken,
    },
    scenario,
    setFaults: (spec) => faults.set(spec),
    faults: () => faults.current,
    setOktaRateLimit: (bucket, perMinute) => oktaDef.limiter.setLimit(bucket, perMinute),
    mutate: createMutations(store),
    // loaded on demand, like the scenario library whose keys it signs with
    artefacts: async () =>
      (await import('./artefacts/index')).issueArtefacts(
        scenario,
        origins,
        {
          privateKeyPem: signing.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
          certificateDer: signing.certDer,
        },
        store.clock.now(),
      ),
    requestLog: log.entries,
    stats: () => log.stats(),
    clearLog: () => log.clear(),
    close: async () => {
      if (closed) return
      closed = true
      await Promise.all(listeners.map((l) => l.close()))
      await rm(dir, { recursive: true, force: true })
    },
  }
}

async function writeKeyProfile(
  dir: string,
  scenario: Scenario,
  profile: EmulatorProfile,
): Promise<{ keyProfile?: KeyProfile; keyProfileFile?: string }> {
  const cert = scenario.credentials.entra.certificate
  if (!cert?.privateKeyPem) return {}
  const certificateFile = join(dir, 'entra-certificate.pem')
  const privateKeyFile = join(dir, 'entra-private-key.pem')
  await writeFile(certificateFile, cert.certificatePem)
  await writeFile(privateKeyFile, cert.privateKeyPem, { mode: 0o600 })
  const { tenantId, clientId, cloud, authorityHost, graphBaseUrl } = profile.entra
  const entra = { tenantId, clientId, cloud, authorityHost, graphBaseUrl }
  let okta: KeyProfile['okta'] = profile.okta
  const app = scenario.credentials.okta.serviceApp
  if (app?.privateKeyPem) {
    const oktaKeyFile = join(dir, 'okta-private-key.pem')
    await writeFile(oktaKeyFile, app.privateKeyPem, { mode: 0o600 })
    okta = {
      orgUrl: profile.okta.orgUrl,
      clientId: app.clientId,
      privateKeyFile: oktaKeyFile,
      scopes: app.grantedScopes,
    }
  }
  const keyProfile: KeyProfile = {
    entra: { ...entra, certificateFile, privateKeyFile },
    okta,
    caFile: profile.caFile,
  }
  const keyProfileFile = join(dir, 'profile-keys.json')
  await writeFile(keyProfileFile, `${JSON.stringify(keyProfile, null, 2)}\n`)
  return { keyProfile, keyProfileFile }
}

export { parseFaults, formatFaults, type FaultSpec } from './faults'
