/**
 * `exportPdf()`: a deck (path, VFile or compiled deck) to PDF in one call:
 * slides, notes pages or a handout, compiled and fitted as `build` does and
 * printed in the same browser, through a `Project` of its own (or the
 * batch's). Written atomically; a failed export keeps the previous PDF.
 */
import type {BrowserSource} from '../export/browser-source.js'
import type {VFile} from 'vfile'
import type {CompileOptions} from '../build.js'
import type {MeasurePage} from '../check/measure-page.js'
import type {CompiledDeck} from '../deck.js'
import {DEFAULT_TIMEOUT, type PrintOptions, type Progress, withDeadline} from '../export/pdf.js'
import {checkPdfOptions, defaultPdfOutput, pdfSuffix} from '../export/pdf-options.js'
import {hasErrors, hasWarnings} from '../messages.js'
import {Project} from '../project/index.js'

export interface PdfOptions extends CompileOptions, PrintOptions {
  /** The PDF to write (default: `dist/<deck>.pdf`, `-notes.pdf` or `-handout.pdf`). */
  output?: string
  /** Treat warnings as errors: no PDF when there are any (default: `false`). */
  strict?: boolean
  /** Milliseconds for one deck's fitting, load, layout and print (default: 120 000). */
  timeout?: number
  /** An open (or opening) browser to use; default: launch one and close it after. */
  browser?: BrowserSource
  /** Called as the export moves on; the CLI shows it on a terminal. */
  onProgress?: Progress
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

/** Exports a deck (path, VFile or compiled deck) to PDF; never throws for content problems. */
export async function exportPdf(input: string | VFile | CompiledDeck, options: PdfOptions = {}): Promise<PdfResult> {
  checkPdfOptions(options)
  if (!options.browser) options.onProgress?.('launch')
  const project = new Project({...options, fit: undefined, browser: options.browser})
  try {
    return await exportPdfWith(project, input, options)
  } finally {
    await project.close()
  }
}

/** One deck to PDF through `project` (its browser and caches), calling `onCompiled` before it prints; the batch export prints many this way. */
export async function exportPdfWith(project: Project, input: string | VFile | CompiledDeck, options: PdfOptions, onCompiled?: () => void): Promise<PdfResult> {
  // The browser starts at once: it measures the slides for fitting, then prints them.
  project.warmUp(true)
  const timeout = options.timeout ?? DEFAULT_TIMEOUT
  // The deadline covers everything that waits on the browser: fitting, loading, laying out, printing.
  return withDeadline(timeout, async (remaining) => {
    const output = options.output ?? defaultPdfOutput(inputPath(input), pdfSuffix(options))
    // The deck loads once: the fit step measures it in this page, and it is printed there after.
    const measuring = project.measuringPage()
    try {
      const deck = await compiledInput(project, input, options.fit, output, options.onProgress, measuring)
      onCompiled?.()
      const {file} = deck
      if (hasErrors(file) || (options.strict && hasWarnings(file))) return {file, deck}
      const format = options.notes ? 'notes' : options.handout ? 'handout' : 'pdf'
      const emitted = await project.emit(deck, format, output, {...options, timeout: remaining()}, await measuring.handOver(deck))
      return {file, deck, output: emitted?.path, pages: emitted?.pages}
    } finally {
      await measuring.close()
    }
  })
}

/** The path of the source an export reads. */
export function inputPath(input: string | VFile | CompiledDeck): string {
  return typeof input === 'string' ? input : 'sections' in input ? input.file.path : input.path
}

/**
 * The deck to export: as given when compiled already, else compiled and
 * fitted as `build` does, in memory, with what the next export reuses
 * (parsed chunks, citations, measurements) kept beside `output`, the file it
 * writes; measured in `page` when given. `deck.file` is the source the user
 * wrote and carries every message.
 */
export async function compiledInput(
  project: Project,
  input: string | VFile | CompiledDeck,
  fit: CompileOptions['fit'],
  output: string,
  onProgress?: Progress,
  page?: MeasurePage
): Promise<CompiledDeck> {
  if (typeof input === 'object' && 'html' in input && 'sections' in input) return input
  const fitting = fit === false ? false : {...(typeof fit === 'object' ? fit : {}), ...(page ? {page} : {})}
  const built = await project.build(input, {dryRun: true, fit: fitting, cachesBeside: output, onProgress})
  return built.deck
}
