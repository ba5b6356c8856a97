/** `citedeck serve`: live preview in the browser, rebuilt on every save, until Ctrl-C. */
import {spawn} from 'node:child_process'
import {Command, Option} from 'commander'
import type {VFileMessage} from 'vfile-message'
import {FIT_RULES} from '../check/fit.js'
import {CitedeckError} from '../errors.js'
import {type DeckUpdate, DEFAULT_PORT, isLoopback, serve} from '../serve/index.js'
import {counted, formatMessages} from './format.js'
import type {CliContext} from './context.js'
import {untilInterrupted} from './watch.js'

interface ServeFlags {
  port: string
  host?: string
  theme?: string
  open?: boolean
  quiet?: boolean
  fit: boolean
}

export function serveCommand(context: CliContext): Command {
  return new Command('serve')
    .description('preview a deck in the browser; it updates on every save')
    .argument('<input>', 'the deck: a Markdown outline (.md), or an essay (.txt, .md, .docx) imported in memory')
    .option('-p, --port <number>', 'port to listen on (the next free one when taken; 0 = any)', String(DEFAULT_PORT))
    .addOption(new Option('--host <address>', 'interface to listen on (default: 127.0.0.1, this computer only)'))
    .option('-t, --theme <name|file.css>', 'a shipped theme name or a CSS file')
    .option('--open', 'open the deck in the default browser')
    .option('--no-fit', 'do not measure slides to scale or split those that overflow')
    .addOption(new Option('-q, --quiet', 'print only errors and warnings'))
    .action(async (input: string, flags: ServeFlags) => {
      context.exit(await runServe(input, flags, context))
    })
}

async function runServe(input: string, flags: ServeFlags, {io}: CliContext): Promise<number> {
  const port = Number(flags.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CitedeckError(`--port ${flags.port}: not a port number`, 'USAGE', 'use a number from 1024 to 65535, or 0 for any free port')
  }
  const report = (update: DeckUpdate) => {
    // A fitted deck repeats the rebuild's messages: only the fit step's are new.
    const shown = update.kind === 'fitted' ? (message: VFileMessage) => FIT_RULES.has(message.ruleId ?? '') : undefined
    if (update.kind !== 'styles') for (const line of formatMessages(update.file, undefined, shown)) io.stderr(line)
    if (flags.quiet) return
    const time = new Date().toLocaleTimeString()
    const took = `${Math.round(update.duration)} ms`
    if (update.kind === 'error') io.stderr(`${time} errors: the browser keeps the last good deck`)
    else if (update.kind === 'fitted') io.stdout(`${time} measured and fitted, ${counted(update.deck.slideCount, 'slide')} (${took})`)
    else if (update.kind === 'styles') io.stdout(`${time} stylesheet updated (${update.changed.join(', ')})`)
    else if (update.version > 1) io.stdout(`${time} rebuilt, ${counted(update.deck.slideCount, 'slide')} (${took})`)
  }
  const preview = await serve(input, {port, host: flags.host, theme: flags.theme, fit: flags.fit, onUpdate: report})
  if (flags.host && !isLoopback(flags.host)) {
    io.stderr(`citedeck: warning: listening on ${flags.host}: other computers on the network can see the deck`)
  }
  if (port !== 0 && preview.port !== port) io.stderr(`citedeck: port ${port} is taken; using ${preview.port}`)
  if (!flags.quiet) io.stdout(`serving ${input} at ${preview.url} (Ctrl-C to stop)`)
  if (flags.open) openBrowser(preview.url)

  await untilInterrupted()
  await preview.close()
  if (!flags.quiet) io.stdout('stopped')
  return 0
}

/** The system's way to open a URL; a failure only means the user opens it by hand. */
function openBrowser(url: string) {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]]
  spawn(command, args, {stdio: 'ignore', detached: true})
    .on('error', () => {})
    .unref()
}
