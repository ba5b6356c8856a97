/** `handout`: several slides a page on paper, with ruled lines or the speaker notes beside them. */
import type {Format} from './format.js'
import {emitPdf} from './print.js'

/** Slides a page when none is asked for: room to write beside each. */
export const DEFAULT_HANDOUT = 3

export const handout: Format = {
  name: 'handout',
  description: 'a printed handout: 1, 2, 3, 4 or 6 slides a page (--handout n), ruled lines or notes beside them',
  fileName: (name) => `${name}-handout.pdf`,
  emit: (deck, context) =>
    emitPdf('handout', deck, context, {
      handout: context.options.handout ?? DEFAULT_HANDOUT,
      handoutNotes: context.options.handoutNotes,
      paper: context.options.paper
    })
}
