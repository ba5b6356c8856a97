/** `citedeck build --watch`: build, then rebuild on every save until Ctrl-C. */
import {hasErrors} from '../messages.js'
import type {BuildRun, Project, ProjectBuild} from '../project/index.js'
import {type WatchedBuild, watchBuild} from '../serve/watch-build.js'
import {formatMessages, writtenLines} from './format.js'
import type {CliIO} from './context.js'
import {CitedeckError} from '../errors.js'

/**
 * A longer quiet time than the preview's: writing the folder (and a PDF)
 * costs more than a page update, and "save all" in an editor comes as a burst.
 */
const WATCH_DEBOUNCE = 100

/** Runs until Ctrl-C; the exit code is the first build's when it could not be written at all. */
export async function runWatchBuild(project: Project, input: string, run: BuildRun, io: CliIO, quiet = false): Promise<number> {
  const report = (result: ProjectBuild, duration?: number) => {
    for (const line of formatMessages(result.file)) io.stderr(line)
    const time = new Date().toLocaleTimeString()
    if (result.written.length === 0) {
      const why = hasErrors(result.file) ? 'errors' : 'warnings (--strict)'
      io.stderr(`${time} not built because of ${why}; the previous output was kept`)
    } else if (!quiet) {
      const took = duration === undefined ? '' : `, ${Math.round(duration)} ms`
      const [first, ...rest] = writtenLines(result.written, result.deck.slideCount, took)
      io.stdout(`${time} ${first}`)
      for (const line of rest) io.stdout(line)
    }
  }
  const onBuild = ({result, error, duration}: WatchedBuild) => {
    if (result) report(result, duration)
    else io.stderr(describe(error))
  }
  const watching = await watchBuild(input, {debounce: WATCH_DEBOUNCE, ...run, project, onBuild})
  report(watching.first)
  if (!quiet) io.stdout(`watching ${input} and the files it uses (Ctrl-C to stop)`)
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
