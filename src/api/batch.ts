/**
 * Many decks through one project (a teacher regenerating a whole course): one
 * browser, launched once, then up to `concurrency` decks printing at once,
 * each in its own page. A deck that fails is reported and the others go on.
 */
import {availableParallelism} from 'node:os'
import {CitedeckError} from '../errors.js'
import {checkPdfOptions} from '../export/pdf-options.js'
import type {PdfStep} from '../export/pdf.js'
import {Project, type ProjectOptions} from '../project/index.js'
import {exportPdfWith, type PdfOptions, type PdfResult} from './pdf.js'

export interface BatchOptions extends Omit<PdfOptions, 'browser' | 'output' | 'onProgress'>, Pick<ProjectOptions, 'launching' | 'citeprocWorker'> {
  /** Decks printing at the same time (default: the number of cores, at most 4). */
  concurrency?: number
  /** Where each deck's PDF goes (default: `dist/<deck>.pdf`, as `exportPdf`). */
  output?: (input: string) => string | undefined
  /** Called as each deck moves on; `launch` comes once, for the first deck. */
  onProgress?: (input: string, step: PdfStep, slides?: number) => void
}

export interface BatchItem {
  input: string
  /** The export's result, when it got as far as compiling the deck. */
  result?: PdfResult
  /** What stopped this deck (timeout, unwritable output). */
  error?: CitedeckError
}

export async function exportPdfs(inputs: string[], options: BatchOptions = {}): Promise<BatchItem[]> {
  const {concurrency = Math.min(4, availableParallelism()), output, onProgress, launching, ...pdfOptions} = options
  // First, so that a launch the caller started is closed whatever happens.
  const project = new Project({...pdfOptions, fit: undefined, launching})
  try {
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new CitedeckError(`concurrency must be a whole number of at least 1, not ${concurrency}`, 'USAGE')
    }
    checkPdfOptions(pdfOptions)
    if (inputs.length === 0) return []
    onProgress?.(inputs[0]!, 'launch')
    // The browser starts while the first decks compile.
    project.warmUp(true)
    const items: BatchItem[] = inputs.map((input) => ({input}))
    // Once every deck is compiled, the citeproc worker has nothing left to do: its memory goes before the printing.
    let compiling = items.length
    const compiled = () => {
      if (--compiling === 0) void project.caches.citations.worker?.close()
    }
    let next = 0
    const worker = async () => {
      while (next < items.length) {
        const item = items[next++]!
        try {
          item.result = await exportPdfWith(project, item.input, {
            ...pdfOptions,
            output: output?.(item.input),
            onProgress: (step, slides) => onProgress?.(item.input, step, slides)
          }, compiled)
        } catch (error) {
          // Without a browser no deck can print: stop the batch rather than repeat the error for each.
          if (!(error instanceof CitedeckError) || error.code === 'NOT_FOUND_BROWSER') throw error
          item.error = error
        }
      }
    }
    await Promise.all(Array.from({length: Math.min(concurrency, items.length)}, worker))
    return items
  } finally {
    await project.close()
  }
}
