/**
 * Fault injection for the emulator: a compact spec, parsed once per run or switched at
 * runtime, and a deterministic decision per request.
 *
 * Grammar: comma-separated `key=value` pairs, e.g.
 * `latency=20,jitter=5,graph429=0.1,graph429NoRetryAfter=0.3,okta429=0.05,5xx=0.05,reset=0.02`.
 * Probabilities are in [0, 1], durations in milliseconds unless named in seconds.
 * `none` (or an empty string) switches every fault off. See README.md for the table.
 */

export interface FaultSpec {
  /** fixed latency added before every faultable response (ms) */
  latency: number
  /** uniform random extra latency in [0, jitter] ms */
  jitter: number
  /** probability that a Graph data request answers 429 TooManyRequests */
  graph429: number
  /** share of those Graph 429s sent without a Retry-After header */
  graph429NoRetryAfter: number
  /** upper bound of the fractional Retry-After in seconds (drawn in [0.1, retryAfter]) */
  retryAfter: number
  /** probability that an Okta API request finds its rate-limit bucket exhausted (429 E0000047) */
  okta429: number
  /** seconds from the response's Date to X-Rate-Limit-Reset on an injected Okta 429 */
  okta429Reset: number
  /** probability that a request starts a burst of 5xx answers */
  serverError: number
  /** length of a 5xx burst (consecutive requests to the same service) */
  burst: number
  /** probability that a connection is reset half-way through the body */
  reset: number
  /** probability that a 200 body is cut short (malformed JSON, clean end of response) */
  malformed: number
  /** access-token lifetime in seconds (Entra and Okta token endpoints); 0 keeps the default 3599/3600 */
  tokenLifetime: number
  /** stream every faultable body in chunks spread over this many ms */
  slowBody: number
  /** Graph's identity-and-access-reports limit: audit-log requests per app per 10 s (0 = off; Graph's is 5) */
  reports: number
  /** also apply faults to discovery, JWKS and token routes (off: those stay reliable) */
  auth: boolean
}

export const NO_FAULTS: FaultSpec = Object.freeze({
  latency: 0,
  jitter: 0,
  graph429: 0,
  graph429NoRetryAfter: 0,
  retryAfter: 2.5,
  okta429: 0,
  okta429Reset: 0,
  serverError: 0,
  burst: 1,
  reset: 0,
  malformed: 0,
  tokenLifetime: 0,
  slowBody: 0,
  reports: 0,
  auth: false,
})

type NumericFault = Exclude<keyof FaultSpec, 'auth'>

const KEYS: Record<string, keyof FaultSpec> = {
  latency: 'latency',
  jitter: 'jitter',
  graph429: 'graph429',
  graph429noretryafter: 'graph429NoRetryAfter',
  retryafter: 'retryAfter',
  okta429: 'okta429',
  okta429reset: 'okta429Reset',
  '5xx': 'serverError',
  servererror: 'serverError',
  burst: 'burst',
  reset: 'reset',
  malformed: 'malformed',
  tokenlifetime: 'tokenLifetime',
  slowbody: 'slowBody',
  reports: 'reports',
  auth: 'auth',
}

const PROBABILITIES = new Set<keyof FaultSpec>([
  'graph429',
  'graph429NoRetryAfter',
  'okta429',
  'serverError',
  'reset',
  'malformed',
])

/** Parses a fault spec string (or merges a partial object) over NO_FAULTS; throws on unknown keys or bad values. */
export function parseFaults(spec: string | Partial<FaultSpec> | undefined): FaultSpec {
  if (spec === undefined) return { ...NO_FAULTS }
  if (typeof spec !== 'string') return validate({ ...NO_FAULTS, ...spec })
  const out: FaultSpec = { ...NO_FAULTS }
  const text = spec.trim()
  if (text === '' || text === 'none') return out
  for (const part of text.split(',')) {
    const [rawKey, rawValue, extra] = part.split('=').map((s) => s.trim())
    const key = KEYS[(rawKey ?? '').toLowerCase()]
    if (!key || extra !== undefined) throw new Error(`unknown fault "${part}"`)
    if (key === 'auth') {
      out.auth = rawValue === undefined || rawValue === '1' || rawValue === 'true'
      continue
    }
    const value = Number(rawValue)
    if (rawValue === undefined || rawValue === '' || !Number.isFinite(value)) {
      throw new Error(`fault "${rawKey}" needs a number`)
    }
    out[key as NumericFault] = value
  }
  return validate(out)
}

function validate(spec: FaultSpec): FaultSpec {
  for (const [key, value] of Object.entries(spec) as [keyof FaultSpec, unknown][]) {
    if (key === 'auth') continue
    if (typeof value !== 'number' || value < 0) throw new Error(`fault "${key}" must be >= 0`)
    if (PROBABILITIES.has(key) && value > 1)
      throw new Error(`fault "${key}" is a probability (0..1)`)
  }
  if (spec.burst < 1) spec.burst = 1
  return spec
}

/** Formats a spec back to the compact string (only non-default keys). */
export function formatFaults(spec: FaultSpec): string {
  const parts: string[] = []
  for (const key of Object.keys(NO_FAULTS) as (keyof FaultSpec)[]) {
    const value = spec[key]
    if (value === NO_FAULTS[key]) continue
    parts.push(`${key === 'serverError' ? '5xx' : key}=${Number(value)}`)
  }
  return parts.length ? parts.join(',') : 'none'
}

/** mulberry32: a tiny, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a 32-bit hash, to derive per-route seeds. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

export type Service = 'entra' | 'graph' | 'okta'

/** What to do to one response. */
export interface FaultDecision {
  delayMs: number
  throttle: boolean
  /** Graph only: Retry-After in seconds, or null to omit the header */
  retryAfter: number | null
  serverError: boolean
  reset: boolean
  malformed: boolean
  slowBodyMs: number
}

const CLEAN: FaultDecision = Object.freeze({
  delayMs: 0,
  throttle: false,
  retryAfter: null,
  serverError: false,
  reset: false,
  malformed: false,
  slowBodyMs: 0,
})

/**
 * Decides faults per request. Each route (method + path without query) has its own counter,
 * and the draw for the n-th request on a route comes from a PRNG seeded by (seed, route, n),
 * so a run is reproducible even when requests to different routes interleave.
 */
export class FaultEngine {
  private spec: FaultSpec
  private readonly counters = new Map<string, number>()
  private readonly burstLeft = new Map<Service, number>()

  constructor(
    private readonly seed: number,
    spec?: string | Partial<FaultSpec>,
  ) {
    this.spec = parseFaults(spec)
  }

  get current(): FaultSpec {
    return { ...this.spec }
  }

  set(spec: string | Partial<FaultSpec> | undefined): void {
    this.spec = parseFaults(spec)
    this.counters.clear()
    this.burstLeft.clear()
  }

  decide(service: Service, routeKey: string, authRoute: boolean): FaultDecision {
    const s = this.spec
    if (authRoute && !s.auth) return CLEAN
    const n = (this.counters.get(routeKey) ?? 0) + 1
    this.counters.set(routeKey, n)
    const rng = mulberry32(fnv1a(`${routeKey}#${n}`, this.seed >>> 0))
    const delayMs = s.latency + (s.jitter > 0 ? rng() * s.jitter : 0)
    const decision: FaultDecision = { ...CLEAN, delayMs, slowBodyMs: s.slowBody }
    const throttleP = service === 'graph' ? s.graph429 : service === 'okta' ? s.okta429 : 0
    if (rng() < throttleP) {
      decision.throttle = true
      if (service === 'graph') {
        const omit = rng() < s.graph429NoRetryAfter
        const seconds = 0.1 + rng() * Math.max(0, s.retryAfter - 0.1)
        decision.retryAfter = omit ? null : Math.round(seconds * 1000) / 1000
      }
      return decision
    }
    const left = this.burstLeft.get(service) ?? 0
    if (left > 0) {
      this.burstLeft.set(service, left - 1)
      decision.serverError = true
      return decision
    }
    if (rng() < s.serverError) {
      this.burstLeft.set(service, s.burst - 1)
      decision.serverError = true
      return decision
    }
    decision.reset = rng() < s.reset
    decision.malformed = !decision.reset && rng() < s.malformed
    return decision
  }
}
