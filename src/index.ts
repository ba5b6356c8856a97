/**
 * citedeck's public API. The CLI is a thin client of these functions.
 *
 * ```js
 * import {build} from 'citedeck'
 * const result = await build('slides/talk/deck.md', {output: 'dist/talk'})
 * ```
 */
import type {VFile} from 'vfile'
import {type CompiledDeck, type CompileOptions, compileDeck, defaultOutput, writeDeck} from './build.js'
import {readSource} from './io/read-source.js'
import {hasErrors} from './messages.js'

export {compileDeck, defaultOutput, writeDeck} from './build.js'
export type {CompiledDeck, CompileOptions, WriteOptions} from './build.js'
export type {DeckConfig} from './config.js'
export {CitedeckError, exitCodeFor} from './errors.js'
export {readSource} from './io/read-source.js'
export {availableThemes} from './render/theme.js'

export interface BuildOptions extends CompileOptions {
  /** Output folder, or `.html` file with `embed` (default: `dist/<deck>`). */
  output?: string
  /** Treat warnings as errors: nothing is written when there are any (default: `false`). */
  strict?: boolean
  /** Replace an output folder that citedeck did not make (default: `false`). */
  force?: boolean
  /** Compile only; write nothing (default: `false`). */
  dryRun?: boolean
}

export interface BuildResult {
  /** The source with every message (warnings and errors). */
  file: VFile
  deck: CompiledDeck
  /** Where the deck was written; `undefined` when errors kept the old output. */
  output?: string
}

/** Builds a deck from a Markdown file (path or VFile); never throws for content problems. */
export async function build(input: string | VFile, options: BuildOptions = {}): Promise<BuildResult> {
  const file = typeof input === 'string' ? await readSource(input) : input
  const deck = await compileDeck(file, options)
  const failed = hasErrors(file) || (options.strict === true && file.messages.length > 0)
  if (failed || options.dryRun) return {file, deck}
  const output = await writeDeck(deck, {
    output: options.output ?? defaultOutput(file.path, options.embed),
    force: options.force
  })
  return {file, deck, output}
}
