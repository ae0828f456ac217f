import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { describeCertificate, readPfx } from '../../../../src/node/entra/certificate'
import { decodeJwtPayload, toAuthError } from '../../../../src/node/entra/auth'
import { makeCertificate } from './fixtures'

const cert = makeCertificate()

describe('certificate credentials', () => {
  it('computes the SHA-256 and SHA-1 thumbprints over the DER and the expiry', () => {
    const d = describeCertificate(cert.certificatePem, cert.privateKeyPem)
    expect(d.thumbprintSha256).toBe(
      createHash('sha256').update(cert.der).digest('hex').toUpperCase(),
    )
    expect(d.thumbprintSha1).toBe(createHash('sha1').update(cert.der).digest('hex').toUpperCase())
    expect(d.notAfter).toBe('2030-01-01T00:00:00.000Z')
  })

  it('refuses a key that does not belong to the certificate', () => {
    const other = makeCertificate()
    expect(() => describeCertificate(cert.certificatePem, other.privateKeyPem)).toThrow(
      /does not belong/,
    )
    expect(() => describeCertificate('nope', cert.privateKeyPem)).toThrow(/not a valid PEM/)
  })

  it('opens a PFX with its password, and explains a wrong one', () => {
    const pfx = cert.pfx('p4ssw0rd!')
    const opened = readPfx(pfx, 'p4ssw0rd!')
    expect(describeCertificate(opened.certificatePem, opened.privateKeyPem).thumbprintSha256).toBe(
      describeCertificate(cert.certificatePem, cert.privateKeyPem).thumbprintSha256,
    )
    expect(() => readPfx(pfx, 'wrong')).toThrow(/wrong password/)
  })
})

describe('token helpers', () => {
  it('reads roles from a JWT payload without verifying it', () => {
    const payload = Buffer.from(JSON.stringify({ roles: ['User.Read.All'], tid: 't' })).toString(
      'base64url',
    )
    expect(decodeJwtPayload(`h.${payload}.s`)).toEqual({ roles: ['User.Read.All'], tid: 't' })
    expect(decodeJwtPayload('opaque')).toBeUndefined()
  })

  it('turns msal server errors into AADSTS codes', () => {
    const e = toAuthError({
      errorCode: 'invalid_client',
      errorNo: '7000215',
      status: 401,
      errorMessage: 'AADSTS7000215: Invalid client secret provided.\r\nTrace ID: x',
    })
    expect(e).toMatchObject({ source: 'entra', status: 401, code: '7000215' })
    expect(e.message).toBe('invalid_client: AADSTS7000215: Invalid client secret provided.')
    expect(
      toAuthError({ errorCode: 'network_error', errorMessage: 'Network request failed' }),
    ).toMatchObject({ status: 0, code: 'network_error' })
  })

  it('says in plain words what msal only links to its docs for', () => {
    const e = toAuthError({
      errorCode: 'endpoints_resolution_error',
      errorMessage:
        'Endpoints cannot be resolved. See https://aka.ms/msal.js.errors#endpoints_resolution_error for details',
    })
    expect(e.code).toBe('endpoints_resolution_error')
    expect(e.message).toMatch(/login host could not be reached/)
    expect(e.message).not.toContain('aka.ms')
  })
})
