/**
 * One deck kept up to date in memory: built once (from an outline, or from an
 * essay imported in memory on each build), then rebuilt whenever a file
 * it depends on changes (the deck, its bibliographies, CSL style, images,
 * theme). What a rebuild can reuse stays in the deck's `Project`: parsed
 * chunks and rendered slides, bibliographies, citeproc engines, measurements,
 * and the headless browser it measures in. A broken edit
 * never replaces the last good deck; it only carries messages until the next
 * good save.
 *
 * Slides are fitted as `build` fits them, in two steps so that a save shows
 * at once: the rebuild applies the last measured fit plan, carried over to the
 * edited text; once the saves pause, the deck is measured in a headless
 * browser (only slides not measured before) and, if that changes it, a
 * `fitted` update follows.
 */
import {dirname, extname, resolve} from 'node:path'
import {performance} from 'node:perf_hooks'
import {VFile} from 'vfile'
import type {CompileOptions} from '../build.js'
import type {FitOptions} from '../check/fit.js'
import type {FitPlan} from '../check/split.js'
import type {CompiledDeck} from '../deck.js'
import {CitedeckError} from '../errors.js'
import {hasErrors} from '../messages.js'
import {Project} from '../project/index.js'
import {carryPlan} from './fit-plan.js'
import {DependencyWatcher, type WatchOptions} from './watch.js'

export interface LiveDeckOptions extends CompileOptions, WatchOptions {
  /** The project to compile in (default: one of its own, with a browser it closes on Ctrl-C itself, closed with the preview). */
  project?: Project
  /** Milliseconds without saves before the deck is measured and fitted (default: 300). */
  fitDelay?: number
}

const FIT_DELAY = 300

export interface DeckUpdate {
  /**
   * `deck`: rebuilt without errors; `fitted`: measured in the browser, which
   * scaled or split slides; `styles`: only stylesheets changed, so nothing
   * was rebuilt; `error`: the build has errors and `deck` is still the last
   * good one.
   */
  kind: 'deck' | 'fitted' | 'styles' | 'error'
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
  private readonly project: Project
  private readonly watcher: DependencyWatcher
  private running: Promise<void> | undefined
  private readonly queued = new Set<string>()
  private fitting: FitOptions | undefined
  private fitTimer: NodeJS.Timeout | undefined
  private fitDue = false
  /** The last measured plan and the text it was measured on. */
  private plan: {plan: FitPlan; text: string} | undefined
  private closed = false

  private constructor(
    readonly path: string,
    private readonly options: LiveDeckOptions,
    private readonly onUpdate: (update: DeckUpdate) => void
  ) {
    this.watcher = new DependencyWatcher((paths) => this.changed(paths), options)
    this.fitting = options.fit === true ? {} : options.fit || undefined
    this.project = options.project ?? new Project({...options, fit: undefined, browser: this.fitting?.browser, closedOnSignal: true})
  }

  /**
   * Builds the deck and starts watching. Rejects with a `CitedeckError` when
   * the deck cannot be read (missing file); content errors are messages.
   */
  static async start(input: string, options: LiveDeckOptions, onUpdate: (update: DeckUpdate) => void): Promise<LiveDeck> {
    const live = new LiveDeck(resolve(input), options, onUpdate)
    await live.publish(await live.compile(await live.project.read(live.path)), [], performance.now())
    return live
  }

  async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.fitTimer)
    await this.watcher.close()
    await this.running
    if (!this.options.project) await this.project.close()
  }

  private changed(paths: string[]) {
    for (const path of paths) this.queued.add(path)
    clearTimeout(this.fitTimer)
    this.drain()
  }

  /** Serialises the work: changes during a build are gathered for one more; fitting waits for quiet. */
  private drain() {
    if (this.running) return
    this.running = (async () => {
      while (this.queued.size > 0 || this.fitDue) {
        if (this.queued.size > 0) {
          const batch = [...this.queued]
          this.queued.clear()
          await this.rebuild(batch)
        } else {
          this.fitDue = false
          await this.fit()
        }
      }
      this.running = undefined
    })()
  }

  private scheduleFit() {
    if (!this.fitting || this.closed) return
    clearTimeout(this.fitTimer)
    this.fitTimer = setTimeout(() => {
      this.fitDue = true
      this.drain()
    }, this.options.fitDelay ?? FIT_DELAY)
  }

  /** Measures the deck as it is now and publishes it when fitting changed it. */
  private async fit() {
    const start = performance.now()
    let fitted: CompiledDeck
    try {
      const file = await this.project.read(this.path)
      fitted = await this.project.compile(file, {rebuild: true, fit: this.fitting})
    } catch (error) {
      // A deck unreadable mid-save is the next rebuild's to report; a browser that fails leaves the deck unfitted.
      if (!(error instanceof CitedeckError)) this.failed(error, start)
      return
    }
    const text = String(fitted.file.value)
    this.plan = {plan: fitted.file.data.fit ?? {scales: {}, breaks: []}, text}
    const noBrowser = fitted.file.messages.some((message) => message.ruleId === 'fit-no-browser')
    if (noBrowser) this.fitting = undefined
    // A save during the fit makes it stale: the rebuild queued for it comes next.
    if (this.queued.size > 0 || hasErrors(fitted.file)) return
    if (fitted.html !== this.current.deck.html || noBrowser) await this.publish(fitted, [], start, 'fitted')
  }

  private async rebuild(paths: string[]) {
    const start = performance.now()
    const last = this.current.deck
    const styles = new Map(last.assets.filter((asset) => extname(asset.source) === '.css').map((asset) => [asset.source, asset.href]))
    if (paths.every((path) => styles.has(path))) {
      const changed = paths.map((path) => styles.get(path)!)
      this.emit({...this.current, kind: 'styles', changed, duration: performance.now() - start})
      // New styles can make slides overflow, or fit again.
      this.scheduleFit()
      return
    }
    let compiled: CompiledDeck
    try {
      compiled = await this.compile(await this.project.read(this.path))
    } catch (error) {
      this.failed(error, start)
      return
    }
    const hrefs = new Map(compiled.assets.map((asset) => [asset.source, asset.href]))
    const changed = paths.flatMap((path) => (hrefs.has(path) ? [hrefs.get(path)!] : []))
    await this.publish(compiled, changed, start)
  }

  /**
   * A build that threw: the deck unreadable for now (mid-save, or not UTF-8),
   * or a bug. Says so and keeps the deck, since the preview must outlive one
   * bad build.
   */
  private failed(error: unknown, start: number) {
    const expected = error instanceof CitedeckError
    const reason = expected ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`
    const file = new VFile({path: this.path})
    const message = file.message(reason, {ruleId: expected ? 'read' : 'internal', source: 'citedeck'})
    message.fatal = true
    message.note = expected ? error.hint : 'this is a bug in citedeck, please report it with the deck that caused it'
    this.emit({...this.current, kind: 'error', file, changed: [], duration: performance.now() - start})
  }

  /** A quick build: the last measured plan applied, nothing measured. */
  private compile(file: VFile): Promise<CompiledDeck> {
    return this.project.compile(file, {
      rebuild: true,
      fit: false,
      prepare: (outline) => {
        if (this.plan) outline.data.fit = carryPlan(this.plan.plan, this.plan.text, String(outline.value))
      }
    })
  }

  private async publish(compiled: CompiledDeck, changed: string[], start: number, kind: 'deck' | 'fitted' = 'deck') {
    const failed = hasErrors(compiled.file)
    const first = this.current === undefined
    const deck = failed && !first ? this.current.deck : compiled
    // While broken, the page still shows the last good deck: its files count too.
    await this.watcher.setFiles(new Set([...dependencies(compiled), ...(deck === compiled ? [] : dependencies(deck))]))
    if (kind === 'deck' && !failed) this.scheduleFit()
    this.emit({
      kind: failed ? 'error' : kind,
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
  // reveal.js and the shipped fonts are package files: they do not change while a deck is edited.
  for (const asset of deck.assets) if (!/^(reveal|fonts)\//.test(asset.href)) paths.add(asset.source)
  return [...paths]
}
