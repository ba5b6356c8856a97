/**
 * The fit step of a build: compile, measure every slide in the browser, plan
 * (scale, then split what still overflows; paginate the references by their
 * measured heights), apply the plan, and measure again what it changed, at
 * most three rounds. A plan that only paginates the references anew is
 * applied to the compiled deck (repaginate.ts); any other is compiled. All
 * rounds measure in one page (measure-page.ts), and one browser serves them
 * (the project's), asked for only when some slide is not in the measurement
 * cache. The plan a build settles on is kept with the measurements: the next
 * build of the same deck compiles with it first, and keeps it when every
 * slide is measured already and the plan still holds, so an unchanged deck
 * compiles once. Without a browser the deck is built as compiled (references
 * split by an estimate), with one info message saying so.
 */
import {createHash} from 'node:crypto'
import type {VFile} from 'vfile'
import type {CompiledDeck} from '../deck.js'
import {type BrowserSource, openBrowser} from '../export/browser-source.js'
import {CitedeckError} from '../errors.js'
import {hasErrors, report} from '../messages.js'
import {fileCache, isMeasurement, type MeasureCache} from './cache.js'
import {provenSlides} from './estimate.js'
import {applySeverities} from './lint.js'
import {type MeasuredSlide, type Measurement, measureDeck} from './measure.js'
import {MeasurePage, type MeasurePageOptions} from './measure-page.js'
import {DEFAULT_FLOOR, planFit, samePlan} from './plan.js'
import {repaginateReferences} from './repaginate.js'
import type {FitPlan} from './split.js'

export interface FitOptions {
  /**
   * An open browser to measure in, or a function giving one when needed. A
   * `Project` gives its own; without one (a bare `compileDeck`), the project
   * that `compileDeck` makes for the call does.
   */
  browser?: BrowserSource
  /** Measurements known in memory (default: the project's). */
  cache?: MeasureCache
  /** A JSON file keeping measurements, and the plans builds ended with, between builds (default: memory only). */
  cachePath?: string
  /** Called before slides are loaded in the browser, with how many (default: nothing). */
  onMeasure?: (slides: number) => void
  /** What decides the deck besides its text (the compile options), so a saved plan is tried only for the same (default: ''). */
  identity?: string
  /**
   * The page to measure in, kept open by the caller after the fit (the PDF
   * export prints the deck in it; default: one opened and closed here).
   */
  page?: MeasurePage
  /** Opens the page to measure in, when `page` is not given (default: a new page of `browser`). */
  newPage?: MeasurePageOptions['newPage']
  /** The smallest scale of a slide's text before it is split instead (default: 0.8). */
  floor?: number
  /** Most times the deck is measured (default: 3). */
  rounds?: number
}

/** Rules of the messages the fit step adds to a compiled deck's. */
export const FIT_RULES: ReadonlySet<string> = new Set(['fit-no-browser', 'fit-split', 'fit-scale', 'overflow'])

/** What the fit step did, in `file.data.fitted`. */
export interface FitSummary {
  /** Times the deck was measured. */
  rounds: number
  /** Slides loaded in the browser (the rest came from the cache, or were proven to fit). */
  measured: number
  /** Slides of the last round that fit by a conservative estimate (estimate.ts), so were not measured. */
  proven?: number
  /** Slides shown scaled down, and slides added by splitting. */
  scaled: number
  added: number
  /** Slides that still overflow. */
  overflowing: number
  /** Every slide fits by a conservative estimate (estimate.ts): nothing was measured, no browser started. */
  estimated?: boolean
}

declare module 'vfile' {
  interface DataMap {
    fitted: FitSummary
  }
}

/** Compiles with `compile` until the measured deck fits or the rounds run out; returns the last deck. */
export async function fitDeck(file: VFile, compile: () => Promise<CompiledDeck>, options: FitOptions = {}): Promise<CompiledDeck> {
  const data = {...file.data}
  const messages = [...file.messages]
  const memory = options.cache ?? new Map()
  const stored = options.cachePath ? await fileCache(options.cachePath, memory, isMeasurement) : undefined
  const cache = stored?.cache ?? memory
  // The plan the last build of this very deck ended with: when its slides are all measured and it still holds, one compile does.
  const key = planKey(file, options.identity)
  const saved = stored?.plan(key)
  if (saved) file.data = {...data, fit: saved.plan}
  let deck = await compile()
  if (!deck.config.fit || hasErrors(file)) return deck
  const given = options.browser
  if (!given) throw new Error('fitDeck needs a browser: compile through a Project')
  // The browser is asked for only when a slide is not in the cache: a rebuild need not start one.
  const browser = () => openBrowser(given)
  // Every round measures in one page: a later round swaps in only the slides its plan changed.
  const page = options.page ?? new MeasurePage(browser, {newPage: options.newPage})
  const restart = async () => {
    file.data = {...data}
    file.messages = [...messages]
    deck = await compile()
  }
  try {
    if (saved) {
      const proven = provenSlides(deck)
      const measurement = await measureDeck(deck, {browser: () => Promise.reject(new StalePlan()), cache, proven}).catch((error: unknown) => {
        if (error instanceof StalePlan) return undefined
        throw error
      })
      if (measurement && samePlan(planFit(measurement.slides, saved.plan, {floor: options.floor ?? DEFAULT_FLOOR}), saved.plan)) {
        finish(file, deck, measurement, saved.plan, {rounds: 1, measured: 0, added: saved.added})
        return deck
      }
      await restart()
    }
    if (!deck.config.fit || hasErrors(file)) return deck
    // Measuring cannot change a deck that fits even by a conservative estimate: no browser for it.
    if (provenSlides(deck).every(Boolean)) {
      finish(file, deck, {slides: [], measured: 0, proven: deck.slideCount}, {scales: {}, breaks: []}, {rounds: 0, measured: 0, added: 0})
      file.data.fitted!.estimated = true
      return deck
    }
    const first = deck.slideCount
    let plan: FitPlan = {scales: {}, breaks: []}
    let measured = 0
    for (let round = 1; ; round++) {
      // Only the slides the estimate cannot prove to fit are measured: a slide that fits changes nothing in the plan.
      const measurement = await measureDeck(deck, {browser, cache, page, onMeasure: options.onMeasure, proven: provenSlides(deck)})
      measured += measurement.measured
      const next = planFit(measurement.slides, plan, {floor: options.floor ?? DEFAULT_FLOOR})
      const settled = samePlan(next, plan)
      if (round >= (options.rounds ?? 3) || settled) {
        finish(file, deck, measurement, plan, {rounds: round, measured, added: deck.slideCount - first})
        // Only a plan the measurements agree with is worth trying first next time.
        if (settled) stored?.keepPlan(key, {plan, added: deck.slideCount - first})
        break
      }
      // A plan that only paginates the references anew changes the reference slides only: they are made again, not the deck.
      const repaginated = onlyReferences(plan, next) ? await repaginateReferences(deck, next.references!) : undefined
      plan = next
      if (repaginated) {
        file.data.fit = plan
        deck = repaginated
        continue
      }
      file.data = {...data, fit: plan}
      file.messages = [...messages]
      deck = await compile()
    }
  } catch (error) {
    if (!(error instanceof CitedeckError && error.code === 'NOT_FOUND_BROWSER')) throw error
    const message = report(file, 'slides were not measured: no browser to lay them out in', undefined, 'fit-no-browser', {
      note: `${error.message.split('\n')[0]}; overflowing slides were not fitted and the reference list was split by an estimate. Install Chrome or Chromium, or set CITEDECK_BROWSER`
    })
    message.fatal = undefined
  } finally {
    // Not awaited: the browser (the project's) closes its pages anyway, and the build need not wait for this one.
    if (!options.page) void page.close()
    await stored?.save().catch(() => undefined)
  }
  return deck
}

/** True when `next` differs from `plan` in the reference list's pagination only. */
function onlyReferences(plan: FitPlan, next: FitPlan): boolean {
  return next.references !== undefined && samePlan({...plan, references: undefined}, {...next, references: undefined})
}

/** A saved plan needs a slide measured that was not: it is not tried further. */
class StalePlan extends Error {}

/** What decides a fit plan besides the measurements: the deck's text and the caller's compile options. */
function planKey(file: VFile, identity = ''): string {
  return createHash('sha256').update(String(file.value ?? '')).update('\u0000').update(identity).digest('base64url')
}

/** The fit step's messages and summary for the deck as last measured. */
function finish(file: VFile, deck: CompiledDeck, measurement: Measurement, plan: FitPlan, summary: Pick<FitSummary, 'rounds' | 'measured' | 'added'>) {
  const left = measurement.slides.filter((slide) => slide.overflowY > 0 || slide.overflowX > 0)
  for (const slide of left) reportOverflow(file, slide)
  reportFitted(file, measurement.slides, plan)
  applySeverities(file, deck.config.lint)
  const scaled = measurement.slides.filter((slide) => slide.scale < 1).length
  file.data.fitted = {...summary, scaled, overflowing: left.length, ...(measurement.proven > 0 ? {proven: measurement.proven} : {})}
}

/** One info message per slide the fit step changed, at the slide's line. */
function reportFitted(file: VFile, slides: MeasuredSlide[], plan: FitPlan) {
  const breaks = new Set(plan.breaks)
  const parts = new Map<MeasuredSlide, number>()
  let original: MeasuredSlide | undefined
  for (const slide of slides) {
    const offset = slide.position?.start.offset
    if (offset !== undefined && breaks.has(offset) && original) parts.set(original, (parts.get(original) ?? 1) + 1)
    else original = slide
  }
  for (const slide of slides) {
    const name = `slide "${slide.title || 'untitled'}"`
    const count = parts.get(slide)
    if (count) {
      const message = report(file, `${name} did not fit: split into ${count} slides`, slide.place, 'fit-split')
      message.fatal = undefined
    } else if (slide.scale < 1 && !(slide.position?.start.offset !== undefined && breaks.has(slide.position.start.offset))) {
      const message = report(file, `${name} did not fit: its text is shown at ${Math.round(slide.scale * 100)} %`, slide.place, 'fit-scale')
      message.fatal = undefined
    }
  }
}

function reportOverflow(file: VFile, slide: MeasuredSlide) {
  const name = `slide ${slide.number}${slide.title ? ` "${slide.title}"` : ''}`
  const how = [slide.overflowY > 0 ? `${slide.overflowY} px` : '', slide.overflowX > 0 ? `${slide.overflowX} px to the right` : '']
  report(file, `${name} still overflows by ${how.filter(Boolean).join(' and ')} after fitting`, slide.place, 'overflow', {
    note: 'a single block (a long paragraph, a tall table or image) is too big for one slide even at 80%: shorten or split it'
  })
}
