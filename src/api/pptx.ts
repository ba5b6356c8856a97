/**
 * `exportPptx()`: a deck (path, VFile or compiled deck) to an editable
 * PowerPoint file in one call, compiled and fitted as `build` does, through a
 * `Project` of its own. Written atomically; a failed export keeps the previous file.
 */
import {resolve} from 'node:path'
import type {BrowserSource} from '../export/browser-source.js'
import type {VFile} from 'vfile'
import {type CompileOptions, defaultOutput} from '../build.js'
import type {CompiledDeck} from '../deck.js'
import {hasErrors, hasWarnings} from '../messages.js'
import {Project} from '../project/index.js'
import {compiledInput, inputPath} from './pdf.js'

export interface PptxOptions extends CompileOptions {
  /** The file to write (default: `dist/<deck>.pptx`). */
  output?: string
  /** Treat warnings as errors: no file when there are any (default: `false`). */
  strict?: boolean
  /** Milliseconds for the deck to load in the browser (default: 120 000). */
  timeout?: number
  /** An open (or opening) browser to use; default: launch one and close it after. */
  browser?: BrowserSource
}

export interface PptxResult {
  /** The source with every message, including the export's. */
  file: VFile
  deck: CompiledDeck
  /** Where the file was written; `undefined` when errors kept the old one. */
  output?: string
  /** Slides in the file. */
  slides?: number
}

/** Exports a deck (path, VFile or compiled deck) to PowerPoint; never throws for content problems. */
export async function exportPptx(input: string | VFile | CompiledDeck, options: PptxOptions = {}): Promise<PptxResult> {
  const project = new Project({...options, fit: undefined, browser: options.browser})
  // The browser starts at once: it measures the slides for fitting, then for placing.
  project.warmUp()
  try {
    const output = resolve(options.output ?? `${defaultOutput(inputPath(input))}.pptx`)
    const deck = await compiledInput(project, input, options.fit, output)
    const {file} = deck
    if (hasErrors(file) || (options.strict && hasWarnings(file))) return {file, deck}
    const emitted = await project.emit(deck, 'pptx', output, {strict: options.strict, timeout: options.timeout})
    return {file, deck, output: emitted?.path, slides: emitted?.slides}
  } finally {
    await project.close()
  }
}
