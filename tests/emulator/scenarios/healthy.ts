/**
 * The healthy pair: about 200 people a side, everything consistent. The
 * diagnosis must find nothing above `info` here.
 */
import type { Scenario, ScenarioOptions } from './types'
import { type Draft, addPerson, createBase, finishOrganization } from './base'
import { addBaselineActivity } from './activity'
import { entraCloudUser, oktaLocalUser, PeopleFactory, type Person } from './people'
import { samlAppUser } from './app-users'
import { MS } from './random'
import { addGroups } from './groups'

export const HEALTHY_PEOPLE = 190

/** Adds the ordinary population: hybrid people, a few cloud-only Entra accounts, Okta-only contractors. */
export function populate(d: Draft, count: number, factory = new PeopleFactory(d.ctx)): Person[] {
  const { ctx } = d
  const people: Person[] = []
  for (let i = 0; i < count; i++) {
    const p = factory.person({ domain: ctx.federatedDomain, orgLastSyncMs: d.orgLastSyncMs })
    addPerson(d, p)
    people.push(p)
  }
  const cloud = [
    {
      local: 'admin',
      domain: ctx.initialDomain,
      given: 'Break Glass',
      surname: 'Admin',
      mail: false,
      dept: 'IT',
      title: 'Emergency access',
    },
    {
      local: 'svc-backup',
      domain: ctx.managedDomain,
      given: 'Backup',
      surname: 'Service',
      mail: false,
      dept: 'IT',
      title: 'Service account',
    },
    {
      local: 'reception',
      domain: ctx.managedDomain,
      given: 'Reception',
      surname: 'Desk',
      mail: true,
      dept: 'Operations',
      title: 'Shared mailbox',
    },
    {
      local: 'scanner',
      domain: ctx.initialDomain,
      given: 'Scan',
      surname: 'To Mail',
      mail: true,
      dept: 'Operations',
      title: 'Device account',
    },
  ]
  for (const c of cloud) {
    const upn = `${c.local}@${c.domain}`
    d.entra.users.push(
      entraCloudUser(
        ctx,
        {
          entraId: ctx.rng.guid(),
          given: c.given,
          surname: c.surname,
          displayName: `${c.given} ${c.surname}`,
          upn,
          mail: c.mail ? upn : null,
          mailNickname: c.local,
          createdMs: ctx.nowMs - 1500 * MS.day,
          department: c.dept,
          jobTitle: c.title,
          // Exchange creates a shared mailbox's user disabled: people open it with their own accounts
          accountEnabled: c.title !== 'Shared mailbox',
        },
        d.dates,
      ),
    )
  }
  for (let i = 0; i < 10; i++) {
    const given = ctx.rng.pick(['Ari', 'Bo', 'Cy', 'Dee', 'Eli', 'Fay', 'Gus', 'Ivy', 'Jo', 'Kai'])
    const surname = ctx.rng.pick(['Lane', 'Moss', 'Nash', 'Orr', 'Park', 'Quill', 'Rhee', 'Shaw'])
    const login = `${given}.${surname}.ext${i + 1}@partners.nwtraders.net`.toLowerCase()
    d.okta.users.push(
      oktaLocalUser(
        ctx,
        {
          id: ctx.rng.oktaId('00u'),
          given,
          surname,
          login,
          email: login,
          createdMs: ctx.nowMs - (60 + i * 20) * MS.day,
          title: 'Contractor',
        },
        d.dates,
      ),
    )
  }
  assignSamlApps(d, people)
  addGroups(d, people)
  return people
}

function assignSamlApps(d: Draft, people: Person[]): void {
  const [expenses, wiki] = d.samlApps
  for (const p of people) {
    const target =
      p.department === 'Sales' || p.department === 'Finance'
        ? expenses
        : p.department === 'Engineering' || p.department === 'IT'
          ? wiki
          : undefined
    if (!target || !p.mail) continue
    d.okta.appUsers[target.appId]?.push(
      samlAppUser(
        d.ctx,
        target.appId,
        { id: p.oktaId, userName: p.mail, createdMs: p.createdMs },
        d.dates,
      ),
    )
  }
}

export function toScenario(d: Draft, name: string): Scenario {
  finishOrganization(d)
  return {
    name,
    entra: d.entra,
    okta: d.okta,
    credentials: d.credentials,
    answerKey: d.answerKey,
    now: d.ctx.now,
  }
}

export function buildHealthy(options: ScenarioOptions): Scenario {
  const d = createBase(options, 'healthy')
  populate(d, HEALTHY_PEOPLE)
  addBaselineActivity(d, 60)
  return toScenario(d, 'healthy')
}
