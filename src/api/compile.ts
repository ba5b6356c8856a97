/**
 * `compileDeck()`: an outline compiled in memory, fitted when asked, through
 * a `Project` of its own: it measures (and draws diagrams) in `fit.browser`
 * or `diagrams.browser` when given, else in a browser it launches when first
 * needed and closes after.
 */
import type {VFile} from 'vfile'
import type {CompileOptions} from '../build.js'
import type {CompiledDeck} from '../deck.js'
import {Project} from '../project/index.js'

export async function compileDeck(file: VFile, options: CompileOptions = {}): Promise<CompiledDeck> {
  const {fit = false, diagrams, cache} = options
  const given = (typeof fit === 'object' ? fit.browser : undefined) ?? diagrams?.browser
  const project = new Project({...options, fit, browser: given})
  try {
    return await project.compile(file, {rebuild: cache ?? false, embed: options.embed, diagramsPath: diagrams?.cachePath})
  } finally {
    await project.close()
  }
}
