import { describe, expect, it } from 'vitest'
import {
  checkMailNickname,
  checkOktaLogin,
  checkProxyAddress,
  checkUpn,
  isRfc2822Address,
} from '../../../../src/shared/rules/idfix'
import { compileTemplate } from '../../../../src/shared/compare/okta-expression'
import { authorityTenant, wsFedKey } from '../../../../src/shared/compare/seam'
import {
  certificateKey,
  decodeBase64,
  readCertificateValidity,
} from '../../../../src/shared/util/der'
import { parseDurationMs } from '../../../../src/shared/util/dates'
import { stableHash } from '../../../../src/shared/util/hash'
import { arr, str, text } from '../../../../src/shared/util/access'
import { certificate } from '../../../fixtures/snapshots/certificates'

describe('DER validity reader', () => {
  it('reads notBefore/notAfter of a real certificate, with or without PEM armour', () => {
    const der = certificate('t', '2024-01-02T03:04:05Z', '2051-06-07T08:09:10Z')
    expect(readCertificateValidity(der)).toEqual({
      notBefore: new Date('2024-01-02T03:04:05Z'),
      notAfter: new Date('2051-06-07T08:09:10Z'),
    })
    const pem = `-----BEGIN CERTIFICATE-----\n${der.match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----`
    expect(readCertificateValidity(pem)?.notAfter.toISOString()).toBe('2051-06-07T08:09:10.000Z')
    expect(certificateKey(pem)).toBe(certificateKey(der))
  })

  it('returns undefined for garbage instead of throwing', () => {
    expect(readCertificateValidity('not base64!')).toBeUndefined()
    expect(readCertificateValidity('AAAA')).toBeUndefined()
    expect(readCertificateValidity('')).toBeUndefined()
    expect(decodeBase64('aGVsbG8=')).toEqual(new Uint8Array([104, 101, 108, 108, 111]))
  })
})

describe('small helpers', () => {
  it('hashes stably and spreads', () => {
    expect(stableHash('a')).toBe(stableHash('a'))
    expect(stableHash('a')).not.toBe(stableHash('b'))
    expect(stableHash('a')).toMatch(/^[0-9a-f]{14}$/)
  })

  it('parses ISO durations', () => {
    expect(parseDurationMs('PT30M')).toBe(1_800_000)
    expect(parseDurationMs('P1DT1H')).toBe(90_000_000)
    expect(parseDurationMs('P')).toBeUndefined()
    expect(parseDurationMs(30)).toBeUndefined()
  })

  it('reads leniently', () => {
    const r = { a: { b: null, c: ' x ', d: [1, 'y'] } }
    expect(str(r, 'a', 'b')).toBeUndefined()
    expect(text(r, 'a', 'c')).toBe('x')
    expect(arr(r, 'a', 'zz')).toEqual([])
    expect(str(null, 'a')).toBeUndefined()
  })

  it('extracts WS-Fed keys and authority tenants', () => {
    expect(wsFedKey('http://www.okta.com/exk123')).toBe('exk123')
    expect(wsFedKey('https://org.okta.com/app/office365/exk123/sso/wsfed/passive')).toBe('exk123')
    expect(wsFedKey('https://adfs.contoso.com/adfs/services/trust')).toBeUndefined()
    expect(authorityTenant('https://login.microsoftonline.com/common/oauth2/v2.0/authorize')).toBe(
      'common',
    )
    expect(
      authorityTenant('https://login.microsoftonline.com/oauth2/v2.0/authorize'),
    ).toBeUndefined()
  })
})

describe('Okta IdP username templates', () => {
  const user = { userPrincipalName: 'Ann.Lee@contoso.com', mail: 'ann@contoso.com' }
  it.each([
    ['idpuser.userPrincipalName', 'Ann.Lee@contoso.com'],
    ['idpuser.preferred_username', 'Ann.Lee@contoso.com'],
    ['idpuser.email', 'ann@contoso.com'],
    ['String.toLowerCase(idpuser.userPrincipalName)', 'ann.lee@contoso.com'],
    [
      'String.substringBefore(idpuser.userPrincipalName, "@") + "@okta.contoso.com"',
      'Ann.Lee@okta.contoso.com',
    ],
    ['String.substringAfter(idpuser.email, "@")', 'contoso.com'],
  ])('%s', (template, expected) => {
    expect(compileTemplate(template)?.apply(user)).toBe(expected)
  })

  it('refuses what it cannot evaluate', () => {
    expect(compileTemplate('user.getInternalProperty("id")')).toBeUndefined()
    expect(compileTemplate('idpuser.email ? idpuser.email : idpuser.upn')).toBeUndefined()
  })
})

describe('IdFix checks', () => {
  it.each([
    ['alice@contoso.com', []],
    ['alice_contoso.com#EXT#@tenant.onmicrosoft.com', []],
    ['al ice@contoso.com', ['character']],
    ['jürgen@contoso.com', ['character']],
    ['chen..diaz@contoso.com', ['format']],
    ['alice@contoso.local', ['top-level-domain']],
    [`${'a'.repeat(64)}@contoso.com`, ['length']],
    ['', ['blank']],
  ])('UPN %s', (value, errors) => expect(checkUpn(value)).toEqual(errors))

  it('checks proxies, nicknames and Okta logins', () => {
    expect(checkProxyAddress('SMTP:a@contoso.com')).toEqual([])
    expect(checkProxyAddress('X500:/o=Contoso/ou=Exchange')).toEqual([])
    expect(checkProxyAddress('smtp:emily (eng)@contoso.com')).toEqual(['character'])
    expect(checkMailNickname('.olga')).toEqual(['format'])
    expect(checkMailNickname('')).toEqual(['blank'])
    expect(checkOktaLogin('terry adams@x.com', true)).toEqual(['character'])
    expect(checkOktaLogin('terry', false)).toEqual([])
    expect(isRfc2822Address('a.b@c.d.com')).toBe(true)
  })
})
