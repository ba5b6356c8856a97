/** `pptx`: an editable PowerPoint file, text boxes placed where the browser laid them out. */
import {writeFileAtomic} from '../io/write-output.js'
import {hasWarnings} from '../messages.js'
import type {Format} from './format.js'

export const pptx: Format = {
  name: 'pptx',
  description: 'an editable PowerPoint file: text boxes, footnotes on their slides, speaker notes',
  fileName: (name) => `${name}.pptx`,
  async emit(deck, {output, browser, options}) {
    // pptxgenjs loads only when a PowerPoint file is made.
    const {pptxFile} = await import('../export/pptx/index.js')
    const made = await pptxFile(deck, await browser(), options.timeout)
    if (options.strict && hasWarnings(deck.file)) return undefined
    await writeFileAtomic(output, made.bytes)
    return {format: 'pptx', path: output, slides: made.slides}
  }
}
