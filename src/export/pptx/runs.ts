/**
 * Inline hast → text runs for PowerPoint. A run keeps the tag of the nearest
 * element that the browser measured, so its font, colour, weight and baseline
 * come from the computed style (citation marks, emphasis, code highlighting)
 * rather than from a second copy of the stylesheet's rules here.
 */
import type {Element, ElementContent} from 'hast'

export interface Run {
  text: string
  /** The measured element whose computed style the run takes. */
  tag: number
  /** A link's target (http, https or mailto only). */
  href?: string
  /** A line break (`<br>`) before this run, inside the same paragraph. */
  breakBefore?: boolean
  /** Room kept in the line for the picture tagged `tag` (an inline image or formula), which is placed over it. */
  gap?: boolean
}

/** Hands out tag numbers for the elements of one slide that the browser measures. */
export class Tags {
  readonly elements: Element[] = []
  private readonly numbers = new Map<Element, number>()

  tag(element: Element): number {
    let number = this.numbers.get(element)
    if (number === undefined) {
      number = this.elements.length
      this.numbers.set(element, number)
      this.elements.push(element)
    }
    return number
  }
}

export interface RunContext {
  tags: Tags
  /** Images met inline: they become pictures of their own at their measured place. */
  images: Element[]
  /** Keep spaces and line ends as written (code blocks). */
  preserve?: boolean
}

const LINKS = /^(?:https?:|mailto:)/i

/** An element that becomes a picture: an image, typeset math (KaTeX's `.katex`), an inline SVG. */
export function isPicture(node: Element): boolean {
  return node.tagName === 'img' || node.tagName === 'svg' || ((node.properties?.className as string[] | undefined) ?? []).includes('katex')
}

/** The runs of `nodes` inside the element tagged `tag`, whitespace collapsed as HTML does. */
export function inlineRuns(nodes: ElementContent[], tag: number, context: RunContext): Run[] {
  const runs: Run[] = []
  let breakNext = false
  const visit = (node: ElementContent, current: number, href: string | undefined) => {
    if (node.type === 'text') {
      if (node.value) runs.push({text: node.value, tag: current, ...(href ? {href} : {}), ...(breakNext ? {breakBefore: true} : {})})
      if (node.value) breakNext = false
      return
    }
    if (node.type !== 'element') return
    if (node.tagName === 'br') {
      breakNext = true
      return
    }
    if (isPicture(node)) {
      // The picture goes on top at its measured place; a space as wide keeps the words around it apart.
      context.images.push(node)
      runs.push({text: '\u00A0', tag: context.tags.tag(node), gap: true, ...(breakNext ? {breakBefore: true} : {})})
      breakNext = false
      return
    }
    if (node.tagName === 'input' && node.properties?.type === 'checkbox') {
      runs.push({text: node.properties.checked ? '☑ ' : '☐ ', tag: current})
      return
    }
    const link = node.tagName === 'a' && typeof node.properties?.href === 'string' && LINKS.test(node.properties.href) ? node.properties.href : href
    const own = context.tags.tag(node)
    for (const child of node.children) visit(child, own, link)
  }
  for (const node of nodes) visit(node, tag, undefined)
  return context.preserve ? runs : collapse(runs)
}

/** HTML's white-space collapsing: runs of spaces become one, none at a line's start or end. */
function collapse(runs: Run[]): Run[] {
  let atLineStart = true
  const out: Run[] = []
  for (const run of runs) {
    if (run.breakBefore) {
      trimEnd(out)
      atLineStart = true
    }
    let text = run.text.replace(/[ \t\n\r\f]+/g, ' ')
    if (atLineStart) text = text.replace(/^ /, '')
    if (!text) continue
    atLineStart = text.endsWith(' ')
    out.push({...run, text})
  }
  trimEnd(out)
  return out
}

function trimEnd(runs: Run[]) {
  while (runs.length > 0) {
    const last = runs.at(-1)!
    const text = last.text.replace(/ $/, '')
    if (text) {
      last.text = text
      return
    }
    runs.pop()
  }
}

/** Speaker notes as plain text: one paragraph a line, list items marked, footnotes numbered. */
export function notesText(aside: Element): string {
  const lines: string[] = []
  const block = (node: ElementContent, prefix: string) => {
    if (node.type === 'text') {
      if (node.value.trim()) lines.push(prefix + flat(node.value))
      return
    }
    if (node.type !== 'element' || node.tagName === 'hr') return
    if (node.tagName === 'ul' || node.tagName === 'ol') {
      let number = 0
      for (const item of node.children) {
        if (item.type === 'element' && item.tagName === 'li') block(item, node.tagName === 'ol' ? `${++number}. ` : '• ')
      }
      return
    }
    const blocks = node.children.filter(isBlock)
    if (blocks.length === 0) {
      const text = flat(textOf(node))
      if (text) lines.push(prefix + text)
      return
    }
    // Text before the first block (a tight list item with a nested list) is a line of its own.
    const inline = node.children.filter((child) => !isBlock(child))
    const lead = flat(inline.map(textOf).join(''))
    if (lead) lines.push(prefix + lead)
    blocks.forEach((child, index) => block(child, index === 0 && !lead ? prefix : ''))
  }
  for (const node of aside.children) block(node, '')
  return lines.join('\n')
}

const BLOCKS = new Set(['p', 'ul', 'ol', 'li', 'div', 'blockquote', 'pre', 'table', 'figure', 'figcaption', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'dl', 'dt', 'dd'])

function isBlock(node: ElementContent): node is Element {
  return node.type === 'element' && BLOCKS.has(node.tagName)
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return ''
  if (node.tagName === 'br') return '\n'
  return node.children.map(textOf).join('')
}

function flat(text: string): string {
  return text.replace(/[ \t\r\f]*\n[ \t\r\f]*/g, ' ').replace(/[ \t\r\f]+/g, ' ').trim()
}
