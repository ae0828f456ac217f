/**
 * Follows a rebuild runbook from its JSON export against a tenant pair, as a consultant's
 * script would: each action's API call with its body, placeholders filled from the responses
 * of earlier calls (`produces`) or from the lookups the action names. Nothing else about the
 * source tenant is used: what the runbook lists must be enough.
 */
import { callJson } from '../../emulator/testing/clients'

interface Action {
  title: string
  api?: string
  body?: string
  produces?: { placeholder: string; from: string }[]
  values: { label: string; value: string }[]
}
interface Step {
  number: number
  title: string
  actions: Action[]
}
interface AppDoc {
  kind: string
  label: string
  assignments: { users: { userName: string; scope?: string }[] }
}
export interface RunbookDocument {
  runbook: { steps: Step[] }
  apps: AppDoc[]
}

export interface Target {
  graphBaseUrl: string
  oktaOrgUrl: string
  ca: string
  graphToken: string
  oktaToken: string
  /** the target's "now" (scenario clock), for the new secret's end date */
  now: () => number
}

type Json = Record<string, unknown>

function pick(value: unknown, path: string): unknown {
  let cur: unknown = value
  for (const part of path.split('.')) {
    const m = /^(\w+)(?:\[(\d+)\])?$/.exec(part)
    if (!m || typeof cur !== 'object' || cur === null) return undefined
    cur = (cur as Json)[m[1] ?? '']
    if (m[2] !== undefined) cur = Array.isArray(cur) ? cur[Number(m[2])] : undefined
  }
  return cur
}

export async function followRunbook(doc: RunbookDocument, target: Target): Promise<string[]> {
  const filled = new Map<string, string>()
  const calls: string[] = []
  const fill = (text: string): string =>
    text.replace(
      /<([A-Z0-9_]+)(?: \(today \+ (\d+) days\))?>/g,
      (whole, name: string, days?: string) => {
        if (name === 'SECRET_END_DATE')
          return new Date(target.now() + Number(days ?? 730) * 86_400_000).toISOString()
        const v = filled.get(name)
        if (v === undefined) throw new Error(`runbook placeholder ${whole} has no value yet`)
        return v
      },
    )
  async function send(method: string, url: string, body?: unknown): Promise<Json> {
    const graph = url.startsWith('https://graph.microsoft.com/')
    const real = graph ? url.replace('https://graph.microsoft.com', target.graphBaseUrl) : url
    calls.push(`${method} ${url}`)
    const r = await callJson<Json>(real, {
      ca: target.ca,
      method,
      headers: {
        authorization: graph ? `Bearer ${target.graphToken}` : `SSWS ${target.oktaToken}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    if (r.status >= 300)
      throw new Error(`${method} ${url}: HTTP ${r.status} ${JSON.stringify(r.json)}`)
    return r.json
  }
  const oktaBase = target.oktaOrgUrl
  /** The placeholders an action names as lookups ("the mapping: GET …?sourceId=<IDP_1_ID>"). */
  async function lookups(action: Action): Promise<void> {
    const api = action.api ?? ''
    if (
      api.includes('<GRAPH_SERVICE_PRINCIPAL_ID>') ||
      action.body?.includes('<GRAPH_SERVICE_PRINCIPAL_ID>')
    ) {
      const sp = await send(
        'GET',
        "https://graph.microsoft.com/v1.0/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')",
      )
      filled.set('GRAPH_SERVICE_PRINCIPAL_ID', String(sp.id))
    }
    const mapping = /mappings\/<((?:IDP|O365)_\d+_MAPPING_ID)> \(the mapping: GET (\S+)\)/.exec(api)
    if (mapping?.[1] && mapping[2]) {
      const list = (await send('GET', fill(mapping[2]))) as unknown as Json[]
      filled.set(mapping[1], String(list[0]?.id))
    }
    if (api.includes('<ROUTING_POLICY_ID>')) {
      const list = (await send(
        'GET',
        `${oktaBase}/api/v1/policies?type=IDP_DISCOVERY`,
      )) as unknown as Json[]
      filled.set('ROUTING_POLICY_ID', String(list[0]?.id))
    }
  }
  for (const step of doc.runbook.steps) {
    for (const action of step.actions) {
      const api = action.api ?? ''
      const first = /^(POST|PUT) (\S+)/.exec(api)
      if (!first?.[1] || !first[2]) continue
      await lookups(action)
      if (/\/users for each user/.test(api)) {
        const appRef = /apps\/<(O365_\d+_APP_ID)>\/users/.exec(api)?.[1] ?? ''
        const app = doc.apps.filter((a) => a.kind === 'office365')[
          Number(/O365_(\d+)_/.exec(appRef)?.[1] ?? 1) - 1
        ]
        for (const u of app?.assignments.users ?? []) {
          const user = await send(
            'GET',
            `${oktaBase}/api/v1/users/${encodeURIComponent(u.userName)}`,
          )
          filled.set('OKTA_USER_ID', String(user.id))
          filled.set('USER_NAME', u.userName)
          await send('POST', fill(first[2]), JSON.parse(fill(action.body ?? '{}')))
        }
        continue
      }
      const response = await send(
        first[1],
        fill(first[2]),
        action.body ? JSON.parse(fill(action.body)) : undefined,
      )
      for (const p of action.produces ?? []) {
        if (p.from.startsWith('_links.metadata.href')) {
          const href = String(pick(response, '_links.metadata.href'))
          filled.set(p.placeholder, /\/app\/office365\/([^/]+)\/sso\//.exec(href)?.[1] ?? '')
        } else filled.set(p.placeholder, String(pick(response, p.from)))
      }
      // "then PUT …/apps/<O365_n_APP_ID> with credentials.signing.kid = the new key's kid"
      const then = /then PUT (\S+) with credentials\.signing\.kid/.exec(api)
      if (then?.[1]) {
        const url = fill(then[1])
        const app = await send('GET', url)
        const kid = String(response.kid)
        await send('PUT', url, {
          ...app,
          credentials: { ...(app.credentials as Json), signing: { kid } },
        })
      }
    }
  }
  return calls
}
