/**
 * remark plugin, the layout step's, after citations resolve: a reference list
 * too long for one slide continues on "References (cont.)" slides. Entry
 * heights are estimated from the text length and the layout's sizes, or, once
 * the browser has measured them (the fit plan in `file.data.fit`), measured.
 * The citation step only places the whole list (cite/references.ts).
 */
import type {Element, ElementContent} from 'hast'
import {toString} from 'hast-util-to-string'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {DeckConfig} from '../config.js'
import {headedSlide, listSlides} from '../parse/slides.js'
import type {ReferenceList} from '../types.js'
import {measuredPageSizes} from './plan.js'
import type {MeasuredReferences} from './split.js'

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

export function remarkPaginateReferences() {
  return (tree: Root, file: VFile) => {
    const slide = listSlides(tree).find((candidate) => candidate.children.some((node) => node.type === 'referenceList'))
    if (!slide) return
    const index = slide.children.findIndex((node) => node.type === 'referenceList')
    const list = slide.children[index] as ReferenceList
    const entries = list.entries.filter((node): node is Element => node.type === 'element')
    const measured = file.data.fit?.references
    const pages =
      measured && measured.entries.length === entries.length
        ? paginateMeasured(entries, measured)
        : paginate(entries, file.data.config!, slide.children.length - 1)
    if (pages.length < 2) return
    slide.children[index] = {...list, entries: pages[0]!}
    const continued = pages.slice(1).map((page) => {
      // The list's own slide's footer and logo go on with it.
      const next = {...headedSlide('references', list.continued ?? ''), footer: slide.footer, logo: slide.logo}
      next.children.push({type: 'referenceList', entries: page})
      return next
    })
    // After the slide, or after the column of sub-slides it belongs to.
    const at = tree.children.findIndex((node) => node === slide || (node.type === 'slideStack' && node.children.includes(slide)))
    tree.children.splice(at + 1, 0, ...continued)
  }
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
function paginateMeasured(entries: Element[], measured: MeasuredReferences): ElementContent[][] {
  let start = 0
  return measuredPageSizes(measured).map((size) => entries.slice(start, (start += size)))
}
