/**
 * Word documents with their structure, through mammoth's HTML (its documented
 * API): Title and Heading styles, italics and bold, lists, tables, block
 * quotations (a Quote style, or a paragraph indented on the left without a
 * hanging indent) and footnotes. The HTML is read back into a small document
 * model; `docxText` writes that model as the Markdown-like text the essay
 * importer reads (`# title`, `## heading`, `> quote`, `- item`).
 *
 * Footnotes: each reference mark in the body stays where it was, as `[^n]`
 * (pandoc's footnote mark) inside the block's text, and `footnotes[]` holds
 * the note texts with the block and offset of their mark.
 */
import type {Element, ElementContent, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import mammoth from 'mammoth'

// mammoth documents `transforms` but its type declarations leave it out.
const {transforms} = mammoth as unknown as {transforms: {paragraph: (transform: (paragraph: MammothParagraph) => MammothParagraph) => (element: unknown) => unknown}}

export interface DocxSpan {
  /** Offsets in the block's `text`. */
  start: number
  end: number
  style: 'italic' | 'bold'
}

export interface DocxBlock {
  kind: 'title' | 'subtitle' | 'heading' | 'paragraph' | 'quote' | 'list-item' | 'table'
  /** Plain text; footnote marks as `[^n]`; a table's rows one a line, cells separated by tabs. */
  text: string
  /** Heading level (1 = Heading 1), or list nesting (1 = top level). */
  level?: number
  /** A list item of a numbered list. */
  ordered?: boolean
  /** Italic and bold runs (titles of works are italic in MLA, APA and Chicago). */
  spans: DocxSpan[]
  /** A table's cells. */
  rows?: string[][]
  /** Centred paragraph (title-page lines often are). */
  centered?: boolean
}

export interface DocxFootnote {
  /** The number shown in the text (`[^n]`), in order of the notes. */
  n: number
  /** Word's footnote or endnote id, as mammoth names it (`footnote-1`, `endnote-2`). */
  id: string
  /** The note's text (its paragraphs joined with a space), without the back-link. */
  text: string
  spans: DocxSpan[]
  /** Where its mark stands: the block index and the offset of `[^n]` in that block's text. */
  at: {block: number; offset: number}
}

export interface DocxDocument {
  blocks: DocxBlock[]
  footnotes: DocxFootnote[]
  /** mammoth's warnings (unknown styles, unsupported images…). */
  warnings: string[]
}

// Paragraph styles mammoth does not map by default. `:fresh` keeps paragraphs apart.
const STYLE_MAP = [
  "p[style-name='Title'] => h1.docx-title:fresh",
  "p[style-name='Subtitle'] => p.docx-subtitle:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='docx-indented'] => blockquote > p:fresh",
  "p[style-name='docx-centered'] => p.docx-centered:fresh",
  'b => strong',
  'i => em'
]

interface MammothParagraph {
  styleName?: string | null
  alignment?: string | null
  numbering?: unknown
  indent?: {start?: string | null; left?: string | null; hanging?: string | null; firstLine?: string | null}
}

/**
 * Unstyled paragraphs carry their layout to the HTML as a style name: a left
 * indent without a hanging one is a block quotation (a hanging indent is a
 * reference entry), a centred one may be a title-page line.
 */
function markLayout(paragraph: MammothParagraph): MammothParagraph {
  if (paragraph.styleName || paragraph.numbering) return paragraph
  const twips = (value?: string | null) => Number(value ?? 0) || 0
  const left = twips(paragraph.indent?.start ?? paragraph.indent?.left)
  if (left >= 360 && !twips(paragraph.indent?.hanging)) return {...paragraph, styleName: 'docx-indented'}
  if (paragraph.alignment === 'center') return {...paragraph, styleName: 'docx-centered'}
  return paragraph
}

/** The structure of a .docx; throws when the bytes are not a Word document. */
export async function readDocx(bytes: Uint8Array): Promise<DocxDocument> {
  const {value, messages} = await mammoth.convertToHtml(
    {buffer: Buffer.from(bytes)},
    {styleMap: STYLE_MAP, includeDefaultStyleMap: true, transformDocument: transforms.paragraph(markLayout)}
  )
  const reader = new DocumentReader()
  reader.read(fromHtml(value, {fragment: true}))
  return {...reader.finish(), warnings: messages.map((message) => message.message)}
}

/** The text of a .docx for the essay importer, one block a line; throws when the file is not a Word document. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  return documentText(await readDocx(bytes))
}

/**
 * The model as lines: `#` title, `##`… headings, `> ` quotations, `- ` or
 * `1. ` list items, table rows with tab-separated cells; footnote marks are
 * left out (the notes are in `footnotes`).
 */
export function documentText(document: DocxDocument, {marks = false} = {}): string {
  const lines = document.blocks.map((block) => {
    // The essay importer keeps the marks to put each note's citation where its mark stands.
    const text = marks ? block.text : block.text.replace(/\[\^\d+\]/g, '')
    switch (block.kind) {
      case 'title':
        return `# ${text}`
      case 'heading':
        return `${'#'.repeat(Math.min(6, (block.level ?? 1) + 1))} ${text}`
      case 'quote':
        return `> ${text}`
      case 'list-item':
        return `${'  '.repeat((block.level ?? 1) - 1)}${block.ordered ? '1.' : '-'} ${text}`
      default:
        return text
    }
  })
  return lines.filter((line) => line.trim()).join('\n') + '\n'
}

/** Walks mammoth's HTML once, collecting blocks and notes. */
class DocumentReader {
  private blocks: DocxBlock[] = []
  private notes = new Map<string, {text: string; spans: DocxSpan[]}>()
  private marks: Array<{id: string; block: number; offset: number; n: number}> = []

  read(root: Root | Element, listLevel = 0, ordered = false) {
    for (const node of root.children) {
      if (node.type !== 'element') continue
      const tag = node.tagName
      const classes = String(node.properties.className ?? '')
      if ((tag === 'ol' || tag === 'ul') && node.children.some((item) => isElement(item) && /^(?:footnote|endnote)-/.test(String(item.properties.id ?? '')))) {
        this.readNotes(node)
      } else if (/^h[1-6]$/.test(tag)) {
        const title = classes.includes('docx-title')
        this.push(node, title ? 'title' : 'heading', title ? {} : {level: Number(tag[1])})
      } else if (tag === 'p') {
        const kind = classes.includes('docx-subtitle') ? 'subtitle' : 'paragraph'
        this.push(node, kind, classes.includes('docx-centered') ? {centered: true} : {})
      } else if (tag === 'blockquote') {
        for (const child of node.children) if (isElement(child)) this.push(child, 'quote', {})
      } else if (tag === 'ul' || tag === 'ol') {
        for (const item of node.children) {
          if (!isElement(item) || item.tagName !== 'li') continue
          // An item's own text, then its nested lists one level deeper.
          const own = {...item, children: item.children.filter((child) => !isElement(child) || !/^[ou]l$/.test(child.tagName))}
          this.push(own, 'list-item', {level: listLevel + 1, ordered: tag === 'ol'})
          for (const child of item.children) if (isElement(child) && /^[ou]l$/.test(child.tagName)) this.read({...item, children: [child]}, listLevel + 1, child.tagName === 'ol')
        }
      } else if (tag === 'table') {
        this.pushTable(node)
      } else {
        this.read(node, listLevel, ordered)
      }
    }
  }

  finish(): Omit<DocxDocument, 'warnings'> {
    const footnotes = this.marks.map((mark) => ({n: mark.n, id: mark.id, ...(this.notes.get(mark.id) ?? {text: '', spans: []}), at: {block: mark.block, offset: mark.offset}}))
    return {blocks: this.blocks, footnotes}
  }

  private push(node: Element, kind: DocxBlock['kind'], extra: Partial<DocxBlock>) {
    const inline = new InlineText((id, offset) => {
      const n = this.marks.length + 1
      this.marks.push({id, block: this.blocks.length, offset, n})
      return `[^${n}]`
    })
    inline.add(node.children)
    const {text, spans} = inline.result()
    if (!text && kind !== 'title') return
    this.blocks.push({kind, text, spans, ...extra})
  }

  private pushTable(table: Element) {
    const rows: string[][] = []
    const visit = (node: Element) => {
      if (node.tagName === 'tr') {
        rows.push(node.children.filter(isElement).map((cell) => {
          const inline = new InlineText(() => '')
          inline.add(cell.children)
          return inline.result().text
        }))
      } else for (const child of node.children) if (isElement(child)) visit(child)
    }
    visit(table)
    if (rows.length) this.blocks.push({kind: 'table', text: rows.map((row) => row.join('\t')).join('\n'), rows, spans: []})
  }

  private readNotes(list: Element) {
    for (const item of list.children) {
      if (!isElement(item)) continue
      const inline = new InlineText(() => '', true)
      inline.add(item.children)
      this.notes.set(String(item.properties.id), inline.result())
    }
  }
}

/** Text of inline HTML with italic/bold spans; paragraphs inside (a note's or a cell's) join with a space. */
class InlineText {
  private text = ''
  private spans: DocxSpan[] = []

  constructor(
    private readonly footnoteMark: (id: string, offset: number) => string,
    private readonly dropBackLinks = false
  ) {}

  add(nodes: ElementContent[], style?: DocxSpan['style']) {
    for (const node of nodes) {
      if (node.type === 'text') this.text += node.value.replace(/\s+/g, ' ')
      if (node.type !== 'element') continue
      const href = String(node.properties.href ?? '')
      if (node.tagName === 'sup' && node.children.some((child) => isElement(child) && /^#(?:footnote|endnote)-\d/.test(String(child.properties.href ?? '')))) {
        const link = node.children.find(isElement)!
        this.text += this.footnoteMark(String(link.properties.href).slice(1), this.text.length)
      } else if (this.dropBackLinks && /^#(?:footnote|endnote)-ref-/.test(href)) {
        continue
      } else if (node.tagName === 'br') {
        this.text += ' '
      } else if (node.tagName === 'em' || node.tagName === 'strong') {
        const start = this.text.length
        this.add(node.children, node.tagName === 'em' ? 'italic' : 'bold')
        if (this.text.length > start && !style) this.spans.push({start, end: this.text.length, style: node.tagName === 'em' ? 'italic' : 'bold'})
      } else {
        if (node.tagName === 'p' && this.text && !/\s$/.test(this.text)) this.text += ' '
        this.add(node.children, style)
      }
    }
  }

  /** The text trimmed, spans moved with it. */
  result(): {text: string; spans: DocxSpan[]} {
    const lead = this.text.length - this.text.trimStart().length
    const text = this.text.trim()
    const spans = this.spans
      .map((span) => ({...span, start: Math.max(0, span.start - lead), end: Math.min(text.length, span.end - lead)}))
      .filter((span) => span.end > span.start)
    return {text, spans}
  }
}

function isElement(node: ElementContent | Root['children'][number]): node is Element {
  return node.type === 'element'
}
