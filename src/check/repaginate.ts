/**
 * The reference list paginated again by measured heights, in the compiled
 * deck itself. On a cold build the estimate (reference-pages.ts) almost
 * always splits a long list differently from the browser, and compiling the
 * whole deck again for that (parse, citations, 300 slides to hast) costs more
 * than the measuring: only the reference slides change, so only they are
 * made again, from the entries and the "(cont.)" slide the compile made, and
 * the document is assembled anew. The result is the deck a compile with the
 * measured plan gives (tests/check/repaginate.test.ts compares them).
 */
import type {Element, ElementContent} from 'hast'
import {toHtml} from 'hast-util-to-html'
import type {CompiledDeck} from '../deck.js'
import {assembleDeck} from '../render/assemble.js'
import {measuredPageSizes} from './plan.js'
import type {MeasuredReferences} from './split.js'
import {hasClass} from './units.js'

/** `deck` with its references split as `measured` says; `undefined` when it cannot be done here (compile again then). */
export async function repaginateReferences(deck: CompiledDeck, measured: MeasuredReferences): Promise<CompiledDeck | undefined> {
  const body = deck.parts.body
  const at = body.findIndex((node) => slidesOf(node).some(listOf))
  if (at < 0) return undefined
  const own = slidesOf(body[at]!).find(listOf)!
  // The continuations the compile added follow the list's slide (or its column of sub-slides).
  let end = at + 1
  while (end < body.length && isContinuation(body[end]!)) end++
  const continued = body.slice(at + 1, end)
  const entries = [own, ...continued].flatMap((slide) => listOf(slide)!.children)
  const template = continued[0]
  const sizes = measuredPageSizes(measured)
  // Another entry count means another bibliography; a new continuation needs the compile's "(cont.)" title.
  if (measured.entries.length !== entries.length || (sizes.length > 1 && !template)) return undefined
  let start = 0
  const pages = sizes.map((size) => entries.slice(start, (start += size)))
  const first = withEntries(own, pages[0]!)
  const slides = body[at] === own ? first : {...body[at]!, children: body[at]!.children.map((child) => (child === own ? first : child))}
  const rest = pages.slice(1).map((page) => withEntries(template!, page))
  const parts = {...deck.parts, body: [...body.slice(0, at), slides, ...rest, ...body.slice(end)]}
  // Slides not made again keep the HTML they were serialised to.
  const known = new Map(deck.sections.map((section, index) => [section, deck.sectionsHtml[index]!]))
  const serialise = (section: Element) => known.get(section) ?? toHtml(section, {allowDangerousHtml: true})
  const assembled = await assembleDeck(parts, deck.config, {embed: deck.embedded, serialise})
  return {...deck, ...assembled, parts, slideCount: assembled.sections.length}
}

/** The slides of a top-level node: itself, or the sub-slides of a column. */
function slidesOf(node: Element): Element[] {
  return hasClass(node, 'cd-stack') ? node.children.filter((child): child is Element => child.type === 'element') : [node]
}

/** The `.cd-references` list in a slide's body. */
function listOf(slide: Element): Element | undefined {
  const body = slide.children.find((child): child is Element => child.type === 'element' && hasClass(child, 'cd-body'))
  return body?.children.find((child): child is Element => child.type === 'element' && hasClass(child, 'cd-references'))
}

/** A "References (cont.)" slide the paginator made: no source position, a title and the list. */
function isContinuation(node: Element): boolean {
  return hasClass(node, 'cd-references') && node.position === undefined && listOf(node) !== undefined
}

/** A copy of `slide` whose list holds `entries`; the rest of the slide is shared (nothing changes it after). */
function withEntries(slide: Element, entries: ElementContent[]): Element {
  const list = listOf(slide)!
  const body = slide.children.find((child): child is Element => child.type === 'element' && child.children.includes(list))!
  const newBody = {...body, children: body.children.map((child) => (child === list ? {...list, children: entries} : child))}
  return {...slide, children: slide.children.map((child) => (child === body ? newBody : child))}
}
