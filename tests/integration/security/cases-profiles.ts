/** Hostile connection profiles and the files they name, read by `crosswalk collect`. */
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect } from 'vitest'
import { cli, expectClearError, type HostileCase } from './harness'

const TENANT = '11111111-2222-3333-4444-555555555555'
const CLIENT = 'aaaaaaaa-0000-4000-8000-000000000001'
const entra = { tenantId: TENANT, clientId: CLIENT, clientSecretEnv: 'CW_HOSTILE_SECRET' }
const okta = { orgUrl: 'https://contoso.okta.com', apiTokenEnv: 'CW_HOSTILE_TOKEN' }
const ENV = { CW_HOSTILE_SECRET: 'abc8Q~hostile-suite-secret', CW_HOSTILE_TOKEN: '00hostile-token' }

/** Writes a profile and expects `collect` to stop before any request with `message`. */
function refused(
  dir: () => string,
  kind: string,
  profile: unknown,
  message: RegExp,
  options: { env?: Record<string, string>; prepare?: () => Promise<void> } = {},
): HostileCase {
  const name = `p-${kind.replace(/[^a-z0-9]+/gi, '-')}.profile.json`
  return {
    category: 'profile',
    kind,
    prepare: async () => {
      await options.prepare?.()
      await writeFile(
        path.join(dir(), name),
        typeof profile === 'string' ? profile : JSON.stringify(profile),
      )
    },
    run: async () => {
      const r = await cli(
        ['collect', '--profile', name, '--out', 'hostile-out.json'],
        dir(),
        options.env ?? ENV,
      )
      expectClearError(r, message)
      expect(existsSync(path.join(dir(), 'hostile-out.json'))).toBe(false)
    },
  }
}

export function profileCases(dir: () => string): HostileCase[] {
  const file = (name: string) => path.join(dir(), name)
  return [
    refused(dir, 'not JSON', '{ entra: nope', /is not valid JSON/),
    refused(dir, 'a JSON array', '[]', /Invalid profile/),
    refused(dir, 'neither side', {}, /needs an entra or an okta section/),
    refused(
      dir,
      'a 5 MiB profile',
      { okta, padding: 'x'.repeat(5 * 1024 * 1024) },
      /larger than 1024 KiB/,
    ),
    {
      category: 'profile',
      kind: '/dev/zero as the profile',
      run: async () => {
        if (!existsSync('/dev/zero')) return
        expectClearError(
          await cli(['collect', '--profile', '/dev/zero', '--out', 'x.json'], dir(), ENV),
          /larger than 1024 KiB/,
        )
      },
    },
    {
      category: 'profile',
      kind: 'a folder as the profile',
      prepare: () => mkdir(file('profile-folder'), { recursive: true }).then(() => undefined),
      run: async () =>
        expectClearError(
          await cli(['collect', '--profile', 'profile-folder', '--out', 'x.json'], dir(), ENV),
          /Cannot read profile .*EISDIR/,
        ),
    },
    refused(
      dir,
      'a plain-http login host',
      { entra: { ...entra, authorityHost: 'http://login.example.test' } },
      /entra\.authorityHost: must be an https:\/\/ URL/,
    ),
    refused(
      dir,
      'credentials in the org URL',
      { okta: { ...okta, orgUrl: 'https://admin:hunter2@contoso.okta.com' } },
      /okta\.orgUrl: must be an https:\/\/ URL, without credentials/,
    ),
    refused(
      dir,
      'a query in the Graph URL',
      {
        entra: {
          ...entra,
          graphBaseUrl: 'https://graph.example.test/?redirect=https://evil.example',
        },
      },
      /entra\.graphBaseUrl/,
    ),
    refused(
      dir,
      'a tenant id that climbs out of the authority path',
      { entra: { ...entra, tenantId: '../../evil.example/x' } },
      /entra\.tenantId: Enter the Directory \(tenant\) ID/,
    ),
    refused(
      dir,
      'a client id that is not a GUID',
      { entra: { ...entra, clientId: 'x&redirect_uri=https://evil.example' } },
      /entra\.clientId: The Application \(client\) ID is a GUID/,
    ),
    refused(
      dir,
      'escape sequences in a field',
      { entra: { ...entra, tenantId: '\u001b]0;pwned\u0007\u001b[2J' } },
      /entra\.tenantId/,
    ),
    refused(
      dir,
      'a secret variable that is not set',
      { entra },
      /CW_HOSTILE_SECRET .* is not set/,
      {
        env: {},
      },
    ),
    refused(
      dir,
      '/dev/zero as the certificate file',
      {
        entra: {
          tenantId: TENANT,
          clientId: CLIENT,
          certificateFile: '/dev/zero',
          privateKeyFile: '/dev/zero',
        },
      },
      /certificateFile \/dev\/zero is larger than 1024 KiB/,
    ),
    refused(
      dir,
      'a folder as the private key file',
      {
        okta: {
          orgUrl: okta.orgUrl,
          clientId: '0oa1',
          privateKeyFile: '.',
          scopes: ['okta.users.read'],
        },
      },
      /Cannot read privateKeyFile .*EISDIR/,
    ),
    refused(
      dir,
      'a CA file without a certificate',
      { okta, caFile: 'not-a-ca.pem' },
      /caFile .*holds no PEM certificate/,
      { prepare: () => writeFile(file('not-a-ca.pem'), 'hello, I am not a certificate\n') },
    ),
    refused(
      dir,
      'a CA file with a damaged certificate',
      { okta, caFile: 'damaged-ca.pem' },
      /caFile .*certificate 1 of 1 cannot be read/,
      {
        prepare: () =>
          writeFile(
            file('damaged-ca.pem'),
            '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
          ),
      },
    ),
    refused(
      dir,
      '/dev/zero as the CA file',
      { okta, caFile: '/dev/zero' },
      /caFile \/dev\/zero is larger/,
    ),
    {
      category: 'profile',
      kind: '__proto__ and constructor keys',
      prepare: () =>
        writeFile(
          file('proto.profile.json'),
          `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"okta":${JSON.stringify(okta)}}`,
        ),
      run: async () => {
        expectClearError(
          await cli(['collect', '--profile', 'proto.profile.json', '--out', 'x.json'], dir(), {}),
          /CW_HOSTILE_TOKEN .* is not set/,
        )
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
      },
    },
  ]
}
