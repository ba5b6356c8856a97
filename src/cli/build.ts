/** `citedeck build`: compile a deck and write its folder (or one embedded file). */
import {readdir, stat} from 'node:fs/promises'
import {extname, join, relative} from 'node:path'
import {Command, Option} from 'commander'
import {build, type BuildOptions} from '../build-deck.js'
import type {BrowserSession} from '../export/browser.js'
import {checkPdfOptions} from '../export/pdf-options.js'
import {hasErrors} from '../messages.js'
import {counted, formatMessages} from './format.js'
import type {CliContext} from './context.js'
import {type PdfChoice, parsePdfChoice, printBuiltDeck} from './pdf.js'
import type {WatchBuildOptions} from '../serve/watch-build.js'
import {runWatchBuild} from './watch.js'
import {sourceOptions, withAllowOutside} from './source-flags.js'

interface BuildFlags {
  output?: string
  theme?: string
  csl?: string
  embed?: boolean
  strict?: boolean
  force?: boolean
  quiet?: boolean
  pdf?: boolean
  handout?: string
  paper?: string
  handoutNotes?: boolean
  watch?: boolean
  allowOutside?: boolean
  allowOutsideImages?: boolean
  /** `--no-fit` sets it to false. */
  fit?: boolean
}

export function buildCommand(context: CliContext): Command {
  return withAllowOutside(new Command('build'))
    .description('build a deck folder (index.html + assets) from a Markdown outline, or from an essay imported on the fly')
    .argument('<input>', 'the deck: a Markdown outline (.md), or an essay (.txt, .docx, prose .md) with APA citations')
    .option('-o, --output <path>', 'output folder (default: dist/<deck>), or .html file with --embed')
    .option('-t, --theme <name|file.css>', 'a shipped theme name or a CSS file')
    .option('--csl <style|file.csl>', 'citation style: apa, mla, chicago-notes, chicago-author-date, harvard, ieee, or a .csl file')
    .option('--embed', 'write one self-contained HTML file with everything inlined')
    .option('--strict', 'fail (exit 1) on warnings too')
    .option('--force', 'replace an output folder that citedeck did not make')
    .option('--no-fit', 'do not measure slides to scale down or split those that overflow')
    .option('--pdf', 'also print the slides to <deck>.pdf in the output folder')
    .option('--handout <n>', 'also print a handout, n slides a page (1, 2, 3, 4, 6), to <deck>-handout.pdf')
    .option('--paper <size>', 'handout paper: a4 or letter (default: from the deck\'s lang)')
    .option('--handout-notes', 'speaker notes beside the handout\'s slides instead of ruled lines')
    .option('-w, --watch', 'build again on every save of the deck or a file it uses, until Ctrl-C')
    .addOption(new Option('-q, --quiet', 'print only errors and warnings'))
    .action(async (input: string, flags: BuildFlags) => {
      context.exit(await runBuild(input, flags, context))
    })
}

async function runBuild(input: string, flags: BuildFlags, {io}: CliContext): Promise<number> {
  const choice = parsePdfChoice(flags)
  checkPdfOptions(choice)
  const kinds = [...(flags.pdf ? [{}] : []), ...(choice.handout ? [choice] : [])]
  // The browser starts while the deck builds. Watching keeps one to measure slides in (fit) on every save,
  // and closes it on Ctrl-C itself, after the build in progress.
  const launching =
    kinds.length > 0 || (flags.watch && flags.fit !== false)
      ? import('../export/browser.js').then(({launchBrowser}) => launchBrowser({closedOnSignal: flags.watch}))
      : undefined
  launching?.catch(() => undefined)
  try {
    if (flags.watch) {
      const browser = kinds.length > 0 ? (await launching!).browser : await launching?.then((session) => session.browser, () => undefined)
      const afterWrite: WatchBuildOptions['afterWrite'] =
        browser && kinds.length > 0
          ? async ({deck, output}) => {
              const written = await printBuiltDeck(deck, output, kinds, browser, {io, quiet: flags.quiet})
              if (!flags.quiet) for (const line of written) io.stdout(line)
            }
          : undefined
      const fit = flags.fit === false ? false : browser ? {browser} : undefined
      return await runWatchBuild(input, {...buildOptions(flags), fit, afterWrite}, io, flags.quiet)
    }
    return await buildAndPrint(input, flags, io, kinds, launching)
  } finally {
    await launching?.then((session) => session.close(), () => undefined)
  }
}

async function buildAndPrint(
  input: string,
  flags: BuildFlags,
  io: CliContext['io'],
  kinds: PdfChoice[],
  launching: Promise<BrowserSession> | undefined
): Promise<number> {
  const started = Date.now()
  // The browser that prints also measures the slides for fitting: one launch.
  const fit = flags.fit === false ? {fit: false} : launching ? {fit: {browser: (await launching).browser}} : {}
  const result = await build(input, {...buildOptions(flags), ...fit})
  // Export messages (overflow, blocked requests) join the build's, printed once, even when the export fails.
  let failure: unknown
  const written =
    result.output && launching
      ? await printBuiltDeck(result.deck, result.output, kinds, (await launching).browser, {io, quiet: flags.quiet}).catch(
          (error: unknown) => ((failure = error), [])
        )
      : []
  for (const line of formatMessages(result.file)) io.stderr(line)
  if (failure) throw failure
  if (!result.output) {
    const why = hasErrors(result.file) ? 'errors' : 'warnings (--strict)'
    io.stderr(`citedeck: not built because of ${why}; the previous output was kept`)
    return 1
  }
  if (!flags.quiet) {
    io.stdout(`built ${relative(process.cwd(), result.output) || '.'} (${counted(result.deck.slideCount, 'slide')})`)
    for (const line of written) io.stdout(line)
  }
  for (const pdf of await earlierPdfs(result.output, started)) {
    io.stderr(`citedeck: note: ${relative(process.cwd(), pdf)} is from an earlier build; add --pdf or --handout n to print it from this one`)
  }
  return 0
}

/** PDFs in the output folder that this build did not print: an earlier version of the deck, kept as they were. */
async function earlierPdfs(output: string, since: number): Promise<string[]> {
  const names = await readdir(output).catch(() => [])
  const pdfs = names.filter((name) => extname(name).toLowerCase() === '.pdf').map((name) => join(output, name))
  const stats = await Promise.all(pdfs.map((path) => stat(path)))
  return pdfs.filter((_, index) => stats[index]!.mtimeMs < since)
}

function buildOptions(flags: BuildFlags): BuildOptions {
  return {
    output: flags.output,
    theme: flags.theme,
    ...sourceOptions(flags),
    embed: flags.embed,
    strict: flags.strict,
    force: flags.force
  }
}
