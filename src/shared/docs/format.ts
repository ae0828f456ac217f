/**
 * Dates and certificate facts for documents. Every date is UTC and every relative figure
 * counts from the snapshot's `collectedAt`, never the clock, so the same snapshot gives the
 * same document on any machine, any day.
 */
import { readCertificateValidity, decodeBase64 } from '../util/der'
import { DAY_MS } from '../util/dates'
import { sha256Hex } from '../util/sha256'
import type { CertificateFacts } from './model'

/** `2026-11-20 12:00 UTC` for an ISO-8601 instant; the input itself when it is not one. */
export function utc(iso: string | undefined): string {
  if (!iso) return ''
  const t = Date.parse(iso)
  if (!Number.isFinite(t)) return iso
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** `2026-11-20` for an ISO-8601 instant (UTC day). */
export function utcDay(iso: string | undefined): string {
  if (!iso) return ''
  const t = Date.parse(iso)
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : iso
}

/** An instant `days` before `iso`, as ISO-8601 (undefined for an unreadable date). */
export function daysBefore(iso: string | undefined, days: number): string | undefined {
  if (!iso) return undefined
  const t = Date.parse(iso)
  return Number.isFinite(t) ? new Date(t - days * DAY_MS).toISOString() : undefined
}

/** SHA-256 thumbprint (upper-case hex) and validity of a base64 DER certificate. */
export function certificateFacts(base64Der: string | undefined): CertificateFacts | undefined {
  if (!base64Der) return undefined
  const bytes = decodeBase64(base64Der)
  if (!bytes) return undefined
  const validity = readCertificateValidity(base64Der)
  return {
    sha256Thumbprint: sha256Hex(bytes).toUpperCase(),
    ...(validity
      ? { notBefore: validity.notBefore.toISOString(), notAfter: validity.notAfter.toISOString() }
      : {}),
  }
}

/** A base64 value as upper-case hex (a certificate's `customKeyIdentifier` thumbprint). */
export function base64ToHex(value: string | undefined): string | undefined {
  const bytes = value ? decodeBase64(value) : undefined
  if (!bytes || bytes.length === 0) return undefined
  return [...bytes]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()
}
