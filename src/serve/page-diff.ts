/**
 * What changed between two builds of a deck page, so an open page can be
 * patched instead of fetching and parsing the whole deck again. The page is
 * cut at its slides: each slide's HTML (`sectionsHtml`, the same text as inside
 * the page), and the skeleton between them (the document around the
 * slides, and the `<section>` wrappers of vertical stacks).
 *
 * - same skeleton: only the slides whose HTML differs are sent (`patch`);
 * - same document around the slides but another skeleton: slides were added,
 *   removed or regrouped, and the page replaces all its slides (`replace`);
 * - another document around them (title, size, theme, settings): `reload`.
 */
import type {CompiledDeck} from '../deck.js'

export interface PageParts {
  /** Every slide's `<section>` HTML, sub-slides included, in page order. */
  slides: string[]
  /** The text before, between and after the slides (`slides.length + 1` pieces). */
  skeleton: string[]
}

/** One slide to patch: its index among all slides, its old and its new HTML. */
export type SlidePatch = [index: number, before: string, after: string]

export type PageChange = {mode: 'reload'} | {mode: 'replace'} | {mode: 'patch'; count: number; patches: SlidePatch[]}

/** Cuts the deck's page at its slides; `undefined` if a slide's HTML is not found as is. */
export function pageParts(deck: CompiledDeck): PageParts | undefined {
  const {html, sectionsHtml: slides} = deck
  const skeleton: string[] = []
  let from = 0
  for (const slide of slides) {
    const at = html.indexOf(slide, from)
    if (at < 0) return undefined
    skeleton.push(html.slice(from, at))
    from = at + slide.length
  }
  skeleton.push(html.slice(from))
  return {slides, skeleton}
}

export function pageChange(before: PageParts | undefined, after: PageParts | undefined): PageChange {
  if (!before || !after) return {mode: 'reload'}
  // The document around the slides: up to the first slide and after the last.
  if (before.skeleton[0] !== after.skeleton[0] || before.skeleton.at(-1) !== after.skeleton.at(-1)) return {mode: 'reload'}
  const sameShape =
    before.slides.length === after.slides.length && before.skeleton.every((piece, index) => piece === after.skeleton[index])
  if (!sameShape) return {mode: 'replace'}
  const patches: SlidePatch[] = []
  after.slides.forEach((slide, index) => {
    if (slide !== before.slides[index]) patches.push([index, before.slides[index]!, slide])
  })
  return {mode: 'patch', count: after.slides.length, patches}
}
