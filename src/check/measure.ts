/**
 * Measures slides in headless Chromium at the deck's size, all in one page
 * load of the print layout (every slide laid out at once, as in the PDF): how
 * far each slide's body and footnotes run past its frame, text smaller than
 * the theme allows, images that did not load, and where each unit (block,
 * bullet, row) sits, for the fitter. Results are cached by the slide's HTML,
 * so only slides that changed are loaded again; when all are known, no
 * browser starts at all.
 */
import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import type {Element} from 'hast'
import {toHtml} from 'hast-util-to-html'
import type {Point, Position} from 'unist'
import type {CompiledDeck} from '../deck.js'
import type {BrowserSource} from '../export/browser-source.js'
import type {MeasureCache} from './cache.js'
import {MeasurePage} from './measure-page.js'
import type {SlideMeasurement} from './page.js'
import {fitTextElements, slideBody, unitElements} from './units.js'

export type {SlideMeasurement} from './page.js'

/** A measured slide with what it takes to report on it. */
export interface MeasuredSlide extends SlideMeasurement {
  /** 1-based, in deck order (sub-slides counted). */
  number: number
  title: string
  kind: string
  position?: Position
  /** Where to report on it: its start, or for a slide citedeck made (title, references cont.), the slide before it, or line 1. */
  place: Point
  /** Source offsets of the units, matching `units`. */
  unitOffsets: Array<number | undefined>
  /** Source offsets of the `.r-fit-text` elements, matching `fitText`. */
  fitTextOffsets: Array<number | undefined>
  /** The `--cd-fit` scale the slide was measured at. */
  scale: number
}

export interface MeasureOptions {
  /**
   * An open browser, or a function opening one when first needed (the
   * project's: it is launched only when some slide is not in `cache`).
   */
  browser: BrowserSource
  /** Known measurements (default: none). */
  cache?: MeasureCache
  /** Text below this many CSS pixels is reported (default: the theme's `--cd-min-size`, else 18). */
  minFontSize?: number
  /** Called before slides are loaded in the browser, with how many (default: nothing). */
  onMeasure?: (slides: number) => void
  /** Milliseconds for the page to load and settle (default: 60 000). */
  timeout?: number
  /** A page kept open for several measurements (the fit step's rounds); default: one opened and closed for this call. */
  page?: MeasurePage
  /**
   * Slides known to fit (by `deck.sections` index; the fit step's estimate):
   * not loaded, and recorded as fitting with nothing else known of them
   * (default: none; `check` measures every slide).
   */
  proven?: readonly boolean[]
}

export interface Measurement {
  slides: MeasuredSlide[]
  /** Slides loaded in the browser this time (the rest came from the cache, or were proven to fit). */
  measured: number
  /** Slides taken as fitting without measuring them (`proven`). */
  proven: number
}

/** What is recorded of a slide proven to fit: no overflow, and nothing the planner would use. */
const FITS: SlideMeasurement = {
  overflowY: 0,
  overflowX: 0,
  limit: 0,
  paddingTop: 0,
  width: 0,
  units: [],
  frame: 0,
  paddingBottom: 0,
  notes: [],
  notesFrame: 0,
  unitNotes: [],
  brokenImages: [],
  fitText: []
}

/** Measures every slide of a compiled deck; throws `NOT_FOUND_BROWSER` when one is needed and none is found. */
export async function measureDeck(deck: CompiledDeck, options: MeasureOptions): Promise<Measurement> {
  const cache = options.cache ?? new Map<string, SlideMeasurement>()
  const context = await contextKey(deck)
  const sections = deck.sections
  // A slide's HTML names its content; only the slides not measured before are serialised again, tagged for the browser.
  const keys = deck.sectionsHtml.map((html) => hash(context + html))
  const proven = options.proven ?? []
  const known = (index: number) => (proven[index] ? FITS : cache.get(keys[index]!))
  const missing = sections.flatMap((_, index) => (known(index) ? [] : [index]))
  if (missing.length > 0) {
    options.onMeasure?.(missing.length)
    const page = options.page ?? new MeasurePage(options.browser, options)
    try {
      const found = await page.measure(deck, context, missing.map((index) => taggedHtml(sections[index]!)))
      missing.forEach((index, at) => cache.set(keys[index]!, found[at]!))
    } finally {
      if (!options.page) await page.close()
    }
  }
  let place: Point = {line: 1, column: 1}
  const slides = sections.map((section, index): MeasuredSlide => {
    const body = slideBody(section)
    const style = String(section.properties?.style ?? '')
    place = section.position?.start ?? place
    return {
      ...known(index)!,
      number: index + 1,
      title: body ? titleOf(body) : '',
      kind: String((section.properties?.className as string[] | undefined)?.find((name) => name.startsWith('cd-') && name !== 'cd-slide')?.slice(3) ?? ''),
      position: section.position,
      place,
      unitOffsets: body ? unitElements(body).map((unit) => unit.position?.start.offset) : [],
      fitTextOffsets: body ? fitTextElements(body).map((text) => text.position?.start.offset) : [],
      scale: Number(/--cd-fit:\s*([\d.]+)/.exec(style)?.[1] ?? 1)
    }
  })
  return {slides, measured: missing.length, proven: proven.filter(Boolean).length}
}

/** A slide's HTML with the slide and its units tagged for the page script (tagged in place, then restored). */
function taggedHtml(section: Element): string {
  const body = slideBody(section)
  const marked = [section, ...(body ? unitElements(body) : [])]
  const saved = marked.map((node) => node.properties)
  marked.forEach((node, index) => (node.properties = {...node.properties, ...(index === 0 ? {dataCdMeasure: ''} : {dataCdUnit: ''})}))
  const html = toHtml(section, {allowDangerousHtml: true})
  marked.forEach((node, index) => (node.properties = saved[index]!))
  return html
}

/** What else decides a slide's layout: the deck's size and stylesheets. */
async function contextKey(deck: CompiledDeck): Promise<string> {
  const head = deck.html.slice(0, deck.html.indexOf('<body'))
  const styles = await Promise.all(deck.assets.filter((asset) => asset.href.endsWith('.css')).map((asset) => readFile(asset.source, 'utf8')))
  return hash([MEASURE_VERSION, deck.config.width, deck.config.height, head, ...styles].join('\n'))
}

// Bump when `measureInPage` changes what it records, or the key changes, so old cache files are not trusted.
const MEASURE_VERSION = 5

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex')
}

function titleOf(body: Element): string {
  const first = body.children.find((node): node is Element => node.type === 'element')
  return first && /^h[1-3]$/.test(first.tagName) ? textOf(first).trim() : ''
}

function textOf(node: Element | Element['children'][number]): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element') return node.children.map(textOf).join('')
  return ''
}
