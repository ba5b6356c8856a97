/**
 * The reference list, on the slide where pandoc's `::: {#refs}` stands, else
 * on a last slide titled for it (`## References` with nothing below), else on
 * a new slide at the end. A list too long for one slide continues on
 * "References (cont.)" slides; heights are estimated from the text length
 * and the layout's sizes, or, once the browser has measured them (the fit
 * step of a build), taken from `tree.data.measuredReferences`.
 */
import type {Element, ElementContent} from 'hast'
import {toString} from 'hast-util-to-string'
import type {Root, RootContent} from 'mdast'
import type {DeckConfig} from '../config.js'
import {deckFoot, headedSlide} from '../parse/slides.js'
import {measuredPageSizes} from '../check/plan.js'
import type {MeasuredReferences} from '../check/split.js'
import type {ReferenceList, Slide} from '../types.js'
import type {CiteEngine} from './engine.js'
import {toHast} from './engine.js'

// Must agree with `.cd-references` in assets/layout.css.
const FONT_SIZE = 22
const LINE_HEIGHT = 1.3
const ENTRY_GAP = 0.45
const HANGING_INDENT = 1.5
// Average glyph width of a proportional font, in em; generous so the estimate errs short.
const GLYPH_WIDTH = 0.5
// Slide padding (top, bottom), the `##` title with its rule, and a safety margin, in px.
const PADDING_X = 64
const RESERVED_HEIGHT = 48 + 72 + 16 + 20

const LIST_TITLE = /^(references|works cited|bibliography|sources|literature|references cited)$/i

export function placeReferences(tree: Root, slides: Slide[], engine: CiteEngine, config: DeckConfig): void {
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
  const foot = deckFoot(config)
  if (!slide) {
    slide = {...headedSlide('references', title), ...foot}
    const definitions = tree.children.findIndex((node) => node.type === 'definition')
    tree.children.splice(definitions === -1 ? tree.children.length : definitions, 0, slide)
  }
  slide.kind = 'references'

  const before = place ? place.slide.children.slice(0, place.index) : slide.children
  const after = place ? place.slide.children.slice(place.index + 1) : []
  const measured = tree.data?.measuredReferences
  const pages =
    measured && measured.entries.length === entries.length
      ? paginateMeasured(entries, measured)
      : paginate(entries, config, before.length + after.length)
  slide.children = [...before, list(pages[0]!), ...after]

  const continued = pages.slice(1).map((page) => {
    const next: Slide = {...headedSlide('references', `${slide.title || title} (cont.)`), ...foot}
    next.children.push(list(page))
    return next
  })
  // After the slide, or after the column of sub-slides it belongs to.
  const at = tree.children.findIndex((node) => node === slide || (node.type === 'slideStack' && node.children.includes(slide)))
  tree.children.splice(at + 1, 0, ...continued)
}

function list(entries: ElementContent[]): ReferenceList {
  return {type: 'referenceList', entries}
}

function findRefsDiv(slides: Slide[]): {slide: Slide; index: number} | undefined {
  for (const slide of slides) {
    const index = slide.children.findIndex((node: RootContent) => node.type === 'fencedDiv' && node.attributes.id === 'refs')
    if (index !== -1) return {slide, index}
  }
  return undefined
}

/** Splits entries into slides' worth by estimated height; `blocks` other blocks share the first slide. */
function paginate(entries: Element[], config: DeckConfig, blocks: number): Element[][] {
  const lineHeight = FONT_SIZE * LINE_HEIGHT
  const charsPerLine = Math.floor((config.width - 2 * PADDING_X - HANGING_INDENT * FONT_SIZE) / (FONT_SIZE * GLYPH_WIDTH))
  const height = (entry: Element) => Math.ceil(toString(entry).trim().length / charsPerLine) * lineHeight + ENTRY_GAP * FONT_SIZE
  const capacity = config.height - RESERVED_HEIGHT
  const pages: Element[][] = [[]]
  // The title counts as one block; each further block takes about two lines.
  let used = Math.max(0, blocks - 1) * 2 * lineHeight
  for (const entry of entries) {
    const needed = height(entry)
    if (used + needed > capacity && pages[pages.length - 1]!.length > 0) {
      pages.push([])
      used = 0
    }
    pages[pages.length - 1]!.push(entry)
    used += needed
  }
  return pages
}

/** Splits entries by their measured heights. */
function paginateMeasured(entries: Element[], measured: MeasuredReferences): Element[][] {
  let start = 0
  return measuredPageSizes(measured).map((size) => entries.slice(start, (start += size)))
}

function isElement(node: ElementContent): node is Element {
  return node.type === 'element'
}
