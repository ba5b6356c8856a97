/**
 * Per-slide reuse for rebuilds on save. After parsing (see `ParseCache`), most
 * of a rebuild is turning 300 slides into hast and HTML again although one
 * changed. A slide is a pure function of its finished mdast node: citations
 * resolved to hast, footnotes attached, fit scale in its attributes. So the
 * node, with its positions counted from the slide's start, is the key: a
 * slide the last build rendered the same gets its `<section>` back, moved to
 * where the slide is now, and its HTML as it was serialised.
 *
 * Slides that use deck-wide Markdown state are always rendered: link and
 * image references (their definitions may be on another slide) and footnote
 * references citedeck did not resolve (numbered across the deck).
 */
import type {Element} from 'hast'
import {toHtml} from 'hast-util-to-html'
import type {Handler, Handlers} from 'mdast-util-to-hast'
import type {Position} from 'unist'
import {handlers} from '../render/handlers.js'
import type {Slide} from '../types.js'
import {shiftPositions} from '../walk.js'

interface Entry {
  section: Element
  /** Where the slide was when `section` got its positions. */
  position: Position | undefined
  html?: string
}

const DECK_WIDE = ['"type":"linkReference"', '"type":"imageReference"', '"type":"footnoteReference"']

export class SlideCache {
  private entries = new Map<string, Entry>()
  private used = new Map<string, Entry>()
  private readonly bySection = new WeakMap<Element, Entry>()
  /** Slides rendered and reused by the last build, for tests and benchmarks. */
  readonly stats = {rendered: 0, reused: 0}

  /** A build starts: only slides the previous one used are worth keeping. */
  startBuild(): void {
    this.entries = this.used
    this.used = new Map()
    this.stats.rendered = 0
    this.stats.reused = 0
  }

  /**
   * The slide's section: the one an identical slide got, its positions moved
   * to this slide's place, else a new one from `render`. Sections are shared
   * from build to build: what changes them after rendering (highlighting,
   * inlined images) gives the same result when done twice.
   */
  section(slide: Slide, render: () => Element): Element {
    const key = signature(slide)
    if (DECK_WIDE.some((type) => key.includes(type))) {
      this.stats.rendered++
      return render()
    }
    const earlier = this.entries.get(key)
    // An identical slide twice in one deck gets a section of its own.
    const entry = this.used.has(key) ? undefined : earlier
    if (entry) {
      const [from, to] = [entry.position?.start, slide.position?.start]
      if (from && to) shiftPositions(entry.section, to.line - from.line, (to.offset ?? 0) - (from.offset ?? 0))
      entry.position = slide.position
      this.stats.reused++
    } else this.stats.rendered++
    const kept = entry ?? {section: render(), position: slide.position}
    if (!this.used.has(key)) this.used.set(key, kept)
    this.bySection.set(kept.section, kept)
    return kept.section
  }

  /** The section's HTML, serialised once per distinct slide. */
  html(section: Element): string {
    const entry = this.bySection.get(section)
    if (entry?.html !== undefined) return entry.html
    const html = toHtml(section, {allowDangerousHtml: true})
    if (entry) entry.html = html
    return html
  }
}

/**
 * The slide's finished node as text, positions counted from the slide's
 * start: two slides with the same signature render the same, and one's
 * positions are the other's moved by the distance between their starts.
 */
function signature(slide: Slide): string {
  const base = slide.position?.start
  const line = base?.line ?? 0
  const offset = base?.offset ?? 0
  return JSON.stringify(slide, (name, value: unknown) => {
    if (name !== 'position' || !value) return value
    const {start, end} = value as Position
    return [start.line - line, start.column, (start.offset ?? 0) - offset, end.line - line, end.column, (end.offset ?? 0) - offset]
  })
}

/** The pipeline's mdast → hast handlers, with slides taken from `cache` when they can be. */
export function cachedHandlers(cache: SlideCache): Handlers {
  const render = (handlers as Record<string, Handler>).slide!
  const slide: Handler = (state, node: Slide, parent) => cache.section(node, () => render(state, node, parent) as Element)
  return {...handlers, slide} as Handlers
}
