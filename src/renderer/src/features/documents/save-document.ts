/**
 * Saving the documentation from the renderer: Markdown, standalone HTML, JSON and the three
 * CSV files as downloads; PDF printed by the Electron host (a hidden window, JavaScript off)
 * and downloaded, or, in browser mode, the browser's own print of the preview.
 */
import {
  renderCsv,
  renderHtml,
  renderJson,
  renderMarkdown,
  type ConfigDocument,
} from '../../../../shared/docs'
import type { Snapshot } from '../../../../shared/model/snapshot'
import { invoke } from '../../api'
import { downloadFile } from '../../download'
import { snapshotFileName } from '../snapshots/export-snapshot'

export type SaveFormat = 'md' | 'html' | 'json' | 'csv' | 'pdf'

/** `crosswalk-docs-contoso.okta.com-20261120T1200` (the snapshot's collection time, UTC). */
export function documentBaseName(snapshot: Snapshot): string {
  return snapshotFileName(snapshot)
    .replace(/^crosswalk-snapshot-/, 'crosswalk-docs-')
    .replace(/\.json$/, '')
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

/** Saves the document in one format; resolves to the file names written. */
export async function saveDocument(
  doc: ConfigDocument,
  snapshot: Snapshot,
  format: SaveFormat,
): Promise<string[]> {
  const base = documentBaseName(snapshot)
  switch (format) {
    case 'md':
      return [downloadFile(`${base}.md`, [renderMarkdown(doc)], 'text/markdown')]
    case 'html':
      return [downloadFile(`${base}.html`, [renderHtml(doc)], 'text/html')]
    case 'json':
      return [downloadFile(`${base}.json`, [renderJson(doc)], 'application/json')]
    case 'csv':
      return Object.entries(renderCsv(doc)).map(([name, content]) =>
        downloadFile(`${base}-${name}`, [content], 'text/csv'),
      )
    case 'pdf': {
      const result = await invoke('docs:pdf', { html: renderHtml(doc) })
      if (!result.ok) throw new Error(result.error.message)
      return [
        downloadFile(`${base}.pdf`, [decodeBase64(result.value.pdfBase64)], 'application/pdf'),
      ]
    }
  }
}
