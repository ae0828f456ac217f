/**
 * Parses an RFC 8288 `Link` header into rel → URL. Okta pages with
 * `Link: <https://org/api/v1/users?after=…&limit=200>; rel="next"`; repeated headers arrive
 * joined with ", ". https://developer.okta.com/docs/api/#pagination
 */
export function parseLinkHeader(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  if (!value) return out
  const re = /<([^>]*)>\s*((?:;\s*[^;,]+)*)/g
  for (const match of value.matchAll(re)) {
    const url = match[1] ?? ''
    const params = match[2] ?? ''
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(params)?.[1]
    if (!rel) continue
    for (const name of rel.trim().split(/\s+/)) if (!(name in out)) out[name] = url
  }
  return out
}
