/**
 * `crosswalk export` on the healthy scenario's snapshot, as files a consultant hands over:
 * every format holds every section with the scenario's values, the same snapshot gives the
 * same bytes (PDF aside: Chromium stamps dates into it), the PDF's text (poppler's pdftotext)
 * holds the runbook in order, and mistakes get one clear line and exit 2.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/main'
import { COMMANDS } from '../../../src/cli/commands'
import type { CliIo } from '../../../src/cli/command'
import { findChromium } from '../../../src/node/chromium-pdf'
import { buildScenario } from '../../emulator/scenarios'
import type { Scenario } from '../../emulator/scenarios/types'
import { scenarioSnapshot } from '../../fixtures/scenario-snapshot'

const ORIGINS = {
  authorityHost: 'https://localhost:41001',
  graphBaseUrl: 'https://localhost:41002',
  oktaOrgUrl: 'https://localhost:41003',
}

let dir: string
let scenario: Scenario
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'crosswalk-export-'))
  scenario = await buildScenario('healthy', { seed: 1, origins: ORIGINS })
  await writeFile(
    path.join(dir, 'healthy.json'),
    JSON.stringify(scenarioSnapshot(scenario, ORIGINS)),
  )
}, 60_000)
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function cli(argv: string[], env: Record<string, string | undefined> = process.env) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env,
    cwd: dir,
    isTty: false,
  }
  const code = await runCli(argv, io, COMMANDS)
  return { code, out: out.join(''), err: err.join('') }
}

function pdftotext(file: string): Promise<string | undefined> {
  return new Promise((resolve) =>
    execFile('pdftotext', [file, '-'], { maxBuffer: 64 << 20 }, (error, text) =>
      resolve(error ? undefined : text),
    ),
  )
}

describe('crosswalk export', () => {
  it('writes Markdown, HTML and JSON with every section and the same bytes twice', async () => {
    const federated =
      scenario.entra.domains.find((d) => d.authenticationType === 'Federated')?.id ?? ''
    for (const format of ['md', 'html', 'json']) {
      const first = await cli([
        'export',
        'healthy.json',
        '--format',
        format,
        '--out',
        `a.${format}`,
      ])
      expect(first.code, first.err).toBe(0)
      expect(first.err).toMatch(/^Wrote .+ \(10 sections, snapshot [0-9a-f]{12}\)\.\n$/)
      const second = await cli([
        'export',
        'healthy.json',
        '--format',
        format,
        '--out',
        `b.${format}`,
      ])
      expect(second.code).toBe(0)
      const a = await readFile(path.join(dir, `a.${format}`), 'utf8')
      expect(await readFile(path.join(dir, `b.${format}`), 'utf8')).toBe(a)
      expect(a).toContain(scenario.entra.tenantId)
      expect(a).toContain(federated)
      expect(a).toContain('Register Okta in Entra')
      expect(a).toContain('appuser.userPrincipalName')
    }
    const doc = JSON.parse(await readFile(path.join(dir, 'a.json'), 'utf8')) as {
      format: string
      version: number
      sections: string[]
    }
    expect(doc).toMatchObject({ format: 'crosswalk.documentation', version: 1 })
    expect(doc.sections).toHaveLength(10)
  })

  it('writes the three CSV files into a folder, and only the asked sections', async () => {
    await mkdir(path.join(dir, 'csv'))
    const r = await cli([
      'export',
      'healthy.json',
      '--format',
      'csv',
      '--out',
      'csv',
      '--sections',
      'mappings,rotation',
    ])
    expect(r.code, r.err).toBe(0)
    const mappings = await readFile(path.join(dir, 'csv', 'mappings.csv'), 'utf8')
    expect(mappings.split('\r\n')[0]).toBe(
      'direction,source,target,target_attribute,expression,push,mapping_id',
    )
    expect(mappings).toContain('appuser.userPrincipalName')
    expect(
      (await readFile(path.join(dir, 'csv', 'credentials.csv'), 'utf8')).split('\r\n').length,
    ).toBeGreaterThan(5)
    // findings were not asked for: the file is its header alone
    expect(await readFile(path.join(dir, 'csv', 'findings.csv'), 'utf8')).toBe(
      'severity,category,rule,title,detail,objects,fix,links,id\r\n',
    )
  })

  it('prints a PDF through the system Chromium whose text holds the runbook in order', async (ctx) => {
    if (!(await findChromium(process.env))) ctx.skip()
    const r = await cli(['export', 'healthy.json', '--format', 'pdf', '--out', 'doc.pdf'])
    expect(r.code, r.err).toBe(0)
    const bytes = await readFile(path.join(dir, 'doc.pdf'))
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = await pdftotext(path.join(dir, 'doc.pdf'))
    if (text === undefined) return ctx.skip()
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain(scenario.entra.tenantId)
    expect(flat).toContain('Tenant overview')
    const steps = [
      'Step 1. Gather the tenant information',
      'Step 2. Register Okta in Entra',
      'Step 3. Create the client secret',
      'Step 4. Add Entra as an identity provider in Okta with its attribute mappings',
      'Step 5. Test and validate sync, SSO and logs',
    ].map((s) => flat.indexOf(s))
    expect(steps.every((i) => i > 0)).toBe(true)
    expect(steps).toEqual([...steps].sort((a, b) => a - b))
  }, 120_000)

  it('says in one line what is wrong, and exits 2', async () => {
    const unknown = await cli([
      'export',
      'healthy.json',
      '--format',
      'md',
      '--out',
      'x.md',
      '--sections',
      'runbook,nope',
    ])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toMatch(/^crosswalk export: Unknown section nope\. Sections: overview, /)
    expect(unknown.err.trim().split('\n')).toHaveLength(1)
    const noOut = await cli(['export', 'healthy.json', '--format', 'md'])
    expect(noOut.code).toBe(2)
    expect(noOut.err).toContain('--out is required')
    const noFolder = await cli(['export', 'healthy.json', '--format', 'csv', '--out', 'missing'])
    expect(noFolder.code).toBe(2)
    const noChromium = await cli(['export', 'healthy.json', '--format', 'pdf', '--out', 'x.pdf'], {
      PATH: '',
      CROSSWALK_CHROMIUM: path.join(dir, 'no-chromium-here'),
    })
    expect(noChromium.code).toBe(2)
    expect(noChromium.err).toMatch(
      /PDF needs Chromium.+export --format html and print it to PDF from a browser\./,
    )
    expect(noChromium.err.trim().split('\n')).toHaveLength(1)
  })
})
