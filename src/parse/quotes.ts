/**
 * A block quote whose last line is an attribution (`— Kennedy, 1962`) becomes a
 * styled quotation: `<figure><blockquote>…</blockquote><figcaption>`. A slide
 * holding nothing but its title and such a quote is a quote slide.
 */
import type {Blockquote, Paragraph, PhrasingContent, Root} from 'mdast'
import {SKIP, walkType} from '../walk.js'
import {listSlides} from './slides.js'

// Em dash, horizontal bar, en dash, or the ASCII `--` people type for them.
const ATTRIBUTION = /(?:^|\n)[ \t]*(?:—|―|–|--)[ \t]*(?=\S)/

export function remarkQuotes() {
  return (tree: Root) => {
    walkType<Blockquote>(tree, 'blockquote', (node) => {
      const caption = takeAttribution(node)
      if (!caption) return
      const figure: Paragraph = {
        type: 'paragraph',
        children: caption,
        data: {hName: 'figcaption', hProperties: {className: ['cd-attribution']}}
      }
      const quote: Blockquote = {type: 'blockquote', children: node.children, position: node.position}
      Object.assign(node, {
        children: [quote, figure],
        data: {hName: 'figure', hProperties: {className: ['cd-quotation']}}
      })
      return SKIP
    })
    for (const slide of listSlides(tree)) {
      const body = slide.children.filter((node) => node.type !== 'heading')
      // A styled quotation is a blockquote shown as a figure (a diagram is a figure too, but no quote).
      const only = body.length === 1 ? body[0]! : undefined
      if (slide.kind === 'content' && only?.type === 'blockquote' && only.data?.hName === 'figure') slide.kind = 'quote'
    }
  }
}

/** Removes the attribution from the quote's last paragraph and returns it. */
function takeAttribution(node: Blockquote): PhrasingContent[] | undefined {
  const last = node.children[node.children.length - 1]
  if (last?.type !== 'paragraph') return undefined
  // The attribution starts in the first text node of a line that begins with a dash.
  for (let index = 0; index < last.children.length; index++) {
    const child = last.children[index]!
    if (child.type !== 'text') continue
    const lineStart = index === 0 || last.children[index - 1]!.type === 'break'
    const match = ATTRIBUTION.exec(child.value)
    if (!match || (match.index === 0 && !lineStart && match[0][0] !== '\n')) continue
    const before = child.value.slice(0, match.index).trimEnd()
    const after = child.value.slice(match.index + match[0].length)
    const caption: PhrasingContent[] = [{type: 'text', value: '— ' + after}, ...last.children.slice(index + 1)]
    last.children = [...last.children.slice(0, index), ...(before ? [{...child, value: before}] : [])]
    while (last.children.at(-1)?.type === 'break') last.children.pop()
    if (last.children.length === 0) node.children.pop()
    return caption
  }
  return undefined
}
