/**
 * Okta org URL normalisation. The SDK concatenates `orgUrl + path`, so a trailing slash
 * yields `//api/v1/…` (api-facts fact 15); and the admin console host
 * (`acme-admin.okta.com`) is not the API host (`acme.okta.com`).
 */
/** A normalised org URL and what was corrected. */
export interface NormalisedOrgUrl {
  orgUrl: string
  /** plain-words notes about corrections made */
  warnings: string[]
}

/** Normalises an org URL; throws a `TypeError` for a string that is not a URL. */
export function normaliseOrgUrl(input: string): NormalisedOrgUrl {
  const warnings: string[] = []
  const url = new URL(input.trim())
  const labels = url.hostname.split('.')
  const first = labels[0] ?? ''
  if (first.endsWith('-admin') && first.length > '-admin'.length) {
    labels[0] = first.slice(0, -'-admin'.length)
    url.hostname = labels.join('.')
    warnings.push(
      `The org URL pointed at the admin console host (${first}); the API lives on ${url.hostname}, which is used instead.`,
    )
  }
  const orgUrl = `${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, '')
  return { orgUrl, warnings }
}
