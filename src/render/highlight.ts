/**
 * Code highlighting at build time, so the deck needs no highlighter script.
 * rehype-highlight loads three dozen grammars (about 100 ms), so it is
 * imported only for decks that have a fenced code block with a language.
 */
import type {Element, Root} from 'hast'
import {visit, EXIT} from 'unist-util-visit'
import type {VFile} from 'vfile'

export function rehypeHighlightCode() {
  return async (tree: Root, file: VFile) => {
    let needed = false
    visit(tree, 'element', (node: Element) => {
      const className = node.properties?.className
      if (node.tagName === 'code' && Array.isArray(className) && className.some((name) => String(name).startsWith('language-'))) {
        needed = true
        return EXIT
      }
    })
    if (!needed) return
    const {default: rehypeHighlight} = await import('rehype-highlight')
    rehypeHighlight({detect: false})(tree, file)
  }
}
