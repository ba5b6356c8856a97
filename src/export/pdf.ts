/**
 * Printing a compiled, fitted deck to PDF: its print layout is loaded once,
 * the page settles (Reveal, fonts, images), then one `page.pdf()`: slides at
 * the deck's exact size, or notes pages and handouts laid out on paper from
 * scaled copies of the same slides. The `pdf`, `notes` and `handout` formats
 * (src/formats/) write what this prints; `exportPdf()` (src/api/pdf.ts)
 * compiles and prints in one call.
 */
import {readFileSync} from 'node:fs'
import type {Browser, Page} from 'puppeteer-core'
import type {VFile} from 'vfile'
import type {CompiledDeck} from '../deck.js'
import {CitedeckError} from '../errors.js'
import {report} from '../messages.js'
import {type HandoutSize, type Paper, defaultPaper, layoutHandout, printHandout} from './handout.js'
import {fontsAndImages, type OpenedDeck, openDeck, PRINT_QUERY, showInPlace} from './load.js'
import {setMetadata} from './metadata.js'
import {numberPages} from './slide-numbers.js'

export type {HandoutSize, Paper} from './handout.js'
export {HANDOUT_SIZES} from './handout.js'

/** Steps of a build or an export reported to `onProgress`, in order. */
export type PdfStep = 'compile' | 'launch' | 'measure' | 'load' | 'layout' | 'print' | 'write'

/** Called as a build or an export moves on, with the slides the step handles when it counts them (measuring, printing slides). */
export type Progress = (step: PdfStep, slides?: number) => void

/** What to print: slides (the default), notes pages or a handout. */
export interface PrintOptions {
  /** Notes pages: each slide with its speaker notes below it (default: `false`). */
  notes?: boolean
  /** A handout with this many slides a page: 1, 2, 3, 4 or 6 (default: slides, one a page). */
  handout?: HandoutSize
  /** Speaker notes beside the slides of a handout instead of ruled lines (default: `false`). */
  handoutNotes?: boolean
  /** Paper for notes pages and handouts (default: Letter for `lang: en-US` and other Letter regions, else A4). */
  paper?: Paper
  /** Milliseconds for the load, layout and print (default: 120 000). */
  timeout?: number
  /** Called as printing moves on. */
  onProgress?: Progress
  /** A new page of `browser` to print in, which printing closes (default: one opened for it). */
  page?: Page
  /**
   * `page` holds the deck's document already (the fit step's measuring page,
   * check/measure-page.ts), and this is what its load recorded: the deck's
   * slides are swapped in and reveal started there, not loaded again.
   */
  loaded?: OpenedDeck
}

export interface Printed {
  /** The PDF, with the deck's metadata. */
  bytes: Uint8Array
  pages: number
}

export const DEFAULT_TIMEOUT = 120_000
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version

/** Prints `deck` in a new page of `browser`; the export's warnings (blocked requests, cut notes) go to `deck.file`. */
export async function printDeck(deck: CompiledDeck, browser: Browser, options: PrintOptions = {}): Promise<Printed> {
  const progress = options.onProgress ?? (() => undefined)
  const timeout = options.timeout ?? DEFAULT_TIMEOUT
  const bytes = await withDeadline(timeout, async (remaining) => {
    const page = options.page ?? (await browser.newPage())
    try {
      return await render(page, deck, deck.file, options, remaining, progress)
    } finally {
      // Not awaited: a page stuck in a timed-out load must not hold up the error.
      void page.close().catch(() => undefined)
    }
  })
  return setMetadata(bytes, deck.config, `citedeck ${version}`)
}

async function render(
  page: Page,
  deck: CompiledDeck,
  file: VFile,
  options: PrintOptions,
  remaining: () => number,
  progress: Progress
): Promise<Uint8Array> {
  const {config} = deck
  progress('load')
  let opened = options.loaded
  if (opened) await showInPlace(page, deck)
  else opened = await openDeck(page, deck, {query: PRINT_QUERY, timeout: remaining()})
  await settle(page, remaining())
  progress('layout')
  await exposeSlides(page)
  await numberPages(page, config.slideNumber, deck.parts.body)
  const paper = options.paper ?? defaultPaper(config.lang)
  const handout = options.notes ? 1 : options.handout
  if (handout) {
    const layout = {perPage: handout, notes: options.notes || options.handoutNotes || false, paper, width: config.width, height: config.height}
    for (const slide of await layoutHandout(page, layout)) {
      report(file, `the speaker notes of slide ${slide} do not fit beside it in the handout`, undefined, 'pdf-notes-cut', {
        note: 'shorten them, or print notes pages with --notes'
      })
    }
  }
  progress('print', handout ? undefined : deck.slideCount)
  const pdf = handout
    ? await printHandout(page, {paper, title: config.title, timeout: remaining()})
    : await page.pdf({
        width: `${config.width}px`,
        height: `${config.height}px`,
        printBackground: true,
        tagged: true,
        outline: true,
        timeout: remaining()
      })
  for (const url of new Set(opened.blocked)) {
    report(file, `blocked a request to ${url}: the PDF is made from the deck's own files only`, undefined, 'pdf-blocked-request', {
      note: 'copy the file next to the deck and link it by a relative path'
    })
  }
  for (const error of opened.errors) report(file, `the deck threw an error while printing: ${error}`, undefined, 'pdf-page-error')
  return pdf
}

/** Waits for Reveal's print layout, the fonts and every image, so nothing prints half-loaded. */
async function settle(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const reveal = (window as unknown as {Reveal?: {isReady: () => boolean}}).Reveal
      return reveal?.isReady() === true && document.querySelector('.reveal .slides .pdf-page') !== null
    },
    {timeout, polling: 50}
  )
  await fontsAndImages(page)
}

/**
 * Reveal marks every slide but the current one `aria-hidden`; on paper all are
 * shown, and hidden ones would be left out of the tagged PDF, so out of its
 * bookmarks and of what screen readers read.
 */
function exposeSlides(page: Page): Promise<void> {
  return page.evaluate(() => {
    for (const node of Array.from(document.querySelectorAll('.reveal .slides [aria-hidden], .reveal .slides [hidden]'))) {
      node.removeAttribute('aria-hidden')
      node.removeAttribute('hidden')
    }
  })
}

/** Runs `task` with a deadline; a puppeteer timeout or the deadline itself becomes one clear error. */
export async function withDeadline<T>(timeout: number, task: (remaining: () => number) => Promise<T>): Promise<T> {
  const end = Date.now() + timeout
  const remaining = () => Math.max(1, end - Date.now())
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(timeout)), timeout)
  })
  try {
    return await Promise.race([task(remaining), expired])
  } catch (error) {
    // A deadline inside this one (printing, within a whole export's) is this one's.
    if ((error instanceof Error && error.name === 'TimeoutError') || (error instanceof CitedeckError && error.code === 'TIMEOUT')) throw timeoutError(timeout)
    throw error
  } finally {
    clearTimeout(timer)
  }
}

function timeoutError(timeout: number): CitedeckError {
  return new CitedeckError(
    `PDF export timed out after ${timeout / 1000} s`,
    'TIMEOUT',
    'a very long deck or a slow machine may need more time: pass --timeout with more seconds'
  )
}
