/** `citedeck pptx`: an editable PowerPoint file of a deck, with its footnotes and speaker notes. */
import {extname, relative} from 'node:path'
import {Command, Option} from 'commander'
import {CitedeckError} from '../errors.js'
import {hasErrors} from '../messages.js'
import type {CliContext} from './context.js'
import {formatMessages} from './format.js'
import {type SourceFlags, sourceOptions, withAllowOutside} from './source-flags.js'

interface PptxFlags extends SourceFlags {
  output?: string
  theme?: string
  timeout?: string
  strict?: boolean
  quiet?: boolean
}

export function pptxCommand(context: CliContext): Command {
  return withAllowOutside(new Command('pptx'))
    .description('export a deck to an editable PowerPoint file: text boxes, footnotes on their slides, speaker notes')
    .argument('<input>', 'the deck: a Markdown outline, or an essay (.txt, .docx, prose .md)')
    .option('-o, --output <file.pptx>', 'the PowerPoint file (default: dist/<deck>.pptx)')
    .option('-t, --theme <name|file.css>', 'a shipped theme name or a CSS file')
    .option('--csl <style|file.csl>', 'citation style: apa, mla, chicago-notes, chicago-author-date, harvard, ieee, or a .csl file')
    .option('--timeout <seconds>', 'give up after this long (default: 120)')
    .option('--strict', 'fail (exit 1) on warnings too')
    .addOption(new Option('-q, --quiet', 'print only errors and warnings'))
    .action(async (input: string, flags: PptxFlags) => {
      context.exit(await runPptx(input, flags, context))
    })
}

async function runPptx(input: string, flags: PptxFlags, {io}: CliContext): Promise<number> {
  const timeout = Number(flags.timeout ?? 120)
  if (!(timeout > 0)) throw new CitedeckError(`--timeout ${flags.timeout}: not a number of seconds`, 'USAGE')
  if (flags.output !== undefined && extname(flags.output).toLowerCase() !== '.pptx') {
    throw new CitedeckError(`-o ${flags.output}: a PowerPoint file ends in .pptx`, 'USAGE', 'name the output talk.pptx, for instance')
  }
  // The browser driver and pptxgenjs load only when something is exported.
  const {exportPptx} = await import('../api/pptx.js')
  const result = await exportPptx(input, {
    output: flags.output,
    theme: flags.theme,
    ...sourceOptions(flags),
    strict: flags.strict,
    timeout: timeout * 1000
  })
  for (const line of formatMessages(result.file)) io.stderr(line)
  if (!result.output) {
    const why = hasErrors(result.file) ? 'errors' : 'warnings (--strict)'
    io.stderr(`citedeck: no PowerPoint file because of ${why}; the previous one was kept`)
    return 1
  }
  if (!flags.quiet) io.stdout(wrote(result.output, result.slides!))
  return 0
}

function wrote(output: string, slides: number): string {
  return `wrote ${relative(process.cwd(), output)} (${slides} slide${slides === 1 ? '' : 's'})`
}
