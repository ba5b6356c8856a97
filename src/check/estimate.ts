/**
 * A conservative layout estimate that can prove, without a browser, that a
 * slide fits: the fit step measures only the slides it cannot prove, and
 * when it proves them all, nothing is measured and no browser starts (a
 * small deck's first build, or a first `pdf` that loads only its print page). It errs one way only: every glyph is taken as wide as
 * the font's em (1.6 em outside Latin-1), bold or not; lines are broken word
 * by word at those widths, which can only give more lines than the browser
 * lays out; margins are the stylesheet's, and a tenth is added on top.
 * Anything it cannot bound (images, tables, code, math, raw HTML, diagrams,
 * fitted text, a scale already applied, a theme or stylesheet of the deck's
 * own, a reference list on several slides) means "measure".
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {Element, ElementContent} from 'hast'
import type {CompiledDeck} from '../deck.js'
import {hasClass} from './units.js'

/** The sizes (px) of the layout that decide how much a slide holds. */
interface Metrics {
  width: number
  height: number
  size: number
  titleSize: number
  padTop: number
  padX: number
  padBottom: number
  noteSize: number
}

const SHIPPED = fileURLToPath(new URL('../../', import.meta.url))
// Extra room taken on top of the estimate, as a share of it.
const MARGIN = 1.1
// Inline elements that only restyle text (none changes its size beyond the em bound but `code`, counted as such).
const INLINE = new Set(['a', 'em', 'strong', 'i', 'b', 'code', 'span', 'sup', 'sub', 'br', 'small', 's', 'del', 'ins', 'mark', 'cite', 'q', 'abbr', 'u', 'kbd'])

/** True when every slide of `deck` fits by the estimate (so measuring cannot change the deck). */
export function provenToFit(deck: CompiledDeck): boolean {
  return provenSlides(deck).every(Boolean)
}

/**
 * Which slides of `deck` (in `deck.sections` order) fit by the estimate: the
 * fit step measures only the others, since measuring a slide that fits
 * changes nothing in the plan (it neither scales nor splits it).
 */
export function provenSlides(deck: CompiledDeck): boolean[] {
  const metrics = deckMetrics(deck)
  if (!metrics) return deck.sections.map(() => false)
  // A list on several slides is split by an estimate that measuring would replace: its slides are measured.
  const several = deck.sections.filter((section) => hasClass(section, 'cd-references')).length > 1
  return deck.sections.map((section) => !(several && hasClass(section, 'cd-references')) && slideFits(section, metrics))
}

/** The layout's sizes when the deck uses only citedeck's own stylesheets and has no images; else `undefined`. */
export function deckMetrics(deck: CompiledDeck): Metrics | undefined {
  const {styles, images, mathFonts} = deck.parts
  if (images.length > 0 || mathFonts.length > 0 || !styles.every((style) => style.source.startsWith(SHIPPED))) return undefined
  const css = styles.map((style) => readFileSync(style.source, 'utf8')).join('\n')
  // The last value set wins, as in the cascade (the theme comes after the layout's defaults).
  const value = (name: string, fallback: number) => {
    const found = [...css.matchAll(new RegExp(`--cd-${name}:\\s*([\\d.]+)px`, 'g'))].at(-1)
    return found ? Number(found[1]) : fallback
  }
  return {
    width: deck.config.width,
    height: deck.config.height,
    size: value('size', 32),
    titleSize: value('title-size', 48),
    padTop: value('padding-top', 44),
    padX: value('padding-x', 64),
    padBottom: value('padding-bottom', 36),
    noteSize: value('footnote-size', 20)
  }
}

/** Whether one slide fits by the estimate. */
export function slideFits(section: Element, metrics: Metrics): boolean {
  const {class: _, className, ...rest} = section.properties ?? {}
  const classes = (className as string[] | undefined) ?? []
  if (Object.keys(rest).some((name) => name !== 'id') || classes.some((name) => name !== 'cd-slide' && !/^cd-(title|section|content|quote|references)$/.test(name))) return false
  let used = 0
  let room = metrics.height - metrics.padTop - metrics.padBottom
  for (const child of section.children) {
    if (child.type !== 'element') continue
    if (hasClass(child, 'cd-body')) {
      const height = bodyHeight(child, metrics)
      if (height === undefined) return false
      used += height
    } else if (hasClass(child, 'cd-footnotes')) {
      const notes = notesHeight(child, metrics)
      if (notes === undefined) return false
      room -= notes
    } else if (hasClass(child, 'cd-slide-foot')) {
      // The footer line and logo sit in the body's bottom padding and below it: a line's worth more.
      room -= 2 * metrics.size
    } else if (!(child.tagName === 'aside' && hasClass(child, 'notes'))) return false
  }
  return used * MARGIN <= room
}

function bodyHeight(body: Element, metrics: Metrics): number | undefined {
  const width = metrics.width - 2 * metrics.padX
  let total = 0
  for (const block of body.children) {
    if (block.type !== 'element') {
      if (block.type === 'text' && block.value.trim() !== '') return undefined
      continue
    }
    const height = blockHeight(block, width, metrics, body.children.find((node) => node.type === 'element') === block)
    if (height === undefined) return undefined
    total += height
  }
  return total
}

/** A block's height with its bottom margin, at `width`. */
function blockHeight(block: Element, width: number, metrics: Metrics, first: boolean): number | undefined {
  const {size} = metrics
  switch (block.tagName) {
    case 'h1':
    case 'h2':
    case 'h3': {
      const font = first && block.tagName === 'h2' ? metrics.titleSize : block.tagName === 'h3' ? size * 1.25 : size * 1.5
      // Title padding, rule (at most 6 px) and the after-rule of a title slide's h1: 1 em and 12 px.
      return text(block, width, font, 1.15, font + 12) ?? undefined
    }
    case 'p': {
      // A paragraph with a class of its own (a title slide's subtitle is 1.1 em) is taken as a quarter larger.
      const font = block.properties?.className ? 1.25 * size : size
      return text(block, width, font, 1.35, 0.6 * font)
    }
    case 'ul':
    case 'ol':
      return list(block, width, metrics, size)
    case 'div':
      return hasClass(block, 'cd-references') ? references(block, width) : undefined
    case 'figure':
      if (!hasClass(block, 'cd-quotation')) return undefined
      return sum(block.children, (part) => (part.tagName === 'blockquote' ? quote(part, width - 2 * size, size * 1.1) : part.tagName === 'figcaption' ? text(part, width, size, 1.35, 0.6 * size) : undefined))
    case 'blockquote':
      return quote(block, width - 2 * size, size * 1.1)
    default:
      return undefined
  }
}

function quote(block: Element, width: number, font: number): number | undefined {
  return sum(block.children, (part) => (part.tagName === 'p' ? text(part, width, font, 1.4, 0.8 * font) : undefined))
}

/** A list at `width`: each item's text and margins (0.4 em above and below), nested lists indented further. */
function list(block: Element, width: number, metrics: Metrics, font: number): number | undefined {
  // The list's margin (1.1 em) and the browser's own 40 px padding, with room to spare.
  const inner = width - 1.1 * font - 48
  const items = sum(block.children, (item) => {
    if (item.tagName !== 'li') return undefined
    const inline = item.children.filter((child) => child.type === 'text' || (child.type === 'element' && INLINE.has(child.tagName)))
    const blocks = item.children.filter((child): child is Element => child.type === 'element' && !INLINE.has(child.tagName))
    const own = inline.length > 0 ? text({...item, children: inline}, inner, font, 1.35, 0.8 * font) : 0
    const nested = sum(blocks, (child) => (child.tagName === 'ul' || child.tagName === 'ol' ? list(child, inner, metrics, font) : child.tagName === 'p' ? text(child, inner, font, 1.35, 0.8 * font) : undefined))
    return own === undefined || nested === undefined ? undefined : own + nested
  })
  return items === undefined ? undefined : items + 0.6 * font
}

/** A reference list on one slide: entries at 22 px with a hanging indent (assets/layout.css). */
function references(block: Element, width: number): number | undefined {
  return sum(block.children, (entry) => (hasClass(entry, 'csl-entry') ? text(entry, width - 1.5 * 22, 22, 1.3, 0.45 * 22) : undefined))
}

function notesHeight(footer: Element, metrics: Metrics): number | undefined {
  const list = footer.children.find((child): child is Element => child.type === 'element' && child.tagName === 'ol')
  if (!list) return undefined
  const font = metrics.noteSize
  const width = metrics.width - 2 * metrics.padX - 1.6 * font
  const items = sum(list.children, (item) => (item.tagName === 'li' ? text(item, width, font, 1.3, 0.3 * font) : undefined))
  // The rule and padding above and below the notes.
  return items === undefined ? undefined : items + 33
}

/** Adds `height` over the element children (text between them must be blank); `undefined` when any is unknown. */
function sum(children: ElementContent[], height: (child: Element) => number | undefined): number | undefined {
  let total = 0
  for (const child of children) {
    if (child.type === 'text' && child.value.trim() === '') continue
    if (child.type !== 'element') return undefined
    const value = height(child)
    if (value === undefined) return undefined
    total += value
  }
  return total
}

/**
 * The height of `node`'s text at `font` px, `lineHeight`, in `width` px, plus
 * `after`: words broken onto lines greedily, every glyph an em wide (1.6 em
 * outside Latin-1). `undefined` for content that is not text.
 */
function text(node: Element, width: number, font: number, lineHeight: number, after: number): number | undefined {
  const words = wordsOf(node)
  if (words === undefined) return undefined
  const space = 0.5 * font
  let lines = words.length > 0 ? 1 : 0
  let used = 0
  for (const word of words) {
    if (word === '\n') {
      lines++
      used = 0
      continue
    }
    const wide = [...word].reduce((total, char) => total + (char.codePointAt(0)! <= 0xff ? 1 : 1.6), 0) * font
    // A word wider than the line may run out of the slide to the right.
    if (wide > width) return undefined
    if (used > 0 && used + space + wide > width) {
      lines++
      used = wide
    } else used += (used > 0 ? space : 0) + wide
  }
  return lines * font * lineHeight + after
}

/**
 * The words of inline content, `\n` for a line break; `undefined` when it
 * holds anything but text. Text is joined across elements first, since the
 * browser breaks lines only at spaces (`a<sup>1</sup>` is one word); inline
 * code gets two glyphs more for its padding.
 */
function wordsOf(node: Element): string[] | undefined {
  let joined = ''
  const walk = (children: ElementContent[]): boolean =>
    children.every((child) => {
      if (child.type === 'text') {
        joined += child.value
        return true
      }
      if (child.type !== 'element' || !INLINE.has(child.tagName) || hasClass(child, 'r-fit-text')) return child.type === 'comment'
      if (child.tagName === 'br') joined += ' \u2029 '
      if (child.tagName === 'code') joined += '\u00b7\u00b7'
      return walk(child.children)
    })
  return walk(node.children) ? joined.split(/[ \t\r\n\f]+/).filter(Boolean).map((word) => (word === '\u2029' ? '\n' : word)) : undefined
}
