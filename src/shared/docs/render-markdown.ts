/** The document as Markdown (CommonMark with GFM tables); every tenant value inert. */
import type { Block, Cell } from './blocks'
import { md, mdCode, mdFence } from './escape'
import type { ConfigDocument } from './model'
import { layoutDocument } from './layout'

function cell(c: Cell): string {
  return c.code ? mdCode(c.text) : md(c.text)
}

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `# ${md(b.text)}`
    case 'heading':
      return `${'#'.repeat(b.level)} ${md(b.text)}`
    case 'paragraph':
      return md(b.text)
    case 'note':
      return `> ${md(b.text)}`
    case 'facts':
      return b.rows
        .filter((r) => r.value.text !== '')
        .map((r) => `- **${md(r.label)}:** ${cell(r.value)}`)
        .join('\n')
    case 'table': {
      if (b.rows.length === 0) return b.caption ? `${md(b.caption)}: none.` : 'None.'
      const lines = [
        `| ${b.head.map((h) => md(h)).join(' | ')} |`,
        `| ${b.head.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map((c) => cell(c) || ' ').join(' | ')} |`),
      ]
      return `${b.caption ? `${md(b.caption)}:\n\n` : ''}${lines.join('\n')}`
    }
    case 'list':
      return b.items
        .filter((i) => i.text !== '')
        .map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${cell(item)}`)
        .join('\n')
    case 'code':
      return mdFence(b.text)
  }
}

/** Renders laid-out blocks as Markdown text (LF line endings, one trailing newline). */
export function renderBlocksMarkdown(blocks: readonly Block[]): string {
  return `${blocks
    .map(block)
    .filter((text) => text !== '')
    .join('\n\n')}\n`
}

/** Renders the document as Markdown text (LF line endings, one trailing newline). */
export function renderMarkdown(doc: ConfigDocument): string {
  return renderBlocksMarkdown(layoutDocument(doc))
}
