/** Configuration and disaster-recovery documentation: build once, render in every format. */
export { buildDocument, type DocumentInput } from './build'
export * from './model'
export {
  SECTIONS,
  SECTION_IDS,
  type SectionId,
  isSectionId,
  parseSections,
  sectionTitle,
} from './sections'
export { renderMarkdown, renderBlocksMarkdown } from './render-markdown'
export {
  renderHtml,
  renderHtmlFragment,
  renderBlocksHtmlFragment,
  standaloneHtml,
  STANDALONE_CSS,
} from './render-html'
export { type Block, type Cell, plain, code } from './blocks'
export { renderJson } from './render-json'
export { renderCsv, type CsvFiles } from './render-csv'
export { redactedView, type RedactedSnapshot } from './redacted-view'
