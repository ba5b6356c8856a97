/** `notes`: notes pages, each slide with its speaker notes below it. */
import type {Format} from './format.js'
import {emitPdf} from './print.js'

export const notes: Format = {
  name: 'notes',
  description: 'notes pages: each slide with its speaker notes below it, on paper',
  fileName: (name) => `${name}-notes.pdf`,
  emit: (deck, context) => emitPdf('notes', deck, context, {notes: true, paper: context.options.paper})
}
