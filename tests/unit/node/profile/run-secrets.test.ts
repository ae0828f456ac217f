import { describe, expect, it } from 'vitest'
import { runSecrets } from '../../../../src/node/profile/credentials'

const KEY =
  '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n'

describe('runSecrets', () => {
  it('lists every secret value of every credential kind, and nothing else', () => {
    expect(
      runSecrets({
        entra: { kind: 'secret', clientSecret: 'abc8Q~secret-value' },
        okta: { kind: 'apiToken', token: '00token-value' },
      }),
    ).toEqual(['abc8Q~secret-value', '00token-value'])
    expect(
      runSecrets({
        entra: { kind: 'certificate', certificatePem: 'public part', privateKeyPem: KEY },
        okta: { kind: 'privateKey', privateKeyPem: `${KEY}okta`, keyId: 'kid-1' },
      }),
    ).toEqual([KEY, `${KEY}okta`])
  })

  it('leaves out values too short to search for', () => {
    expect(runSecrets({ okta: { kind: 'apiToken', token: 'abc' } })).toEqual([])
    expect(runSecrets({})).toEqual([])
  })
})
