/**
 * What the demo snapshot is built from: the emulator's `broken` scenario with this seed and
 * "now", and the hosts a real tenant pair would have in place of the emulator's loopback
 * origins. Kept apart from the builder so tests can issue artefacts for the same tenant pair
 * without loading the collector.
 */
export const DEMO_SEED = 20261126
export const DEMO_NOW = '2026-11-20T12:00:00.000Z'
export const DEMO_HOSTS = {
  authorityHost: 'https://login.microsoftonline.com',
  graphBaseUrl: 'https://graph.microsoft.com',
  oktaOrgUrl: 'https://contoso-demo.okta.com',
}
