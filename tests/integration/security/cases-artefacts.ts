/**
 * Hostile sign-in artefacts, as the inspector reads them through `inspect:decode` (the
 * contract's door) and `crosswalk inspect`: XML with DTDs, external and nested entities
 * (XXE, billion laughs), processing instructions, nesting past the ceiling; signature
 * wrapping in its usual shapes (a second assertion, the signed one moved aside, a signature
 * that covers another element, a duplicated ID); deflate bombs in the redirect binding; text
 * past the ceiling; captures with a hundred thousand requests; escape sequences in claims.
 * Each must be refused with a clear reason, or read inertly, within its bounds.
 */
import { mkdtempSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { expect } from 'vitest'
import { createHandlers } from '../../../src/node/handlers'
import { inspectText } from '../../../src/node/inspect/inspect'
import { invokeChannel } from '../../../src/node/ipc/invoke'
import { silentLogger } from '../../../src/node/log'
import {
  MAX_INSPECT_CHARS,
  signingCandidates,
  type InspectDecoded,
} from '../../../src/shared/inspect'
import type { Snapshot } from '../../../src/shared/model'
import { issueArtefacts, type Artefact } from '../../emulator/artefacts/index'
import { buildScenario } from '../../emulator/scenarios/index'
import { scenarioSnapshot } from '../../fixtures/scenario-snapshot'
import { cli, expectClearError, UNSAFE_TEXT, type HostileCase } from './harness'

const ORIGINS = {
  authorityHost: 'https://login.hostile.test',
  graphBaseUrl: 'https://graph.hostile.test',
  oktaOrgUrl: 'https://org.okta.hostile.test',
}

interface Material {
  snapshot: Snapshot
  artefacts: Artefact[]
}

let material: Promise<Material> | undefined
function load(): Promise<Material> {
  material ??= (async () => {
    const scenario = await buildScenario('healthy', { seed: 3, origins: ORIGINS })
    const key = scenario.entra.tokenSigningKey
    if (!key) throw new Error('the healthy scenario has a token-signing key')
    return {
      snapshot: scenarioSnapshot(scenario, ORIGINS),
      artefacts: issueArtefacts(scenario, ORIGINS, key),
    }
  })()
  return material
}

async function goodWsFed(): Promise<string> {
  const m = await load()
  const a = m.artefacts.find((x) => x.file === 'wsfed-good.xml')
  if (!a) throw new Error('no good WS-Federation result')
  return a.content
}

async function decode(text: string): Promise<InspectDecoded> {
  const m = await load()
  return inspectText({ text, candidates: signingCandidates(m.snapshot) })
}

/** Expects one message, refused as hostile, with a reason matching `reason`. */
function refusedXml(
  kind: string,
  make: () => Promise<string> | string,
  reason: RegExp,
  limits?: HostileCase['limits'],
): HostileCase {
  let text = ''
  return {
    category: 'sign-in artefact',
    kind,
    ...(limits ? { limits } : {}),
    prepare: async () => {
      text = await make()
      await load()
    },
    run: async () => {
      const decoded = await decode(text)
      const a = decoded.messages[0]?.artefact
      expect(decoded.messages).toHaveLength(1)
      expect(a?.kind).toBe('unreadable')
      if (a?.kind !== 'unreadable') return
      expect(a.hostile).toBe(true)
      expect(a.reason).toMatch(reason)
      // nothing a resolver could have fetched or expanded reaches the reply
      expect(JSON.stringify(decoded)).not.toMatch(/root:x:0:0|lollollollol/)
    },
  }
}

const RSTR_OPEN =
  '<t:RequestSecurityTokenResponse xmlns:t="http://schemas.xmlsoap.org/ws/2005/02/trust"><t:RequestedSecurityToken>'
const RSTR_CLOSE = '</t:RequestedSecurityToken></t:RequestSecurityTokenResponse>'
const EVIL = (id: string) =>
  `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:1.0:assertion" AssertionID="${id}" Issuer="http://www.okta.com/evil" IssueInstant="2026-01-01T00:00:00Z" MajorVersion="1" MinorVersion="1"><saml:AttributeStatement><saml:Subject><saml:NameIdentifier>attacker</saml:NameIdentifier></saml:Subject></saml:AttributeStatement></saml:Assertion>`

/** The signed assertion of the good result, and its id. */
async function signedAssertion(): Promise<{ xml: string; id: string }> {
  const good = await goodWsFed()
  const start = good.indexOf('<saml:Assertion')
  const end = good.indexOf('</saml:Assertion>') + '</saml:Assertion>'.length
  const xml = good.slice(start, end)
  const id = /AssertionID="([^"]+)"/.exec(xml)?.[1] ?? ''
  return { xml, id }
}

export function artefactCases(dir: () => string): HostileCase[] {
  const doctype = (body: string) =>
    `<?xml version="1.0"?>${body}<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">&x;</samlp:Response>`
  return [
    refusedXml(
      'XXE: an external entity reading a local file',
      () => doctype('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
      /document type \(DTD\)/,
    ),
    refusedXml(
      'XXE: an external entity over the network',
      () => doctype('<!DOCTYPE r [<!ENTITY x SYSTEM "http://127.0.0.1:9/steal">]>'),
      /DTD/,
    ),
    refusedXml(
      'an external DTD',
      () => '<!DOCTYPE r SYSTEM "http://127.0.0.1:9/evil.dtd"><r/>',
      /DTD/,
    ),
    refusedXml(
      'a parameter entity',
      () => doctype('<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p"> %p;]>'),
      /DTD/,
    ),
    refusedXml(
      'billion laughs (nested entity expansion)',
      () => {
        let dtd = '<!ENTITY l0 "lol">'
        for (let i = 1; i <= 10; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`
        return `<!DOCTYPE r [${dtd}]><r>&l10;</r>`
      },
      /DTD/,
    ),
    refusedXml(
      'an entity declaration without a DOCTYPE',
      () => '<r><!ENTITY x "y"></r>',
      /markup declaration/,
    ),
    refusedXml(
      'a processing instruction (xml-stylesheet)',
      () => '<?xml-stylesheet href="http://127.0.0.1:9/x.xsl"?><r/>',
      /processing instruction/,
    ),
    refusedXml(
      'XML nested 10,000 deep',
      () => `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`,
      /deeper than/,
    ),
    refusedXml(
      'signature wrapping: a second, unsigned assertion beside the signed one',
      async () => `${RSTR_OPEN}${(await signedAssertion()).xml}${EVIL('_evil')}${RSTR_CLOSE}`,
      /2 assertions.*signature-wrapping/,
    ),
    refusedXml(
      'signature wrapping: the signed assertion moved into the signature, an evil one in its place',
      async () => {
        const { xml, id } = await signedAssertion()
        const moved = xml.replace('</ds:Signature>', `<ds:Object>${xml}</ds:Object></ds:Signature>`)
        return `${RSTR_OPEN}${EVIL(id).replace('</saml:Assertion>', '')}${moved.slice(moved.indexOf('<ds:Signature'), moved.lastIndexOf('</saml:Assertion>'))}</saml:Assertion>${RSTR_CLOSE}`
      },
      /signature-wrapping/,
    ),
    refusedXml(
      "signature wrapping: an evil assertion carrying the signed one's signature",
      async () => {
        const { xml } = await signedAssertion()
        const signature = xml.slice(
          xml.indexOf('<ds:Signature'),
          xml.indexOf('</ds:Signature>') + '</ds:Signature>'.length,
        )
        return `${RSTR_OPEN}${EVIL('_evil').replace('</saml:Assertion>', `${signature}</saml:Assertion>`)}${RSTR_CLOSE}`
      },
      /covers another element/,
    ),
    refusedXml(
      'signature wrapping: two elements with the signed ID',
      async () => {
        const { xml, id } = await signedAssertion()
        return `${RSTR_OPEN}${xml}${RSTR_CLOSE}`
          .replace(RSTR_CLOSE, `${RSTR_CLOSE}`)
          .replace('<t:RequestedSecurityToken>', `<t:Status Id="${id}"/><t:RequestedSecurityToken>`)
      },
      /share the ID/,
    ),
    refusedXml(
      'a deflate bomb in the redirect binding (SAMLResponse of 64 MiB)',
      () => {
        const bomb = deflateRawSync(
          Buffer.concat([Buffer.from('<'), Buffer.alloc(64 * 1024 * 1024, 0x61)]),
        )
        return `https://login.hostile.test/sso?SAMLResponse=${encodeURIComponent(bomb.toString('base64'))}`
      },
      /expands beyond 1024 KiB/,
      { ms: 15_000 },
    ),
    {
      category: 'sign-in artefact',
      kind: 'a base64 message past the XML ceiling',
      run: async () => {
        const decoded = await decode(Buffer.alloc(2 * 1024 * 1024, 0x3c).toString('base64'))
        expect(decoded.messages[0]?.artefact).toMatchObject({ kind: 'unreadable', hostile: true })
      },
    },
    {
      category: 'sign-in artefact',
      kind: 'text past the inspector ceiling, at the contract door',
      limits: { ms: 15_000, mib: 512 },
      run: async () => {
        const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cw-hostile-inspect-'))
        try {
          const handlers = createHandlers({
            host: 'browser',
            version: '0',
            dataDir,
            log: silentLogger,
            emit: () => undefined,
          })
          const r = await invokeChannel(
            handlers,
            'inspect:decode',
            { text: 'a'.repeat(MAX_INSPECT_CHARS + 1), candidates: [] },
            silentLogger,
          )
          expect(r.ok).toBe(false)
          if (!r.ok) expect(r.error.code).toBe('invalid-input')
        } finally {
          await rm(dataDir, { recursive: true, force: true })
        }
      },
    },
    {
      category: 'sign-in artefact',
      kind: 'a file past the inspector ceiling, in the CLI',
      limits: { ms: 15_000, mib: 512 },
      prepare: async () => {
        await writeFile(path.join(dir(), 'huge.har'), Buffer.alloc(MAX_INSPECT_CHARS + 10, 0x20))
      },
      run: async () => {
        expectClearError(await cli(['inspect', 'huge.har'], dir()), /larger than the 32 MiB/)
      },
    },
    {
      category: 'sign-in artefact',
      kind: 'a binary file, in the CLI',
      prepare: async () => {
        await writeFile(path.join(dir(), 'binary.bin'), Buffer.from([0xff, 0xfe, 0x00, 0x81, 0xc3]))
      },
      run: async () => {
        expectClearError(await cli(['inspect', 'binary.bin'], dir()), /not UTF-8 text/)
      },
    },
    {
      category: 'sign-in artefact',
      kind: 'a HAR of 100,000 requests',
      limits: { ms: 20_000, mib: 512 },
      run: async () => {
        const entries = Array.from({ length: 100_000 }, (_, i) => ({
          startedDateTime: '2026-11-20T12:00:00.000Z',
          request: {
            method: 'GET',
            url: `https://example.test/p${i}?error=x&error_description=AADSTS50011`,
            headers: [{ name: 'Cookie', value: `c=${i}` }],
          },
          response: { headers: [] },
        }))
        const decoded = await decode(JSON.stringify({ log: { entries } }))
        expect(decoded.messages).toHaveLength(200)
        expect(decoded.notices.join(' ')).toMatch(/past the first 200/)
      },
    },
    {
      category: 'sign-in artefact',
      kind: 'escape sequences and bidi overrides in token claims, in the CLI',
      prepare: async () => {
        const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
        const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ name: '\u001b]0;owned\u0007\u202eevil\nNo problems found.', iss: 'https://x.test/' })}.`
        await writeFile(path.join(dir(), 'hostile.jwt'), token)
      },
      run: async () => {
        const r = await cli(['inspect', 'hostile.jwt'], dir())
        expect(r.code, r.err).toBe(0)
        expect(r.out).not.toMatch(UNSAFE_TEXT)
        expect(r.out).toContain('\\x1b')
        expect(r.out).not.toMatch(/^No problems found\./m)
      },
    },
  ]
}
