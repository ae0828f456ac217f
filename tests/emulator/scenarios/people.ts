/**
 * People: one person is one AD account synced to Entra by Entra Connect and
 * imported into Okta by the Okta AD agent, so the same values show on both
 * sides (Okta login = UPN, email = mail, O365 immutableId = base64 objectGUID).
 * Record builders here write what Graph and Okta return for such a person.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { OktaRecord } from './types'
import type { ScenarioContext } from './context'
import { DEPARTMENTS, E5_DEPARTMENTS, FIRST_NAMES, LAST_NAMES, OFFICES, SKU } from './constants'
import { MS, type Rng, graphDate, oktaDate } from './random'

export interface Person {
  given: string
  surname: string
  displayName: string
  /** the AD userPrincipalName (Entra onPremisesUserPrincipalName and, normally, userPrincipalName) */
  upn: string
  mail: string | null
  mailNickname: string
  sam: string
  entraId: string
  oktaId: string
  objectGuid: string
  immutableId: string
  department: string
  jobTitle: string
  office: string
  employeeId: string
  rid: number
  createdMs: number
  lastSyncMs: number
}

/** Date strings repeat a lot (sync cycles, creation days): format each instant once. */
export class DateStrings {
  private readonly graph = new Map<number, string>()
  private readonly okta = new Map<number, string>()

  g(ms: number): string {
    let s = this.graph.get(ms)
    if (s === undefined) {
      s = graphDate(ms)
      this.graph.set(ms, s)
    }
    return s
  }

  o(ms: number): string {
    let s = this.okta.get(ms)
    if (s === undefined) {
      s = oktaDate(ms)
      this.okta.set(ms, s)
    }
    return s
  }
}

/**
 * Parts that are the same for every person of a scenario are shared, frozen
 * objects: at 100k people they save a third of the allocations. Change a
 * record by replacing these fields, never by editing them (a frozen object
 * throws when written).
 */
const EMPTY = Object.freeze([]) as unknown as never[]
const licence = (skuId: string): MG.AssignedLicense[] =>
  Object.freeze([Object.freeze({ disabledPlans: EMPTY, skuId })]) as unknown as MG.AssignedLicense[]
/** assignedLicenses of a licensed person, shared by everyone with that SKU */
export const LICENCES = { e3: licence(SKU.office365E3), e5: licence(SKU.office365E5) } as const
/** a person's licence: group-based licensing gives E5 to some departments and E3 to the rest */
export function licencesOf(department: string): MG.AssignedLicense[] {
  return E5_DEPARTMENTS.has(department) ? LICENCES.e5 : LICENCES.e3
}
interface SharedParts {
  oktaType: OktaRecord
  adCredentials: OktaRecord
  appLinks: Map<string, OktaRecord>
}
const sharedByContext = new WeakMap<ScenarioContext, SharedParts>()
function shared(ctx: ScenarioContext): SharedParts {
  let parts = sharedByContext.get(ctx)
  if (!parts) {
    parts = {
      oktaType: Object.freeze({ id: ctx.oktaUserTypeId }),
      adCredentials: Object.freeze({
        provider: Object.freeze({ type: 'ACTIVE_DIRECTORY', name: ctx.adDomain }),
      }),
      appLinks: new Map(),
    }
    sharedByContext.set(ctx, parts)
  }
  return parts
}
/** The app's `_links.app` object, shared by every app user of that app. */
export function appLink(ctx: ScenarioContext, appId: string): OktaRecord {
  const parts = shared(ctx)
  let link = parts.appLinks.get(appId)
  if (!link) {
    link = Object.freeze({ href: `${ctx.origins.oktaOrgUrl}/api/v1/apps/${appId}` })
    parts.appLinks.set(appId, link)
  }
  return link
}

const DEPARTMENT_WEIGHTS = DEPARTMENTS.map((d) => [d, d[2]] as const)

export interface PersonOptions {
  domain: string
  /** the tenant's last Entra Connect cycle (organization.onPremisesLastSyncDateTime) */
  orgLastSyncMs: number
  /** when Entra Connect last exported the person; drawn by `lastExportMs` when absent */
  lastSyncMs?: number
  given?: string
  surname?: string
}

/** Entra Connect's default schedule: exports happen on these cycles */
export const SYNC_CYCLE_MS = 30 * MS.minute

/**
 * When Entra Connect last exported a person (`onPremisesLastSyncDateTime`): it writes an object
 * only when its AD object changed, so most people were last exported months or years ago and a
 * few today. Times fall on sync cycles, and never before the first cycle after the AD object was
 * created. https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-sync-technical-concepts
 */
/** The first Entra Connect cycle at or after `ms`: when an AD change made then reached Entra. */
export function exportAfter(orgLastSyncMs: number, ms: number): number {
  const cycles = Math.floor((orgLastSyncMs - ms) / SYNC_CYCLE_MS)
  return orgLastSyncMs - Math.max(0, cycles) * SYNC_CYCLE_MS
}

export function lastExportMs(rng: Rng, createdMs: number, orgLastSyncMs: number): number {
  const r = rng.next()
  const daysAgo =
    r < 0.06 ? 0 : r < 0.2 ? rng.int(1, 30) : r < 0.55 ? rng.int(31, 180) : rng.int(181, 1000)
  const cycles = Math.floor((daysAgo * MS.day) / SYNC_CYCLE_MS) + rng.int(0, 47)
  const sinceCreation = Math.floor((orgLastSyncMs - createdMs) / SYNC_CYCLE_MS)
  return orgLastSyncMs - Math.max(0, Math.min(cycles, sinceCreation)) * SYNC_CYCLE_MS
}

/** Generates unique people; keeps the taken names so UPNs, mail and sAMAccountNames stay unique. */
export class PeopleFactory {
  // how often each name base was handed out, so the next one gets a numeric suffix
  private readonly localCount = new Map<string, number>()
  private readonly samCount = new Map<string, number>()
  private nextRid = 1104
  private nextEmployee = 10_001

  constructor(
    private readonly ctx: ScenarioContext,
    private readonly rng: Rng = ctx.rng,
  ) {}

  /** a unique mail local part for a name (given.surname, then given.surname2, …) */
  localPart(given: string, surname: string): string {
    const base = `${given}.${surname}`.toLowerCase().replace(/[^a-z.]/g, '')
    const n = (this.localCount.get(base) ?? 0) + 1
    this.localCount.set(base, n)
    return n === 1 ? base : base + n
  }

  person(options: PersonOptions): Person {
    const rng = this.rng
    const given = options.given ?? rng.pick(FIRST_NAMES)
    const surname = options.surname ?? rng.pick(LAST_NAMES)
    const local = this.localPart(given, surname)
    const samBase = (given.charAt(0) + surname)
      .toLowerCase()
      .replace(/[^a-z]/g, '')
      .slice(0, 16)
    const m = (this.samCount.get(samBase) ?? 0) + 1
    this.samCount.set(samBase, m)
    const sam = m === 1 ? samBase : samBase + m
    const dept = rng.weighted(DEPARTMENT_WEIGHTS)
    const { guid: objectGuid, immutableId } = rng.objectGuid()
    const upn = `${local}@${options.domain}`
    // created between 30 days and 8 years ago, on a whole day
    const createdMs = this.ctx.nowMs - rng.int(30, 2900) * MS.day - (this.ctx.nowMs % MS.day)
    return {
      given,
      surname,
      displayName: `${given} ${surname}`,
      upn,
      mail: upn,
      mailNickname: local,
      sam,
      entraId: rng.guid(),
      oktaId: rng.oktaId('00u'),
      objectGuid,
      immutableId,
      department: dept[0],
      jobTitle: rng.pick(dept[1]),
      office: rng.pick(OFFICES),
      employeeId: String(this.nextEmployee++),
      rid: this.nextRid++,
      createdMs,
      lastSyncMs: options.lastSyncMs ?? lastExportMs(rng, createdMs, options.orgLastSyncMs),
    }
  }
}

/** The Entra user Entra Connect writes for a person. */
export function entraHybridUser(ctx: ScenarioContext, p: Person, dates: DateStrings): MG.User {
  return {
    id: p.entraId,
    userPrincipalName: p.upn,
    displayName: p.displayName,
    givenName: p.given,
    surname: p.surname,
    mail: p.mail,
    mailNickname: p.mailNickname,
    otherMails: EMPTY,
    proxyAddresses: p.mail
      ? [`SMTP:${p.mail}`, `smtp:${p.mailNickname}@${ctx.mailRoutingDomain}`]
      : [],
    accountEnabled: true,
    userType: 'Member',
    createdDateTime: dates.g(p.createdMs),
    creationType: null,
    department: p.department,
    jobTitle: p.jobTitle,
    officeLocation: p.office,
    companyName: ctx.company,
    employeeId: p.employeeId,
    employeeType: 'Employee',
    usageLocation: 'US',
    assignedLicenses: licencesOf(p.department),
    onPremisesSyncEnabled: true,
    onPremisesImmutableId: p.immutableId,
    onPremisesLastSyncDateTime: dates.g(p.lastSyncMs),
    onPremisesSamAccountName: p.sam,
    onPremisesUserPrincipalName: p.upn,
    onPremisesDomainName: ctx.adDomain,
    onPremisesDistinguishedName: `CN=${p.displayName},OU=${p.department},OU=Staff,DC=corp,DC=northwindtraders,DC=com`,
    onPremisesSecurityIdentifier: `${ctx.adDomainSid}-${p.rid}`,
    onPremisesProvisioningErrors: EMPTY,
    serviceProvisioningErrors: EMPTY,
    lastPasswordChangeDateTime: dates.g(p.createdMs + MS.day),
  }
}

/** A cloud-only Entra user (no AD object). */
export function entraCloudUser(
  ctx: ScenarioContext,
  p: Pick<
    Person,
    | 'entraId'
    | 'given'
    | 'surname'
    | 'displayName'
    | 'upn'
    | 'mail'
    | 'mailNickname'
    | 'createdMs'
    | 'department'
    | 'jobTitle'
  > & {
    /** service, room and shared-mailbox accounts hold none (the default) */
    assignedLicenses?: MG.AssignedLicense[]
    employeeType?: string | null
    companyName?: string | null
    accountEnabled?: boolean
  },
  dates: DateStrings,
): MG.User {
  return {
    id: p.entraId,
    userPrincipalName: p.upn,
    displayName: p.displayName,
    givenName: p.given,
    surname: p.surname,
    mail: p.mail,
    mailNickname: p.mailNickname,
    otherMails: [],
    proxyAddresses: p.mail ? [`SMTP:${p.mail}`] : [],
    accountEnabled: p.accountEnabled ?? true,
    userType: 'Member',
    createdDateTime: dates.g(p.createdMs),
    creationType: null,
    department: p.department,
    jobTitle: p.jobTitle,
    companyName: p.companyName === undefined ? ctx.company : p.companyName,
    employeeType: p.employeeType ?? null,
    usageLocation: 'US',
    assignedLicenses: p.assignedLicenses ?? [],
    onPremisesSyncEnabled: null,
    onPremisesImmutableId: null,
    onPremisesLastSyncDateTime: null,
    onPremisesSamAccountName: null,
    onPremisesUserPrincipalName: null,
    onPremisesDomainName: null,
    onPremisesDistinguishedName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesProvisioningErrors: [],
    serviceProvisioningErrors: [],
    lastPasswordChangeDateTime: dates.g(p.createdMs + MS.day),
  }
}

/** The Okta user the AD agent imports for a person. */
export function oktaDirectoryUser(ctx: ScenarioContext, p: Person, dates: DateStrings): OktaRecord {
  const lastUpdatedMs = Math.max(p.createdMs, p.lastSyncMs - 5 * MS.minute)
  return {
    id: p.oktaId,
    status: 'ACTIVE',
    created: dates.o(p.createdMs),
    activated: dates.o(p.createdMs),
    statusChanged: dates.o(p.createdMs),
    lastLogin: dates.o(ctx.nowMs - ((p.rid * 7919) % 72) * MS.hour),
    lastUpdated: dates.o(lastUpdatedMs),
    passwordChanged: dates.o(p.createdMs + MS.day),
    type: shared(ctx).oktaType,
    profile: {
      firstName: p.given,
      lastName: p.surname,
      mobilePhone: null,
      secondEmail: null,
      login: p.upn,
      email: p.mail ?? p.upn,
      displayName: p.displayName,
      title: p.jobTitle,
      department: p.department,
      organization: ctx.company,
      employeeNumber: p.employeeId,
      city: p.office,
      immutableId: p.immutableId,
      samAccountName: p.sam,
    },
    credentials: shared(ctx).adCredentials,
    _links: { self: { href: `${ctx.origins.oktaOrgUrl}/api/v1/users/${p.oktaId}` } },
  }
}

/** An Okta-only user (a contractor or partner with no AD account). */
export function oktaLocalUser(
  ctx: ScenarioContext,
  u: {
    id: string
    given: string
    surname: string
    login: string
    email: string
    createdMs: number
    title: string
  },
  dates: DateStrings,
): OktaRecord {
  return {
    id: u.id,
    status: 'ACTIVE',
    created: dates.o(u.createdMs),
    activated: dates.o(u.createdMs),
    statusChanged: dates.o(u.createdMs),
    lastLogin: dates.o(ctx.nowMs - 26 * MS.hour),
    lastUpdated: dates.o(u.createdMs + MS.day),
    passwordChanged: dates.o(u.createdMs + MS.day),
    type: { id: ctx.oktaUserTypeId },
    profile: {
      firstName: u.given,
      lastName: u.surname,
      mobilePhone: null,
      secondEmail: null,
      login: u.login,
      email: u.email,
      displayName: `${u.given} ${u.surname}`,
      title: u.title,
      userType: 'Contractor',
    },
    credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
    _links: { self: { href: `${ctx.origins.oktaOrgUrl}/api/v1/users/${u.id}` } },
  }
}
