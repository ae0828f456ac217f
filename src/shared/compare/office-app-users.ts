import { type Rec, str } from '../util/access'
import { isOffice365App, office365Apps } from './seam'
import type { SnapshotIndex } from './snapshot-index'

/**
 * Each Okta user's Office 365 app users by app id (apps that are not deleted; cached).
 * Only Office 365 apps: their app users carry what Okta sends to Entra.
 */
export function officeAppUsers(
  index: SnapshotIndex,
): ReadonlyMap<string, ReadonlyMap<string, Rec>> {
  return index.cached('compare:officeAppUsers', () => {
    const out = new Map<string, Map<string, Rec>>()
    for (const app of office365Apps(index)) {
      if (!isOffice365App(app)) continue
      const appId = str(app, 'id') ?? ''
      for (const au of index.snapshot.okta?.appUsers?.[appId] ?? []) {
        const userId = str(au, 'id')
        if (!userId) continue
        let forUser = out.get(userId)
        if (!forUser) {
          forUser = new Map()
          out.set(userId, forUser)
        }
        forUser.set(appId, au)
      }
    }
    return out
  })
}
