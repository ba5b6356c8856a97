/**
 * `build --watch`: the project builds the deck again after every save of a
 * file it depends on, reusing the parsed chunks and rendered slides of the
 * last build (and writing every format asked for, PDFs included). Writing can
 * take longer than the saves come, so saves during a build are gathered into
 * one more build once it is done: a burst of saves builds once or twice,
 * never once per save, and never two at a time.
 */
import {resolve} from 'node:path'
import {performance} from 'node:perf_hooks'
import type {BuildOptions} from '../build-deck.js'
import {Project, type ProjectBuild} from '../project/index.js'
import {dependencies} from './live-deck.js'
import {DependencyWatcher, type WatchOptions} from './watch.js'

export interface WatchBuildOptions extends BuildOptions, WatchOptions {
  /** The project to build in (default: one of its own, closed with the watch). */
  project?: Project
  /** Called after every build but the first, which `watchBuild` returns. */
  onBuild?: (build: WatchedBuild) => void
}

/** One build: its result, or the error that stopped it (an output folder that cannot be written). */
export interface WatchedBuild {
  result?: ProjectBuild
  error?: unknown
  /** Milliseconds from the change to the end of the build (every format written). */
  duration: number
}

export interface Watching {
  /** The first build, done before watching started. */
  first: ProjectBuild
  /** Stops watching and waits for a build in progress. */
  close(): Promise<void>
}

/** Builds, then rebuilds on save; rejects when the first build throws (unreadable deck, refused output). */
export async function watchBuild(input: string, options: WatchBuildOptions = {}): Promise<Watching> {
  const {project: given, onBuild, ...run} = options
  const project = given ?? new Project({...run, browser: typeof run.fit === 'object' ? run.fit.browser : undefined})
  let queued = false
  let running: Promise<void> | undefined

  const once = async (): Promise<ProjectBuild> => {
    const result = await project.build(input, {...run, rebuild: true})
    await watcher.setFiles([resolve(input), ...dependencies(result.deck)])
    if (result.error !== undefined) throw result.error
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
      onBuild?.({...done, duration: performance.now() - start})
    }
    running = undefined
  }
  const watcher = new DependencyWatcher(() => {
    queued = true
    running ??= loop()
  }, options)
  const stop = async () => {
    await watcher.close()
    await running
    if (!given) await project.close()
  }

  let first: ProjectBuild
  try {
    first = await once()
  } catch (error) {
    await stop()
    throw error
  }
  return {first, close: stop}
}
