/** Who made a Graph write, as a directory audit's `initiatedBy.app` names it, and the audit of an app write. */
import type { EmulatorContext } from '../context'
import type * as MG from '@microsoft/microsoft-graph-types'
import { recordEntraAudit, type EntraInitiator } from '../audit'
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

/** Records one directory audit of a write to an app registration, with what it changed. */
export function auditApplication(
  ctx: EmulatorContext,
  caller: Caller,
  activity: 'updateApplication' | 'updateCredentials',
  app: MG.Application,
  modifiedProperties: { displayName: string; oldValue: unknown; newValue: unknown }[],
): void {
  recordEntraAudit(ctx.store, initiatorOf(ctx, caller), [
    {
      activity,
      target: {
        id: app.id ?? '',
        displayName: app.displayName ?? '',
        type: 'Application',
        modifiedProperties,
      },
    },
  ])
}
