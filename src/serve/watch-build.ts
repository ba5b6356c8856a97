/**
 * `build --watch`: the live deck written to its output folder after every good
 * build. Writing (and whatever `afterWrite` does, such as printing the PDF)
 * can take longer than the saves come, so only the newest build is written
 * once the previous write is done: a burst of saves writes once or twice,
 * never once per save, and never two writes at a time.
 */
import {defaultOutput, writeDeck} from '../build.js'
import {hasErrors} from '../messages.js'
import {type DeckUpdate, LiveDeck, type LiveDeckOptions} from './live-deck.js'

export interface WatchBuildOptions extends LiveDeckOptions {
  /** Output folder, or `.html` file with `embed` (default: `dist/<deck>`). */
  output?: string
  /** Replace an output folder that citedeck did not make (default: `false`). */
  force?: boolean
  /** Warnings keep the old output too (default: `false`). */
  strict?: boolean
  /** Runs after each write, before the next one starts (PDF export). */
  afterWrite?: (update: DeckUpdate, output: string) => Promise<void>
  /** Called for every build: `output` is set when it was written, `error` when writing failed. */
  onBuild?: (result: WatchBuildResult) => void
}

export interface WatchBuildResult {
  update: DeckUpdate
  output?: string
  error?: unknown
}

export interface Watching {
  /** Stops watching and waits for a write in progress. */
  close(): Promise<void>
}

/**
 * Builds, writes and keeps rebuilding on save; resolves once the first build
 * is written (or refused), rejects when the deck cannot be read.
 */
export async function watchBuild(input: string, options: WatchBuildOptions = {}): Promise<Watching> {
  let newest: DeckUpdate | undefined
  let writing: Promise<void> | undefined

  const write = async (update: DeckUpdate) => {
    const {file} = update
    const blocked = update.kind === 'error' || hasErrors(file) || (options.strict === true && file.messages.length > 0)
    if (blocked) return options.onBuild?.({update})
    const output = options.output ?? defaultOutput(file.path, options.embed)
    try {
      await writeDeck(update.deck, {output, force: options.force})
      await options.afterWrite?.(update, output)
      options.onBuild?.({update, output})
    } catch (error) {
      options.onBuild?.({update, error})
    }
  }
  const schedule = (update: DeckUpdate) => {
    newest = update
    writing ??= (async () => {
      while (newest) {
        const next = newest
        newest = undefined
        await write(next)
      }
      writing = undefined
    })()
  }

  const live = await LiveDeck.start(input, options, schedule)
  await writing
  return {
    async close() {
      await live.close()
      await writing
    }
  }
}
