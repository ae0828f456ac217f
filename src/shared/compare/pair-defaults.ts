/**
 * The fixed tables behind the attribute pairs (attribute-pairs.ts): what each Office 365 app
 * attribute writes in Entra, and the pairs compared where no mapping of the tenant says
 * otherwise.
 */

/**
 * Office 365 app user attributes (as Okta's app profile names them) and the Entra user
 * property each one writes.
 */
export const OFFICE365_ATTRIBUTES: Readonly<Record<string, string>> = {
  firstName: 'givenName',
  givenName: 'givenName',
  lastName: 'surname',
  surname: 'surname',
  email: 'mail',
  mail: 'mail',
  displayName: 'displayName',
  department: 'department',
  title: 'jobTitle',
  jobTitle: 'jobTitle',
  immutableId: 'onPremisesImmutableId',
  usageLocation: 'usageLocation',
  mobilePhone: 'mobilePhone',
  city: 'city',
  state: 'state',
  country: 'country',
  countryCode: 'country',
  postalCode: 'postalCode',
  zipCode: 'postalCode',
  streetAddress: 'streetAddress',
  companyName: 'companyName',
  employeeId: 'employeeId',
  employeeNumber: 'employeeId',
  userPrincipalName: 'userPrincipalName',
}

/** The pairs compared where no mapping says otherwise: [entra, okta]. */
export const DEFAULT_PAIRS: readonly (readonly [string, string])[] = [
  ['userPrincipalName', 'login'],
  ['mail', 'email'],
  ['givenName', 'firstName'],
  ['surname', 'lastName'],
  ['onPremisesImmutableId', 'immutableId'],
  ['employeeId', 'employeeNumber'],
  ['department', 'department'],
  ['jobTitle', 'title'],
  ['accountEnabled', 'status'],
]
