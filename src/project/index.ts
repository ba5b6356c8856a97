/**
 * `Project`: the engine. One object owns what builds share: the resolved
 * options (theme, style, language, safety), the browser (launched once, at
 * the first step that needs it, closed once; Ctrl-C kills it) and the caches
 * (citations, measurements, and per deck the parsed chunks and rendered
 * slides). Every output runs one way through it:
 *
 *   compile (read, parse, cite, render) → fit (measure, scale, split) → emit(format)
 *
 * The CLI, `serve`, `build --watch`, batch exports and the one-call API
 * functions (`build()`, `exportPdf()`, `exportPptx()`, `exportPdfs()`) are
 * thin clients. Two projects share nothing, so decks built at once in two
 * projects cannot see each other's bibliographies or styles.
 *
 * ```js
 * import {Project} from 'citedeck'
 * const project = new Project({csl: 'chicago-notes'})
 * try {
 *   const {written} = await project.build('talk/deck.md', {to: ['html', 'pdf', 'pptx']})
 * } finally {
 *   await project.close()
 * }
 * ```
 */
import {existsSync} from 'node:fs'
import {resolve} from 'node:path'
import type {Browser, Page} from 'puppeteer-core'
import type {VFile} from 'vfile'
import {type CompileOptions, compileSource, readInput} from '../build.js'
import type {FitOptions} from '../check/fit.js'
import {type HeldPage, MeasurePage} from '../check/measure-page.js'
import type {CitationScope} from '../cite/cache.js'
import type {CompiledDeck} from '../deck.js'
import type {BrowserSession} from '../export/browser.js'
import {type BrowserSource, openBrowser} from '../export/browser-source.js'
import {type Emitted, FORMAT_NAMES, FORMATS, type FormatName, type FormatOptions, outputPaths} from '../formats/index.js'
import {cacheBeside} from '../io/cache-beside.js'
import {recoverFolder} from '../io/write-output.js'
import {hasErrors} from '../messages.js'
import {ChunkStore} from '../parse/chunk-store.js'
import {RebuildCache} from '../serve/rebuild-cache.js'
import {ProjectCaches} from './caches.js'

/** The settings every deck of a project is compiled with. */
export interface ProjectOptions extends Omit<CompileOptions, 'fit' | 'cache' | 'citations' | 'embed' | 'diagrams'> {
  /**
   * Measure slides in the browser and scale or split those that overflow
   * (default: `true`; front matter `fit: false` wins). An object tunes it
   * (`floor`, `rounds`); its `browser` is the project's browser.
   */
  fit?: boolean | FitOptions
  /**
   * A browser to use instead of launching one: open, opening, or a function
   * giving one. The project never closes it. Default: launch one at the first
   * step that needs it (a slide not measured before, a PDF, a PowerPoint file).
   */
  browser?: BrowserSource
  /**
   * A launch the caller started that the project takes over: it uses that
   * browser and closes it with itself. The CLI's `pdf` starts Chromium before
   * it loads the compiler, so the launch overlaps loading and compiling.
   * Default: launch at the first step that needs a browser.
   */
  launching?: Promise<BrowserSession>
  /**
   * The caller stops on Ctrl-C and closes the project itself (a preview or a
   * watch that ends cleanly). Default `false`: the signal kills the browser,
   * then ends the process as it would have without one.
   */
  closedOnSignal?: boolean
  /**
   * Format citations in a worker thread, started on the deck's style while
   * the deck parses (default: `false`). Pays off in a one-off build with a
   * core to spare; the worker ends with `close()`.
   */
  citeprocWorker?: boolean
  /**
   * The project builds one deck and is closed after (the CLI's one-off
   * `build`): its browser closes as soon as the build has no more use for it,
   * while the outputs are written, rather than at `close()` (default: `false`:
   * it stays open for the next build).
   */
  oneBuild?: boolean
}

/** One compile of one deck. */
export interface CompileRun {
  /** Fit this deck (default: the project's `fit`); `false` compiles only. `cachePath` keeps measurements in a file. */
  fit?: boolean | FitOptions
  /** Inline every file in the deck's HTML (default: `false`; the `embed` format inlines a linked deck itself). */
  embed?: boolean
  /**
   * Reuse parsed chunks and rendered slides from the last compile of this
   * deck (`serve`, `--watch`): `true` for the project's cache of the deck, or
   * a cache of the caller's (default: `false`).
   */
  rebuild?: boolean | RebuildCache
  /** This compile's use of the citation cache (default: a new one). */
  citations?: CitationScope
  /** Parsed chunks kept on disk by earlier builds, for a compile that is not a `rebuild` (default: none). */
  chunks?: ChunkStore
  /** Sees the outline just before it is compiled (an essay's is made in memory): the preview sets its fit plan here. */
  prepare?: (outline: VFile) => void
  /** A JSON file keeping drawn diagrams between builds (default: the project's memory only). */
  diagramsPath?: string
}

/** A build: compile once, then write each format. */
export interface BuildRun extends Omit<CompileRun, 'citations' | 'embed'>, FormatOptions {
  /** The formats to write (default: `['html']`, or `['embed']` with `embed`). */
  to?: FormatName[]
  /** The older way to ask for `['embed']`. */
  embed?: boolean
  /** Output folder, or file (see `outputPaths` in formats/index.ts; default: `dist/<deck>`). */
  output?: string
  /** Treat warnings as errors: nothing is written when there are any (default: `false`). */
  strict?: boolean
  /** Compile only; write nothing (default: `false`; fits only when `fit` asks). */
  dryRun?: boolean
  /**
   * The file or folder beside which this build keeps what the next build of
   * it reuses (parsed chunks, formatted citations, measurements): the output
   * the user named. Default: the deck's output; none for a dry run.
   */
  cachesBeside?: string
}

export interface ProjectBuild {
  /** The source with every message (the compiler's, the fit step's, the formats'). */
  file: VFile
  deck: CompiledDeck
  /** Where the deck (folder or `.html`) was written; `undefined` when errors kept the old output, or none was asked. */
  output?: string
  /** Everything written, in format order. */
  written: Emitted[]
  /** What stopped the formats after `written` (an unwritable output, a timeout); the messages so far are on `file`. */
  error?: unknown
}

export class Project {
  readonly options: ProjectOptions
  readonly caches: ProjectCaches
  private session: Promise<BrowserSession> | undefined
  /** A page opened while the deck compiles, for the first print (see `warmUp`). */
  private spare: Promise<Page> | undefined
  /** A browser closing before the project does (see `oneBuild`). */
  private closing: Promise<void> | undefined
  private closed = false

  constructor(options: ProjectOptions = {}) {
    this.options = options
    this.caches = new ProjectCaches({citeprocWorker: options.citeprocWorker})
    if (options.launching) this.adopt(options.launching)
  }

  /** The project's browser, launched at the first call (or the one it was given). */
  browser(): Promise<Browser> {
    if (this.closed) return Promise.reject(new Error('the project is closed'))
    const given = this.options.browser
    if (given) return openBrowser(given)
    // Puppeteer loads only when a browser is needed: a rebuild whose slides are all measured starts none.
    const session = this.session ?? this.adopt(import('../export/browser.js').then(({launchBrowser}) => launchBrowser({closedOnSignal: this.options.closedOnSignal})))
    return session.then((open) => open.browser)
  }

  /** Makes `launching` the project's browser session. */
  private adopt(launching: Promise<BrowserSession>): Promise<BrowserSession> {
    this.session = launching
    launching.then(
      // A browser that crashed is launched again at the next call.
      (session) =>
        session.browser.once('disconnected', () => {
          if (this.session !== launching) return
          this.session = undefined
          this.spare = undefined
        }),
      () => undefined
    )
    return launching
  }

  /**
   * Starts the browser now, for a run that will need it: it launches while the
   * deck compiles. With `page`, a page is opened in it too, for `page()` (the
   * fit step measures in it, a PDF prints in it).
   */
  warmUp(page = false): void {
    const browser = this.browser()
    browser.catch(() => undefined)
    if (page && !this.spare) {
      const spare = browser.then((open) => open.newPage())
      spare.catch(() => undefined)
      this.spare = spare
    }
  }

  /** A new page in the project's browser: the one `warmUp` opened, else one opened now. The caller closes it. */
  page(): Promise<Page> {
    const spare = this.spare
    this.spare = undefined
    return spare ?? this.browser().then((browser) => browser.newPage())
  }

  /** Reads a deck: a Markdown outline, or an essay (`.txt`, `.md`, `.docx`) imported in memory when compiled. */
  read(path: string): Promise<VFile> {
    return readInput(path)
  }

  /** Compiles and fits a deck; never throws for content problems (they are messages on `deck.file`). */
  async compile(input: string | VFile, run: CompileRun = {}): Promise<CompiledDeck> {
    const file = typeof input === 'string' ? await this.read(input) : input
    const {theme, lang, csl, safe, allowOutside, allowOutsideImages} = this.options
    const fit = this.fitOptions(run.fit, JSON.stringify({theme, lang, csl, safe, allowOutside, allowOutsideImages, embed: run.embed}))
    return compileSource(
      file,
      {
        theme,
        lang,
        csl,
        safe,
        allowOutside,
        allowOutsideImages,
        embed: run.embed,
        // A one-off compile gets a cache of its own all the same: the fit step's later rounds reuse what the first parsed and rendered.
        // Unfitted, it renders each slide once: keeping the slides would only cost their signatures.
        cache: run.rebuild === true ? this.rebuildCache(file.path) : run.rebuild || new RebuildCache(run.chunks, {slides: fit !== false}),
        citations: run.citations ?? this.caches.citationScope(),
        // Diagrams are drawn in the project's browser, which the fit step measures in too.
        diagrams: {browser: () => this.browser(), cache: this.caches.diagrams, cachePath: run.diagramsPath},
        fit
      },
      run.prepare
    )
  }

  /** The parsed chunks and rendered slides kept for the rebuilds of the deck at `path`. */
  rebuildCache(path: string): RebuildCache {
    return this.caches.rebuild(resolve(path))
  }

  /**
   * Writes `deck` as `format` at `output`; `undefined` when `strict` and the
   * export warned. A PDF format prints in `held`, the page the deck was
   * measured in (see `measuringPage`), when given; the caller closes it if not.
   */
  emit(deck: CompiledDeck, format: FormatName, output: string, options: FormatOptions = {}, held?: HeldPage): Promise<Emitted | undefined> {
    let given = held
    const page = async () => {
      const taken = given
      given = undefined
      return taken ? {page: taken.page, loaded: taken.opened} : {page: await this.page()}
    }
    return FORMATS[format].emit(deck, {output: resolve(output), browser: () => this.browser(), page, options})
  }

  /**
   * A page for the fit step to measure a deck in that the caller keeps after
   * the compile, so the deck can be printed in it (`handOver`, then `emit`
   * with it): it opens in the page `warmUp` opened while the deck compiled.
   */
  measuringPage(): MeasurePage {
    return new MeasurePage(() => this.browser(), {newPage: () => this.page()})
  }

  /**
   * Builds a deck: compiles and fits it once, then writes every format of
   * `run.to`, in the registry's order (the folder first, since the other files
   * go into it). Nothing is written when the deck has errors (or warnings,
   * with `strict`): the previous output is kept.
   */
  async build(input: string | VFile, run: BuildRun = {}): Promise<ProjectBuild> {
    const file = typeof input === 'string' ? await this.read(input) : input
    const asked = run.to ?? [run.embed ? 'embed' : 'html']
    const formats = FORMAT_NAMES.filter((format) => asked.includes(format))
    const paths = outputPaths(formats, file.path, run.output)
    const main = paths.get('html') ?? paths.get('embed') ?? [...paths.values()][0]!
    const deckOutput = paths.get('html') ?? paths.get('embed')
    // A build killed mid-swap left its output set aside: put it back first, so a failing build keeps it too.
    if (!run.dryRun && deckOutput) recoverFolder(deckOutput)
    const beside = run.cachesBeside ?? (run.dryRun ? undefined : main)
    const fitting = this.options.fit !== false && run.fit !== false && !(run.fit === undefined && run.dryRun)
    const measurements = beside && fitting ? cacheBeside(beside, 'measure') : undefined
    // The browser launches while the deck compiles when it will be needed: to print, or to measure a deck never measured here.
    const printing = !run.dryRun && formats.some((format) => format !== 'html' && format !== 'embed')
    if (printing || (fitting && (!measurements || !existsSync(measurements)))) this.warmUp(true)
    // citeproc's outputs and the parsed chunks from the last build of this output: a cold process need not make them again.
    const memo = beside && cacheBeside(beside, 'cite')
    const citations = this.caches.citationScope()
    if (memo) await this.caches.citations.memo.load(memo)
    const chunks = beside && !run.rebuild ? await ChunkStore.load(cacheBeside(beside, 'parse')) : undefined
    const onMeasure = run.onProgress && ((slides: number) => run.onProgress!('measure', slides))
    // A deck fitted and printed here loads once: measured in this page, it is printed in it after.
    const measuring = printing && fitting ? this.measuringPage() : undefined
    const fit = fitting ? {...(measurements ? {cachePath: measurements} : {}), onMeasure, ...(measuring ? {page: measuring} : {}), ...(typeof run.fit === 'object' ? run.fit : {})} : false
    // Compiled linked; the `embed` format inlines the files itself, so `--to html,embed` compiles once. Only `embed` alone compiles inlined, as before.
    const embedOnly = formats.length > 0 && formats.every((format) => format === 'embed')
    // Drawn diagrams are kept beside the output like measurements, so a rebuild draws only what changed.
    const diagramsPath = run.diagramsPath ?? (beside && cacheBeside(beside, 'diagrams'))
    run.onProgress?.('compile')
    try {
      return await this.compileAndWrite(file, run, formats, paths, {fit, rebuild: run.rebuild, prepare: run.prepare, citations, chunks, embed: embedOnly, diagramsPath}, {printing, memo, beside, measuring})
    } finally {
      await measuring?.close()
    }
  }

  /** The rest of `build`: compile, keep the caches, write each format (the first PDF in the page the deck was measured in). */
  private async compileAndWrite(
    file: VFile,
    run: BuildRun,
    formats: FormatName[],
    paths: Map<FormatName, string>,
    compile: CompileRun & {chunks?: ChunkStore; citations: CitationScope},
    {printing, memo, beside, measuring}: {printing: boolean; memo?: string; beside?: string; measuring?: MeasurePage}
  ): Promise<ProjectBuild> {
    const {citations, chunks} = compile
    const deck = await this.compile(file, compile)
    // Measured (or proven to fit) and nothing to print: a one-off build closes the browser while it writes.
    if (this.options.oneBuild && !printing) this.release()
    // Nor has it any more citations to format: the worker's memory goes before any printing.
    if (this.options.oneBuild) void this.caches.citations.worker?.close()
    if (memo) await this.caches.citations.memo.save(memo, citations.used).catch(() => undefined)
    await chunks?.save(cacheBeside(beside!, 'parse')).catch(() => undefined)
    // Info messages (such as "no browser to measure in") do not fail a strict build.
    const failed = hasErrors(file) || (run.strict === true && file.messages.some((message) => message.fatal !== undefined))
    if (failed || run.dryRun) return {file, deck, written: []}
    const written: Emitted[] = []
    let error: unknown
    for (const format of formats) {
      try {
        const held = measuring && PRINTED.has(format) ? await measuring.handOver(deck) : undefined
        const emitted = await this.emit(deck, format, paths.get(format)!, run, held)
        if (emitted) written.push(emitted)
      } catch (caught) {
        error = caught
        break
      }
    }
    const output = written.find((emitted) => emitted.format === 'html' || emitted.format === 'embed')?.path
    return {file, deck, output, written, ...(error === undefined ? {} : {error})}
  }

  /** Closes the browser the project launched (not one it was given); the project is not used after. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.release()
    await Promise.all([this.closing, this.caches.citations.worker?.close()])
  }

  /** Starts closing the browser the project launched, if any; a later step that needs one launches another. */
  private release(): void {
    const session = this.session
    this.session = undefined
    this.spare = undefined
    if (!session) return
    const closing = session.then((open) => open.close(), () => undefined)
    this.closing = Promise.all([this.closing, closing]).then(() => undefined)
  }

  /** The fit settings of one compile: the project's, this run's, and the project's browser and measurements. */
  private fitOptions(fit: CompileRun['fit'], identity: string): false | FitOptions {
    const base = this.options.fit ?? true
    if (base === false || fit === false) return false
    return {
      identity,
      ...(typeof base === 'object' ? base : {}),
      ...(typeof fit === 'object' ? fit : {}),
      browser: () => this.browser(),
      // The page `warmUp` opened while the deck compiled, when it did.
      newPage: () => this.page(),
      cache: this.caches.measurements
    }
  }
}

/** The formats printed from reveal's print layout, which can take over the page the deck was measured in. */
const PRINTED: ReadonlySet<FormatName> = new Set(['pdf', 'handout', 'notes'])
