import { CONTENT_SECURITY_POLICY } from '../shared/security/csp'

export { CONTENT_SECURITY_POLICY }

/** Response headers with any upstream CSP replaced by ours (header names compared case-insensitively). */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
  return out
}
