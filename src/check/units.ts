/**
 * Where a slide may be cut: its "units", the blocks a continuation slide may
 * start at. Top-level blocks, or, inside a list, table, block quote or div,
 * its items, rows or paragraphs, so a long list breaks between bullets and
 * never inside a sentence. The measuring side (hast, `unitElements`) and the
 * splitting side (mdast, `split.ts`) agree through source offsets: every unit
 * is named by where it starts in the Markdown.
 */
import type {Element, ElementContent} from 'hast'

/** The `.cd-body` of a slide `<section>`. */
export function slideBody(section: Element): Element | undefined {
  return section.children.find((node): node is Element => node.type === 'element' && hasClass(node, 'cd-body'))
}

/** The unit elements of a slide body, in order; a leading heading is the title, not a unit. */
export function unitElements(body: Element): Element[] {
  const blocks = elements(body.children)
  if (blocks[0] && /^h[1-3]$/.test(blocks[0].tagName)) blocks.shift()
  return blocks.flatMap((block) => {
    const inner = innerUnits(block).filter((node) => offsetOf(node) !== undefined)
    return inner.length >= 2 ? inner : [block]
  })
}

/** The parts a container may be cut between (none for other blocks). */
function innerUnits(block: Element): Element[] {
  switch (block.tagName) {
    case 'ul':
    case 'ol':
    case 'blockquote':
    case 'div':
      return elements(block.children)
    case 'table':
      return elements(block.children)
        .filter((node) => node.tagName === 'tbody')
        .flatMap((tbody) => elements(tbody.children))
    case 'figure': {
      // A styled quotation: its paragraphs; the attribution goes with the last one.
      const quote = elements(block.children).find((node) => node.tagName === 'blockquote')
      return quote ? elements(quote.children) : []
    }
    default:
      return []
  }
}

/** Elements whose text reveal fits to the slide (`.r-fit-text`), in document order, as the page finds them. */
export function fitTextElements(body: Element): Element[] {
  const found: Element[] = []
  const visit = (node: Element) => {
    for (const child of elements(node.children)) {
      if (hasClass(child, 'r-fit-text')) found.push(child)
      visit(child)
    }
  }
  visit(body)
  return found
}

export function offsetOf(node: {position?: {start: {offset?: number}}}): number | undefined {
  return node.position?.start.offset
}

function elements(nodes: ElementContent[]): Element[] {
  return nodes.filter((node): node is Element => node.type === 'element')
}

export function hasClass(node: Element, name: string): boolean {
  const value = node.properties?.className
  return Array.isArray(value) && value.includes(name)
}
