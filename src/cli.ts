#!/usr/bin/env node
/**
 * citedeck's command line: argv → options → API call → printed messages and an
 * exit code (0 ok, 1 content errors, 2 usage or environment errors). Only this
 * module writes to the terminal.
 */
import {readFileSync} from 'node:fs'
import {relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Command, CommanderError, Option} from 'commander'
import {formatMessages} from './cli/format.js'
import {CitedeckError, exitCodeFor} from './errors.js'
import {build} from './index.js'
import {hasErrors} from './messages.js'

export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

const defaultIO: CliIO = {
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n')
}

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}).version

/** Runs the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function citedeckCli(argv: string[], io: CliIO = defaultIO): Promise<number> {
  let exitCode = 0
  const program = new Command('citedeck')
    .description('Turn cited essays and Markdown outlines into offline Reveal.js decks with footnoted citations.')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({writeOut: (text) => io.stdout(text.trimEnd()), writeErr: (text) => io.stderr(text.trimEnd())})
    .showHelpAfterError('(run citedeck --help for usage)')

  program
    .command('build')
    .description('build a deck folder (index.html + assets) from a Markdown outline')
    .argument('<input>', 'the deck: a Markdown outline (.md)')
    .option('-o, --output <path>', 'output folder (default: dist/<deck>), or .html file with --embed')
    .option('-t, --theme <name|file.css>', 'a shipped theme name or a CSS file')
    .option('--embed', 'write one self-contained HTML file with everything inlined')
    .option('--strict', 'fail (exit 1) on warnings too')
    .option('--force', 'replace an output folder that citedeck did not make')
    .addOption(new Option('-q, --quiet', 'print only errors and warnings'))
    .action(async (input: string, options: BuildFlags) => {
      exitCode = await runBuild(input, options, io)
    })

  try {
    await program.parseAsync(argv, {from: 'user'})
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
    if (error instanceof CitedeckError) {
      io.stderr(`citedeck: error: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}`)
      return exitCodeFor(error.code)
    }
    throw error
  }
}

interface BuildFlags {
  output?: string
  theme?: string
  embed?: boolean
  strict?: boolean
  force?: boolean
  quiet?: boolean
}

async function runBuild(input: string, flags: BuildFlags, io: CliIO): Promise<number> {
  const result = await build(input, {
    output: flags.output,
    theme: flags.theme,
    embed: flags.embed,
    strict: flags.strict,
    force: flags.force
  })
  for (const line of formatMessages(result.file)) io.stderr(line)
  if (!result.output) {
    const why = hasErrors(result.file) ? 'errors' : 'warnings (--strict)'
    io.stderr(`citedeck: not built because of ${why}; the previous output was kept`)
    return 1
  }
  if (!flags.quiet) {
    io.stdout(`built ${relative(process.cwd(), result.output) || '.'} (${result.deck.slideCount} slides)`)
  }
  return 0
}

// Run when executed directly (the `citedeck` bin), not when imported by tests.
if (process.argv[1] && fileURLToPath(import.meta.url) === (await import('node:fs')).realpathSync(process.argv[1])) {
  citedeckCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`citedeck: internal error: ${error instanceof Error ? error.stack : String(error)}\n`)
      process.stderr.write('  this is a bug in citedeck, please report it with the input that caused it\n')
      process.exitCode = 2
    }
  )
}
