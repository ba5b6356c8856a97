/**
 * The reference list, on the slide where pandoc's `::: {#refs}` stands, else
 * on a last slide titled for it (`## References` with nothing below), else on
 * a new slide at the end. The whole list goes on that slide: the layout step
 * (check/reference-pages.ts) continues a list too long for one slide on
 * "References (cont.)" slides.
 */
import type {Element, ElementContent} from 'hast'
import type {Root, RootContent} from 'mdast'
import type {DeckConfig} from '../config.js'
import {deckFoot, headedSlide} from '../parse/slides.js'
import type {Slide} from '../types.js'
import type {CiteEngine} from './engine.js'

const LIST_TITLE = /^(references|works cited|bibliography|sources|literature|references cited)$/i

/** Places the reference list; `toHast` parses citeproc's HTML (the project's cache keeps it). */
export function placeReferences(tree: Root, slides: Slide[], engine: CiteEngine, config: DeckConfig, toHast: (html: string) => ElementContent[]): void {
  const entries = engine.bibliography().flatMap((entry) => toHast(entry.html).filter(isElement))
  const place = findRefsDiv(slides)
  if (entries.length === 0) {
    if (place) place.slide.children.splice(place.index, 1)
    return
  }
  const title = config.referencesTitle || engine.style.referencesTitle
  let slide = place?.slide
  if (!slide) {
    const last = slides[slides.length - 1]
    slide = last && LIST_TITLE.test(last.title) && last.children.length <= 1 ? last : undefined
  }
  if (!slide) {
    // A slide citedeck adds carries the deck's footer and logo, as every other slide does.
    slide = {...headedSlide('references', title), ...deckFoot(config)}
    const definitions = tree.children.findIndex((node) => node.type === 'definition')
    tree.children.splice(definitions === -1 ? tree.children.length : definitions, 0, slide)
  }
  slide.kind = 'references'

  const before = place ? place.slide.children.slice(0, place.index) : slide.children
  const after = place ? place.slide.children.slice(place.index + 1) : []
  slide.children = [...before, {type: 'referenceList', entries, continued: `${slide.title || title} (cont.)`}, ...after]
}

function findRefsDiv(slides: Slide[]): {slide: Slide; index: number} | undefined {
  for (const slide of slides) {
    const index = slide.children.findIndex((node: RootContent) => node.type === 'fencedDiv' && node.attributes.id === 'refs')
    if (index !== -1) return {slide, index}
  }
  return undefined
}

function isElement(node: ElementContent): node is Element {
  return node.type === 'element'
}
