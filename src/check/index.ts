/**
 * `check`: compile a deck as written (no fitting), run the lint rules, and
 * measure every slide in the browser: overflow, text below the theme's
 * minimum, images that did not load, each reported at the slide's source
 * line. Throws `NOT_FOUND_BROWSER` when no browser can be found, since the
 * layout cannot be known without one.
 */
import type {Browser} from 'puppeteer-core'
import {VFile} from 'vfile'
import type {CompileOptions} from '../build.js'
import type {CompiledDeck} from '../deck.js'
import {Project} from '../project/index.js'
import {readSource} from '../io/read-source.js'
import {report} from '../messages.js'
import {applySeverities, reportUncited} from './lint.js'
import {type MeasuredSlide, measureDeck} from './measure.js'

export interface CheckOptions extends Omit<CompileOptions, 'fit'> {
  /** An open browser to measure in (default: the project's, launched for the check). */
  browser?: Browser
  /** Report text smaller than this, in CSS px (default: the theme's `--cd-min-size`, else 18). */
  minFontSize?: number
}

export interface CheckResult {
  /** The source with every message: the compiler's, the lint rules', the measurements'. */
  file: VFile
  deck: CompiledDeck
  /** Every slide as measured, in deck order. */
  slides: MeasuredSlide[]
}

export async function check(input: string | VFile, options: CheckOptions = {}): Promise<CheckResult> {
  const file = typeof input === 'string' ? await readSource(input) : input
  file.data.lint = true
  const project = new Project({...options, fit: false, browser: options.browser})
  try {
    return await checkIn(project, file, options)
  } finally {
    await project.close()
  }
}

async function checkIn(project: Project, file: VFile, options: CheckOptions): Promise<CheckResult> {
  const deck = await project.compile(file)
  const {loadBibliography} = await import('../cite/load.js')
  const {config} = deck
  if (config.bibliography.length > 0 || config.references.length > 0) {
    // Into a scratch file: the compile already reported any problem in the bibliography.
    const bibliography = await loadBibliography(config.bibliography, config.references, new VFile({path: file.path}), project.caches.citations.bibliographies)
    reportUncited(file, config, [...bibliography.items.keys()])
  }
  const {slides} = await measureDeck(deck, {browser: () => project.browser(), cache: project.caches.measurements, minFontSize: options.minFontSize})
  // An image the compile found missing was reported there: one root cause, one message.
  const copied = new Set(deck.assets.map((asset) => asset.href))
  const missing = new Set((file.data.images ?? []).map((image) => image.href).filter((href) => !copied.has(href)))
  for (const slide of slides) reportSlide(file, slide, missing)
  applySeverities(file, config.lint)
  return {file, deck, slides}
}

function reportSlide(file: VFile, slide: MeasuredSlide, missing: Set<string>) {
  const name = `slide ${slide.number}${slide.title ? ` "${slide.title}"` : ''}`
  const place = slide.place
  const data = {slide: slide.number}
  if (slide.overflowY > 0) {
    const where = slide.references ? 'its reference list' : slide.notes.length > 0 ? 'its text and footnotes' : 'its text'
    Object.assign(
      report(file, `${name} overflows by ${slide.overflowY} px`, place, 'overflow', {
        note: `${where} run past the bottom of the slide; citedeck build scales it down or splits it (unless fit: false), or shorten it`
      }),
      data,
      {actual: `${slide.overflowY}px`}
    )
  }
  if (slide.overflowX > 0) {
    Object.assign(
      report(file, `${name} overflows to the right by ${slide.overflowX} px`, place, 'overflow', {
        note: 'a wide table, long word or code line; narrow it or shrink it'
      }),
      data,
      {actual: `${slide.overflowX}px`}
    )
  }
  if (slide.smallText) {
    Object.assign(
      report(file, `${name} has text at ${slide.smallText.size} px ("${slide.smallText.text}"), below the theme's minimum`, place, 'small-text', {
        note: 'small text cannot be read from the back of a room; make it part of the body text or move it to the notes'
      }),
      data
    )
  }
  for (const src of slide.brokenImages.filter((src) => !missing.has(src))) {
    Object.assign(report(file, `${name}: image ${src} did not load`, place, 'broken-image', {fatal: true, note: 'check that the file is an image the browser can show'}), data)
  }
}
