/**
 * The PDF options' rules and file names, apart from the exporter so that the
 * CLI can check flags without loading the browser driver and the PDF writer.
 */
import {defaultOutput} from '../build.js'
import {CitedeckError} from '../errors.js'
import type {PrintOptions} from './pdf.js'

/** Throws a usage error for options that contradict each other. */
export function checkPdfOptions(options: Pick<PrintOptions, 'notes' | 'handout' | 'handoutNotes'>) {
  if (options.notes && options.handout) {
    throw new CitedeckError('--notes and --handout make different PDFs; choose one', 'USAGE', 'run citedeck pdf once for each')
  }
  if (options.handoutNotes && options.handout !== 1 && options.handout !== 3) {
    throw new CitedeckError(
      '--handout-notes needs --handout 1 or 3: only those leave room for notes beside or below the slides',
      'USAGE',
      'for notes pages, one slide a page with its notes, use --notes'
    )
  }
}

/** `-notes` or `-handout` for those layouts, nothing for slides. */
export function pdfSuffix(options: Pick<PrintOptions, 'notes' | 'handout'>): string {
  return options.notes ? '-notes' : options.handout ? '-handout' : ''
}

/** `dist/<deck><suffix>.pdf`, beside the folder `citedeck build` writes. */
export function defaultPdfOutput(sourcePath: string, suffix = ''): string {
  return `${defaultOutput(sourcePath)}${suffix}.pdf`
}
