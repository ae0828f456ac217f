/**
 * Expiry windows shared by the credential-expiry rules: a credential is expired,
 * or expires within the first, second or third window (30/60/90 days by default),
 * or is not a concern yet.
 */
import type { Severity } from '../model'
import { daysUntil } from '../util/dates'
import type { Thresholds } from './rule'

/** Where an expiry date falls relative to "now". */
export type ExpiryWindow = 'expired' | 0 | 1 | 2

/** The window an end date falls in, or `undefined` when it is further away than the last window. */
export function expiryWindow(
  end: Date,
  now: Date,
  thresholds: Thresholds,
): ExpiryWindow | undefined {
  const days = daysUntil(end, now)
  if (end.getTime() <= now.getTime()) return 'expired'
  const [a, b, c] = thresholds.expiryDays
  if (days < a) return 0
  if (days < b) return 1
  if (days < c) return 2
  return undefined
}

/**
 * Severity for a window: `critical` scale for credentials a live integration depends
 * on (an Okta IdP's secret, the federation certificate), `standard` for others.
 */
export function expirySeverity(window: ExpiryWindow, scale: 'critical' | 'standard'): Severity {
  if (scale === 'critical') {
    return window === 'expired' || window === 0 ? 'critical' : window === 1 ? 'high' : 'medium'
  }
  return window === 'expired' || window === 0 ? 'medium' : window === 1 ? 'low' : 'info'
}

/**
 * The severity of an app credential that nothing at the seam uses: the standard scale
 * while it is the app's last one (it expires soon, or just did), an info note when a
 * newer credential replaces it or it expired long ago (a leftover nobody uses).
 */
export function leftoverSeverity(
  window: ExpiryWindow,
  end: Date,
  now: Date,
  superseded: boolean,
  thresholds: Thresholds,
): Severity {
  if (superseded) return 'info'
  if (window === 'expired' && now.getTime() - end.getTime() > thresholds.expiryDays[0] * 86_400_000)
    return 'info'
  return expirySeverity(window, 'standard')
}

/** "expired 3 days ago" / "expires in 12 days". */
export function describeExpiry(end: Date, now: Date): string {
  const days = daysUntil(end, now)
  if (end.getTime() <= now.getTime()) {
    const ago = Math.max(0, -days - 1)
    return ago === 0
      ? `expired today (${end.toISOString()})`
      : `expired ${ago} day${ago === 1 ? '' : 's'} ago (${end.toISOString()})`
  }
  return `expires in ${days} day${days === 1 ? '' : 's'} (${end.toISOString()})`
}
