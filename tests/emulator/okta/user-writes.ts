/**
 * `POST /api/v1/users/{id}` (the OpenAPI's `updateUser`, partial semantics): the profile
 * properties sent replace the user's, the rest stay. Okta records
 * `user.account.update_profile` with the changed attributes in `debugContext.debugData`, and
 * the change reaches the user's app assignments in the same request: an app whose username
 * template reads `source.login` or `source.email` renames its app user
 * (`application.user_membership.change_username`), and an app user profile holding a changed
 * attribute is pushed (`application.provision.user.push_profile`), all in one transaction.
 */
import type { EmulatorContext } from '../context'
import type { EmuRequest, EmuResponse } from '../http'
import { type OktaActor, type OktaEventType, type OktaTarget, recordOktaEvents } from '../audit'
import type { OktaRecord } from '../scenarios/types'
import { notFound, validation } from './errors'
import { body, created, isRecord } from './write-body'

const TEMPLATE_SOURCE = /^\$\{source\.(login|email)\}$/

export function updateOktaUser(
  ctx: EmulatorContext,
  req: EmuRequest,
  id: string,
  actor: OktaActor,
): EmuResponse {
  const store = ctx.store
  const user = store.okta.users.get(id) ?? store.okta.users.find((u) => profileOf(u).login === id)
  if (!user) return notFound(`${id} (User)`)
  const b = body(req)
  if ('status' in b && typeof b.status === 'number') return b as EmuResponse
  const input = b as OktaRecord
  if (!isRecord(input.profile)) return validation('profile: the user profile is required')
  const before = profileOf(user)
  const changed = Object.keys(input.profile).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify((input.profile as OktaRecord)[k]),
  )
  const next = store.okta.users.replace(String(user.id), {
    ...user,
    profile: { ...before, ...input.profile },
    lastUpdated: store.clock.iso(),
  })
  const after = profileOf(next)
  const userTarget: OktaTarget = {
    id: String(user.id),
    type: 'User',
    alternateId: String(after.login),
    displayName: `${String(after.firstName ?? '')} ${String(after.lastName ?? '')}`.trim(),
  }
  const entries: { eventType: OktaEventType; targets: OktaTarget[]; debugData?: OktaRecord }[] = [
    {
      eventType: 'user.account.update_profile',
      targets: [userTarget],
      debugData: { changedAttributes: changed.join(',') },
    },
  ]
  if (changed.length > 0) entries.push(...cascade(ctx, next, before, changed, userTarget))
  recordOktaEvents(store, actor, entries)
  return created(next)
}

function profileOf(user: OktaRecord): OktaRecord {
  return isRecord(user.profile) ? user.profile : {}
}

/** The app assignments a profile change reaches, each replaced, with the events Okta records. */
function cascade(
  ctx: EmulatorContext,
  user: OktaRecord,
  before: OktaRecord,
  changed: string[],
  userTarget: OktaTarget,
): { eventType: OktaEventType; targets: OktaTarget[] }[] {
  const store = ctx.store
  const data = ctx.scenario.okta
  const profile = profileOf(user)
  const out: { eventType: OktaEventType; targets: OktaTarget[] }[] = []
  for (const app of store.okta.apps.items) {
    const appId = String(app.id)
    const list = data.appUsers[appId]
    const index = list?.findIndex((a) => a.id === user.id) ?? -1
    const appUser = index >= 0 ? list?.[index] : undefined
    if (!list || !appUser) continue
    const appTarget: OktaTarget = {
      id: appId,
      type: 'AppInstance',
      alternateId: String(app.label ?? app.name),
      displayName: String(app.label ?? app.name),
    }
    const template = (
      (app.credentials as OktaRecord | undefined)?.userNameTemplate as OktaRecord | undefined
    )?.template
    const source = TEMPLATE_SOURCE.exec(String(template ?? ''))?.[1]
    const credentials = isRecord(appUser.credentials) ? appUser.credentials : {}
    let next: OktaRecord = appUser
    if (source && changed.includes(source) && credentials.userName === before[source]) {
      next = { ...next, credentials: { ...credentials, userName: profile[source] ?? null } }
      out.push({
        eventType: 'application.user_membership.change_username',
        targets: [userTarget, appTarget],
      })
    }
    const appProfile = isRecord(appUser.profile) ? appUser.profile : {}
    const pushed = changed.filter((k) => k in appProfile && appProfile[k] === before[k])
    if (pushed.length > 0) {
      next = {
        ...next,
        profile: {
          ...appProfile,
          ...Object.fromEntries(pushed.map((k) => [k, profile[k] ?? null])),
        },
      }
      out.push({
        eventType: 'application.provision.user.push_profile',
        targets: [userTarget, appTarget],
      })
    }
    if (next !== appUser) list[index] = { ...next, lastUpdated: store.clock.iso() }
  }
  return out
}
