/** Fixed identifiers and vocabularies shared by the scenarios. */

export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000'
export const MICROSOFT_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a'

/**
 * Microsoft Graph application permissions (appRoles, type "Role") the reader
 * app needs. The first seven ids are the published ones; the others are fixed
 * here and only need to agree within a scenario, since the Graph service
 * principal's `appRoles` list is the source of truth the emulator serves.
 */
export const GRAPH_APP_ROLES: readonly { value: string; id: string; displayName: string }[] = [
  {
    value: 'User.Read.All',
    id: 'df021288-bdef-4463-88db-98f22de89214',
    displayName: "Read all users' full profiles",
  },
  {
    value: 'Group.Read.All',
    id: '5b567255-7703-4780-807c-7be8301ae99b',
    displayName: 'Read all groups',
  },
  {
    value: 'Directory.Read.All',
    id: '7ab1d382-f21e-4acd-a863-ba3e13f7da61',
    displayName: 'Read directory data',
  },
  {
    value: 'Application.Read.All',
    id: '9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30',
    displayName: 'Read all applications',
  },
  {
    value: 'AuditLog.Read.All',
    id: 'b0afded3-3588-46d8-8b3d-9842eff778da',
    displayName: 'Read all audit log data',
  },
  {
    value: 'Policy.Read.All',
    id: '246dd0d5-5bd0-4def-940b-0421030a5b68',
    displayName: "Read your organization's policies",
  },
  {
    value: 'GroupMember.Read.All',
    id: '98830695-27a2-44f7-8c18-0c3ebc9698f6',
    displayName: 'Read all group memberships',
  },
  {
    value: 'Domain.Read.All',
    id: 'dbb9058a-0e50-45d7-ae91-66909b5d4664',
    displayName: 'Read domains',
  },
  {
    value: 'Organization.Read.All',
    id: '498476ce-e0fe-48b0-b801-37ba7e2685c6',
    displayName: 'Read organization information',
  },
  {
    value: 'Synchronization.Read.All',
    id: '5ba43d2f-fa88-4db2-bd1c-a67c5f0fb1ce',
    displayName: 'Read all Azure AD synchronization data',
  },
  {
    value: 'DelegatedPermissionGrant.Read.All',
    id: '81b4724a-58aa-41c1-8a55-84ef97466587',
    displayName: 'Read all delegated permission grants',
  },
  {
    value: 'OnPremDirectorySynchronization.Read.All',
    id: 'bb70e231-92dc-4729-aff5-697b3f04be95',
    displayName: 'Read all on-premises directory synchronization information',
  },
]

/**
 * Graph application permissions that write (the Microsoft Graph permissions reference): the
 * Graph service principal offers them, no scenario app holds them; a test that rebuilds an
 * integration grants them to its own app.
 */
export const GRAPH_WRITE_ROLES: readonly { value: string; id: string; displayName: string }[] = [
  {
    value: 'Application.ReadWrite.All',
    id: '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9',
    displayName: 'Read and write all applications',
  },
  {
    value: 'DelegatedPermissionGrant.ReadWrite.All',
    id: '8e8e4742-1d95-4f68-9d56-6ee75648c72a',
    displayName: 'Manage all delegated permission grants',
  },
  {
    value: 'Domain.ReadWrite.All',
    id: '7e05723c-0bb0-42da-be95-ae9f08a6e53c',
    displayName: 'Read and write domains',
  },
]

/** the reader app's grants: everything above except GroupMember.Read.All (Group.Read.All covers it) */
export const READER_APP_ROLES = GRAPH_APP_ROLES.filter((r) => r.value !== 'GroupMember.Read.All')

/** Microsoft Graph delegated permissions (oauth2PermissionScopes, type "Scope") */
export const GRAPH_SCOPES: readonly { value: string; id: string }[] = [
  { value: 'openid', id: '37f7f235-527c-4136-accd-4a02d197296e' },
  { value: 'email', id: '64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0' },
  { value: 'profile', id: '14dad69e-099b-42c9-810b-d002981feec1' },
  { value: 'offline_access', id: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182' },
  { value: 'User.Read', id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d' },
]

export function graphScopeId(value: string): string {
  const scope = GRAPH_SCOPES.find((s) => s.value === value)
  if (!scope) throw new Error(`unknown Graph scope ${value}`)
  return scope.id
}

/** The Okta Microsoft IdP's requested scopes (Okta's MicrosoftIdPResponse example). */
export const OKTA_MICROSOFT_IDP_SCOPES = [
  'openid',
  'email',
  'profile',
  'https://graph.microsoft.com/User.Read',
]

export const OKTA_READ_SCOPES = [
  'okta.users.read',
  'okta.groups.read',
  'okta.apps.read',
  'okta.idps.read',
  'okta.policies.read',
  'okta.profileMappings.read',
  'okta.schemas.read',
  'okta.logs.read',
]

/** Okta's recommended Office 365 ImmutableID expression (support.okta.com) */
export const O365_IMMUTABLE_ID_EXPRESSION =
  'hasDirectoryUser()?findDirectoryUser().externalId:user.getInternalProperty("id")'

export const FIRST_NAMES = [
  'Adele',
  'Alex',
  'Allan',
  'Amara',
  'Andre',
  'Anika',
  'Ben',
  'Bianca',
  'Carlos',
  'Chen',
  'Christie',
  'Daniel',
  'Debra',
  'Diego',
  'Elena',
  'Emily',
  'Enrico',
  'Farah',
  'Felix',
  'Grace',
  'Hannah',
  'Hiro',
  'Irvin',
  'Isaiah',
  'Jasmine',
  'Johanna',
  'Joni',
  'Jordan',
  'Kenji',
  'Laura',
  'Lee',
  'Lidia',
  'Lynne',
  'Malik',
  'Maria',
  'Megan',
  'Miriam',
  'Nadia',
  'Nestor',
  'Noah',
  'Olga',
  'Omar',
  'Patti',
  'Pradeep',
  'Priya',
  'Quinn',
  'Rafael',
  'Raul',
  'Rosa',
  'Samuel',
  'Sara',
  'Sofia',
  'Tariq',
  'Theo',
  'Uma',
  'Valentina',
  'Victor',
  'Wanda',
  'Xavier',
  'Yara',
  'Yusuf',
  'Zoe',
] as const

export const LAST_NAMES = [
  'Adams',
  'Alvarez',
  'Baker',
  'Bennett',
  'Brooks',
  'Campbell',
  'Carter',
  'Chen',
  'Cruz',
  'Davies',
  'Diaz',
  'Edwards',
  'Evans',
  'Fernandez',
  'Fischer',
  'Foster',
  'Garcia',
  'Gomez',
  'Gray',
  'Hall',
  'Hughes',
  'Ito',
  'Jackson',
  'James',
  'Johansson',
  'Kaur',
  'Kim',
  'Kowalski',
  'Lambert',
  'Lopez',
  'Martin',
  'Mendes',
  'Miller',
  'Morgan',
  'Murphy',
  'Nakamura',
  'Nguyen',
  'Novak',
  'Okafor',
  'Patel',
  'Perez',
  'Price',
  'Reed',
  'Reyes',
  'Rossi',
  'Sanders',
  'Schmidt',
  'Sharma',
  'Silva',
  'Singh',
  'Stewart',
  'Sullivan',
  'Tanaka',
  'Taylor',
  'Torres',
  'Turner',
  'Varga',
  'Walker',
  'Watson',
  'Wilber',
  'Wright',
  'Young',
  'Zhang',
] as const

export const DEPARTMENTS: readonly (readonly [string, readonly string[], number])[] = [
  ['Sales', ['Account Executive', 'Sales Manager', 'Sales Representative', 'Sales Director'], 22],
  [
    'Engineering',
    [
      'Software Engineer',
      'Senior Software Engineer',
      'Engineering Manager',
      'Site Reliability Engineer',
    ],
    20,
  ],
  ['Operations', ['Operations Analyst', 'Logistics Coordinator', 'Operations Manager'], 14],
  ['Finance', ['Accountant', 'Financial Analyst', 'Controller', 'Payroll Specialist'], 9],
  ['Marketing', ['Marketing Specialist', 'Content Strategist', 'Marketing Manager'], 9],
  ['Customer Success', ['Support Engineer', 'Customer Success Manager', 'Support Lead'], 12],
  ['Human Resources', ['HR Generalist', 'Recruiter', 'HR Business Partner'], 5],
  ['Legal', ['Counsel', 'Paralegal'], 3],
  ['IT', ['Systems Administrator', 'Identity Engineer', 'Service Desk Analyst', 'IT Manager'], 6],
]

/**
 * Licence SKUs (skuId of an assignedLicense), from Microsoft's product names and service plan
 * identifiers: https://learn.microsoft.com/entra/identity/users/licensing-service-plan-reference
 */
export const SKU = {
  /** ENTERPRISEPACK */
  office365E3: '6fd2c87f-b296-42f0-b197-1e91e994b900',
  /** ENTERPRISEPREMIUM */
  office365E5: 'c7df2760-2c81-4ef7-b578-5b5392b571df',
} as const

/** departments whose people hold Office 365 E5 (eDiscovery, advanced security); everyone else E3 */
export const E5_DEPARTMENTS: ReadonlySet<string> = new Set(['IT', 'Legal'])

export const OFFICES = ['Seattle', 'Chicago', 'New York', 'London', 'Berlin', 'Singapore'] as const

export const USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0'

/** Where sign-ins come from (documentation IP ranges). */
export const SIGN_IN_LOCATIONS = [
  { city: 'Seattle', state: 'Washington', lat: 47.6062, lon: -122.3321, ip: '203.0.113.' },
  { city: 'Chicago', state: 'Illinois', lat: 41.8781, lon: -87.6298, ip: '198.51.100.' },
  { city: 'New York', state: 'New York', lat: 40.7128, lon: -74.006, ip: '192.0.2.' },
] as const
