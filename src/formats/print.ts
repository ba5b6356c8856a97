/**
 * The three PDF formats (`pdf`, `notes`, `handout`) print the same way and
 * differ in layout: this is that way, written atomically (a failed export
 * keeps the previous PDF).
 */
import {writeFileAtomic} from '../io/write-output.js'
import {hasWarnings} from '../messages.js'
import type {PrintOptions} from '../export/pdf.js'
import type {EmitContext, Emitted, FormatName} from './format.js'
import type {CompiledDeck} from '../deck.js'

export async function emitPdf(format: FormatName, deck: CompiledDeck, context: EmitContext, layout: PrintOptions): Promise<Emitted | undefined> {
  const {options} = context
  const {printDeck} = await import('../export/pdf.js')
  const given = context.page && (await context.page())
  const printed = await printDeck(deck, await context.browser(), {timeout: options.timeout, onProgress: options.onProgress, ...layout, page: given?.page, loaded: given?.loaded})
  if (options.strict && hasWarnings(deck.file)) return undefined
  options.onProgress?.('write')
  await writeFileAtomic(context.output, printed.bytes)
  return {format, path: context.output, pages: printed.pages}
}
