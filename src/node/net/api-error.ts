/**
 * A failed call to Graph, Entra's token endpoint or Okta, reduced to what a consultant needs:
 * the HTTP status (0 for a network failure), the service's own error code and its message.
 * Messages are built from service error bodies and never from request headers, so they
 * carry no token or secret.
 */
import type { CollectionError, Source } from '../../shared/model/snapshot'

/** A service or network failure, safe to show and to store in `collection.errors`. */
export class ApiError extends Error {
  constructor(
    readonly source: Source,
    /** HTTP status, or 0 for a network failure */
    readonly status: number,
    /** Graph code (e.g. Authorization_RequestDenied), Okta E0000xxx, AADSTS number as text */
    readonly code: string,
    message: string,
    /** the request id the service returned, for support cases */
    readonly requestId?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Maps any thrown value to a snapshot `CollectionError` for `resource`. */
export function toCollectionError(
  source: Source,
  resource: string,
  error: unknown,
): CollectionError {
  if (error instanceof ApiError) {
    return { source, resource, status: error.status, code: error.code, message: error.message }
  }
  const e = error as { code?: unknown; message?: unknown } | null
  return {
    source,
    resource,
    status: 0,
    code: typeof e?.code === 'string' ? e.code : 'error',
    message: typeof e?.message === 'string' ? e.message : 'Unknown error',
  }
}

/** Removes anything that looks like a bearer/SSWS credential or JWT from a message. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text
    .replace(/\b(SSWS|Bearer|DPoP)\s+[A-Za-z0-9._~+/=-]+/g, '$1 [redacted]')
    .replace(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '[redacted-jwt]')
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]')
  }
  return out
}
