/**
 * The document as HTML: a body fragment (for the app's preview, styled by the app's own
 * stylesheet, no inline style) and a standalone file (one file, its stylesheet inlined, print
 * rules, no script, no external asset, opens from disk). Every tenant value is escaped.
 */
import type { Block, Cell } from './blocks'
import { html } from './escape'
import type { ConfigDocument } from './model'
import { layoutDocument } from './layout'

function cell(c: Cell): string {
  return c.code ? `<code>${html(c.text)}</code>` : html(c.text)
}

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<h1>${html(b.text)}</h1>`
    case 'heading':
      return `<h${b.level}${b.id ? ` id="doc-${html(b.id)}"` : ''}>${html(b.text)}</h${b.level}>`
    case 'paragraph':
      return `<p>${html(b.text)}</p>`
    case 'note':
      return `<p class="doc-note">${html(b.text)}</p>`
    case 'facts': {
      const rows = b.rows.filter((r) => r.value.text !== '')
      return `<dl class="doc-facts">${rows.map((r) => `<dt>${html(r.label)}</dt><dd>${cell(r.value)}</dd>`).join('')}</dl>`
    }
    case 'table': {
      const caption = b.caption ? `<caption>${html(b.caption)}</caption>` : ''
      if (b.rows.length === 0)
        return `<p class="doc-empty">${html(b.caption ? `${b.caption}: none.` : 'None.')}</p>`
      return `<div class="doc-table"><table>${caption}<thead><tr>${b.head.map((h) => `<th scope="col">${html(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`
    }
    case 'list': {
      const items = b.items.filter((i) => i.text !== '')
      if (items.length === 0) return ''
      const tag = b.ordered ? 'ol' : 'ul'
      return `<${tag}>${items.map((i) => `<li>${cell(i)}</li>`).join('')}</${tag}>`
    }
    case 'code':
      return `<pre><code>${b.text
        .split('\n')
        .map((line) => html(line))
        .join('\n')}</code></pre>`
  }
}

/** The document's body as an HTML fragment inside `<article class="doc">`. */
export function renderHtmlFragment(doc: ConfigDocument): string {
  return renderBlocksHtmlFragment(layoutDocument(doc))
}

/** Laid-out blocks as an HTML fragment inside `<article class="doc">`. */
export function renderBlocksHtmlFragment(blocks: readonly Block[]): string {
  return `<article class="doc">${blocks.map(block).filter(Boolean).join('\n')}</article>`
}

/** The standalone document's stylesheet: screen and print, no external asset. */
export const STANDALONE_CSS = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.4rem; } h4 { font-size: 1rem; margin-top: 1rem; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; overflow-wrap: anywhere; }
pre { background: #f6f8fa; border: 1px solid #d0d7de; padding: .6rem; white-space: pre-wrap; }
.doc-facts { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .2rem 1rem; margin: .5rem 0; }
.doc-facts dt { color: #57606a; } .doc-facts dd { margin: 0; overflow-wrap: anywhere; }
.doc-table { overflow-x: auto; } table { border-collapse: collapse; margin: .5rem 0; width: 100%; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border: 1px solid #d0d7de; padding: .25rem .4rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f6f8fa; } .doc-note { color: #9a6700; } .doc-empty { color: #57606a; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } #doc-runbook { break-before: page; } h2, h3, h4 { break-after: avoid; } tr, dl, pre { break-inside: avoid; } .doc-table { overflow: visible; } }
`

/** The document as one standalone HTML file. */
export function renderHtml(doc: ConfigDocument): string {
  return standaloneHtml(doc.title, renderHtmlFragment(doc))
}

/** A titled body fragment as one standalone HTML file (strict CSP, inlined stylesheet). */
export function standaloneHtml(title: string, fragment: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style>${STANDALONE_CSS}</style>
</head>
<body>
${fragment}
</body>
</html>
`
}
