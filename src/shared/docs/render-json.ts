/**
 * The document as JSON: the `ConfigDocument` itself (format `crosswalk.documentation`,
 * version 1; shape documented in `docs/export-json.md`), two-space indented, with bidi and C1
 * characters as `\u` escapes so the file stays inert wherever it is shown.
 */
import { inertJson } from './escape'
import type { ConfigDocument } from './model'

/** Renders the document as JSON text with one trailing newline. */
export function renderJson(doc: ConfigDocument): string {
  return `${inertJson(doc, 2)}\n`
}
