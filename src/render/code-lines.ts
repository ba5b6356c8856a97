/**
 * Numbers and marks the lines of code blocks written with
 * `code-line-numbers` (parse/pandoc/code-lines.ts), after highlighting:
 * rehype-highlight-code-lines wraps each line in a `span.code-line` (split
 * across highlight.js's spans, multi-line comments included) with its number
 * and, for highlighted lines, `highlighted-code-line`; layout.css draws the
 * numbers and dims the other lines. Loaded only for decks that have one.
 */
import type {Element, Root} from 'hast'
import type {Node} from 'unist'
import {someNode} from '../walk.js'

export function rehypeCodeLines() {
  return async (tree: Root) => {
    if (!someNode(tree, isNumberedCode)) return
    const {default: rehypeHighlightCodeLines} = await import('rehype-highlight-code-lines')
    // A unified plugin called as its transformer: it needs neither the processor nor the file.
    const transform = (rehypeHighlightCodeLines as unknown as () => (tree: Root) => void)()
    transform(tree)
  }
}

function isNumberedCode(node: Node): boolean {
  const element = node as Element
  const className = element.properties?.className
  return element.tagName === 'pre' && Array.isArray(className) && className.includes('cd-code-lines')
}
