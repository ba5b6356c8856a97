/**
 * Code highlighting at build time, so the deck needs no highlighter script.
 * rehype-highlight loads three dozen grammars (about 100 ms), so it is
 * imported only for decks that have a fenced code block with a language.
 */
import type {Element, Root} from 'hast'
import type {Node} from 'unist'
import type {VFile} from 'vfile'
import {someNode} from '../walk.js'

export function rehypeHighlightCode() {
  return async (tree: Root, file: VFile) => {
    if (!someNode(tree, isHighlightedCode)) return
    const {default: rehypeHighlight} = await import('rehype-highlight')
    rehypeHighlight({detect: false})(tree, file)
  }
}

function isHighlightedCode(node: Node): boolean {
  const element = node as Element
  const className = element.properties?.className
  return element.tagName === 'code' && Array.isArray(className) && className.some((name) => String(name).startsWith('language-'))
}
