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
import type {Browser, Page} from 'puppeteer-core'
import type {Point, Position} from 'unist'
import type {CompiledDeck} from '../build.js'
import {launchBrowser} from '../export/browser.js'
import {openDeck} from '../export/load.js'
import {type MeasureCache, memoryCache} from './cache.js'
import {slideBody, unitElements} from './units.js'

/** What the browser saw of one slide; pixel values at the deck's size. */
export interface SlideMeasurement {
  /** Pixels the body or the footnotes run below the slide's frame (0: fits). */
  overflowY: number
  /** Pixels the body runs past the right edge (wide tables, long words). */
  overflowX: number
  /** Where content must end: the body's height without its bottom padding, from the body's top. */
  limit: number
  /** The body's top padding (it does not shrink when the text is scaled). */
  paddingTop: number
  /** The width of the body's content box. */
  width: number
  /** `[top, bottom]` of each unit (see `units.ts`), from the body's top. */
  units: Array<[number, number]>
  /** The slide's height, and its body's bottom padding. */
  frame: number
  paddingBottom: number
  /** Heights of the footnotes, their frame (rule and padding) when there are any, and which notes each unit marks. */
  notes: number[]
  notesFrame: number
  unitNotes: number[][]
  /** The smallest text outside the footnotes, when below the minimum. */
  smallText?: {size: number; text: string}
  /** `src` of images that failed to load. */
  brokenImages: string[]
  /** A reference list: the top of the list and each entry's height (gap included). */
  references?: {top: number; entries: number[]}
}

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
  /** The `--cd-fit` scale the slide was measured at. */
  scale: number
}

export interface MeasureOptions {
  /**
   * An open browser, or a function opening one when first needed (the fit
   * step's rounds share one); default: launch one if anything needs measuring,
   * and close it after.
   */
  browser?: Browser | (() => Promise<Browser>)
  /** Known measurements (default: a process-wide memory cache). */
  cache?: MeasureCache
  /** Text below this many CSS pixels is reported (default: the theme's `--cd-min-size`, else 18). */
  minFontSize?: number
  /** Milliseconds for the page to load and settle (default: 60 000). */
  timeout?: number
}

export interface Measurement {
  slides: MeasuredSlide[]
  /** Slides loaded in the browser this time (the rest came from the cache). */
  measured: number
}

/** Measures every slide of a compiled deck; throws `NOT_FOUND_BROWSER` when one is needed and none is found. */
export async function measureDeck(deck: CompiledDeck, options: MeasureOptions = {}): Promise<Measurement> {
  const cache = options.cache ?? memoryCache
  const context = await contextKey(deck)
  const sections = deck.sections
  // The tagged HTML is what the browser measures, and it names the slide's content: one serialisation serves both.
  const tagged = sections.map(taggedHtml)
  const keys = tagged.map((html) => hash(context + html))
  const missing = sections.flatMap((_, index) => (cache.get(keys[index]!) ? [] : [index]))
  if (missing.length > 0) {
    const found = await inBrowser(deck, missing.map((index) => tagged[index]!), options)
    missing.forEach((index, at) => cache.set(keys[index]!, found[at]!))
  }
  let place: Point = {line: 1, column: 1}
  const slides = sections.map((section, index): MeasuredSlide => {
    const body = slideBody(section)
    const style = String(section.properties?.style ?? '')
    place = section.position?.start ?? place
    return {
      ...cache.get(keys[index]!)!,
      number: index + 1,
      title: body ? titleOf(body) : '',
      kind: String((section.properties?.className as string[] | undefined)?.find((name) => name.startsWith('cd-') && name !== 'cd-slide')?.slice(3) ?? ''),
      position: section.position,
      place,
      unitOffsets: body ? unitElements(body).map((unit) => unit.position?.start.offset) : [],
      scale: Number(/--cd-fit:\s*([\d.]+)/.exec(style)?.[1] ?? 1)
    }
  })
  return {slides, measured: missing.length}
}

async function inBrowser(deck: CompiledDeck, sections: string[], options: MeasureOptions): Promise<SlideMeasurement[]> {
  const session = options.browser ? undefined : await launchBrowser()
  const browser = session?.browser ?? (typeof options.browser === 'function' ? await options.browser() : options.browser!)
  // A browser of our own has a blank page ready.
  const page = session ? ((await browser.pages())[0] ?? (await browser.newPage())) : await browser.newPage()
  try {
    const html = measureHtml(deck.html, sections)
    const timeout = options.timeout ?? 60_000
    await openDeck(page, {...deck, html}, {query: 'print-pdf', timeout})
    await settle(page)
    return await page.evaluate(measureInPage, options.minFontSize ?? 0)
  } finally {
    await page.close().catch(() => undefined)
    await session?.close()
  }
}

/**
 * The deck's document with only `sections` as slides. Reveal's script is left
 * out: its print stylesheet (the `reveal-print` class) lays every slide out at
 * its full size without it, which saves starting Reveal and its per-slide
 * print layout.
 */
function measureHtml(html: string, sections: string[]): string {
  const open = '<div class="slides">'
  const start = html.indexOf(open) + open.length
  const end = html.indexOf('</div></div><script', start)
  const head = html.slice(0, start).replace('<html', '<html class="reveal-print print-pdf"')
  return head + sections.join('') + html.slice(end).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
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

/** Waits for the fonts and every image. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready
    await Promise.all(
      Array.from(document.images).map((image) =>
        image.complete
          ? image.decode().catch(() => undefined)
          : new Promise((done) => {
              image.addEventListener('load', done, {once: true})
              image.addEventListener('error', done, {once: true})
            })
      )
    )
  })
}

/** Runs in the page: one record per `section[data-cd-measure]`, in document order. */
function measureInPage(minFontSize: number): SlideMeasurement[] {
  const rootStyle = getComputedStyle(document.documentElement)
  const minimum = minFontSize || Number.parseFloat(rootStyle.getPropertyValue('--cd-min-size')) || 18
  return Array.from(document.querySelectorAll<HTMLElement>('section[data-cd-measure]')).map((section) => {
    const body = section.querySelector<HTMLElement>(':scope > .cd-body')!
    const footer = section.querySelector<HTMLElement>(':scope > .cd-footnotes')
    const frame = section.getBoundingClientRect()
    const box = body.getBoundingClientRect()
    const style = getComputedStyle(body)
    const paddingTop = Number.parseFloat(style.paddingTop)
    const paddingBottom = Number.parseFloat(style.paddingBottom)
    const footerOver = footer ? Math.max(0, footer.getBoundingClientRect().bottom - frame.bottom) : 0
    const overflowY = Math.max(0, body.scrollHeight - body.clientHeight) + footerOver
    const overflowX = Math.max(0, body.scrollWidth - body.clientWidth, box.right - frame.right)
    const unitNodes = Array.from(body.querySelectorAll<HTMLElement>('[data-cd-unit]'))
    const units = unitNodes.map((unit): [number, number] => {
      const rect = unit.getBoundingClientRect()
      return [Math.round(rect.top - box.top), Math.round(rect.bottom - box.top)]
    })

    // Footnotes, so a split can count the notes that go with each part.
    const items = footer ? Array.from(footer.querySelectorAll<HTMLElement>(':scope > ol > li')) : []
    const listBox = footer?.querySelector(':scope > ol')?.getBoundingClientRect()
    const noteTops = items.map((item) => item.getBoundingClientRect().top)
    const notes = noteTops.map((top, index) => Math.ceil((noteTops[index + 1] ?? listBox!.bottom) - top))
    const notesFrame = footer && listBox ? Math.ceil(footer.getBoundingClientRect().height - listBox.height) : 0
    const labels = items.map((item) => item.querySelector('.cd-note-label')?.textContent?.trim() ?? '')
    const unitNotes = unitNodes.map((unit) => [
      ...new Set(
        Array.from(unit.querySelectorAll('sup.cd-mark')).flatMap((mark) =>
          (mark.textContent ?? '').split(',').map((label) => labels.indexOf(label.trim())).filter((index) => index >= 0)
        )
      )
    ])

    let smallText: {size: number; text: string} | undefined
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || !node.textContent?.trim() || parent.closest('sup, sub, .cd-mark, .notes')) continue
      const size = Number.parseFloat(getComputedStyle(parent).fontSize)
      if (size < minimum - 0.01 && (!smallText || size < smallText.size)) {
        smallText = {size: Math.round(size * 10) / 10, text: node.textContent.trim().slice(0, 40)}
      }
    }
    const brokenImages = Array.from(body.querySelectorAll('img'))
      .filter((image) => image.complete && image.naturalWidth === 0)
      .map((image) => image.getAttribute('src') ?? '')

    let references: {top: number; entries: number[]} | undefined
    const list = body.querySelector<HTMLElement>('.cd-references')
    if (list) {
      const entries = Array.from(list.querySelectorAll<HTMLElement>(':scope > .csl-entry'))
      const tops = entries.map((entry) => entry.getBoundingClientRect().top)
      const last = entries.at(-1)
      const end = last ? last.getBoundingClientRect().bottom + Number.parseFloat(getComputedStyle(last).marginBottom) : 0
      references = {
        top: Math.round(list.getBoundingClientRect().top - box.top),
        entries: tops.map((top, index) => Math.ceil((tops[index + 1] ?? end) - top))
      }
    }
    return {
      overflowY: Math.round(overflowY),
      overflowX: Math.round(overflowX),
      limit: Math.floor(body.clientHeight - paddingBottom),
      paddingTop,
      paddingBottom,
      frame: section.clientHeight,
      notes,
      notesFrame,
      unitNotes,
      width: Math.floor(body.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight)),
      units,
      smallText,
      brokenImages,
      references
    }
  })
}

/** What else decides a slide's layout: the deck's size and stylesheets. */
async function contextKey(deck: CompiledDeck): Promise<string> {
  const head = deck.html.slice(0, deck.html.indexOf('<body'))
  const styles = await Promise.all(deck.assets.filter((asset) => asset.href.endsWith('.css')).map((asset) => readFile(asset.source, 'utf8')))
  return hash([MEASURE_VERSION, deck.config.width, deck.config.height, head, ...styles].join('\n'))
}

// Bump when `measureInPage` changes what it records, so old cache files are not trusted.
const MEASURE_VERSION = 3

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
