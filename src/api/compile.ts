/**
 * `compileDeck()`: an outline compiled in memory, fitted when asked. With a
 * browser in `fit.browser` it measures there; fitting without one goes
 * through a `Project` of its own, which launches one and closes it after.
 */
import type {VFile} from 'vfile'
import {type CompileOptions, compileDeck as compileFile} from '../build.js'
import type {CompiledDeck} from '../deck.js'
import {Project} from '../project/index.js'

export async function compileDeck(file: VFile, options: CompileOptions = {}): Promise<CompiledDeck> {
  if (!options.fit || (typeof options.fit === 'object' && options.fit.browser)) return compileFile(file, options)
  const project = new Project({...options, fit: options.fit})
  try {
    return await project.compile(file)
  } finally {
    await project.close()
  }
}
