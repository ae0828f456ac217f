/**
 * Planted people problems for `broken`: attribute mismatches, duplicates,
 * IdFix-invalid values, sync lag and errors, provisioning failures, and the
 * sign-in failures they cause. Each plant adds its own people, so the
 * population `populate` made stays clean.
 */
import type { OktaRecord } from './types'
import type { Draft } from './base'
import type { SeamHandles } from './broken-config'
import { plant, subject } from './answer-key'
import { type Person, entraCloudUser } from './people'
import { samlAppUser } from './app-users'
import { MS, graphDate, immutableIdFromGuid } from './random'
import type { PlantKit, Planted } from './plant-kit'

const profileOf = (r: OktaRecord): Record<string, unknown> =>
  r['profile'] as Record<string, unknown>

/** Problems a later plant refers to (sign-in failures of the same people). */
export interface PeoplePlants {
  mismatch: Planted
  renamed: Planted
}

export function plantPeopleProblems(
  d: Draft,
  kit: PlantKit,
  people: Person[],
  seam: SeamHandles,
): PeoplePlants {
  const { ctx, answerKey: key } = d
  const { rng, nowMs: now } = ctx
  const fed = ctx.federatedDomain
  const { add, both, oktaOnly, oktaUserOf } = kit

  // --- attribute-mapping ---------------------------------------------------
  const samlTargets: [string, string, string, Person[]][] = [
    [
      'Learning Portal',
      'saml-nameid-attribute-empty',
      'NameID template ${user.secondEmail} refers to an attribute that is empty for every assigned user',
      people.slice(0, 3),
    ],
    [
      'Benefits',
      'saml-nameid-format-not-email',
      'NameID format is EmailAddress but the template ${user.employeeNumber} yields employee numbers, not email addresses',
      people.slice(3, 6),
    ],
  ]
  for (const [label, problem, planted, assigned] of samlTargets) {
    const app = d.okta.apps.find((a) => a['label'] === label)
    if (!app) throw new Error(`missing SAML app ${label}`)
    for (const p of assigned) {
      d.okta.appUsers[String(app['id'])]?.push(
        samlAppUser(
          ctx,
          String(app['id']),
          { id: p.oktaId, userName: p.mail ?? p.upn, createdMs: p.createdMs },
          d.dates,
        ),
      )
    }
    plant(key, 'attribute-mapping', problem, `The Okta SAML app "${label}": ${planted}.`, [
      subject.oktaApp(app),
      ...assigned.map((p) => subject.oktaUser(oktaUserOf(p))),
    ])
  }

  const mismatch = add()
  profileOf(mismatch.appUser)['immutableId'] = immutableIdFromGuid(rng.guid())
  plant(
    key,
    'attribute-mapping',
    'immutableid-mismatch',
    `The Office 365 app user ${mismatch.p.upn} carries an immutableId that differs from the Entra onPremisesImmutableId (AADSTS51004).`,
    [...both(mismatch), subject.oktaApp(d.o365.app)],
  )

  const blankMail = [add((p) => (p.mail = null)), add((p) => (p.mail = null))]
  plant(
    key,
    'attribute-mapping',
    'idp-email-match-blank-email',
    'The Okta IdP "Microsoft (Email match)" matches on idpuser.email, but these Entra users have no mail.',
    [subject.oktaIdp(seam.emailMatch.idp), ...blankMail.map((r) => subject.entraUser(r.entraUser))],
  )

  const noMail = add((p) => (p.mail = null))
  plant(
    key,
    'attribute-mapping',
    'entra-mail-missing',
    `The synced user ${noMail.p.upn} has no mail in Entra while Okta holds the email ${String(profileOf(noMail.oktaUser)['email'])}.`,
    both(noMail),
  )

  const renamed = add()
  const oktaLogin = `${renamed.p.sam}@${fed}`
  profileOf(renamed.oktaUser)['login'] = oktaLogin
  ;(renamed.appUser['credentials'] as Record<string, unknown>)['userName'] = oktaLogin
  plant(
    key,
    'attribute-mapping',
    'upn-login-mismatch',
    `Okta login ${oktaLogin} differs from the Entra UPN ${renamed.p.upn} while the Microsoft IdP matches USERNAME on idpuser.userPrincipalName.`,
    [...both(renamed), subject.oktaIdp(d.idp.idp)],
  )

  // --- duplicate -----------------------------------------------------------
  const upnOwner = add()
  const upnTwin = add(() => {}, { okta: false })
  const twinOnPrem = upnOwner.p.upn.charAt(0).toUpperCase() + upnOwner.p.upn.slice(1)
  upnTwin.entraUser.onPremisesUserPrincipalName = twinOnPrem
  upnTwin.entraUser.userPrincipalName = `${upnTwin.p.mailNickname}${rng.int(1000, 9999)}@${ctx.initialDomain}`
  upnTwin.entraUser.onPremisesProvisioningErrors = [
    {
      category: 'PropertyConflict',
      propertyCausingError: 'UserPrincipalName',
      value: twinOnPrem,
      occurredDateTime: graphDate(now - 6 * MS.day),
    },
  ]
  plant(
    key,
    'duplicate',
    'entra-duplicate-upn',
    `Two AD accounts share the UPN ${upnOwner.p.upn} (differing only in case); Entra gave the second an onmicrosoft.com UPN and a PropertyConflict error.`,
    [subject.entraUser(upnOwner.entraUser), subject.entraUser(upnTwin.entraUser)],
  )

  const mailOwner = add()
  const mailTwin = add((p) => (p.mail = (mailOwner.p.mail ?? '').toUpperCase()))
  mailTwin.entraUser.proxyAddresses = [`SMTP:${mailTwin.p.mailNickname}@${fed}`]
  plant(
    key,
    'duplicate',
    'entra-duplicate-mail',
    `Two Entra users have the mail ${mailOwner.p.mail} (case-insensitively).`,
    [...both(mailOwner), ...both(mailTwin)],
  )

  const proxyOwner = add()
  const proxyTwin = add()
  proxyTwin.entraUser.proxyAddresses = [
    ...(proxyTwin.entraUser.proxyAddresses ?? []),
    `smtp:${proxyOwner.p.mail ?? ''}`,
  ]
  plant(
    key,
    'duplicate',
    'entra-duplicate-proxyaddress',
    `The proxy address ${proxyOwner.p.mail} belongs to two Entra users.`,
    [subject.entraUser(proxyOwner.entraUser), subject.entraUser(proxyTwin.entraUser)],
  )

  const anchorOwner = add()
  const anchorTwin = add((p) => {
    p.objectGuid = anchorOwner.p.objectGuid
    p.immutableId = anchorOwner.p.immutableId
  })
  plant(
    key,
    'duplicate',
    'entra-duplicate-immutableid',
    `Two Entra users share the onPremisesImmutableId ${anchorOwner.p.immutableId} (a copied ms-DS-ConsistencyGuid).`,
    [subject.entraUser(anchorOwner.entraUser), subject.entraUser(anchorTwin.entraUser)],
  )

  const loginA = oktaOnly(
    'sam.rivera@partners.nwtraders.net',
    'sam.rivera@partners.nwtraders.net',
    'Sam',
    'Rivera',
  )
  const loginB = oktaOnly(
    'Sam.Rivera@partners.nwtraders.net',
    'srivera@partners.nwtraders.net',
    'Sam',
    'Rivera',
  )
  plant(
    key,
    'duplicate',
    'okta-duplicate-login',
    'Two Okta users have logins that differ only in case.',
    [subject.oktaUser(loginA), subject.oktaUser(loginB)],
  )

  const emailA = oktaOnly(
    'lin.ho@partners.nwtraders.net',
    'lin.ho@partners.nwtraders.net',
    'Lin',
    'Ho',
  )
  const emailB = oktaOnly(
    'lin.ho.2@partners.nwtraders.net',
    'lin.ho@partners.nwtraders.net',
    'Lin',
    'Ho',
  )
  plant(
    key,
    'duplicate',
    'okta-duplicate-email',
    'Two Okta users share the email lin.ho@partners.nwtraders.net.',
    [subject.oktaUser(emailA), subject.oktaUser(emailB)],
  )

  const ambiguous = add()
  const alias = `${ambiguous.p.mailNickname}@${ctx.managedDomain}`
  profileOf(ambiguous.oktaUser)['email'] = alias
  const aliasUser = entraCloudUser(
    ctx,
    {
      entraId: rng.guid(),
      given: ambiguous.p.given,
      surname: ambiguous.p.surname,
      displayName: `${ambiguous.p.displayName} (test)`,
      upn: alias,
      mail: alias,
      mailNickname: `${ambiguous.p.mailNickname}.test`,
      createdMs: now - 20 * MS.day,
      department: ambiguous.p.department,
      jobTitle: 'Test account',
    },
    d.dates,
  )
  d.entra.users.push(aliasUser)
  plant(
    key,
    'duplicate',
    'idp-match-ambiguous',
    `Under "Microsoft (Any match)" (USERNAME_OR_EMAIL), ${ambiguous.p.upn} matches the Okta user by login and the cloud account ${alias} matches the same Okta user by email.`,
    [
      subject.oktaIdp(seam.anyMatch.idp),
      subject.entraUser(ambiguous.entraUser),
      subject.entraUser(aliasUser),
      subject.oktaUser(ambiguous.oktaUser),
    ],
  )

  // --- data-validation (IdFix rules on the Entra side; Okta's own below) ----
  const badChars = [
    add((p) => (p.upn = `${p.given.toLowerCase()}.o&${p.surname.toLowerCase()}@${fed}`)),
    add((p) => (p.upn = `j\u00fcrgen.m\u00fcller@${fed}`)),
  ]
  plant(
    key,
    'data-validation',
    'upn-invalid-character',
    'UPNs with an ampersand and with umlauts (IdFix: Character).',
    badChars.map((r) => subject.entraUser(r.entraUser)),
  )
  const spaced = add((p) => (p.mail = `${p.mail ?? ''} `))
  plant(
    key,
    'data-validation',
    'mail-leading-trailing-space',
    `The mail "${spaced.p.mail ?? ''}" ends with a space.`,
    [subject.entraUser(spaced.entraUser)],
  )
  const doubleDot = add(
    (p) => (p.upn = `${p.given.toLowerCase()}..${p.surname.toLowerCase()}@${fed}`),
  )
  plant(
    key,
    'data-validation',
    'upn-bad-format',
    `The UPN ${doubleDot.p.upn} has an empty dot-atom (IdFix: Format).`,
    [subject.entraUser(doubleDot.entraUser)],
  )
  const local = add((p) => (p.mail = `${p.mailNickname}@corp.local`))
  local.entraUser.proxyAddresses = [`SMTP:${local.p.mail ?? ''}`]
  plant(
    key,
    'data-validation',
    'mail-non-routable-domain',
    `The mail and primary SMTP address ${local.p.mail ?? ''} use the non-routable .local TLD (IdFix: TopLevelDomain).`,
    [subject.entraUser(local.entraUser)],
  )
  const long = add(
    (p) =>
      (p.upn = `${`${p.given}.${p.surname}.seasonal-contractor-warehouse-operations-northwest-region`.toLowerCase().padEnd(70, 'x')}@${fed}`),
  )
  plant(
    key,
    'data-validation',
    'upn-length',
    `The UPN ${long.p.upn} has 64 or more characters before the @ (IdFix: Length).`,
    [subject.entraUser(long.entraUser)],
  )
  const blankNick = add((p) => (p.mailNickname = ''))
  blankNick.entraUser.proxyAddresses = [`SMTP:${blankNick.p.mail ?? ''}`]
  plant(
    key,
    'data-validation',
    'mailnickname-blank',
    'A user with an empty mailNickname (IdFix: Blank).',
    [subject.entraUser(blankNick.entraUser)],
  )
  const dotNick = add((p) => (p.mailNickname = `.${p.mailNickname}`))
  dotNick.entraUser.proxyAddresses = [`SMTP:${dotNick.p.mail ?? ''}`]
  plant(
    key,
    'data-validation',
    'mailnickname-leading-period',
    `The mailNickname ${dotNick.p.mailNickname} begins with a period (IdFix: Format).`,
    [subject.entraUser(dotNick.entraUser)],
  )
  const badProxy = add()
  const proxyValue = `smtp:${badProxy.p.given.toLowerCase()} (${badProxy.p.department.toLowerCase()})@${fed}`
  badProxy.entraUser.proxyAddresses = [...(badProxy.entraUser.proxyAddresses ?? []), proxyValue]
  plant(
    key,
    'data-validation',
    'proxyaddress-invalid-character',
    `The proxy address "${proxyValue}" contains spaces and parentheses (IdFix: Character).`,
    [subject.entraUser(badProxy.entraUser)],
  )
  const badLogin = oktaOnly(
    'terry adams@partners.nwtraders.net',
    'terry.adams@partners.nwtraders.net',
    'Terry',
    'Adams',
  )
  plant(
    key,
    'data-validation',
    'okta-login-invalid',
    'The Okta login "terry adams@partners.nwtraders.net" contains a space.',
    [subject.oktaUser(badLogin)],
  )
  const badEmail = oktaOnly(
    'morgan.bell@partners.nwtraders.net',
    'morgan.bell@nwtraders.local',
    'Morgan',
    'Bell',
  )
  plant(
    key,
    'data-validation',
    'okta-email-non-routable',
    'The Okta email morgan.bell@nwtraders.local uses the non-routable .local TLD.',
    [subject.oktaUser(badEmail)],
  )

  return { mismatch, renamed }
}
