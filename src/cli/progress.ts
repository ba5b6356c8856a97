/**
 * What a build or an export is doing, one line a step on stderr
 * (`citedeck: deck.md: measuring 12 slides…`): on a terminal, a step that
 * has gone on for a second; with `--verbose`, every step as it starts, with
 * the seconds since the command started (where the time goes); nothing with
 * `-q`, or when stderr is not a terminal and `--verbose` is not given.
 */
import type {PdfStep} from '../export/pdf.js'
import type {CliIO} from './context.js'

const STEPS: Record<PdfStep, (slides?: number) => string> = {
  compile: () => 'compiling',
  launch: () => 'starting the browser',
  measure: (slides) => `measuring ${slideCount(slides)}`,
  load: () => 'loading',
  layout: () => 'laying out',
  print: (slides) => (slides === undefined ? 'printing' : `printing ${slideCount(slides)}`),
  write: () => 'writing'
}

const slideCount = (slides = 0) => `${slides} slide${slides === 1 ? '' : 's'}`

// A step shorter than this goes unsaid on a terminal.
const SHOWN_AFTER = 1000

export interface ProgressPrinter {
  (input: string, step: PdfStep, slides?: number): void
  /** The command is done: a step not shown yet never will be. */
  done: () => void
}

export interface ProgressChoice {
  quiet?: boolean
  verbose?: boolean
}

/** A printer for `onProgress`, or `undefined` when nothing is to be shown. */
export function progressPrinter(io: CliIO, {quiet, verbose}: ProgressChoice = {}): ProgressPrinter | undefined {
  if (quiet || !(io.isTTY || verbose)) return undefined
  const started = performance.now()
  const line = (input: string, step: PdfStep, slides?: number) => (step === 'launch' ? `citedeck: ${STEPS[step]()}…` : `citedeck: ${input}: ${STEPS[step](slides)}…`)
  // One pending line a deck: decks exported at once each have their step.
  const pending = new Map<string, NodeJS.Timeout>()
  const printer = (input: string, step: PdfStep, slides?: number) => {
    if (verbose) {
      io.stderr(`${line(input, step, slides)} (${((performance.now() - started) / 1000).toFixed(1)} s)`)
      return
    }
    clearTimeout(pending.get(input))
    const timer = setTimeout(() => io.stderr(line(input, step, slides)), SHOWN_AFTER)
    // A line still to come never keeps the process alive.
    timer.unref()
    pending.set(input, timer)
  }
  return Object.assign(printer, {
    done: () => {
      for (const timer of pending.values()) clearTimeout(timer)
      pending.clear()
    }
  })
}
