/**
 * An Okta list's `filter` (SCIM, on the attributes the endpoint allows), `search` (SCIM, any
 * attribute) and `q` (prefix of a name, email or label) as the management API applies them;
 * the answer is cached per query by the table's view.
 */
import type { EmuRequest, EmuResponse } from '../http'
import type { OktaRecord } from '../scenarios/types'
import type { Table } from '../store'
import { oktaError, validation } from './errors'
import { parseScim, type ScimError } from './scim'

/**
 * The rows of `table` that match the request's query (`allowed`: the attributes `filter` may
 * name, or null for any); without a query every row, the deprovisioned left out when
 * `hideDeprovisioned`. A query Okta would refuse is answered with its error.
 */
export function filtered(
  req: EmuRequest,
  table: Table<OktaRecord>,
  allowed: Set<string> | null,
  hideDeprovisioned: boolean,
): OktaRecord[] | EmuResponse {
  const filter = req.query.get('filter')
  const search = req.query.get('search')
  const q = req.query.get('q')
  if (!filter && !search && !q) {
    return hideDeprovisioned
      ? table.view('active', (rows) => rows.filter((u) => u.status !== 'DEPROVISIONED'))
      : table.items
  }
  try {
    const preds: ((x: unknown) => boolean)[] = []
    if (filter) {
      const parsed = parseScim(filter)
      const bad = allowed ? parsed.attributes.find((a) => !allowed.has(a)) : undefined
      if (bad)
        return oktaError(400, 'E0000031', 'Invalid search criteria.', [
          `filter: ${bad} is not a filterable attribute`,
        ])
      preds.push(parsed.matches)
    }
    if (search) preds.push(parseScim(search).matches)
    if (q) {
      const needle = q.toLowerCase()
      preds.push((x) => {
        const r = x as { profile?: Record<string, unknown>; label?: unknown; name?: unknown }
        const fields = [
          r.profile?.firstName,
          r.profile?.lastName,
          r.profile?.email,
          r.profile?.name,
          r.label,
          r.name,
        ]
        return fields.some((f) => typeof f === 'string' && f.toLowerCase().startsWith(needle))
      })
    }
    const key = `${filter ?? ''}|${search ?? ''}|${q ?? ''}`
    return table.view(key, (rows) => rows.filter((r) => preds.every((p) => p(r))))
  } catch (e) {
    return validation(`filter: ${(e as ScimError).message}`)
  }
}
