/**
 * `build()`: a source file (an outline, or an essay imported in memory) to a
 * deck written on disk, fitted in the browser unless told not to. The CLI's
 * `build` calls only this module, so it does not load the rest of the API.
 */
import {basename, dirname, join, resolve} from 'node:path'
import {VFile} from 'vfile'
import {type CompiledDeck, type CompileOptions, compileSource, defaultOutput, readInput, writeDeck} from './build.js'
import {loadCitationMemo, saveCitationMemo} from './cite/memo.js'
import {recoverFolder} from './io/write-output.js'
import {hasErrors} from './messages.js'

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

/** Where a build keeps what the next build of the same output can reuse: `.talk.citedeck-<what>.json` beside it. */
function cacheBeside(output: string, what: string): string {
  return join(dirname(resolve(output)), `.${basename(output)}.citedeck-${what}.json`)
}

/** A build fits its slides (unless told not to or only compiling), caching measurements beside the output. */
function fitOptions(options: BuildOptions, output: string): CompileOptions['fit'] {
  if (options.fit === false || (options.fit === undefined && options.dryRun)) return false
  return {cachePath: cacheBeside(output, 'measure'), ...(typeof options.fit === 'object' ? options.fit : {})}
}

export interface BuildResult {
  /** The source with every message (warnings and errors). */
  file: VFile
  deck: CompiledDeck
  /** Where the deck was written; `undefined` when errors kept the old output. */
  output?: string
}

/**
 * Builds a deck from a Markdown outline, or from an essay (`.txt`, `.docx`, or
 * prose `.md`) imported in memory; never throws for content problems.
 */
export async function build(input: string | VFile, options: BuildOptions = {}): Promise<BuildResult> {
  const file = typeof input === 'string' ? await readInput(input) : input
  const target = options.output ?? defaultOutput(file.path, options.embed)
  // A build killed mid-swap left its output set aside: put it back first, so a failing build keeps it too.
  if (!options.dryRun) recoverFolder(resolve(target))
  // citeproc's outputs from the last build of this output: a cold process need not format them again.
  const memo = options.dryRun ? undefined : cacheBeside(target, 'cite')
  if (memo) await loadCitationMemo(memo)
  // Drawn diagrams are kept beside the output like measurements, so a rebuild draws only what changed.
  const diagrams = options.dryRun ? options.diagrams : {cachePath: cacheBeside(target, 'diagrams'), ...options.diagrams}
  const deck = await compileSource(file, {...options, diagrams, fit: fitOptions(options, target)})
  if (memo) await saveCitationMemo(memo).catch(() => undefined)
  // Info messages (such as "no browser to measure in") do not fail a strict build.
  const failed = hasErrors(file) || (options.strict === true && file.messages.some((message) => message.fatal !== undefined))
  if (failed || options.dryRun) return {file, deck}
  const output = await writeDeck(deck, {output: target, force: options.force})
  return {file, deck, output}
}
