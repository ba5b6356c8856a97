/**
 * `build --watch`: `build()` again after every save of a file the deck
 * depends on, with the parsed chunks and rendered slides kept between builds. Writing (and whatever
 * `afterWrite` does, such as printing the PDF) can take longer than the saves
 * come, so saves during a build are gathered into one more build once it is
 * done: a burst of saves builds once or twice, never once per save, and never
 * two at a time.
 */
import {resolve} from 'node:path'
import {performance} from 'node:perf_hooks'
import {build, type BuildOptions, type BuildResult} from '../build-deck.js'
import {dependencies} from './live-deck.js'
import {RebuildCache} from './rebuild-cache.js'
import {DependencyWatcher, type WatchOptions} from './watch.js'

export interface WatchBuildOptions extends BuildOptions, WatchOptions {
  /** Runs after each written build, before the next one starts (PDF export). */
  afterWrite?: (result: BuildResult & {output: string}) => Promise<void>
  /** Called after every build but the first, which `watchBuild` returns. */
  onBuild?: (build: WatchedBuild) => void
}

/** One build: its result, or the error that stopped it (an output folder that cannot be written). */
export interface WatchedBuild {
  result?: BuildResult
  error?: unknown
  /** Milliseconds from the change to the end of the build (and `afterWrite`). */
  duration: number
}

export interface Watching {
  /** The first build, done before watching started. */
  first: BuildResult
  /** Stops watching and waits for a build in progress. */
  close(): Promise<void>
}

/** Builds, then rebuilds on save; rejects when the first build throws (unreadable deck, refused output). */
export async function watchBuild(input: string, options: WatchBuildOptions = {}): Promise<Watching> {
  const cache = new RebuildCache()
  let queued = false
  let running: Promise<void> | undefined

  const once = async (): Promise<BuildResult> => {
    const result = await build(input, {...options, cache})
    await watcher.setFiles([resolve(input), ...dependencies(result.deck)])
    if (result.output) await options.afterWrite?.({...result, output: result.output})
    return result
  }
  const loop = async () => {
    while (queued) {
      queued = false
      const start = performance.now()
      const done = await once().then(
        (result) => ({result}),
        (error: unknown) => ({error})
      )
      options.onBuild?.({...done, duration: performance.now() - start})
    }
    running = undefined
  }
  const watcher = new DependencyWatcher(() => {
    queued = true
    running ??= loop()
  }, options)

  let first: BuildResult
  try {
    first = await once()
  } catch (error) {
    await watcher.close()
    throw error
  }
  return {
    first,
    async close() {
      await watcher.close()
      await running
    }
  }
}
