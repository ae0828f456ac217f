/**
 * Entra accounts that are not people of the seam: Entra Connect's and cloud sync's service
 * accounts, break-glass admins, B2B guests, shared, room and equipment mailboxes, cloud service
 * accounts and lab accounts. None of them has (or needs) an Okta user.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { Draft } from './base'
import type { ClutterLog } from './clutter'
import { DOCS } from './clutter'
import { subject } from './answer-key'
import { type PeopleFactory, entraCloudUser, entraHybridUser } from './people'
import { MS } from './random'

export interface AccountHandles {
  /** Entra Connect's account on the active server: it initiates synced changes in the audit log */
  syncAccount: MG.User
  labAccounts: MG.User[]
}

interface Account {
  upn: string
  displayName: string
  mail?: string | null
  mailNickname?: string
  given?: string | null
  surname?: string | null
  enabled?: boolean
  createdDaysAgo: number
  department?: string | null
  jobTitle?: string | null
}

/** A cloud-only account that is not a person: no licence, no employee data, no company. */
export function account(d: Draft, a: Account): MG.User {
  const local = a.upn.split('@')[0] ?? a.upn
  const user = entraCloudUser(
    d.ctx,
    {
      entraId: d.ctx.rng.guid(),
      given: a.given ?? '',
      surname: a.surname ?? '',
      displayName: a.displayName,
      upn: a.upn,
      mail: a.mail ?? null,
      mailNickname: a.mailNickname ?? local,
      createdMs: d.ctx.nowMs - a.createdDaysAgo * MS.day,
      department: a.department ?? '',
      jobTitle: a.jobTitle ?? '',
      companyName: null,
      accountEnabled: a.enabled ?? true,
    },
    d.dates,
  )
  user.givenName = a.given ?? null
  user.surname = a.surname ?? null
  user.department = a.department ?? null
  user.jobTitle = a.jobTitle ?? null
  user.usageLocation = null
  d.entra.users.push(user)
  return user
}

export function addAccountClutter(
  d: Draft,
  factory: PeopleFactory,
  clutter: ClutterLog,
): AccountHandles {
  const { ctx } = d
  const { rng } = ctx
  const initial = ctx.initialDomain
  const hex = () => rng.chars('0123456789abcdef', 12)

  const syncAccounts = [
    { server: 'NWTAADC01', days: 2100 },
    { server: 'NWTAADC02', days: 310 },
  ].map((s) =>
    account(d, {
      upn: `Sync_${s.server}_${hex()}@${initial}`,
      displayName: 'On-Premises Directory Synchronization Service Account',
      createdDaysAgo: s.days,
    }),
  )
  clutter.note(
    'entra-connect-sync-account',
    "Entra Connect's Entra connector account, one per Connect server (the active one and a staging server): cloud-only by design, enabled, no mail, no licence and no Okta user; it never signs in interactively.",
    DOCS.connectAccounts,
    syncAccounts.map((u) => [subject.entraUser(u)]),
  )
  const cloudSync = account(d, {
    upn: `ADToAADSyncServiceAccount@${initial}`,
    displayName: 'On-Premises Directory Synchronization Service Account',
    createdDaysAgo: 420,
  })
  clutter.note(
    'cloud-sync-account',
    "The Entra Cloud Sync provisioning agent's account (an acquired forest syncs through cloud sync): a cloud-only service identity with no mail, licence or Okta user.",
    DOCS.cloudSync,
    [[subject.entraUser(cloudSync)]],
  )

  const breakGlass = ['01', '02'].map((n) =>
    account(d, {
      upn: `bg-admin-${n}@${initial}`,
      displayName: `Emergency Access ${n}`,
      createdDaysAgo: 1800 - Number(n) * 3,
    }),
  )
  clutter.note(
    'break-glass-admin',
    'Emergency-access Global Administrators: cloud-only on the onmicrosoft.com domain so they work when federation to Okta does not, no mail, no licence, deliberately without an Okta account.',
    DOCS.emergencyAccess,
    breakGlass.map((u) => [subject.entraUser(u)]),
  )

  const guest = (
    given: string,
    surname: string,
    email: string,
    company: string | null,
    state: 'Accepted' | 'PendingAcceptance',
    daysAgo: number,
  ): MG.User => {
    const external = `${email.replace('@', '_')}#EXT#`
    const u = account(d, {
      upn: `${external}@${initial}`,
      displayName: `${given} ${surname}`,
      given,
      surname,
      mail: email,
      mailNickname: external,
      createdDaysAgo: daysAgo,
    })
    Object.assign(u, {
      userType: 'Guest',
      creationType: 'Invitation',
      externalUserState: state,
      externalUserStateChangeDateTime: d.dates.g(
        ctx.nowMs - (state === 'Accepted' ? daysAgo - 1 : daysAgo) * MS.day,
      ),
      otherMails: [email],
      companyName: company,
      identities: [
        { signInType: 'userPrincipalName', issuer: initial, issuerAssignedId: u.userPrincipalName },
      ],
    } satisfies MG.User)
    return u
  }
  const accepted = [
    guest('Lena', 'Vogel', 'lena.vogel@contoso.com', 'Contoso', 'Accepted', 640),
    guest('Marcus', 'Reid', 'mreid@fabrikam.com', 'Fabrikam', 'Accepted', 300),
    guest('Ana', 'Costa', 'ana.costa@adatum.com', 'Adatum', 'Accepted', 75),
  ]
  const pending = [
    guest('Tom', 'Hale', 'tom.hale@tailspintoys.com', 'Tailspin Toys', 'PendingAcceptance', 9),
    guest('Priya', 'Nair', 'priya.nair.consulting@gmail.com', null, 'PendingAcceptance', 33),
  ]
  clutter.note(
    'b2b-guest-accepted',
    'B2B guests who redeemed their invitation: userType Guest, #EXT# UPNs on the onmicrosoft.com domain, mail in their own domain. They sign in at their home IdP, never through Okta.',
    DOCS.guestProperties,
    accepted.map((u) => [subject.entraUser(u)]),
  )
  clutter.note(
    'b2b-guest-pending',
    'B2B invitations not yet redeemed (externalUserState PendingAcceptance), some for weeks: ordinary in any tenant that invites partners.',
    DOCS.guestProperties,
    pending.map((u) => [subject.entraUser(u)]),
  )

  const mailbox = (local: string, domain: string, displayName: string, days: number) =>
    account(d, {
      upn: `${local}@${domain}`,
      displayName,
      mail: `${local}@${domain}`,
      enabled: false,
      createdDaysAgo: days,
    })
  // remote mailboxes of hybrid Exchange: AD users in a Resources OU that Okta does not import
  const syncedMailbox = (given: string, surname: string, displayName: string, ou: string) => {
    const p = factory.person({
      domain: ctx.federatedDomain,
      orgLastSyncMs: d.orgLastSyncMs,
      given,
      surname,
    })
    const u = entraHybridUser(ctx, p, d.dates)
    Object.assign(u, {
      displayName,
      givenName: null,
      surname: null,
      accountEnabled: false,
      department: null,
      jobTitle: null,
      officeLocation: null,
      companyName: null,
      employeeId: null,
      employeeType: null,
      assignedLicenses: [],
      onPremisesDistinguishedName: `CN=${displayName},OU=${ou},OU=Resources,DC=corp,DC=northwindtraders,DC=com`,
    } satisfies MG.User)
    d.entra.users.push(u)
    return u
  }
  const shared = [
    mailbox('support', ctx.managedDomain, 'Customer Support', 900),
    mailbox('invoices', ctx.managedDomain, 'Invoices', 410),
    syncedMailbox('Accounts', 'Payable', 'Accounts Payable', 'Shared Mailboxes'),
    syncedMailbox('HR', 'Benefits', 'HR Benefits', 'Shared Mailboxes'),
  ]
  clutter.note(
    'shared-mailbox',
    'Shared mailboxes: Exchange creates their users disabled (people open them with their own accounts), mail set, no given name or surname, no licence. The synced ones live in an AD OU the Okta AD import does not read, so no Okta user exists or is needed.',
    DOCS.sharedMailbox,
    shared.map((u) => [subject.entraUser(u)]),
  )
  const rooms = [
    mailbox('room.rainier', ctx.managedDomain, 'Conf Room Rainier (SEA 4.12)', 760),
    mailbox('room.lakeview', ctx.managedDomain, 'Conf Room Lakeview (CHI 2.03)', 530),
    mailbox('equip.projector-nyc', ctx.managedDomain, 'Projector NYC 7', 240),
    syncedMailbox('Room', 'Hudson', 'Conf Room Hudson (NYC 7.01)', 'Rooms'),
  ]
  clutter.note(
    'room-equipment-mailbox',
    'Room and equipment mailboxes: disabled users Exchange creates for booking, with mail and no person behind them; nobody signs in as them.',
    DOCS.resourceMailbox,
    rooms.map((u) => [subject.entraUser(u)]),
  )

  const services = ['svc-powerbi-gateway', 'svc-azure-devops', 'svc-m365-backup'].map((local, i) =>
    account(d, {
      upn: `${local}@${initial}`,
      displayName: local,
      createdDaysAgo: 1200 - i * 350,
      department: 'IT',
      jobTitle: 'Service account',
    }),
  )
  clutter.note(
    'cloud-service-account',
    'Cloud-only service accounts (svc-*): no mail, no licence, no Okta user; tools sign in with them directly against Entra on the onmicrosoft.com domain.',
    DOCS.serviceAccounts,
    services.map((u) => [subject.entraUser(u)]),
  )

  const labAccounts = ['01', '02', '03'].map((n, i) =>
    account(d, {
      upn: `lab.test${n}@${initial}`,
      displayName: `Lab Test User ${n}`,
      given: 'Lab',
      surname: `Test ${n}`,
      createdDaysAgo: 400 - i * 120,
      department: 'IT',
      jobTitle: 'Test account',
    }),
  )
  clutter.note(
    'lab-test-account',
    'Cloud-only test accounts on the onmicrosoft.com domain that IT uses to try policies: enabled, no mail, no licence, no Okta counterpart, outside the federated domain.',
    DOCS.createUsers,
    labAccounts.map((u) => [subject.entraUser(u)]),
  )

  const [syncAccount] = syncAccounts
  if (!syncAccount) throw new Error('no sync account')
  return { syncAccount, labAccounts }
}
