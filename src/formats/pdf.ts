/** `pdf`: the slides, one a page at the deck's size. */
import type {Format} from './format.js'
import {emitPdf} from './print.js'

export const pdf: Format = {
  name: 'pdf',
  description: 'the slides as a PDF, one a page at the deck\'s size',
  fileName: (name) => `${name}.pdf`,
  emit: (deck, context) => emitPdf('pdf', deck, context, {})
}
