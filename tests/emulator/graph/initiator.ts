/** Who made a Graph write, as a directory audit's `initiatedBy.app` names it. */
import type { EmulatorContext } from '../context'
import type { EntraInitiator } from '../audit'
import type { Caller } from './auth'

/** The calling app (app-only tokens) with its service principal, for `initiatedBy`. */
export function initiatorOf(ctx: EmulatorContext, caller: Caller): EntraInitiator {
  const sp = ctx.store.entra.servicePrincipals.find(
    (x) => (x.appId ?? '').toLowerCase() === caller.appId.toLowerCase(),
  )
  return {
    appId: caller.appId,
    servicePrincipalId: sp?.id ?? '',
    displayName: sp?.displayName ?? caller.appId,
  }
}
