/**
 * The document laid out once, as blocks (headings, paragraphs, fact lists, tables, lists,
 * code), which the Markdown and HTML renderers turn into text. A cell marked `code` is an
 * identifier, URL or expression, shown verbatim.
 */
export interface Cell {
  text: string
  code?: boolean
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 2 | 3 | 4; text: string; id?: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; rows: { label: string; value: Cell }[] }
  | { kind: 'table'; head: string[]; rows: Cell[][]; caption?: string }
  | { kind: 'list'; ordered: boolean; items: Cell[] }
  | { kind: 'code'; text: string }
  | { kind: 'note'; text: string }

export const plain = (text: string | number | boolean | undefined | null): Cell => ({
  text: text === undefined || text === null ? '' : String(text),
})

export const code = (text: string | number | undefined | null): Cell => ({
  text: text === undefined || text === null ? '' : String(text),
  code: true,
})
