/**
 * Safe XML reading for the inspector. SAML responses and WS-Federation results come from
 * browsers, captures and colleagues: anyone can shape them. So, before a parser sees a byte:
 *
 * - no document type declaration (`<!DOCTYPE`), entity declaration or any other `<!`
 *   markup besides comments and CDATA: no DTD is read, no entity is defined or expanded
 *   (XXE, billion laughs), and no external resource is ever fetched;
 * - no processing instruction besides the XML declaration;
 * - a size ceiling ({@link MAX_XML_BYTES}), and after parsing a ceiling on elements and depth.
 *
 * The parser (@xmldom/xmldom, the one xml-crypto uses) then runs with an error handler that
 * stops at its first warning, so malformed input is refused, not repaired. It is loaded
 * through `createRequire` with the few DOM types used here declared below: its type
 * declarations would add the browser's DOM library to every Node source file.
 */
import { createRequire } from 'node:module'
import { MAX_XML_BYTES } from '../../shared/inspect/artefact'

/** The node types read here (W3C DOM numbering). */
export const ELEMENT_NODE = 1
export const TEXT_NODE = 3
export const CDATA_SECTION_NODE = 4

/** A DOM node as @xmldom/xmldom builds it, reduced to what the inspector reads. */
export interface XmlNode {
  readonly nodeType: number
  readonly nodeName: string
  readonly parentNode: XmlNode | null
  readonly childNodes: { readonly length: number; item(index: number): XmlNode | null }
  readonly textContent: string | null
}

/** An element. */
export interface XmlElement extends XmlNode {
  readonly localName: string
  readonly namespaceURI: string | null
  readonly attributes: {
    readonly length: number
    item(index: number): {
      readonly name: string
      readonly localName: string
      readonly value: string
    } | null
  }
  getAttribute(name: string): string | null
}

/** A parsed document. */
export interface XmlDocument extends XmlNode {
  readonly documentElement: XmlElement | null
}

interface XmldomModule {
  DOMParser: new (options: {
    locator?: object
    errorHandler: {
      warning: (message: string) => void
      error: (message: string) => void
      fatalError: (message: string) => void
    }
  }) => { parseFromString(source: string, mimeType: string): XmlDocument }
  XMLSerializer: new () => { serializeToString(node: XmlNode): string }
}

const xmldom = createRequire(import.meta.url)('@xmldom/xmldom') as XmldomModule

/** Elements one document may hold: a SAML response has a few dozen. */
export const MAX_XML_ELEMENTS = 5_000
/** How deep elements may nest: a SAML response nests about eight deep. */
export const MAX_XML_DEPTH = 64

/** XML Crosswalk refused to read. `hostile` marks a defence (a DTD, an entity), not mere damage. */
export class XmlRefusedError extends Error {
  constructor(
    message: string,
    readonly hostile: boolean,
  ) {
    super(message)
    this.name = 'XmlRefusedError'
  }
}

/** The refusals, in words a consultant reads. */
function screen(text: string): void {
  if (text.length > MAX_XML_BYTES)
    throw new XmlRefusedError(
      `The XML is longer than the ${MAX_XML_BYTES / 1024} KiB Crosswalk reads of one message.`,
      true,
    )
  const declaration = /<!(?!--|\[CDATA\[)/.exec(text)
  if (declaration) {
    const doctype = /^<!DOCTYPE/i.test(text.slice(declaration.index, declaration.index + 9))
    throw new XmlRefusedError(
      doctype
        ? 'The XML declares a document type (DTD). Crosswalk reads no DTD and expands no entity, so it refuses the message; a genuine SAML or WS-Federation message has none.'
        : 'The XML holds a markup declaration (an ENTITY, ELEMENT or ATTLIST). Crosswalk expands no entity and refuses the message.',
      true,
    )
  }
  const pi = /<\?/g
  for (let m = pi.exec(text); m; m = pi.exec(text)) {
    if (m.index === 0 && /^<\?xml[\s?]/.test(text)) continue
    throw new XmlRefusedError(
      'The XML holds a processing instruction; a genuine SAML or WS-Federation message has none.',
      true,
    )
  }
}

/** Parses `text` as XML under the rules above; throws {@link XmlRefusedError}. */
export function parseXml(text: string): XmlDocument {
  const source = text.replace(/^\uFEFF/, '')
  screen(source)
  const fail = (): never => {
    throw new XmlRefusedError('The text is not well-formed XML.', false)
  }
  let doc: XmlDocument
  try {
    doc = new xmldom.DOMParser({
      locator: {},
      errorHandler: { warning: fail, error: fail, fatalError: fail },
    }).parseFromString(source, 'text/xml')
  } catch (error) {
    if (error instanceof XmlRefusedError) throw error
    // the parser's own message may quote the input, which is a credential: not repeated
    throw new XmlRefusedError('The text is not well-formed XML.', false)
  }
  if (!doc.documentElement) fail()
  measure(doc)
  return doc
}

/** Refuses a document past the element or depth ceiling. */
function measure(doc: XmlDocument): void {
  let elements = 0
  const walk = (node: XmlNode, depth: number): void => {
    if (depth > MAX_XML_DEPTH)
      throw new XmlRefusedError(`The XML nests deeper than ${MAX_XML_DEPTH} elements.`, true)
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes.item(i)
      if (!child || child.nodeType !== ELEMENT_NODE) continue
      if (++elements > MAX_XML_ELEMENTS)
        throw new XmlRefusedError(`The XML holds more than ${MAX_XML_ELEMENTS} elements.`, true)
      walk(child, depth + 1)
    }
  }
  walk(doc, 0)
}

/** The element children of a node. */
export function childElements(node: XmlNode): XmlElement[] {
  const out: XmlElement[] = []
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes.item(i)
    if (child && child.nodeType === ELEMENT_NODE) out.push(child as XmlElement)
  }
  return out
}

/** The first child element with this namespace and local name. */
export function child(node: XmlNode | undefined, ns: string, name: string): XmlElement | undefined {
  if (!node) return undefined
  return childElements(node).find((e) => e.namespaceURI === ns && e.localName === name)
}

/** Every child element with this namespace and local name. */
export function children(node: XmlNode | undefined, ns: string, name: string): XmlElement[] {
  if (!node) return []
  return childElements(node).filter((e) => e.namespaceURI === ns && e.localName === name)
}

/** Every descendant element with this namespace and local name, in document order. */
export function descendants(node: XmlNode, ns: string, name: string): XmlElement[] {
  const out: XmlElement[] = []
  const walk = (n: XmlNode): void => {
    for (const e of childElements(n)) {
      if (e.namespaceURI === ns && e.localName === name) out.push(e)
      walk(e)
    }
  }
  walk(node)
  return out
}

/** Every element of the document, in document order. */
export function allElements(node: XmlNode): XmlElement[] {
  const out: XmlElement[] = []
  const walk = (n: XmlNode): void => {
    for (const e of childElements(n)) {
      out.push(e)
      walk(e)
    }
  }
  walk(node)
  return out
}

/** The trimmed text of an element, or undefined when it is empty or absent. */
export function textOf(node: XmlNode | undefined): string | undefined {
  const value = node?.textContent?.trim()
  return value ? value : undefined
}

/** An attribute's value, or undefined when absent or empty. */
export function attr(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.getAttribute(name)
  return value ? value : undefined
}

/** The XML of a node, as the parser holds it. */
export function serialize(node: XmlNode): string {
  return new xmldom.XMLSerializer().serializeToString(node)
}
