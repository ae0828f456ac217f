/**
 * The forms a pasted artefact takes: XML, base64, URL-encoded XML, the redirect binding's
 * deflated base64 (in a URL and on its own), a form body; and what is refused as none of them.
 */
import { deflateRawSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { inspectText } from '../../../../src/node/inspect/inspect'
import { issueArtefacts } from '../../../emulator/artefacts/index'
import { buildScenario } from '../../../emulator/scenarios/index'

const ORIGINS = {
  authorityHost: 'https://login.input.test',
  graphBaseUrl: 'https://graph.input.test',
  oktaOrgUrl: 'https://org.okta.input.test',
}
let xml = ''

beforeAll(async () => {
  const scenario = await buildScenario('healthy', { seed: 2, origins: ORIGINS })
  const key = scenario.entra.tokenSigningKey
  if (!key) throw new Error('token key')
  xml =
    issueArtefacts(scenario, ORIGINS, key).find((a) => a.file === 'wsfed-good.xml')?.content ?? ''
})

async function kindOf(text: string) {
  const decoded = await inspectText({ text, candidates: [] })
  return { input: decoded.input, artefact: decoded.messages[0]?.artefact.kind, decoded }
}

describe('pasted forms', () => {
  it('XML, base64 and URL-encoded XML', async () => {
    expect(await kindOf(xml)).toMatchObject({ input: 'xml', artefact: 'saml' })
    expect(await kindOf(Buffer.from(xml).toString('base64'))).toMatchObject({
      input: 'base64',
      artefact: 'saml',
    })
    expect(await kindOf(encodeURIComponent(xml))).toMatchObject({ input: 'xml', artefact: 'saml' })
  })

  it('deflated base64 on its own, and in a redirect-binding URL', async () => {
    const deflated = deflateRawSync(Buffer.from(xml)).toString('base64')
    expect(await kindOf(deflated)).toMatchObject({ input: 'deflated', artefact: 'saml' })
    const url = `https://login.input.test/sso?SAMLResponse=${encodeURIComponent(deflated)}&RelayState=x`
    expect(await kindOf(url)).toMatchObject({ input: 'url', artefact: 'saml' })
  })

  it('a form body with wresult', async () => {
    const form = `wa=wsignin1.0&wresult=${encodeURIComponent(xml)}&wctx=x`
    expect(await kindOf(form)).toMatchObject({ input: 'form', artefact: 'saml' })
  })

  it('a token in a redirect fragment, and an authorization code left alone', async () => {
    const { decoded } = await kindOf(
      `https://org.okta.input.test/cb?code=secret-code&state=s#id_token=${'eyJhbGciOiJub25lIn0'}.${'eyJzdWIiOiJ4In0'}.`,
    )
    expect(decoded.messages.map((m) => m.artefact.kind)).toEqual(['jwt'])
    expect(JSON.stringify(decoded)).not.toContain('secret-code')
  })

  it('refuses what is none of them, saying what it reads', async () => {
    for (const text of ['hello world', '{"a": 1}', '{not json', '!!!!']) {
      const { decoded } = await kindOf(text)
      expect(decoded.messages, text).toEqual([])
      expect(decoded.refused?.hint, text).toMatch(/SAML-tracer export/)
    }
  })

  it('broken base64 and broken XML are unreadable, not hostile', async () => {
    const broken = await kindOf('<samlp:Response><unclosed></samlp:Response>')
    expect(broken.decoded.messages[0]?.artefact).toMatchObject({
      kind: 'unreadable',
      hostile: false,
    })
  })
})
