/**
 * What a format is: a module that takes a compiled, fitted deck and writes
 * its file (or folder) atomically. The registry (index.ts) names them;
 * `Project.emit` runs one. A leaf module: types only.
 */
import type {Browser, Page} from 'puppeteer-core'
import type {CompiledDeck} from '../deck.js'
import type {OpenedDeck} from '../export/load.js'
import type {HandoutSize, Paper, Progress} from '../export/pdf.js'

export type FormatName = 'html' | 'embed' | 'pdf' | 'handout' | 'notes' | 'pptx'

/** Settings of the formats that have some; each format reads its own. */
export interface FormatOptions {
  /** Slides a page of the handout: 1, 2, 3, 4 or 6 (default: 3). */
  handout?: HandoutSize
  /** Speaker notes beside the slides of a handout (`--handout 1` or `3`) instead of ruled lines (default: `false`). */
  handoutNotes?: boolean
  /** Paper for notes pages and handouts (default: Letter for `lang: en-US` and other Letter regions, else A4). */
  paper?: Paper
  /** Milliseconds for one deck's load, layout and print in the browser (default: 120 000). */
  timeout?: number
  /** Replace an output folder or `.html` file that citedeck did not make (default: `false`). */
  force?: boolean
  /** Write nothing when the export itself warns (a blocked request, notes cut); default `false`. */
  strict?: boolean
  /** Called as a PDF export moves on (the CLI shows it on a terminal). */
  onProgress?: Progress
}

/** What a format is given besides the deck. */
export interface EmitContext {
  /** Where to write: the absolute path of the folder or file. */
  output: string
  /** The project's browser, launched at the first format that asks. */
  browser: () => Promise<Browser>
  /**
   * A page to print in, which the format closes: the page the fit step
   * measured the deck in, holding its document (`loaded`), or a new page of
   * `browser`, opened while the deck compiled when it could be (default: a
   * new page of `browser`).
   */
  page?: () => Promise<{page: Page; loaded?: OpenedDeck}>
  options: FormatOptions
}

/** What a format wrote. */
export interface Emitted {
  format: FormatName
  /** The folder or file written. */
  path: string
  /** Pages of a PDF, slides of a deck or PowerPoint file. */
  pages?: number
  slides?: number
}

export interface Format {
  name: FormatName
  /** One line for `--help` and the README. */
  description: string
  /** The file name beside the other outputs, for a deck named `name` (the html format's is the folder itself). */
  fileName: (name: string) => string
  /** Writes the deck; `undefined` when nothing was written (a warning stopped it under `strict`). */
  emit: (deck: CompiledDeck, context: EmitContext) => Promise<Emitted | undefined>
}
