/** Generated people for the fixture: an Entra user and its Okta counterpart per index. */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { OktaRecord } from '../scenarios/types'

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Ken',
  'Radia',
  'Linus',
]
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Perlman',
  'Torvalds',
]
const iso = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z')
const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0')

function names(i: number): { first: string; last: string; login: string } {
  const first = FIRST[i % FIRST.length] as string
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length] as string
  return { first, last, login: `${first}.${last}${i}`.toLowerCase() }
}

/** a deterministic GUID from an index */
export function guidOf(prefix: number, i: number): string {
  const h = hex(i, 12)
  return `${hex(prefix, 8)}-0000-4000-8000-${h}`
}

export function fixtureEntraUser(i: number, now: number): MG.User {
  const { first, last, login } = names(i)
  const upn = `${login}@contoso.example`
  const immutable = Buffer.from(guidOf(0xabcd, i).replace(/-/g, ''), 'hex').toString('base64')
  return {
    id: guidOf(0x5e5e5e5e, i),
    userPrincipalName: upn,
    displayName: `${first} ${last}`,
    givenName: first,
    surname: last,
    mail: upn,
    otherMails: [],
    proxyAddresses: [`SMTP:${upn}`],
    businessPhones: [],
    jobTitle: i % 3 === 0 ? 'Engineer' : null,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
    accountEnabled: i % 17 !== 5,
    userType: 'Member',
    createdDateTime: iso(now - (400 - (i % 300)) * 86400_000),
    onPremisesSyncEnabled: true,
    onPremisesImmutableId: immutable,
    onPremisesLastSyncDateTime: iso(now - 3600_000),
    onPremisesSamAccountName: login.slice(0, 20),
    onPremisesUserPrincipalName: `${login}@corp.contoso.example`,
    onPremisesDomainName: 'corp.contoso.example',
    onPremisesDistinguishedName: `CN=${first} ${last},OU=Users,DC=corp,DC=contoso,DC=example`,
    onPremisesSecurityIdentifier: `S-1-5-21-1004336348-1177238915-682003330-${1000 + i}`,
    onPremisesExtensionAttributes: { extensionAttribute1: null, extensionAttribute2: null },
    onPremisesProvisioningErrors: [],
    identities: [
      { signInType: 'userPrincipalName', issuer: 'contoso.example', issuerAssignedId: upn },
    ],
    employeeId: String(10000 + i),
    department: ['Engineering', 'Sales', 'Finance'][i % 3] ?? null,
    companyName: 'Contoso',
    employeeType: 'Employee',
    // Office 365 E3 (ENTERPRISEPACK)
    assignedLicenses: [{ disabledPlans: [], skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900' }],
    lastPasswordChangeDateTime: iso(now - 40 * 86400_000),
    signInActivity: {
      lastSignInDateTime: iso(now - (i % 30) * 86400_000),
      lastSignInRequestId: guidOf(0x51, i),
      lastNonInteractiveSignInDateTime: null,
      lastNonInteractiveSignInRequestId: null,
      lastSuccessfulSignInDateTime: iso(now - (i % 30) * 86400_000),
      lastSuccessfulSignInRequestId: guidOf(0x52, i),
    },
  }
}

/**
 * A soft-deleted user as the recycle bin lists it: Entra frees the UPN by prefixing it with
 * the object id (hyphens removed) and stamps `deletedDateTime`; the rest is kept for restore.
 */
export function fixtureDeletedUser(i: number, now: number): MG.User {
  const { signInActivity: _activity, ...user } = fixtureEntraUser(i, now)
  const id = guidOf(0xde1e7ed0, i)
  return {
    ...user,
    id,
    userPrincipalName: `${id.replace(/-/g, '')}${user.userPrincipalName ?? ''}`,
    deletedDateTime: iso(now - (1 + (i % 20)) * 86400_000),
  }
}

export function fixtureOktaUser(i: number, now: number, org: string): OktaRecord {
  const { first, last, login } = names(i)
  const id = `00u${hex(i, 17)}`
  const stamp = new Date(now - (i % 50) * 3600_000).toISOString()
  return {
    id,
    status: 'ACTIVE',
    created: new Date(now - 500 * 86400_000).toISOString(),
    activated: new Date(now - 500 * 86400_000).toISOString(),
    statusChanged: new Date(now - 500 * 86400_000).toISOString(),
    lastLogin: stamp,
    lastUpdated: stamp,
    passwordChanged: null,
    type: { id: 'oty1emulatordefault01' },
    profile: {
      firstName: first,
      lastName: last,
      mobilePhone: null,
      secondEmail: null,
      login: `${login}@contoso.example`,
      email: `${login}@contoso.example`,
      employeeNumber: String(10000 + i),
    },
    credentials: { provider: { type: 'ACTIVE_DIRECTORY', name: 'corp.contoso.example' } },
    _links: { self: { href: `${org}/api/v1/users/${id}` } },
  }
}
