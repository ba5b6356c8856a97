/**
 * PDF export: the deck is compiled in memory, its print layout is loaded once,
 * the page settles (Reveal, fonts, images), then one `page.pdf()`: slides at
 * the deck's exact size, or notes pages and handouts laid out on paper from
 * scaled copies of the same slides. Written atomically; a failed export keeps
 * the previous PDF.
 */
import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import type {Browser, Page} from 'puppeteer-core'
import type {VFile} from 'vfile'
import type {CompiledDeck, CompileOptions} from '../build.js'
import {build} from '../build-deck.js'
import {CitedeckError} from '../errors.js'
import {writeFileAtomic} from '../io/write-output.js'
import {hasErrors, hasWarnings, report} from '../messages.js'
import {checkPdfOptions, defaultPdfOutput, pdfSuffix} from './pdf-options.js'

export {checkPdfOptions, defaultPdfOutput, pdfSuffix} from './pdf-options.js'
import {launchBrowser} from './browser.js'
import {type HandoutSize, type Paper, defaultPaper, layoutHandout, printHandout} from './handout.js'
import {fontsAndImages, openDeck} from './load.js'
import {setMetadata} from './metadata.js'
import {numberPages} from './slide-numbers.js'

export type {HandoutSize, Paper} from './handout.js'
export {HANDOUT_SIZES} from './handout.js'

/** Steps reported to `onProgress`, in order. */
export type PdfStep = 'launch' | 'load' | 'layout' | 'print' | 'write'

export interface PdfOptions extends CompileOptions {
  /** The PDF to write (default: `dist/<deck>.pdf`, `-notes.pdf` or `-handout.pdf`). */
  output?: string
  /** Notes pages: each slide with its speaker notes below it (default: `false`). */
  notes?: boolean
  /** A handout with this many slides a page: 1, 2, 3, 4 or 6 (default: slides, one a page). */
  handout?: HandoutSize
  /** Speaker notes beside the slides of a handout instead of ruled lines (default: `false`). */
  handoutNotes?: boolean
  /** Paper for notes pages and handouts (default: Letter for `lang: en-US` and other Letter regions, else A4). */
  paper?: Paper
  /** Treat warnings as errors: no PDF when there are any (default: `false`). */
  strict?: boolean
  /** Milliseconds for one deck's load, layout and print (default: 120 000). */
  timeout?: number
  /** An open (or opening) browser to use (batch export); default: launch one and close it after. */
  browser?: Browser | Promise<Browser>
  /** Called as the export moves on; the CLI shows it on a terminal. */
  onProgress?: (step: PdfStep) => void
}

export interface PdfResult {
  /** The source with every message, including the export's warnings. */
  file: VFile
  deck: CompiledDeck
  /** Where the PDF was written; `undefined` when errors kept the old one. */
  output?: string
  /** Pages in the PDF. */
  pages?: number
}

const DEFAULT_TIMEOUT = 120_000
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string})
  .version

/** Exports a deck (path, VFile or compiled deck) to PDF; never throws for content problems. */
export async function exportPdf(input: string | VFile | CompiledDeck, options: PdfOptions = {}): Promise<PdfResult> {
  checkPdfOptions(options)
  const progress = options.onProgress ?? (() => undefined)
  if (!options.browser) progress('launch')
  // The browser starts at once: it measures the slides for fitting, then prints them.
  const launching = options.browser ? undefined : launchBrowser()
  launching?.catch(() => undefined)
  try {
    let browser: Browser | undefined
    const open = async () => (browser ??= options.browser ? await options.browser : (await launching!).browser)
    // The deadline covers everything that waits on the browser: fitting, loading, laying out, printing.
    const printed = await withDeadline(options.timeout ?? DEFAULT_TIMEOUT, async (remaining): Promise<Printed> => {
      const {file, deck} =
        typeof input === 'object' && 'html' in input
          ? {file: input.file, deck: input}
          : await compileInput(input, {
              ...options,
              fit: options.fit === false ? false : {browser: await open(), ...(typeof options.fit === 'object' ? options.fit : {})}
            })
      if (hasErrors(file) || (options.strict && hasWarnings(file))) return {file, deck}
      await open()
      // A browser of our own has a blank page ready; a shared one gets a page per deck.
      const page = launching ? ((await browser!.pages())[0] ?? (await browser!.newPage())) : await browser!.newPage()
      try {
        return {file, deck, bytes: await render(page, deck, file, options, remaining, progress)}
      } finally {
        // Not awaited: a page stuck in a timed-out load must not hold up the error.
        void page.close().catch(() => undefined)
      }
    })
    const {file, deck} = printed
    if (!printed.bytes || (options.strict && hasWarnings(file))) return {file, deck}
    progress('write')
    const output = resolve(options.output ?? defaultPdfOutput(file.path, pdfSuffix(options)))
    const stamped = await setMetadata(printed.bytes, deck.config, `citedeck ${version}`)
    await writeFileAtomic(output, stamped.bytes)
    return {file, deck, output, pages: stamped.pages}
  } finally {
    await launching?.then((session) => session.close(), () => undefined)
  }
}

/** A compiled deck, and its PDF unless errors stopped it. */
interface Printed {
  file: VFile
  deck: CompiledDeck
  bytes?: Uint8Array
}

/**
 * Compiles an outline or an essay in memory, as `build` does (slides fitted,
 * with the same measurement cache), without writing anything. `file` is the
 * source the user wrote (for an essay, not the outline made from it) and
 * carries every message.
 */
async function compileInput(input: string | VFile, options: CompileOptions): Promise<{file: VFile; deck: CompiledDeck}> {
  const {theme, lang, csl, fit, safe, allowOutside, allowOutsideImages} = options
  const {file, deck} = await build(input, {theme, lang, csl, fit, safe, allowOutside, allowOutsideImages, dryRun: true})
  return {file, deck}
}

async function render(
  page: Page,
  deck: CompiledDeck,
  file: VFile,
  options: PdfOptions,
  remaining: () => number,
  progress: (step: PdfStep) => void
): Promise<Uint8Array> {
  const {config} = deck
  progress('load')
  // margin=0 makes each page exactly the slide; one page per slide, however long (the fit step reports overflow).
  const opened = await openDeck(page, deck, {query: 'print-pdf&margin=0&pdfMaxPagesPerSlide=1', timeout: remaining()})
  await settle(page, remaining())
  progress('layout')
  await exposeSlides(page)
  await numberPages(page, config.slideNumber, deck.places)
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
  progress('print')
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
async function withDeadline<T>(timeout: number, task: (remaining: () => number) => Promise<T>): Promise<T> {
  const end = Date.now() + timeout
  const remaining = () => Math.max(1, end - Date.now())
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(timeout)), timeout)
  })
  try {
    return await Promise.race([task(remaining), expired])
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') throw timeoutError(timeout)
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
