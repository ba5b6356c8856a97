/**
 * `build()`: a source file (an outline, or an essay imported in memory) to a
 * deck written on disk, fitted in the browser unless told not to: one call
 * through a `Project` of its own, closed after.
 */
import type {VFile} from 'vfile'
import type {CompiledDeck, CompileOptions} from './build.js'
import type {Emitted, FormatName, FormatOptions} from './formats/index.js'
import {Project} from './project/index.js'

export interface BuildOptions extends Omit<CompileOptions, 'cache' | 'citations'>, FormatOptions {
  /** Output folder, or `.html` file with `embed` (default: `dist/<deck>`). */
  output?: string
  /** The formats to write (default: `['html']`, or `['embed']` with `embed`); see `FORMATS`. */
  to?: FormatName[]
  /** Treat warnings as errors: nothing is written when there are any (default: `false`). */
  strict?: boolean
  /** Compile only; write nothing (default: `false`). */
  dryRun?: boolean
}

export interface BuildResult {
  /** The source with every message (warnings and errors). */
  file: VFile
  deck: CompiledDeck
  /** Where the deck was written; `undefined` when errors kept the old output. */
  output?: string
  /** Everything written, in format order (the deck, then PDFs and PowerPoint files asked for with `to`). */
  written: Emitted[]
}

/**
 * Builds a deck from a Markdown outline, or from an essay (`.txt`, `.docx`, or
 * prose `.md`) imported in memory; never throws for content problems.
 */
export async function build(input: string | VFile, options: BuildOptions = {}): Promise<BuildResult> {
  const {fit} = options
  const project = new Project({...options, browser: typeof fit === 'object' ? fit.browser : undefined})
  try {
    const {error, ...result} = await project.build(input, options)
    if (error !== undefined) throw error
    return result
  } finally {
    await project.close()
  }
}
