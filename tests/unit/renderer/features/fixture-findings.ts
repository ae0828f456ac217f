import type { Finding } from '../../../../src/shared/model/finding'

const IDP = { source: 'okta' as const, type: 'idp', id: '0oaidpcontoso', name: 'Contoso Entra ID' }
const APP = {
  source: 'entra' as const,
  type: 'application',
  id: 'a0a0a0a0-0000-4000-8000-0000000000a1',
  name: 'Okta sign-in',
}
const DOMAIN = { source: 'entra' as const, type: 'domain', id: 'contoso.com', name: 'contoso.com' }
const O365 = {
  source: 'okta' as const,
  type: 'app',
  id: '0oa1o365contoso',
  name: 'Microsoft Office 365',
}

/** Findings shaped like the rules' output for tests/fixtures/workbench/tenant-pair.json. */
export const FIXTURE_FINDINGS: Finding[] = [
  {
    id: 'idp-client-secret-mismatch:aaa111',
    rule: 'idp-client-secret-mismatch',
    category: 'credential-mismatch',
    severity: 'critical',
    title: 'Okta IdP "Contoso Entra ID" holds the secret ID instead of the secret value',
    detail: 'Okta holds a GUID as the client secret. Entra answers AADSTS7000215.',
    subjects: [IDP, APP],
    evidence: {
      entra: {
        appId: '11111111-2222-4333-8444-555555555555',
        secrets: [{ keyId: '9b1d', hint: 'Xy7' }],
      },
      okta: { idpId: '0oaidpcontoso', secretPrefix: '9b1', secretIsGuid: true },
      aadsts: ['7000215'],
    },
    remediation: {
      steps: ['Create a new client secret in Entra.', 'Paste its value into the Okta IdP.'],
      links: ['https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials'],
    },
  },
  {
    id: 'federation-signing-cert-mismatch:bbb222',
    rule: 'federation-signing-cert-mismatch',
    category: 'credential-mismatch',
    severity: 'critical',
    title: 'Federation of contoso.com trusts a certificate Okta no longer signs with',
    detail: 'Entra rejects the signature (AADSTS50008).',
    subjects: [DOMAIN, O365],
    evidence: { entra: { domain: 'contoso.com' }, okta: { activeKid: 'kid-new' } },
    remediation: { steps: ['Re-run automatic setup in Okta.'], links: ['javascript:alert(1)'] },
  },
  {
    id: 'immutable-id-mismatch:ccc333',
    rule: 'immutable-id-mismatch',
    category: 'attribute-mapping',
    severity: 'high',
    title: 'ImmutableID of carol@contoso.com differs between Okta and Entra',
    detail: 'Entra answers AADSTS51004.',
    subjects: [
      {
        source: 'entra',
        type: 'user',
        id: 'e1a1a1a1-0000-4000-8000-000000000003',
        name: 'carol@contoso.com',
      },
      { source: 'okta', type: 'user', id: '00u1carol', name: 'carol@contoso.com' },
      O365,
    ],
    evidence: {
      entra: { onPremisesImmutableId: 'Q0NDQ0NDQ0M=' },
      okta: { immutableId: 'WFhYWFhYWFg=' },
    },
    remediation: { steps: ['Fix the mapping.'], links: [] },
  },
  {
    id: 'snapshot-resource-missing:ddd444',
    rule: 'snapshot-resource-missing',
    category: 'configuration',
    severity: 'info',
    title: 'entra.synchronizationJobs was not collected; 1 rule could not check it',
    detail: 'The snapshot does not contain entra.synchronizationJobs.',
    subjects: [],
    evidence: { resource: 'entra.synchronizationJobs', permission: 'Synchronization.Read.All' },
    remediation: { steps: ['Grant the permission.', 'Collect again.'], links: [] },
  },
]
