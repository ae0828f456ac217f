/**
 * Okta users with no Entra counterpart: admin accounts that share their owner's email,
 * service users, contractors (current and deactivated).
 */
import type { OktaRecord } from './types'
import type { Draft } from './base'
import type { ClutterLog } from './clutter'
import { DOCS } from './clutter'
import { subject } from './answer-key'
import { type Person, oktaLocalUser } from './people'
import { MS } from './random'

export interface OktaHandles {
  /** an Okta admin account; admin actions in the System Log name it */
  admin: OktaRecord
}

function oktaOnly(
  d: Draft,
  u: { login: string; email: string; given: string; surname: string; days: number; title: string },
  userType: string,
): OktaRecord {
  const record = oktaLocalUser(
    d.ctx,
    {
      id: d.ctx.rng.oktaId('00u'),
      given: u.given,
      surname: u.surname,
      login: u.login,
      email: u.email,
      createdMs: d.ctx.nowMs - u.days * MS.day,
      title: u.title,
    },
    d.dates,
  )
  const profile = record['profile'] as Record<string, string>
  profile['userType'] = userType
  d.okta.users.push(record)
  return record
}

export function addOktaOnlyClutter(d: Draft, people: Person[], clutter: ClutterLog): OktaHandles {
  const { ctx } = d
  const it = people.filter((p) => p.department === 'IT' && p.mail).slice(0, 2)
  if (it.length < 2) throw new Error('the population needs two IT people with mail')
  const admins = it.map((p, i) => {
    const admin = oktaOnly(
      d,
      {
        login: `${p.sam}-admin@${ctx.federatedDomain}`,
        email: p.mail ?? '',
        given: p.given,
        surname: p.surname,
        days: 700 - i * 250,
        title: 'Okta administrator',
      },
      'Admin',
    )
    ;(admin['profile'] as Record<string, string>)['displayName'] = `${p.displayName} (admin)`
    return admin
  })
  const owners = new Map(d.okta.users.map((u) => [String(u['id']), u]))
  clutter.note(
    'okta-admin-duplicate-email',
    "Separate Okta-mastered admin accounts (<sam>-admin) whose email is their owner's mailbox. Okta allows duplicate emails; with every active Microsoft IdP matching on the username, the shared email matches nobody to the wrong account.",
    DOCS.oktaUsers,
    admins.map((a, i) => {
      const owner = owners.get(it[i]?.oktaId ?? '')
      return owner ? [subject.oktaUser(a), subject.oktaUser(owner)] : [subject.oktaUser(a)]
    }),
  )

  const services = [
    { login: 'svc.hris-sync@partners.nwtraders.net', given: 'HRIS', surname: 'Sync', days: 980 },
    {
      login: 'svc.scim-bridge@partners.nwtraders.net',
      given: 'SCIM',
      surname: 'Bridge',
      days: 410,
    },
  ].map((s) =>
    oktaOnly(
      d,
      { ...s, email: `it-alerts@${ctx.federatedDomain}`, title: 'Service account' },
      'Service',
    ),
  )
  clutter.note(
    'okta-only-service-user',
    'Okta-mastered service users for integrations, mailing the IT team list (a shared email again): they exist only in Okta and never sign in to Microsoft 365.',
    DOCS.oktaUsers,
    services.map((u) => [subject.oktaUser(u)]),
  )

  const contractors = d.okta.users.filter(
    (u) =>
      String((u['profile'] as Record<string, unknown>)['login']).endsWith(
        '@partners.nwtraders.net',
      ) && (u['profile'] as Record<string, unknown>)['userType'] === 'Contractor',
  )
  clutter.note(
    'okta-only-contractor',
    'Contractors with Okta accounts for Okta apps only (partners.nwtraders.net logins, no AD account): nothing in Entra is expected for them.',
    DOCS.oktaUsers,
    contractors.map((u) => [subject.oktaUser(u)]),
  )

  const ended = [
    {
      login: 'ravi.menon@partners.nwtraders.net',
      given: 'Ravi',
      surname: 'Menon',
      days: 520,
      gone: 240,
    },
    {
      login: 'jo.keller@partners.nwtraders.net',
      given: 'Jo',
      surname: 'Keller',
      days: 300,
      gone: 61,
    },
  ].map((c) => {
    const u = oktaOnly(d, { ...c, email: c.login, title: 'Contractor' }, 'Contractor')
    const goneAt = d.dates.o(ctx.nowMs - c.gone * MS.day)
    Object.assign(u, { status: 'DEPROVISIONED', statusChanged: goneAt, lastUpdated: goneAt })
    u['lastLogin'] = d.dates.o(ctx.nowMs - (c.gone + 2) * MS.day)
    return u
  })
  clutter.note(
    'okta-deprovisioned-contractor',
    'Contractors whose contract ended, deactivated in Okta (DEPROVISIONED, hidden from the plain user list) and never present in Entra.',
    DOCS.oktaLifecycle,
    ended.map((u) => [subject.oktaUser(u)]),
  )

  const [admin] = admins
  if (!admin) throw new Error('no admin')
  return { admin }
}
