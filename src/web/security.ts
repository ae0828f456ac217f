/**
 * Request checks for the browser-mode host. The host listens on loopback only,
 * but any web page the user visits can still reach loopback ports, so every API
 * call must prove it comes from the page we served: a per-launch bearer token,
 * a Host header naming our loopback origin (DNS rebinding), and an Origin that,
 * when present, is ours. No CORS headers are ever sent.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp'

export { CONTENT_SECURITY_POLICY }

/** Headers on every response, static or API. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

/** 32 random bytes, base64url: the per-launch secret the page must present. */
export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Constant-time comparison, so response timing does not leak the token prefix. */
export function secretsEqual(expected: string, presented: string | undefined): boolean {
  if (presented === undefined) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(presented)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The bearer token from an `Authorization: Bearer …` header, if any. */
export function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization
  const match = header ? /^Bearer ([A-Za-z0-9_-]+)$/.exec(header) : null
  return match?.[1]
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1'])

/** True for the names the host may bind to; anything else would expose it to the network. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase())
}

/** The Host header values that name this server, for the bound address and port. */
export function allowedHostHeaders(bindHost: string, port: number): Set<string> {
  if (bindHost === '::1') return new Set([`[::1]:${port}`, `localhost:${port}`])
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

export type RequestVerdict = { ok: true } | { ok: false; status: number; reason: string }

/** Host header check (DNS rebinding) and Origin check, applied to every request. */
export function checkHostAndOrigin(
  request: IncomingMessage,
  allowedHosts: ReadonlySet<string>,
): RequestVerdict {
  const host = request.headers.host?.toLowerCase()
  if (!host || !allowedHosts.has(host)) {
    return { ok: false, status: 421, reason: 'This server answers only to its loopback address.' }
  }
  const origin = request.headers.origin
  if (origin !== undefined && !allowedHosts.has(originHost(origin))) {
    return { ok: false, status: 403, reason: 'Requests from other origins are refused.' }
  }
  return { ok: true }
}

function originHost(origin: string): string {
  try {
    const url = new URL(origin)
    return url.protocol === 'http:' ? url.host.toLowerCase() : ''
  } catch {
    return ''
  }
}
