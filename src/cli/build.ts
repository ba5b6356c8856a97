/** `citedeck build`: compile a deck and write its folder (or one embedded file). */
import {readdir, stat} from 'node:fs/promises'
import {extname, join, relative} from 'node:path'
import {Command, Option} from 'commander'
import {build, type BuildOptions} from '../build-deck.js'
import type {Browser} from 'puppeteer-core'
import type {CompiledDeck} from '../build.js'
import type {BrowserSession} from '../export/browser.js'
import {checkPdfOptions} from '../export/pdf-options.js'
import {hasErrors} from '../messages.js'
import {counted, formatMessages} from './format.js'
import type {CliContext} from './context.js'
import {type PdfChoice, parsePdfChoice, printBuiltDeck} from './pdf.js'
import type {WatchBuildOptions} from '../serve/watch-build.js'
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
    .option('-t, --theme <name|file.css>', 'a shipped theme name or a CSS file')
    .option('--csl <style|file.csl>', 'citation style: apa, mla, chicago-notes, chicago-author-date, harvard, ieee, or a .csl file')
    .option('--embed', 'write one self-contained HTML file with everything inlined')
    .option('--strict', 'fail (exit 1) on warnings too')
    .option('--force', 'replace an output folder that citedeck did not make')
    .option('--no-fit', 'do not measure slides to scale down or split those that overflow')
    .option('--pdf', 'also print the slides to <deck>.pdf in the output folder')
    .option('--pptx', 'also export an editable PowerPoint file, <deck>.pptx, to the output folder')
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
  const exports = kinds.length > 0 || flags.pptx === true
  // The browser starts while the deck builds. Watching keeps one to measure slides in (fit) on every save,
  // and closes it on Ctrl-C itself, after the build in progress.
  const launching =
    exports || (flags.watch && flags.fit !== false)
      ? import('../export/browser.js').then(({launchBrowser}) => launchBrowser({closedOnSignal: flags.watch}))
      : undefined
  launching?.catch(() => undefined)
  try {
    if (flags.watch) {
      const browser = exports ? (await launching!).browser : await launching?.then((session) => session.browser, () => undefined)
      const afterWrite: WatchBuildOptions['afterWrite'] =
        browser && exports
          ? async ({deck, output}) => {
              const written = await exportAll(deck, output, kinds, flags, browser, io)
              if (!flags.quiet) for (const line of written) io.stdout(line)
            }
          : undefined
      const fit = flags.fit === false ? false : browser ? {browser} : undefined
      // Loaded for --watch only: it brings chokidar.
      const {runWatchBuild} = await import('./watch.js')
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
      ? await exportAll(result.deck, result.output, kinds, flags, (await launching).browser, io).catch((error: unknown) => ((failure = error), []))
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
  for (const file of await earlierExports(result.output, started)) {
    const how = extname(file).toLowerCase() === '.pptx' ? 'add --pptx to export it' : 'add --pdf or --handout n to print it'
    io.stderr(`citedeck: note: ${relative(process.cwd(), file)} is from an earlier build; ${how} from this one`)
  }
  return 0
}

/** The PDFs and the PowerPoint file asked for, next to the built deck. */
async function exportAll(deck: CompiledDeck, output: string, kinds: PdfChoice[], flags: BuildFlags, browser: Browser, io: CliContext['io']): Promise<string[]> {
  const written = kinds.length > 0 ? await printBuiltDeck(deck, output, kinds, browser, {io, quiet: flags.quiet}) : []
  if (flags.pptx) written.push(...(await (await import('./pptx.js')).exportBuiltDeck(deck, output, browser)))
  return written
}

/** PDFs and PowerPoint files in the output folder that this build did not write: an earlier version of the deck, kept as they were. */
async function earlierExports(output: string, since: number): Promise<string[]> {
  const names = await readdir(output).catch(() => [])
  const pdfs = names.filter((name) => ['.pdf', '.pptx'].includes(extname(name).toLowerCase())).map((name) => join(output, name))
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
