/**
 * Documentation at scale: the whole document of the emulator's `large` scenario (100k
 * Entra × 100k Okta users; `CROSSWALK_BENCH_USERS` to change) built from the parsed snapshot
 * and its findings, then rendered as HTML and as Markdown; PDF through the system Chromium
 * when there is one. Parsing and diagnosis are left out (each has its own figure). The
 * floor is one `JSON.stringify` of the records the document is built from (the redacted
 * view), the least any exporter of the same data does. Extra figures: Markdown, JSON and
 * PDF times, output sizes, and the PDF's pages.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Finding, Snapshot } from '../../src/shared/model'
import { findChromium, htmlToPdf } from '../../src/node/chromium-pdf'
import { diagnose } from '../../src/shared/rules'
import {
  buildDocument,
  redactedView,
  renderHtml,
  renderJson,
  renderMarkdown,
} from '../../src/shared/docs'
import { snapshotIdentity } from '../../src/shared/snapshot-file/identity'
import { largeSnapshot } from './large-snapshot'
import type { Benchmark } from './types'

let snapshot: Snapshot | undefined
let findings: Finding[] = []
let sha = ''
let chromium: string | undefined
let sink = 0

function pdfPages(pdf: Uint8Array): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'crosswalk-bench-pdf-'))
  try {
    const file = path.join(dir, 'doc.pdf')
    execFileSync('tee', [file], { input: pdf, stdio: ['pipe', 'ignore', 'ignore'] })
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? Number.NaN)
  } catch {
    return Number.NaN
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const benchmark: Benchmark = {
  name: 'docs',
  description:
    'the configuration document of 100k × 100k users: build + HTML, Markdown, PDF, vs one JSON pass',
  runs: 3,
  async setup() {
    snapshot = await largeSnapshot()
    findings = diagnose(snapshot)
    sha = snapshotIdentity(snapshot)
    chromium = await findChromium(process.env)
    // warm the JIT on the same shapes
    renderHtml(buildDocument({ snapshot, findings, snapshotSha256: sha }))
  },
  async floor() {
    if (!snapshot) throw new Error('setup did not run')
    const start = performance.now()
    sink += JSON.stringify(redactedView(snapshot)).length
    return { ms: performance.now() - start }
  },
  async measure() {
    if (!snapshot) throw new Error('setup did not run')
    const t0 = performance.now()
    const doc = buildDocument({ snapshot, findings, snapshotSha256: sha })
    const html = renderHtml(doc)
    const t1 = performance.now()
    const md = renderMarkdown(buildDocument({ snapshot, findings, snapshotSha256: sha }))
    const t2 = performance.now()
    const json = renderJson(doc)
    const t3 = performance.now()
    let pdfMs = Number.NaN
    let pages = Number.NaN
    if (chromium) {
      const pdf = await htmlToPdf(
        chromium,
        renderHtml(buildDocument({ snapshot, findings, snapshotSha256: sha })),
      )
      pdfMs = performance.now() - t3
      pages = pdfPages(pdf)
    }
    sink += md.length + json.length
    return {
      ms: t1 - t0,
      extra: {
        markdownMs: t2 - t1,
        jsonMs: t3 - t2,
        pdfMs,
        pdfPages: pages,
        htmlMiB: html.length / 2 ** 20,
        markdownMiB: md.length / 2 ** 20,
        jsonMiB: json.length / 2 ** 20,
        findings: findings.length,
      },
    }
  },
  async teardown() {
    snapshot = undefined
    if (sink < 0) console.log(sink)
  },
  targets: [
    { figure: 'ms', max: 3000, label: 'document built and rendered as HTML under 3 s' },
    { figure: 'markdownMs', max: 3000, label: 'as Markdown under 3 s' },
    { figure: 'pdfMs', max: 10_000, label: 'as PDF under 10 s' },
  ],
}
