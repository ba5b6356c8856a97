/**
 * One deck kept up to date in memory: built once, then rebuilt whenever a file
 * it depends on changes (the deck, its bibliographies, CSL style, images,
 * theme). What a rebuild can reuse stays cached: parsed chunks here,
 * bibliographies and citeproc engines in `cite/`. A broken edit never replaces
 * the last good deck; it only carries messages until the next good save.
 */
import {dirname, extname, resolve} from 'node:path'
import {performance} from 'node:perf_hooks'
import {VFile} from 'vfile'
import {type CompiledDeck, type CompileOptions, compileDeck} from '../build.js'
import {CitedeckError} from '../errors.js'
import {isEssayPath} from '../import/detect.js'
import {readSource} from '../io/read-source.js'
import {hasErrors} from '../messages.js'
import {RebuildCache} from './rebuild-cache.js'
import {DependencyWatcher, type WatchOptions} from './watch.js'

export interface LiveDeckOptions extends CompileOptions, WatchOptions {}

export interface DeckUpdate {
  /**
   * `deck`: rebuilt without errors; `styles`: only stylesheets changed, so
   * nothing was rebuilt; `error`: the build has errors and `deck` is still
   * the last good one.
   */
  kind: 'deck' | 'styles' | 'error'
  /** Counts updates, from 1 for the first build. */
  version: number
  /** The last good deck (the first build's, errors and all, until there is a good one). */
  deck: CompiledDeck
  /** This build's source and messages, warnings included. */
  file: VFile
  /** Output paths (`href`s) of the assets whose files changed. */
  changed: string[]
  /** Milliseconds from the change to the finished build. */
  duration: number
}

export class LiveDeck {
  /** The newest update. */
  current!: DeckUpdate
  private readonly cache = new RebuildCache()
  private readonly watcher: DependencyWatcher
  private running: Promise<void> | undefined
  private readonly queued = new Set<string>()

  private constructor(
    readonly path: string,
    private readonly options: LiveDeckOptions,
    private readonly onUpdate: (update: DeckUpdate) => void
  ) {
    this.watcher = new DependencyWatcher((paths) => this.changed(paths), options)
  }

  /**
   * Builds the deck and starts watching. Rejects with a `CitedeckError` when
   * the deck cannot be read (missing file); content errors are messages.
   */
  static async start(input: string, options: LiveDeckOptions, onUpdate: (update: DeckUpdate) => void): Promise<LiveDeck> {
    if (isEssayPath(input)) {
      throw new CitedeckError(`${input}: an essay, not a deck outline`, 'USAGE', `run citedeck import ${input} first, then preview the deck.md it writes`)
    }
    const live = new LiveDeck(resolve(input), options, onUpdate)
    const file = await readSource(live.path)
    await live.publish(await live.compile(file), [], performance.now())
    return live
  }

  async close(): Promise<void> {
    await this.watcher.close()
    await this.running
  }

  /** Serialises rebuilds: changes during a build are gathered for one more. */
  private changed(paths: string[]) {
    for (const path of paths) this.queued.add(path)
    if (this.running) return
    this.running = (async () => {
      while (this.queued.size > 0) {
        const batch = [...this.queued]
        this.queued.clear()
        await this.rebuild(batch)
      }
      this.running = undefined
    })()
  }

  private async rebuild(paths: string[]) {
    const start = performance.now()
    const last = this.current.deck
    const styles = new Map(last.assets.filter((asset) => extname(asset.source) === '.css').map((asset) => [asset.source, asset.href]))
    if (paths.every((path) => styles.has(path))) {
      const changed = paths.map((path) => styles.get(path)!)
      this.emit({...this.current, kind: 'styles', changed, duration: performance.now() - start})
      return
    }
    let compiled: CompiledDeck
    try {
      compiled = await this.compile(await readSource(this.path))
    } catch (error) {
      // Unreadable for now (mid-save, or not UTF-8), or a bug: say so and keep
      // the deck, since the preview must outlive one bad build.
      const expected = error instanceof CitedeckError
      const reason = expected ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`
      const file = new VFile({path: this.path})
      const message = file.message(reason, {ruleId: expected ? 'read' : 'internal', source: 'citedeck'})
      message.fatal = true
      message.note = expected ? error.hint : 'this is a bug in citedeck, please report it with the deck that caused it'
      this.emit({...this.current, kind: 'error', file, changed: [], duration: performance.now() - start})
      return
    }
    const hrefs = new Map(compiled.assets.map((asset) => [asset.source, asset.href]))
    const changed = paths.flatMap((path) => (hrefs.has(path) ? [hrefs.get(path)!] : []))
    await this.publish(compiled, changed, start)
  }

  private compile(file: VFile): Promise<CompiledDeck> {
    return compileDeck(file, {...this.options, cache: this.cache})
  }

  private async publish(compiled: CompiledDeck, changed: string[], start: number) {
    const failed = hasErrors(compiled.file)
    const first = this.current === undefined
    const deck = failed && !first ? this.current.deck : compiled
    // While broken, the page still shows the last good deck: its files count too.
    await this.watcher.setFiles(new Set([...dependencies(compiled), ...(deck === compiled ? [] : dependencies(deck))]))
    this.emit({
      kind: failed ? 'error' : 'deck',
      version: 0,
      deck,
      file: compiled.file,
      changed,
      duration: performance.now() - start
    })
  }

  private emit(update: DeckUpdate) {
    this.current = {...update, version: (this.current?.version ?? 0) + 1}
    this.onUpdate(this.current)
  }
}

/**
 * Every file the build read or looked for, missing ones included, so that
 * creating a missing image or bibliography fixes the deck too. reveal.js
 * itself is left out: it does not change while a deck is written.
 */
export function dependencies(deck: CompiledDeck): string[] {
  const {file, config} = deck
  const base = dirname(file.path)
  const paths = new Set([file.path, ...config.bibliography.map((path) => resolve(base, path))])
  if (extname(config.csl) === '.csl') paths.add(resolve(base, config.csl))
  if (extname(config.theme) === '.css') paths.add(resolve(base, config.theme))
  for (const image of file.data.images ?? []) paths.add(resolve(base, image.source))
  for (const asset of deck.assets) if (!asset.href.startsWith('reveal/')) paths.add(asset.source)
  return [...paths]
}
