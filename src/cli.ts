#!/usr/bin/env node
/**
 * citedeck's command line: argv → options → API call → printed messages and an
 * exit code (0 ok, 1 content errors, 2 usage or environment errors). Only this
 * module writes to the terminal.
 */
import {existsSync, readFileSync, realpathSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Command, CommanderError} from 'commander'
import type {CliContext, CliIO} from './cli/context.js'
import {CitedeckError, exitCodeFor} from './errors.js'

export type {CliIO} from './cli/context.js'

const defaultIO: CliIO = {
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
  isTTY: process.stderr.isTTY
}

// Each command loads only its own modules (a browser driver, an NLP library,
// a file watcher): `citedeck --version` should not pay for all of them.
const COMMANDS: Record<string, () => Promise<(context: CliContext) => Command>> = {
  build: async () => (await import('./cli/build.js')).buildCommand,
  pdf: async () => (await import('./cli/pdf.js')).pdfCommand,
  pptx: async () => (await import('./cli/pptx.js')).pptxCommand,
  check: async () => (await import('./cli/check.js')).checkCommand,
  import: async () => (await import('./cli/import.js')).importCommand,
  serve: async () => (await import('./cli/serve.js')).serveCommand
}

/** The commands `argv` needs: the one it names, none for `--version`, all for help. */
function commandsFor(argv: string[]): string[] {
  const first = argv[0]
  if (first !== undefined && first in COMMANDS) return [first]
  if (first === '-v' || first === '--version') return []
  return Object.keys(COMMANDS)
}

/** citedeck's version, from the package.json above this module (lib/cli.js, or the bundle in lib/bundle/). */
function packageVersion(): string {
  let folder = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder)
  return (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {version: string}).version
}

/** Runs the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function citedeckCli(argv: string[], io: CliIO = defaultIO): Promise<number> {
  let exitCode = 0
  const program = new Command('citedeck')
    .description('Turn cited essays and Markdown outlines into offline Reveal.js decks with footnoted citations.')
    .version(packageVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({writeOut: (text) => io.stdout(text.trimEnd()), writeErr: (text) => io.stderr(text.trimEnd())})
    .showHelpAfterError('(run citedeck --help for usage)')

  const context: CliContext = {io, exit: (code) => (exitCode = code)}
  // addCommand does not pass on exitOverride and the output settings; copy them.
  for (const name of commandsFor(argv)) {
    const command = (await COMMANDS[name]!())(context)
    program.addCommand(command.copyInheritedSettings(program))
  }

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

/** Runs the CLI as the `citedeck` process: the exit code set, an unexpected error reported as a bug. */
export function runCliProcess(argv: string[]): Promise<void> {
  return citedeckCli(argv).then(
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

// Run when executed directly (the `citedeck` bin), not when imported by tests; the bundled CLI's loader calls `runCliProcess` itself.
if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) void runCliProcess(process.argv.slice(2))
