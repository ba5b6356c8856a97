/**
 * `embed`: one self-contained `.html` file a teacher can mail, every file
 * inlined. Assembled again from the compiled deck's parts, so a run that
 * writes the folder too compiles once.
 */
import {writeDeck} from '../build.js'
import {assembleDeck} from '../render/assemble.js'
import type {Format} from './format.js'

export const embed: Format = {
  name: 'embed',
  description: 'one self-contained .html file with everything inlined',
  fileName: (name) => `${name}.html`,
  async emit(deck, {output, options}) {
    const inlined = deck.embedded ? deck : {...deck, ...(await assembleDeck(deck.parts, deck.config, {embed: true})), embedded: true}
    const path = await writeDeck(inlined, {output, force: options.force})
    return {format: 'embed', path, slides: deck.slideCount}
  }
}
