/** `citedeck check`: lint and measure a deck; report as text or JSON. */
import {relative} from 'node:path'
import {Command, Option} from 'commander'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {check, type CheckResult} from '../check/index.js'
import {counted, formatMessages} from './format.js'
import type {CliContext} from './context.js'
import {sourceOptions, withAllowOutside} from './source-flags.js'

interface CheckFlags {
  format: 'text' | 'json'
  strict?: boolean
  theme?: string
  csl?: string
  allowOutside?: boolean
  allowOutsideImages?: boolean
  safe?: boolean
}

export function checkCommand(context: CliContext): Command {
  return withAllowOutside(new Command('check'))
    .description('lint a deck and measure every slide in the browser: overflow, small text, broken images, citation problems')
    .argument('<input>', 'the deck: a Markdown outline (.md)')
    .addOption(new Option('--format <format>', 'report as text lines or one JSON document').choices(['text', 'json']).default('text'))
    .option('--strict', 'exit 1 when anything is reported (warnings too, not only errors)')
    .option('-t, --theme <name|file.css>', 'a shipped theme name or a CSS file')
    .option('--csl <style|file.csl>', 'citation style: apa, mla, chicago-notes, chicago-author-date, harvard, ieee, or a .csl file')
    .action(async (input: string, flags: CheckFlags) => {
      context.exit(await runCheck(input, flags, context))
    })
}

async function runCheck(input: string, flags: CheckFlags, {io}: CliContext): Promise<number> {
  const result = await check(input, {
    theme: flags.theme,
    ...sourceOptions(flags)
  })
  const {file} = result
  const count = (severity: string) => file.messages.filter((message) => severityOf(message) === severity).length
  const summary = {errors: count('error'), warnings: count('warning'), infos: count('info')}
  if (flags.format === 'json') io.stdout(JSON.stringify(checkJson(result, summary), null, 2))
  else {
    for (const line of formatMessages(file)) io.stdout(line)
    const total = `${counted(summary.errors, 'error')}, ${counted(summary.warnings, 'warning')}, ${counted(summary.infos, 'info')}`
    io.stderr(`checked ${counted(result.slides.length, 'slide')}: ${total}`)
  }
  if (summary.errors > 0) return 1
  return flags.strict && summary.warnings > 0 ? 1 : 0
}

function severityOf(message: VFileMessage): 'error' | 'warning' | 'info' {
  return message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** The JSON report; its shape is checked by tests/check/cli.test.ts. */
function checkJson(result: CheckResult, summary: Record<string, number>) {
  const {file} = result
  const path = (message: VFileMessage) => relative(process.cwd(), message.file || file.path || '') || file.path
  return {
    file: relative(process.cwd(), file.path) || file.path,
    summary,
    slides: result.slides.map((slide) => ({
      number: slide.number,
      title: slide.title,
      kind: slide.kind,
      line: slide.place.line,
      overflow: slide.overflowY,
      overflowRight: slide.overflowX,
      smallestText: slide.smallText?.size ?? null,
      brokenImages: slide.brokenImages
    })),
    messages: sorted(file).map((message) => ({
      file: path(message),
      line: message.line ?? null,
      column: message.column ?? null,
      severity: severityOf(message),
      rule: message.ruleId ?? null,
      message: message.reason,
      note: message.note ?? null,
      slide: (message as VFileMessage & {slide?: number}).slide ?? null
    }))
  }
}

function sorted(file: VFile): VFileMessage[] {
  return [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}
