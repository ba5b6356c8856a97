/** `citedeck pdf`: print decks to PDF (slides, notes pages or handouts) through one browser. */
import {existsSync, statSync} from 'node:fs'
import {basename, extname, join, relative} from 'node:path'
import {Command, Option} from 'commander'
import {defaultOutput} from '../build.js'
import {CitedeckError, exitCodeFor} from '../errors.js'
import {cacheBeside} from '../io/cache-beside.js'
import {HANDOUT_SIZES, type HandoutSize, type Paper} from '../export/handout.js'
import {defaultPdfOutput, pdfSuffix} from '../export/pdf-options.js'
import {hasErrors} from '../messages.js'
import type {CliContext} from './context.js'
import {fitLine, formatMessages} from './format.js'
import {progressPrinter} from './progress.js'
import {sourceOptions, withAllowOutside} from './source-flags.js'

interface PdfFlags {
  output?: string
  theme?: string
  csl?: string
  notes?: boolean
  handout?: string
  paper?: string
  handoutNotes?: boolean
  concurrency?: string
  timeout?: string
  strict?: boolean
  quiet?: boolean
  verbose?: boolean
  allowOutside?: boolean
  allowOutsideImages?: boolean
  safe?: boolean
  /** `--no-fit` sets it to false. */
  fit?: boolean
}

/** The PDF options shared by `pdf` and `build --pdf`, parsed and checked. */
export interface PdfChoice {
  handout?: HandoutSize
  paper?: Paper
  handoutNotes?: boolean
}

export function pdfCommand(context: CliContext): Command {
  return withAllowOutside(new Command('pdf'))
    .description('print decks to PDF: slides (one a page), notes pages or handouts')
    .argument('<inputs...>', 'one or more decks: Markdown outlines, or essays (.txt, .docx, prose .md)')
    .option('-o, --output <path>', 'the PDF (default: dist/<deck>.pdf); with several decks, a folder')
    .option('-t, --theme <name|file.css>', 'a shipped theme name or a CSS file')
    .option('--csl <style|file.csl>', 'citation style: apa, mla, chicago-notes, chicago-author-date, harvard, ieee, or a .csl file')
    .option('--notes', 'notes pages: each slide with its speaker notes below it')
    .option('--handout <n>', 'a handout with n slides a page: 1, 2, 3, 4 or 6')
    .option('--paper <size>', 'paper for notes pages and handouts: a4 or letter (default: from the deck\'s lang)')
    .option('--handout-notes', 'speaker notes beside the slides (--handout 3) or below them (--handout 1) instead of ruled lines')
    .option('--concurrency <n>', 'decks printing at once (default: cores, at most 4)')
    .option('--timeout <seconds>', 'give up on a deck after this long (default: 120)')
    .option('--no-fit', 'print the slides as written, without measuring them to scale down or split those that overflow')
    .option('--strict', 'fail (exit 1) on warnings too')
    .addOption(new Option('-q, --quiet', 'print only errors and warnings'))
    .option('--verbose', 'also say how the slides were fitted (measured in the browser, or proven to fit by an estimate), and each step as it starts, with the seconds since the start')
    .action(async (inputs: string[], flags: PdfFlags) => {
      context.exit(await runPdf(inputs, flags, context))
    })
}

async function runPdf(inputs: string[], flags: PdfFlags, {io}: CliContext): Promise<number> {
  const built = inputs.find((input) => /\.html?$/i.test(input))
  if (built) {
    throw new CitedeckError(`${built}: pdf prints a deck from its source, not a built page`, 'USAGE', 'give the deck\'s .md file (or the essay); build --pdf prints while building')
  }
  const choice = parsePdfChoice(flags)
  const timeout = Number(flags.timeout ?? 120)
  if (!(timeout > 0)) throw new CitedeckError(`--timeout ${flags.timeout}: not a number of seconds`, 'USAGE')
  const concurrency = flags.concurrency === undefined ? undefined : Number(flags.concurrency)
  const suffix = pdfSuffix({notes: flags.notes, handout: choice.handout})
  const output = outputFor(inputs, flags.output, suffix)
  // Chromium starts before the compiler loads, so its launch overlaps loading and compiling; the batch closes it.
  const {launchBrowser} = await import('../export/browser.js')
  const launching = launchBrowser()
  const {exportPdfs} = await import('../api/batch.js')
  const progress = progressPrinter(io, flags)
  const items = await exportPdfs(inputs, {
    launching,
    // As a one-off build does, citations are formatted in a worker thread while the deck parses; but only
    // for a first export: with the citations kept beside the PDF, starting the worker costs more than it saves.
    citeprocWorker: inputs.some((input) => !existsSync(cacheBeside(output(input), 'cite'))),
    ...choice,
    notes: flags.notes,
    theme: flags.theme,
    ...sourceOptions(flags),
    strict: flags.strict,
    fit: flags.fit === false ? false : undefined,
    // setTimeout fires at once past 2^31 - 1 ms (24.8 days): longer means no limit to speak of.
    timeout: Math.min(timeout * 1000, 2 ** 31 - 1),
    concurrency,
    output,
    onProgress: progress
  })
  progress?.done()
  let code = 0
  for (const item of items) {
    const fitted = flags.verbose && item.result && fitLine(item.result.file)
    if (fitted) io.stderr(`citedeck: ${item.input}: ${fitted}`)
    if (item.result) for (const line of formatMessages(item.result.file)) io.stderr(line)
    if (item.error) {
      io.stderr(`citedeck: error: ${item.input}: ${item.error.message}${item.error.hint ? `\n  hint: ${item.error.hint}` : ''}`)
      code = Math.max(code, exitCodeFor(item.error.code))
    } else if (!item.result?.output) {
      const why = item.result && hasErrors(item.result.file) ? 'errors' : 'warnings (--strict)'
      io.stderr(`citedeck: ${item.input}: no PDF because of ${why}; the previous one was kept`)
      code = Math.max(code, 1)
    } else if (!flags.quiet) {
      io.stdout(`wrote ${relative(process.cwd(), item.result.output)} (${item.result.pages} pages)`)
    }
  }
  return code
}

/** Reads `--handout`, `--paper` and `--handout-notes`, shared with `build --pdf`. */
export function parsePdfChoice(flags: {handout?: string; paper?: string; handoutNotes?: boolean}): PdfChoice {
  const handout = flags.handout === undefined ? undefined : (Number(flags.handout) as HandoutSize)
  if (handout !== undefined && !HANDOUT_SIZES.includes(handout)) {
    throw new CitedeckError(`--handout ${flags.handout}: not a handout size`, 'USAGE', `use one of ${HANDOUT_SIZES.join(', ')}`)
  }
  const paper = flags.paper?.toLowerCase()
  if (paper !== undefined && paper !== 'a4' && paper !== 'letter') {
    throw new CitedeckError(`--paper ${flags.paper}: unknown paper size`, 'USAGE', 'use a4 or letter')
  }
  return {handout, paper, handoutNotes: flags.handoutNotes}
}

/** One deck: `-o` is the PDF (or a folder for it). Several: `-o` is a folder and names must not clash. */
function outputFor(inputs: string[], output: string | undefined, suffix: string): (input: string) => string {
  const name = (input: string) => `${basename(defaultOutput(input))}${suffix}.pdf`
  const isFolder = output !== undefined && (output.endsWith('/') || (existsSync(output) && statSync(output).isDirectory()))
  if (inputs.length === 1) {
    if (output === undefined) return (input) => defaultPdfOutput(input, suffix)
    return (input) => (isFolder ? join(output, name(input)) : output)
  }
  if (output !== undefined && extname(output).toLowerCase() === '.pdf') {
    throw new CitedeckError(`-o ${output}: several decks need a folder, not one PDF`, 'USAGE', 'pass a folder with -o, or one deck')
  }
  const names = new Map<string, string>()
  for (const input of inputs) {
    const other = names.get(name(input))
    if (other !== undefined && other !== input) {
      throw new CitedeckError(`${other} and ${input} would both print to ${name(input)}`, 'USAGE', 'export them separately with -o')
    }
    names.set(name(input), input)
  }
  return (input) => join(output ?? 'dist', name(input))
}
