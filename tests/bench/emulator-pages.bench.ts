/**
 * Emulator page serving on the 100k-per-side scenario: one 999-user Graph page with the
 * select list rotated each round and one 200-user Okta page at a fresh cursor, each over a
 * keep-alive HTTPS connection. The floor is a raw HTTPS GET of a static body of the same byte
 * size from a plain node:https server with a certificate of the same kind.
 * Set CROSSWALK_BENCH_EMULATOR_USERS to change the population (default 100,000 per side).
 */
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { startEmulator, type Emulator } from '../emulator/index'
import { call, graphToken } from '../emulator/testing/clients'
import { buildFixtureScenario } from '../emulator/testing/fixture'
import { encodeToken } from '../emulator/graph/odata'
import { encodeCursor } from '../emulator/okta/paging'
import { generateRunCertificates } from '../emulator/tls'
import type { Benchmark, Figures } from './types'

const USERS = Number(process.env.CROSSWALK_BENCH_EMULATOR_USERS ?? 100_000)
const PAGES_PER_ROUND = 5
const SELECT = [
  'id',
  'userPrincipalName',
  'displayName',
  'mail',
  'accountEnabled',
  'onPremisesImmutableId',
  'onPremisesSyncEnabled',
  'onPremisesLastSyncDateTime',
  'proxyAddresses',
  'createdDateTime',
]

let emu: Emulator | undefined
let token = ''
let floorServer: Server | undefined
let floorOrigin = ''
let floorCa = ''
let graphBytes = 0
let oktaBytes = 0
let round = 0

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? 0
}

async function timed(
  url: string,
  ca: string,
  headers: Record<string, string>,
): Promise<{ ms: number; bytes: number }> {
  const t = performance.now()
  const r = await call(url, { ca, headers })
  const ms = performance.now() - t
  if (r.status !== 200) throw new Error(`${url}: HTTP ${r.status}`)
  return { ms, bytes: Buffer.byteLength(r.body) }
}

function graphPageUrl(offset: number, select: string): string {
  return `${emu?.graphBaseUrl}/v1.0/users?$select=${select}&$top=999&$skiptoken=${encodeToken({ o: offset })}`
}

function oktaPageUrl(offset: number): string {
  return `${emu?.oktaOrgUrl}/api/v1/users?limit=200${offset ? `&after=${encodeCursor(offset)}` : ''}`
}

export const benchmark: Benchmark = {
  name: 'emulator-pages',
  description: `Emulator: a 999-user Graph page and a 200-user Okta page on ${USERS.toLocaleString('en')} users per side`,
  runs: 5,
  async setup() {
    try {
      emu = await startEmulator({ scenario: 'large', users: USERS, seed: 1 })
    } catch {
      emu = await startEmulator({
        scenario: (o) => buildFixtureScenario({ ...o, users: USERS }),
        seed: 1,
      })
    }
    token = await graphToken(
      emu,
      emu.scenario.credentials.entra.clientId,
      emu.scenario.credentials.entra.clientSecret,
    )
    const g = await call(graphPageUrl(0, SELECT.join(',')), {
      ca: emu.caPem,
      headers: { authorization: `Bearer ${token}` },
    })
    const o = await call(oktaPageUrl(0), {
      ca: emu.caPem,
      headers: { authorization: `SSWS ${emu.env.CROSSWALK_EMULATOR_OKTA_API_TOKEN}` },
    })
    graphBytes = Buffer.byteLength(g.body)
    oktaBytes = Buffer.byteLength(o.body)
    const graphBody = Buffer.alloc(graphBytes, 0x61)
    const oktaBody = Buffer.alloc(oktaBytes, 0x61)
    const certs = generateRunCertificates()
    floorCa = certs.ca.certPem
    floorServer = createServer(
      { key: certs.server.keyPem, cert: certs.server.certPem },
      (req, res) => {
        const body = req.url === '/graph' ? graphBody : oktaBody
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': String(body.length),
        })
        res.end(body)
      },
    )
    await new Promise<void>((r) => floorServer?.listen(0, '127.0.0.1', r))
    floorOrigin = `https://localhost:${(floorServer.address() as AddressInfo).port}`
  },
  async floor(): Promise<Figures> {
    const g: number[] = []
    const o: number[] = []
    for (let i = 0; i < PAGES_PER_ROUND; i++) {
      g.push((await timed(`${floorOrigin}/graph`, floorCa, {})).ms)
      o.push((await timed(`${floorOrigin}/okta`, floorCa, {})).ms)
    }
    return { ms: median(g), extra: { oktaPageMs: median(o), graphBytes, oktaBytes } }
  },
  async measure(): Promise<Figures> {
    if (!emu) throw new Error('not set up')
    round++
    const g: number[] = []
    const o: number[] = []
    const n = emu.scenario.entra.users.length
    const m = emu.scenario.okta.users.length
    // rotate the select list and move the cursors so no round repeats an earlier request
    const select = [
      ...SELECT.slice(round % SELECT.length),
      ...SELECT.slice(0, round % SELECT.length),
    ].join(',')
    for (let i = 0; i < PAGES_PER_ROUND; i++) {
      const gOffset = ((round * PAGES_PER_ROUND + i) * 999 * 7) % Math.max(1, n - 999)
      const oOffset = ((round * PAGES_PER_ROUND + i) * 200 * 13) % Math.max(1, m - 200)
      const gUrl = graphPageUrl(gOffset, select)
      const oUrl = oktaPageUrl(oOffset)
      g.push((await timed(gUrl, emu.caPem, { authorization: `Bearer ${token}` })).ms)
      o.push(
        (
          await timed(oUrl, emu.caPem, {
            authorization: `SSWS ${emu.env.CROSSWALK_EMULATOR_OKTA_API_TOKEN}`,
          })
        ).ms,
      )
    }
    return {
      ms: median(g),
      extra: { oktaPageMs: median(o), rssMiB: process.memoryUsage().rss / 2 ** 20 },
    }
  },
  async teardown() {
    await emu?.close()
    await new Promise<void>((r) => (floorServer ? floorServer.close(() => r()) : r()))
  },
  targets: [
    { figure: 'ms', max: 20, label: 'one 999-user Graph page under 20 ms' },
    { figure: 'oktaPageMs', max: 5, label: 'one 200-user Okta page under 5 ms' },
    { figure: 'rssMiB', max: 1536, label: 'memory under 1.5 GB for 100k + 100k users' },
  ],
}
