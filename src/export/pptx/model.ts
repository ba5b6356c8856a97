/**
 * A slide's `<section>` as PowerPoint content: text blocks made of
 * paragraphs (a heading, a list with its levels, a code block's lines, the
 * footnotes), tables, pictures, and the boxes whose borders and backgrounds
 * are drawn (a heading's rule, a quotation's bar, a code block's panel).
 * Every element that needs a position or a style gets a tag; the browser
 * measures the tagged elements (`page.ts`) and `shapes.ts` places them.
 */
import type {Element, ElementContent} from 'hast'
import {toString} from 'hast-util-to-string'
import {hasClass, slideBody} from '../../check/units.js'
import {inlineRuns, isPicture, notesText, type Run, type RunContext, Tags} from './runs.js'

export interface Paragraph {
  /** The element whose box and line height the paragraph has. */
  tag: number
  runs: Run[]
  /** Nesting depth in a list (0 outside lists). */
  level: number
  /** A list item's marker (its style is the item's `list-style-type`). */
  bullet?: boolean
  /** The first number of a numbered list (`start`). */
  start?: number
}

export type BlockRole = 'title' | 'text' | 'code' | 'footnotes'

export interface TextBlock {
  type: 'text'
  role: BlockRole
  paragraphs: Paragraph[]
  /** A list's element: its left margin is where the markers hang. */
  list?: number
}

export interface TableCell {
  tag: number
  runs: Run[]
  colspan: number
  rowspan: number
}

export interface TableBlock {
  type: 'table'
  tag: number
  rows: Array<{tag: number; cells: TableCell[]}>
}

export interface ImageBlock {
  type: 'image'
  tag: number
  /** The picture's file (its `src`), or '' for a snapshot. */
  src: string
  alt: string
  /** Drawn by the browser (typeset math, a diagram): the picture is a PNG of the element as the browser drew it (`snapshots.ts`). */
  snapshot?: boolean
}

export type Block = TextBlock | TableBlock | ImageBlock

export interface SlideModel {
  /** `title`, `section`, `content`, `quote` or `references`. */
  kind: string
  blocks: Block[]
  /** Tags of block elements whose borders and backgrounds are drawn, outermost first. */
  boxes: number[]
  /** The tag of the slide's `<section>`. */
  section: number
  notes: string
  /** The measured elements, indexed by tag. */
  tags: Element[]
}

const HEADINGS = /^h[1-6]$/
const PARAGRAPHS = new Set(['p', 'figcaption', 'dt', 'dd', 'address', 'caption', 'summary'])
const CONTAINERS = new Set(['div', 'blockquote', 'figure', 'dl', 'details', 'aside', 'header', 'footer', 'article', 'nav', 'main', 'section'])
const BLOCK_TAGS = new Set([...PARAGRAPHS, ...CONTAINERS, 'ul', 'ol', 'li', 'pre', 'table', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'svg'])

/** The content of one slide `<section>`. */
export function slideModel(section: Element): SlideModel {
  const tags = new Tags()
  const blocks: Block[] = []
  const boxes: number[] = []
  const sectionTag = tags.tag(section)
  // The slide's own background and stripes (a theme's band across the top) are drawn first.
  boxes.push(sectionTag)
  const kind = (section.properties?.className as string[] | undefined)?.find((name) => name.startsWith('cd-') && name !== 'cd-slide')?.slice(3) ?? 'content'
  const reader = new BlockReader(tags, blocks, boxes)
  const body = slideBody(section)
  if (body) {
    boxes.push(tags.tag(body))
    reader.children(body.children, true)
  }
  const footer = section.children.find((node): node is Element => node.type === 'element' && hasClass(node, 'cd-footnotes'))
  if (footer) reader.footnotes(footer)
  const aside = section.children.find((node): node is Element => node.type === 'element' && node.tagName === 'aside' && hasClass(node, 'notes'))
  return {kind, blocks, boxes, section: sectionTag, notes: aside ? notesText(aside) : '', tags: tags.elements}
}

class BlockReader {
  constructor(
    private readonly tags: Tags,
    private readonly blocks: Block[],
    private readonly boxes: number[]
  ) {}

  children(nodes: ElementContent[], top = false) {
    let first = top
    for (const node of nodes) {
      if (node.type !== 'element') continue
      this.block(node, first && HEADINGS.test(node.tagName))
      first = false
    }
  }

  block(node: Element, isTitle = false) {
    const {tagName} = node
    if (HEADINGS.test(tagName) || PARAGRAPHS.has(tagName)) return this.paragraph(node, isTitle ? 'title' : 'text')
    if (tagName === 'ul' || tagName === 'ol') return this.list(node)
    if (tagName === 'pre') return this.code(node)
    if (tagName === 'table') return this.table(node)
    if (isPicture(node)) return this.picture(node)
    if (tagName === 'hr') return void this.boxes.push(this.tags.tag(node))
    // A container of inline content only (a reference entry, a plain div) reads as one paragraph; a diagram's figure holds a picture.
    if (!node.children.some((child) => child.type === 'element' && (BLOCK_TAGS.has(child.tagName) || child.tagName === 'svg'))) {
      return this.paragraph(node, 'text')
    }
    this.boxes.push(this.tags.tag(node))
    this.children(node.children)
  }

  footnotes(footer: Element) {
    this.boxes.push(this.tags.tag(footer))
    const list = footer.children.find((node): node is Element => node.type === 'element' && node.tagName === 'ol')
    const items = list?.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'li') ?? []
    const images: Element[] = []
    const paragraphs = items.map((item): Paragraph => {
      const tag = this.tags.tag(item)
      const runs = inlineRuns(flattenBlocks(item.children), tag, this.context(images))
      // The label hangs in the margin: a tab after it (for the space in or after it) reaches the hanging indent, where the note's text starts.
      const label = item.children.find((node): node is Element => node.type === 'element' && hasClass(node, 'cd-note-label'))
      const [first, next] = runs
      if (label && first?.tag === this.tags.tag(label)) {
        if (first.text.endsWith(' ')) runs[0] = {...first, text: `${first.text.slice(0, -1)}\t`}
        else if (next?.text.startsWith(' ')) runs[1] = {...next, text: `\t${next.text.slice(1)}`}
      }
      return {tag, runs, level: 0}
    })
    if (paragraphs.length > 0) this.blocks.push({type: 'text', role: 'footnotes', paragraphs})
    this.images(images)
  }

  private paragraph(node: Element, role: BlockRole) {
    const tag = this.tags.tag(node)
    const images: Element[] = []
    const runs = inlineRuns(node.children, tag, this.context(images))
    this.boxes.push(tag)
    // A formula alone in its paragraph is only its picture.
    if (runs.some((run) => !run.gap)) this.blocks.push({type: 'text', role, paragraphs: [{tag, runs, level: 0}]})
    this.images(images)
  }

  private list(node: Element) {
    const paragraphs: Paragraph[] = []
    const images: Element[] = []
    const items = (list: Element, level: number) => {
      const start = list.tagName === 'ol' ? Number(list.properties?.start ?? 1) || 1 : undefined
      for (const item of list.children) {
        if (item.type !== 'element' || item.tagName !== 'li') continue
        const tag = this.tags.tag(item)
        const nested = item.children.filter((child): child is Element => child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol'))
        const own = item.children.filter((child) => !nested.includes(child as Element))
        paragraphs.push({tag, runs: inlineRuns(flattenBlocks(own), tag, this.context(images)), level, bullet: true, ...(start !== undefined && start !== 1 ? {start} : {})})
        for (const sub of nested) items(sub, level + 1)
      }
    }
    const list = this.tags.tag(node)
    this.boxes.push(list)
    items(node, 0)
    if (paragraphs.length > 0) this.blocks.push({type: 'text', role: 'text', paragraphs, list})
    this.images(images)
  }

  private code(pre: Element) {
    const code = pre.children.find((node): node is Element => node.type === 'element' && node.tagName === 'code') ?? pre
    this.boxes.push(this.tags.tag(pre))
    if (code !== pre) this.boxes.push(this.tags.tag(code))
    const tag = this.tags.tag(code)
    const runs = inlineRuns(code.children, tag, {...this.context([]), preserve: true})
    // One paragraph a line: PowerPoint keeps the lines apart without relying on line-break characters.
    const lines: Run[][] = [[]]
    for (const run of runs) {
      run.text.split('\n').forEach((part, index) => {
        if (index > 0) lines.push([])
        lines.at(-1)!.push({...run, text: part})
      })
    }
    // An empty line keeps an empty run in the code's font, so it is as tall as the others.
    if (lines.length > 1 && lines.at(-1)!.every((run) => !run.text)) lines.pop()
    this.blocks.push({type: 'text', role: 'code', paragraphs: lines.map((line) => ({tag, runs: line, level: 0}))})
  }

  private table(node: Element) {
    const rows: TableBlock['rows'] = []
    const images: Element[] = []
    const visit = (parent: Element) => {
      for (const child of parent.children) {
        if (child.type !== 'element') continue
        if (child.tagName === 'tr') {
          const cells = child.children
            .filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'))
            .map((cell): TableCell => {
              const tag = this.tags.tag(cell)
              return {
                tag,
                runs: inlineRuns(flattenBlocks(cell.children), tag, this.context(images)),
                colspan: Number(cell.properties?.colSpan ?? 1) || 1,
                rowspan: Number(cell.properties?.rowSpan ?? 1) || 1
              }
            })
          rows.push({tag: this.tags.tag(child), cells})
        } else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) visit(child)
      }
    }
    visit(node)
    if (rows.length > 0) this.blocks.push({type: 'table', tag: this.tags.tag(node), rows})
    this.images(images)
  }

  /**
   * An image file as itself; typeset math and an inline SVG (a Mermaid
   * diagram) as the browser's picture of them: PowerPoint has no KaTeX, and
   * neither it nor Impress draws a diagram's SVG styles and labels as Chromium does.
   */
  private picture(node: Element) {
    const tag = this.tags.tag(node)
    if (node.tagName === 'img') {
      const src = String(node.properties?.src ?? '')
      if (src) this.blocks.push({type: 'image', tag, src, alt: String(node.properties?.alt ?? '')})
    } else this.blocks.push({type: 'image', tag, src: '', alt: pictureAlt(node), snapshot: true})
  }

  private images(images: Element[]) {
    for (const image of images) this.picture(image)
  }

  private context(images: Element[]): RunContext {
    return {tags: this.tags, images}
  }
}

/** A picture's text for screen readers: the TeX of math (KaTeX's annotation), a diagram's label. */
function pictureAlt(node: Element): string {
  if (node.tagName === 'svg') return String(node.properties?.ariaLabel ?? 'diagram')
  const tex = findElement(node, (child) => child.tagName === 'annotation')
  return tex ? toString(tex) : ''
}

function findElement(node: Element, test: (node: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    const found = test(child) ? child : findElement(child, test)
    if (found) return found
  }
  return undefined
}

/** Block children inside a paragraph-like place (a loose list item, a long footnote) run on, a line break between them. */
function flattenBlocks(nodes: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = []
  for (const node of nodes) {
    if (node.type === 'element' && BLOCK_TAGS.has(node.tagName)) {
      if (out.some((child) => child.type !== 'text' || child.value.trim())) out.push({type: 'element', tagName: 'br', properties: {}, children: []})
      out.push(...flattenBlocks(node.children))
    } else out.push(node)
  }
  return out
}
