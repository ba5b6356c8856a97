/** `html`: the deck folder, `index.html` with its assets beside it (see `writeDeck`). */
import {writeDeck} from '../build.js'
import type {Format} from './format.js'

export const html: Format = {
  name: 'html',
  description: 'the deck folder: index.html with reveal.js, the theme, fonts and images beside it',
  fileName: (name) => name,
  async emit(deck, {output, options}) {
    const path = await writeDeck(deck, {output, force: options.force})
    return {format: 'html', path, slides: deck.slideCount}
  }
}
