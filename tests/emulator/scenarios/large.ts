/**
 * The large pair: `options.users` per side (default 100,000) on the healthy
 * configuration, with realistic spreads of UPN suffixes, departments, titles
 * and sync times, and about 1% of people carrying a planted problem recorded
 * in the answer key. Built in one pass with no per-user certificates or
 * closures; repeated strings (dates, departments, titles) are shared.
 */
import type { Scenario, ScenarioOptions } from './types'
import { type Draft, type PersonRecords, addPerson, createBase } from './base'
import { addBaselineActivity } from './activity'
import { domain } from './entra-config'
import { toScenario } from './healthy'
import { addGroups } from './groups'
import { plant, subject } from './answer-key'
import { type Person, PeopleFactory, SYNC_CYCLE_MS, entraCloudUser, oktaLocalUser } from './people'
import { applyPendingChange, nextTitle } from './pending-change'
import { MS, Rng, graphDate, hash32, immutableIdFromGuid } from './random'

export const LARGE_DEFAULT_USERS = 100_000
/** one person in this many carries a planted problem (pairs involve the previous person too) */
export const LARGE_PLANT_EVERY = 125

export const LARGE_PROBLEMS = [
  'entra-duplicate-mail',
  'upn-invalid-character',
  'immutableid-mismatch',
  'entra-mail-missing',
  'onprem-property-conflict',
  'entra-duplicate-proxyaddress',
  'mail-non-routable-domain',
  'upn-login-mismatch',
  'user-sync-lag',
  'okta-app-user-sync-error',
  'mailnickname-leading-period',
  'okta-duplicate-email',
] as const
type LargeProblem = (typeof LARGE_PROBLEMS)[number]

/** Answer-key entries a large scenario of `users` per side holds. */
export function largePlantCount(users: number): number {
  return Math.floor((users - cloudOnlyCount(users) - 1) / LARGE_PLANT_EVERY)
}

function cloudOnlyCount(users: number): number {
  return Math.min(users - 1, Math.max(1, Math.floor(users / 500)))
}

export function buildLarge(options: ScenarioOptions): Scenario {
  const users = options.users ?? LARGE_DEFAULT_USERS
  if (!Number.isInteger(users) || users < 2)
    throw new Error(`large needs at least 2 users a side, got ${users}`)
  const d = createBase(options, 'large')
  const { ctx } = d
  const extraDomains = ['northwind-retail.com', 'northwind-logistics.com']
  for (const name of extraDomains)
    d.entra.domains.push(domain(name, { authenticationType: 'Managed' }))
  const suffixes = [
    [ctx.federatedDomain, 72],
    [ctx.managedDomain, 14],
    [extraDomains[0] ?? '', 9],
    [extraDomains[1] ?? '', 5],
  ] as const

  // a generator of its own keeps the population independent of how much config consumed
  const rng = new Rng(options.seed ^ hash32('large-people'))
  const factory = new PeopleFactory(ctx, rng)
  const cloudOnly = cloudOnlyCount(users)
  const people = users - cloudOnly
  const headStart = d.orgLastSyncMs
  let previous: (PersonRecords & { p: Person }) | undefined
  const population: Person[] = []
  for (let i = 0; i < people; i++) {
    const kind =
      i > 0 && i % LARGE_PLANT_EVERY === 0
        ? LARGE_PROBLEMS[(i / LARGE_PLANT_EVERY) % LARGE_PROBLEMS.length]
        : undefined
    const drawn = rng.weighted(suffixes)
    // problems on the Office 365 assignment need a person on the federated domain
    const suffix =
      kind === 'immutableid-mismatch' || kind === 'okta-app-user-sync-error'
        ? ctx.federatedDomain
        : drawn
    // per-user export times are drawn by the factory: months old for most people
    const p = factory.person({ domain: suffix, orgLastSyncMs: headStart })
    if (kind) editPerson(kind, p, previous?.p, d, rng)
    const records = addPerson(d, p, { o365: suffix === ctx.federatedDomain })
    const current = { ...records, p }
    if (kind && previous) plantRecords(kind, current, previous, d, rng)
    previous = current
    population.push(p)
  }
  for (let i = 0; i < cloudOnly; i++) {
    const upn = `svc-${String(i + 1).padStart(4, '0')}@${ctx.managedDomain}`
    d.entra.users.push(
      entraCloudUser(
        ctx,
        {
          entraId: rng.guid(),
          given: 'Service',
          surname: `Account ${i + 1}`,
          displayName: `Service Account ${i + 1}`,
          upn,
          mail: null,
          mailNickname: `svc-${i + 1}`,
          createdMs: ctx.nowMs - (100 + i) * MS.day,
          department: 'IT',
          jobTitle: 'Service account',
        },
        d.dates,
      ),
    )
    const login = `contractor${i + 1}@partners.nwtraders.net`
    d.okta.users.push(
      oktaLocalUser(
        ctx,
        {
          id: rng.oktaId('00u'),
          given: 'Contract',
          surname: `Worker ${i + 1}`,
          login,
          email: login,
          createdMs: ctx.nowMs - (50 + i) * MS.day,
          title: 'Contractor',
        },
        d.dates,
      ),
    )
  }
  addGroups(d, population)
  addBaselineActivity(d, 500)
  return toScenario(d, 'large')
}

/** Changes made before the records exist (they flow to both sides, as AD values do). */
function editPerson(
  kind: LargeProblem,
  p: Person,
  prev: Person | undefined,
  d: Draft,
  rng: Rng,
): void {
  switch (kind) {
    case 'entra-duplicate-mail':
      if (prev?.mail) p.mail = prev.mail.toUpperCase()
      break
    case 'upn-invalid-character':
      p.upn = p.upn.replace('.', rng.pick(['&', ' ', '\u00e4', '%']))
      break
    case 'entra-mail-missing':
      p.mail = null
      break
    case 'mail-non-routable-domain':
      p.mail = `${p.mailNickname}@corp.local`
      break
    case 'user-sync-lag':
      // last exported months ago, so the Okta change planted below is newer
      p.lastSyncMs = d.orgLastSyncMs - rng.int(40 * 48, 400 * 48) * SYNC_CYCLE_MS
      break
    case 'mailnickname-leading-period':
      p.mailNickname = `.${p.mailNickname}`
      break
    default:
      break
  }
}

/** Changes made on the records, and the answer-key entry for every kind. */
function plantRecords(
  kind: LargeProblem,
  cur: PersonRecords & { p: Person },
  prev: PersonRecords & { p: Person },
  d: Draft,
  rng: Rng,
): void {
  const key = d.answerKey
  const e = cur.entraUser
  const oktaProfile = cur.oktaUser['profile'] as Record<string, unknown>
  const both = [subject.entraUser(e), subject.oktaUser(cur.oktaUser)]
  const upn = cur.p.upn
  switch (kind) {
    case 'entra-duplicate-mail':
      e.proxyAddresses = [`SMTP:${cur.p.mailNickname}@${upn.split('@')[1] ?? ''}`]
      return plant(key, 'duplicate', kind, `${upn} has the mail of ${prev.p.upn} (case differs).`, [
        subject.entraUser(prev.entraUser),
        ...both,
      ])
    case 'upn-invalid-character':
      return plant(
        key,
        'data-validation',
        kind,
        `The UPN "${upn}" contains an invalid character.`,
        both,
      )
    case 'immutableid-mismatch':
      ;(cur.appUser?.['profile'] as Record<string, unknown>)['immutableId'] = immutableIdFromGuid(
        rng.guid(),
      )
      return plant(
        key,
        'attribute-mapping',
        kind,
        `The Office 365 app user ${upn} carries an immutableId that differs from Entra's onPremisesImmutableId.`,
        [...both, subject.oktaApp(d.o365.app)],
      )
    case 'entra-mail-missing':
      return plant(
        key,
        'attribute-mapping',
        kind,
        `${upn} has no mail in Entra while Okta holds an email.`,
        both,
      )
    case 'onprem-property-conflict': {
      const address = `${prev.p.mailNickname}@${upn.split('@')[1] ?? ''}`
      e.onPremisesProvisioningErrors = [
        {
          category: 'PropertyConflict',
          propertyCausingError: 'ProxyAddresses',
          value: `smtp:${address}`,
          occurredDateTime: graphDate(d.ctx.nowMs - rng.int(1, 20) * MS.day),
        },
      ]
      // the conflict names the other object when it really holds the address
      const held = (prev.entraUser.proxyAddresses ?? []).some(
        (a) => a.slice(a.indexOf(':') + 1).toLowerCase() === address.toLowerCase(),
      )
      return plant(
        key,
        'duplicate',
        kind,
        `Entra Connect reports a PropertyConflict on ProxyAddresses for ${upn}${held ? `: ${prev.p.upn} holds the address` : ''}.`,
        held ? [subject.entraUser(e), subject.entraUser(prev.entraUser)] : [subject.entraUser(e)],
      )
    }
    case 'entra-duplicate-proxyaddress':
      e.proxyAddresses = [...(e.proxyAddresses ?? []), `smtp:${prev.p.mail ?? prev.p.upn}`]
      return plant(key, 'duplicate', kind, `${upn} carries a proxy address of ${prev.p.upn}.`, [
        subject.entraUser(prev.entraUser),
        subject.entraUser(e),
      ])
    case 'mail-non-routable-domain':
      e.proxyAddresses = [`SMTP:${cur.p.mail ?? ''}`]
      return plant(
        key,
        'data-validation',
        kind,
        `The mail ${cur.p.mail ?? ''} uses the non-routable .local TLD.`,
        both,
      )
    case 'upn-login-mismatch': {
      const login = `${cur.p.sam}@${upn.split('@')[1] ?? ''}`
      oktaProfile['login'] = login
      if (cur.appUser) (cur.appUser['credentials'] as Record<string, unknown>)['userName'] = login
      return plant(
        key,
        'attribute-mapping',
        kind,
        `Okta login ${login} differs from the Entra UPN ${upn}.`,
        [...both, subject.oktaIdp(d.idp.idp)],
      )
    }
    case 'user-sync-lag': {
      const title = nextTitle(cur.p)
      // imported by Okta 61 minutes to 3 days before Entra Connect's last cycle
      const atMs = d.orgLastSyncMs - rng.int(61, 3 * 24 * 60) * MS.minute
      const event = applyPendingChange(d.ctx, cur.oktaUser, {
        attribute: 'title',
        value: title,
        atMs,
      })
      d.okta.logs.push(event)
      return plant(
        key,
        'sync',
        kind,
        `Okta imported the AD title "${title}" for ${upn} at ${new Date(atMs).toISOString()}; Entra still has "${cur.p.jobTitle}" and last exported the user before that, although Entra Connect has run since.`,
        [subject.entraUser(e), subject.oktaUser(cur.oktaUser), subject.oktaLog(event)],
      )
    }
    case 'okta-app-user-sync-error':
      if (cur.appUser) cur.appUser['syncState'] = 'ERROR'
      return plant(
        key,
        'sync',
        kind,
        `The Office 365 app user ${upn} is PROVISIONED with syncState ERROR.`,
        [subject.oktaUser(cur.oktaUser), subject.oktaApp(d.o365.app)],
      )
    case 'mailnickname-leading-period':
      e.proxyAddresses = [`SMTP:${cur.p.mail ?? ''}`]
      return plant(
        key,
        'data-validation',
        kind,
        `The mailNickname ${cur.p.mailNickname} begins with a period.`,
        [subject.entraUser(e)],
      )
    case 'okta-duplicate-email':
      oktaProfile['email'] = String((prev.oktaUser['profile'] as Record<string, unknown>)['email'])
      return plant(
        key,
        'duplicate',
        kind,
        `Two Okta users share the email ${String(oktaProfile['email'])}.`,
        [subject.oktaUser(prev.oktaUser), subject.oktaUser(cur.oktaUser)],
      )
  }
}
