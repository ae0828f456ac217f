/**
 * The tools the `broken` plants share: a new person on the federated domain, edited before
 * their records are made; the answer-key subjects of a person; Okta-only users; lookups.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { OktaRecord } from './types'
import { type Draft, type PersonRecords, addPerson } from './base'
import { type Subject, subject } from './answer-key'
import { type Person, type PeopleFactory, oktaLocalUser } from './people'
import { MS } from './random'

export type Planted = PersonRecords & { p: Person; appUser: OktaRecord }

export interface PlantKit {
  /** a new person on the federated domain, edited before the records are made */
  add(edit?: (p: Person) => void, o?: { okta?: boolean; lastSyncMs?: number }): Planted
  /** the Entra and (when present) Okta subjects of a person */
  both(r: PersonRecords): Subject[]
  oktaOnly(login: string, email: string, given: string, surname: string): OktaRecord
  oktaUserOf(p: Person): OktaRecord
  entraUserOf(p: Person): MG.User
}

export function plantKit(d: Draft, factory: PeopleFactory): PlantKit {
  const { ctx } = d
  const { rng, nowMs: now } = ctx
  const fed = ctx.federatedDomain
  const add = (
    edit: (p: Person) => void = () => {},
    o: { okta?: boolean; lastSyncMs?: number } = {},
  ): Planted => {
    const p = factory.person({
      domain: fed,
      orgLastSyncMs: d.orgLastSyncMs,
      ...(o.lastSyncMs === undefined ? {} : { lastSyncMs: o.lastSyncMs }),
    })
    edit(p)
    const records = addPerson(d, p, { okta: o.okta })
    return { ...records, p, appUser: records.appUser ?? {} }
  }
  const both = (r: PersonRecords) =>
    d.okta.users.includes(r.oktaUser)
      ? [subject.entraUser(r.entraUser), subject.oktaUser(r.oktaUser)]
      : [subject.entraUser(r.entraUser)]
  const oktaOnly = (login: string, email: string, given: string, surname: string): OktaRecord => {
    const u = oktaLocalUser(
      ctx,
      {
        id: rng.oktaId('00u'),
        given,
        surname,
        login,
        email,
        createdMs: now - 90 * MS.day,
        title: 'Contractor',
      },
      d.dates,
    )
    d.okta.users.push(u)
    return u
  }
  const byId = new Map(d.okta.users.map((u) => [String(u['id']), u]))
  const oktaUserOf = (p: Person): OktaRecord => byId.get(p.oktaId) ?? {}
  const entraUserOf = (p: Person): MG.User => d.entra.users.find((u) => u.id === p.entraId) ?? {}

  return { add, both, oktaOnly, oktaUserOf, entraUserOf }
}
