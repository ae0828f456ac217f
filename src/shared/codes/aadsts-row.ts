/**
 * One row of the AADSTS dictionary, and the links and checks rows share. Rows are
 * tuples so the tables stay readable; `aadsts.ts` turns them into entries.
 */
import type { RuleId } from '../rules'

export const REF = 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes'
export const OKTA_IDP = 'https://developer.okta.com/docs/guides/add-an-external-idp/microsoft/main/'
export const O365 = 'https://help.okta.com/en-us/content/topics/apps/office365/office365-main.htm'
export const FED = 'https://learn.microsoft.com/en-us/graph/api/internaldomainfederation-update'

export type Row = [
  code: number,
  name: string,
  meaning: string,
  cause: string,
  check: string[],
  fix: string[],
  rules: RuleId[],
  links?: string[],
]

export const IDP_SECRET_CHECK = [
  "Okta IdP (Microsoft) client secret: its first 3 characters vs the app registration secrets' hints",
  'App registration › Certificates & secrets: which secrets are current',
]
