/**
 * The rebuild runbook: the seed article's five steps (gather the tenant information;
 * register Okta in Entra; create the client secret; add Entra as an identity provider in
 * Okta with its attribute mappings; test and validate sync, SSO and logs) filled with this
 * tenant's values, each action with its Entra admin center or Okta Admin Console path and
 * its API call and body. Values the rebuilt tenant creates anew (IDs, the secret, the
 * Office 365 app's key) are placeholders such as `<APP_1_CLIENT_ID>`; `produces` says which
 * response field fills each, so the runbook can be followed by hand or by a script.
 * Secrets are never in it: the checklist names each value to type again.
 */
import { GRAPH_APP_ID } from '../compare/seam'
import { type Rec, text } from '../util/access'
import type {
  AppRegistrationDoc,
  DomainDoc,
  IdentityProviderDoc,
  MappingDoc,
  OktaAppDoc,
  ReenterItem,
  Runbook,
  RunbookAction,
  RunbookStep,
} from './model'
import type { RedactedSnapshot } from './redacted-view'
import { utcDay } from './format'
import { json, placeholder } from './runbook-text'
import { oktaStep } from './runbook-okta'

export interface RunbookInput {
  view: RedactedSnapshot
  domains: DomainDoc[]
  registrations: AppRegistrationDoc[]
  identityProviders: IdentityProviderDoc[]
  apps: OktaAppDoc[]
  mappings: MappingDoc[]
}

function gather(input: RunbookInput): RunbookStep {
  const { view, domains } = input
  const federated = domains.filter((d) => d.federated)
  const idpRedirects = [
    ...new Set(input.identityProviders.map((i) => i.redirectUri).filter(Boolean)),
  ]
  return {
    number: 1,
    title: 'Gather the tenant information',
    summary:
      'Confirm which tenant and org you are rebuilding and that you hold the roles it takes: an Entra Application Administrator (or Cloud Application Administrator) and Global Administrator for domain federation; an Okta Super Administrator.',
    actions: [
      {
        title: 'Entra tenant',
        console: 'Entra admin center → Identity → Overview; Identity → Settings → Domain names',
        api: 'GET https://graph.microsoft.com/v1.0/organization; GET https://graph.microsoft.com/v1.0/domains',
        values: [
          { label: 'Tenant ID', value: view.entra?.tenantId ?? 'not collected' },
          { label: 'Cloud', value: view.entra?.cloud ?? 'not collected' },
          {
            label: 'Organization',
            value: text(view.entra?.organization?.[0], 'displayName') ?? '',
          },
          ...domains.map((d) => ({
            label: `Domain ${d.name}`,
            value: `${d.verified ? 'verified' : 'unverified'}, ${d.federated ? 'federated' : 'managed'}${d.isDefault ? ', default' : ''}${d.isInitial ? ', initial' : ''}`,
          })),
        ],
      },
      {
        title: 'Okta org',
        console: 'Okta Admin Console → Settings → Account',
        api: 'GET {orgUrl}/api/v1/org',
        values: [
          { label: 'Org URL', value: view.okta?.orgUrl ?? 'not collected' },
          ...idpRedirects.map((uri) => ({
            label: 'Okta redirect URI (IdP callback)',
            value: uri ?? '',
          })),
          ...federated.map((d) => ({
            label: `Federated domain ${d.name}`,
            value: d.federation?.office365Apps.join(', ') || 'no Office 365 app serves it',
          })),
        ],
      },
    ],
  }
}

function registerApps(input: RunbookInput): RunbookStep {
  const actions: RunbookAction[] = []
  input.registrations.forEach((r, i) => {
    const n = i + 1
    const raw = (input.view.entra?.applications ?? []).find((a) => a.id === r.objectId)
    actions.push({
      title: `Register "${r.displayName}"`,
      console: `Entra admin center → Identity → Applications → App registrations → New registration: name "${r.displayName}", supported account types ${r.signInAudience ?? 'AzureADMyOrg'}, redirect URI (Web) as below; then Authentication → ID tokens ${r.idTokenIssuance ? 'on' : 'off'}`,
      api: 'POST https://graph.microsoft.com/v1.0/applications',
      body: json({
        displayName: r.displayName,
        signInAudience: r.signInAudience ?? 'AzureADMyOrg',
        web: {
          redirectUris: r.redirectUris,
          implicitGrantSettings: { enableIdTokenIssuance: r.idTokenIssuance },
        },
        requiredResourceAccess: (raw?.requiredResourceAccess as Rec[] | undefined) ?? [],
      }),
      produces: [
        { placeholder: `APP_${n}_OBJECT_ID`, from: 'id' },
        { placeholder: `APP_${n}_CLIENT_ID`, from: 'appId' },
      ],
      values: [
        { label: 'Application (client) ID before the rebuild', value: r.appId },
        { label: 'Object ID before the rebuild', value: r.objectId },
        ...r.redirectUris.map((uri) => ({ label: 'Redirect URI (Web)', value: uri })),
        ...r.permissions.map((p) => ({
          label: `API permissions: ${p.resource}`,
          value: [
            ...p.scopes.map((s) => `${s} (delegated)`),
            ...p.roles.map((s) => `${s} (application)`),
          ].join(', '),
        })),
      ],
    })
    actions.push({
      title: `Create the enterprise application of "${r.displayName}"`,
      console:
        'Created with the registration in the admin center (Enterprise applications lists it)',
      api: 'POST https://graph.microsoft.com/v1.0/servicePrincipals',
      body: json({ appId: placeholder(`APP_${n}_CLIENT_ID`) }),
      produces: [{ placeholder: `APP_${n}_SERVICE_PRINCIPAL_ID`, from: 'id' }],
      values: [],
    })
    const grants = r.consent.tenantWide
    if (grants.length)
      actions.push({
        title: `Grant admin consent for "${r.displayName}"`,
        console: `App registrations → ${r.displayName} → API permissions → Grant admin consent for the tenant`,
        api: `POST https://graph.microsoft.com/v1.0/oauth2PermissionGrants (resourceId: the Microsoft Graph service principal, GET https://graph.microsoft.com/v1.0/servicePrincipals(appId='${GRAPH_APP_ID}'))`,
        body: json({
          clientId: placeholder(`APP_${n}_SERVICE_PRINCIPAL_ID`),
          consentType: 'AllPrincipals',
          resourceId: placeholder('GRAPH_SERVICE_PRINCIPAL_ID'),
          scope: grants.join(' '),
        }),
        values: [
          { label: 'Consented for all users', value: grants.join(' ') },
          ...(r.consent.users
            ? [{ label: 'Users who consented for themselves', value: String(r.consent.users) }]
            : []),
        ],
      })
  })
  return {
    number: 2,
    title: 'Register Okta in Entra',
    summary:
      'Recreate each app registration an Okta identity provider signs in through, its enterprise application and its consent. The rebuilt app gets a new Application (client) ID: Okta needs it in step 4.',
    actions,
  }
}

function secrets(input: RunbookInput): RunbookStep {
  return {
    number: 3,
    title: 'Create the client secret',
    summary:
      'Create a new client secret on each app registration. Entra shows its value once: copy it straight into the Okta identity provider (step 4). Copy the secret Value, not the Secret ID.',
    actions: input.registrations.map((r, i) => {
      const current = r.credentials.filter((c) => c.kind === 'secret')
      const last = current[current.length - 1]
      const lifetime =
        last?.start && last.end
          ? Math.round((Date.parse(last.end) - Date.parse(last.start)) / 86_400_000)
          : 730
      return {
        title: `New client secret for "${r.displayName}"`,
        console: `App registrations → ${r.displayName} → Certificates & secrets → Client secrets → New client secret`,
        api: `POST https://graph.microsoft.com/v1.0/applications/${placeholder(`APP_${i + 1}_OBJECT_ID`)}/addPassword`,
        body: json({
          passwordCredential: {
            displayName: last?.displayName ?? 'Okta',
            endDateTime: placeholder(`SECRET_END_DATE (today + ${lifetime} days)`),
          },
        }),
        produces: [{ placeholder: `APP_${i + 1}_CLIENT_SECRET`, from: 'secretText' }],
        values: [
          { label: 'Description', value: last?.displayName ?? 'Okta' },
          { label: 'Lifetime of the current secret', value: `${lifetime} days` },
          ...current.map((c) => ({
            label: `Secret before the rebuild (${c.hint ?? '…'}…)`,
            value: `expires ${utcDay(c.end)}`,
          })),
          { label: 'Client secret value', value: 'copy from the response', reenter: true },
        ],
      }
    }),
  }
}

function validate(input: RunbookInput): { step: RunbookStep; checks: string[] } {
  const federated = input.domains.filter((d) => d.federated).map((d) => d.name)
  const checks = [
    'Sign in to Okta as a test user whose username ends with a routed domain: Okta sends them to Microsoft Entra ID and back (System Log eventType eq "user.authentication.auth_via_IDP", outcome SUCCESS).',
    ...federated.map(
      (d) =>
        `Sign in to https://portal.office.com as a user of ${d}: Entra sends them to Okta (Entra sign-in logs show the federated sign-in; no AADSTS50107 or 50008).`,
    ),
    'Office 365 assignments are PROVISIONED with no push errors (System Log eventType eq "application.provision.user.push_profile" and outcome FAILURE returns nothing).',
    'Entra Connect synced within twice its interval (Entra admin center → Identity → Hybrid management → Microsoft Entra Connect).',
    'Collect a new snapshot with Crosswalk and diagnose it: no finding above info, and this document’s values match the new one but for the IDs, keys and secret created in the rebuild.',
  ]
  return {
    checks,
    step: {
      number: 5,
      title: 'Test and validate sync, SSO and logs',
      summary: 'Prove each half of the seam works, then read both logs for the first sign-ins.',
      actions: [
        {
          title: 'Checks',
          console:
            'Okta Admin Console → Reports → System Log; Entra admin center → Identity → Monitoring & health → Sign-in logs and Audit logs',
          api: 'GET {orgUrl}/api/v1/logs?filter=eventType eq "user.authentication.auth_via_IDP"; GET https://graph.microsoft.com/v1.0/auditLogs/signIns',
          values: [{ label: 'What to check', value: `the ${checks.length} checks below` }],
        },
      ],
    },
  }
}

function reenter(input: RunbookInput): ReenterItem[] {
  const out: ReenterItem[] = []
  input.identityProviders.forEach((idp) =>
    out.push({
      what: `Client secret of the Okta identity provider "${idp.name}"`,
      where: 'Okta Admin Console → Security → Identity Providers → Edit → Client secret',
      note: `the new secret's value from step 3${idp.clientSecret ? ` (the old one began ${idp.clientSecret.hint}…)` : ''}`,
    }),
  )
  input.registrations.forEach((r) =>
    out.push({
      what: `Client secret value of "${r.displayName}"`,
      where: `Entra admin center → App registrations → ${r.displayName} → Certificates & secrets`,
      note: 'shown once when created: copy it before leaving the page',
    }),
  )
  out.push({
    what: 'Crosswalk reader credentials',
    where: 'Crosswalk → Connect',
    note: 'the reader app secret or certificate and the Okta API token; the connection profile names where they come from',
  })
  return out
}

/** The runbook (see the file header). */
export function buildRunbook(input: RunbookInput): Runbook {
  const last = validate(input)
  return {
    steps: [gather(input), registerApps(input), secrets(input), oktaStep(input), last.step],
    reenter: reenter(input),
    checks: last.checks,
  }
}
