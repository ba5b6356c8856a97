/** `citedeck build --watch`: build, then rebuild on every save until Ctrl-C. */
import {relative} from 'node:path'
import {CitedeckError} from '../errors.js'
import {type WatchBuildOptions, type WatchBuildResult, watchBuild} from '../serve/watch-build.js'
import {formatMessages} from './format.js'
import type {CliIO} from './context.js'

/**
 * A longer quiet time than the preview's: writing the folder (and a PDF)
 * costs more than a page update, and "save all" in an editor comes as a burst.
 */
const WATCH_DEBOUNCE = 100

export async function runWatchBuild(input: string, options: WatchBuildOptions, io: CliIO, quiet = false): Promise<number> {
  let firstFailure: unknown
  const report = ({update, output, error}: WatchBuildResult) => {
    if (update.kind !== 'styles') for (const line of formatMessages(update.file)) io.stderr(line)
    const time = new Date().toLocaleTimeString()
    if (error) {
      if (update.version === 1) firstFailure = error
      else io.stderr(`${time} ${describe(error)}`)
    } else if (!output) {
      io.stderr(`${time} not built because of ${update.kind === 'error' ? 'errors' : 'warnings (--strict)'}; the previous output was kept`)
    } else if (!quiet) {
      io.stdout(`${time} built ${relative(process.cwd(), output) || '.'} (${update.deck.slideCount} slides, ${Math.round(update.duration)} ms)`)
    }
  }
  const watching = await watchBuild(input, {debounce: WATCH_DEBOUNCE, ...options, onBuild: report})
  if (firstFailure) {
    await watching.close()
    throw firstFailure
  }
  if (!quiet) io.stdout(`watching ${input} and its files (Ctrl-C to stop)`)
  await untilInterrupted()
  await watching.close()
  if (!quiet) io.stdout('stopped')
  return 0
}

function describe(error: unknown): string {
  if (error instanceof CitedeckError) return `citedeck: error: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}`
  return `citedeck: error: ${error instanceof Error ? error.message : String(error)}`
}

/** Resolves on Ctrl-C (SIGINT) or SIGTERM, so the caller can close cleanly. */
export function untilInterrupted(): Promise<void> {
  return new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      done()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
