/**
 * `citedeck build`: compile a deck once and write the formats asked for
 * (`--to html,pdf,pptx`; the deck folder by default), all through one
 * `Project`, so one compile and one browser serve them all.
 */
import {readdir, stat} from 'node:fs/promises'
import {extname, join, relative} from 'node:path'
import {Command, Option} from 'commander'
import {checkPdfOptions} from '../export/pdf-options.js'
import {type FormatName, parseFormats} from '../formats/index.js'
import {DEFAULT_HANDOUT} from '../formats/handout.js'
import {hasErrors} from '../messages.js'
import {type BuildRun, Project} from '../project/index.js'
import {fitLine, formatMessages, writtenLines} from './format.js'
import type {CliContext, CliIO} from './context.js'
import {parsePdfChoice} from './pdf.js'
import {progressPrinter} from './progress.js'
import {sourceOptions, withAllowOutside} from './source-flags.js'

interface BuildFlags {
  output?: string
  theme?: string
  csl?: string
  to?: string
  embed?: boolean
  strict?: boolean
  force?: boolean
  quiet?: boolean
  verbose?: boolean
  pdf?: boolean
  pptx?: boolean
  handout?: string
  paper?: string
  handoutNotes?: boolean
  watch?: boolean
  allowOutside?: boolean
  allowOutsideImages?: boolean
  safe?: boolean
  /** `--no-fit` sets it to false. */
  fit?: boolean
}

export function buildCommand(context: CliContext): Command {
  return withAllowOutside(new Command('build'))
    .description('build a deck folder (index.html + assets) from a Markdown outline, or from an essay imported on the fly')
    .argument('<input>', 'the deck: a Markdown outline (.md), or an essay (.txt, .docx, prose .md) with APA citations')
    .option('-o, --output <path>', 'output folder (default: dist/<deck>), or .html file with --embed')
    .option('--to <formats>', 'what to write, comma-separated: html, embed, pdf, handout, notes, pptx (default: html)')
    .option('-t, --theme <name|file.css>', 'a shipped theme name or a CSS file')
    .option('--csl <style|file.csl>', 'citation style: apa, mla, chicago-notes, chicago-author-date, harvard, ieee, or a .csl file')
    .option('--embed', 'write one self-contained HTML file with everything inlined (--to embed)')
    .option('--strict', 'fail (exit 1) on warnings too')
    .option('--force', 'replace an output folder that citedeck did not make')
    .option('--no-fit', 'do not measure slides to scale down or split those that overflow')
    .option('--pdf', 'also print the slides to <deck>.pdf in the output folder (--to html,pdf)')
    .option('--pptx', 'also export an editable PowerPoint file, <deck>.pptx, to the output folder (--to html,pptx)')
    .option('--handout <n>', 'also print a handout, n slides a page (1, 2, 3, 4, 6), to <deck>-handout.pdf')
    .option('--paper <size>', 'handout and notes paper: a4 or letter (default: from the deck\'s lang)')
    .option('--handout-notes', 'speaker notes beside the handout\'s slides instead of ruled lines')
    .option('-w, --watch', 'build again on every save of the deck or a file it uses, until Ctrl-C')
    .addOption(new Option('-q, --quiet', 'print only errors and warnings'))
    .option('--verbose', 'also say how the slides were fitted (measured in the browser, or proven to fit by an estimate), and each step as it starts, with the seconds since the start')
    .action(async (input: string, flags: BuildFlags) => {
      context.exit(await runBuild(input, flags, context))
    })
}

/** `--to` and the shorthands: `--embed` stands for the deck file, `--pdf`, `--pptx` and `--handout n` add a file. */
export function formatsOf(flags: BuildFlags): FormatName[] {
  const named = flags.to !== undefined ? parseFormats([flags.to]) : [flags.embed ? 'embed' : 'html']
  const added: FormatName[] = [
    ...(flags.embed ? ['embed' as const] : []),
    ...(flags.pdf ? ['pdf' as const] : []),
    ...(flags.handout !== undefined ? ['handout' as const] : []),
    ...(flags.pptx ? ['pptx' as const] : [])
  ]
  return parseFormats([...named, ...added])
}

async function runBuild(input: string, flags: BuildFlags, {io}: CliContext): Promise<number> {
  const formats = formatsOf(flags)
  const choice = parsePdfChoice(flags)
  if (flags.handoutNotes && !formats.includes('handout') && choice.handout === undefined) checkPdfOptions({handoutNotes: true})
  if (formats.includes('handout')) checkPdfOptions({handout: choice.handout ?? DEFAULT_HANDOUT, handoutNotes: flags.handoutNotes})
  // Watching keeps one browser for every save, and closes it on Ctrl-C itself, after the build in progress.
  const project = new Project({theme: flags.theme, ...sourceOptions(flags), fit: flags.fit === false ? false : undefined, closedOnSignal: flags.watch, citeprocWorker: !flags.watch, oneBuild: !flags.watch})
  const printer = progressPrinter(io, flags)
  const run: BuildRun = {
    to: formats,
    output: flags.output,
    strict: flags.strict,
    force: flags.force,
    ...choice,
    onProgress: printer && ((step, slides) => printer(input, step, slides))
  }
  try {
    if (flags.watch) {
      // Loaded for --watch only: it brings chokidar.
      const {runWatchBuild} = await import('./watch.js')
      return await runWatchBuild(project, input, run, io, flags.quiet)
    }
    return await buildOnce(project, input, run, io, flags.quiet, flags.verbose)
  } finally {
    printer?.done()
    await project.close()
  }
}

async function buildOnce(project: Project, input: string, run: BuildRun, io: CliIO, quiet?: boolean, verbose?: boolean): Promise<number> {
  const started = Date.now()
  const result = await project.build(input, run)
  const fitted = verbose && fitLine(result.file)
  if (fitted) io.stderr(`citedeck: ${input}: ${fitted}`)
  // Export messages (overflow, blocked requests) join the build's, printed once, even when an export fails.
  for (const line of formatMessages(result.file)) io.stderr(line)
  if (result.error !== undefined) throw result.error
  if (result.written.length === 0) {
    const why = hasErrors(result.file) ? 'errors' : 'warnings (--strict)'
    io.stderr(`citedeck: not built because of ${why}; the previous output was kept`)
    return 1
  }
  if (!quiet) for (const line of writtenLines(result.written, result.deck.slideCount)) io.stdout(line)
  const missing = run.to!.filter((format) => !result.written.some((emitted) => emitted.format === format))
  for (const format of missing) io.stderr(`citedeck: no ${format} output because of warnings (--strict); the previous one was kept`)
  if (result.output) {
    for (const file of await earlierExports(result.output, started)) {
      const how = extname(file).toLowerCase() === '.pptx' ? 'add --pptx to export it' : 'add --pdf or --handout n to print it'
      io.stderr(`citedeck: note: ${relative(process.cwd(), file)} is from an earlier build; ${how} from this one`)
    }
  }
  return missing.length > 0 ? 1 : 0
}

/** PDFs and PowerPoint files in the output folder that this build did not write: an earlier version of the deck, kept as they were. */
async function earlierExports(output: string, since: number): Promise<string[]> {
  const names = await readdir(output).catch(() => [])
  const files = names.filter((name) => ['.pdf', '.pptx'].includes(extname(name).toLowerCase())).map((name) => join(output, name))
  const stats = await Promise.all(files.map((path) => stat(path)))
  return files.filter((_, index) => stats[index]!.mtimeMs < since)
}

