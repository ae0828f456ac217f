/**
 * The realistic pair: the healthy tenant pair plus every kind of ordinary clutter real tenants
 * have (service and sync accounts, guests, mailboxes, leavers, joiners, renamed people, retired
 * apps and IdPs, sign-in interrupts, …), where nothing is broken. A consultant expects no
 * finding above `info` here. `scenario.clutter` lists every kind, why it is benign and where
 * the documentation says so.
 */
import type { Scenario, ScenarioOptions } from './types'
import { type Draft, createBase } from './base'
import { addBaselineActivity } from './activity'
import { HEALTHY_PEOPLE, populate, toScenario } from './healthy'
import type * as MG from '@microsoft/microsoft-graph-types'
import type { OktaRecord } from './types'
import { PeopleFactory, type Person } from './people'
import { ClutterLog } from './clutter'
import { addAccountClutter } from './clutter-accounts'
import { addOktaOnlyClutter } from './clutter-okta'
import { addJoinerAndStatusClutter, addLeaverClutter } from './clutter-lifecycle'
import { addIdentityClutter } from './clutter-identity'
import { addEntraConfigClutter } from './clutter-entra-config'
import { addOktaConfigClutter } from './clutter-okta-config'
import { addActivityClutter } from './clutter-activity'
import { MS } from './random'

/** Entra Connect's last cycle, 14 min 20 s before collection (inside its 30-minute schedule) */
export const REALISTIC_LAST_SYNC_AGO_MS = 14 * MS.minute + 20_000

export interface RealisticDraft {
  d: Draft
  factory: PeopleFactory
  /** the ordinary population (healthy's) */
  people: Person[]
  clutter: ClutterLog
  /** Entra Connect's sync account, which initiates synced changes in the audit log */
  syncAccount: MG.User
  /** the Okta admin whose console actions the System Log names */
  admin: OktaRecord
}

/** Builds the realistic pair up to its final sort, so `realistic-broken` can plant on top. */
export function buildRealisticDraft(options: ScenarioOptions): RealisticDraft {
  const d = createBase(options, 'realistic', REALISTIC_LAST_SYNC_AGO_MS)
  const factory = new PeopleFactory(d.ctx)
  const people = populate(d, HEALTHY_PEOPLE, factory)
  // ordinary activity first: it samples the population, never the clutter
  addBaselineActivity(d, 60)
  const clutter = new ClutterLog()
  const accounts = addAccountClutter(d, factory, clutter)
  const okta = addOktaOnlyClutter(d, people, clutter)
  const lifecycle = { d, factory, syncAccount: accounts.syncAccount, admin: okta.admin }
  addLeaverClutter(lifecycle, clutter)
  addJoinerAndStatusClutter(lifecycle, clutter)
  const identity = addIdentityClutter(d, factory, people, clutter)
  addEntraConfigClutter(d, clutter)
  addOktaConfigClutter(d, clutter)
  addActivityClutter(
    d,
    {
      people,
      passwordUsers: [
        ...identity.managed.slice(0, 2).map((r) => r.entraUser),
        ...accounts.labAccounts.slice(0, 1),
      ],
    },
    clutter,
  )
  return { d, factory, people, clutter, syncAccount: accounts.syncAccount, admin: okta.admin }
}

/** Sorts the logs as the services return them and wraps up the scenario. */
export function finishRealistic(r: RealisticDraft, name: string): Scenario {
  const { d } = r
  d.entra.signIns.sort((a, b) => (b.createdDateTime ?? '').localeCompare(a.createdDateTime ?? ''))
  d.entra.directoryAudits.sort((a, b) =>
    (b.activityDateTime ?? '').localeCompare(a.activityDateTime ?? ''),
  )
  d.okta.logs.sort((a, b) => String(a['published']).localeCompare(String(b['published'])))
  return { ...toScenario(d, name), clutter: r.clutter.entries }
}

export function buildRealistic(options: ScenarioOptions): Scenario {
  return finishRealistic(buildRealisticDraft(options), 'realistic')
}
