/**
 * PowerPoint export: the compiled, fitted deck is measured in the browser
 * (every tagged block, paragraph, run and cell), each slide becomes editable
 * shapes at those places, and the `.pptx` is written atomically; a failed
 * export keeps the previous file. One format module: it takes the compiled
 * deck and writes its file, like the PDF export.
 */
import {resolve} from 'node:path'
import type {Browser} from 'puppeteer-core'
import type {VFile} from 'vfile'
import {type CompiledDeck, type CompileOptions, defaultOutput} from '../../build.js'
import {build} from '../../build-deck.js'
import {writeFileAtomic} from '../../io/write-output.js'
import {hasErrors, hasWarnings, report} from '../../messages.js'
import {launchBrowser} from '../browser.js'
import {layoutDeck} from './layout.js'
import {slideModel} from './model.js'
import {placeSlide} from './shapes.js'
import {colour, firstFamily} from './units.js'
import {writePptx} from './write.js'

export interface PptxOptions extends CompileOptions {
  /** The file to write (default: `dist/<deck>.pptx`). */
  output?: string
  /** Treat warnings as errors: no file when there are any (default: `false`). */
  strict?: boolean
  /** Milliseconds for the deck to load in the browser (default: 120 000). */
  timeout?: number
  /** An open (or opening) browser to use; default: launch one and close it after. */
  browser?: Browser | Promise<Browser>
}

export interface PptxResult {
  /** The source with every message, including the export's. */
  file: VFile
  deck: CompiledDeck
  /** Where the file was written; `undefined` when errors kept the old one. */
  output?: string
  /** Slides in the file. */
  slides?: number
}

/** `dist/<deck>.pptx`, beside the folder `citedeck build` writes. */
function defaultPptxOutput(sourcePath: string): string {
  return `${defaultOutput(sourcePath)}.pptx`
}

/** Exports a deck (path, VFile or compiled deck) to PowerPoint; never throws for content problems. */
export async function exportPptx(input: string | VFile | CompiledDeck, options: PptxOptions = {}): Promise<PptxResult> {
  // The browser starts at once: it measures the slides for fitting, then for placing.
  const launching = options.browser ? undefined : launchBrowser()
  launching?.catch(() => undefined)
  try {
    const open = async () => (options.browser ? await options.browser : (await launching!).browser)
    const {file, deck} =
      typeof input === 'object' && 'html' in input ? {file: input.file, deck: input} : await compileInput(input, options, open)
    if (hasErrors(file) || (options.strict && hasWarnings(file))) return {file, deck}
    const models = deck.sections.map((section) => slideModel(section))
    const layout = await layoutDeck(deck, models, await open(), options.timeout ?? 120_000)
    for (const url of new Set(layout.blocked)) {
      report(file, `blocked a request to ${url}: the PowerPoint file is made from the deck's own files only`, undefined, 'pptx-blocked-request', {
        note: 'copy the file next to the deck and link it by a relative path'
      })
    }
    if (options.strict && hasWarnings(file)) return {file, deck}
    const {config} = deck
    const background = colour(layout.background)?.hex ?? 'FFFFFF'
    const face = (list: string) => layout.faces[list] ?? firstFamily(list)
    const placeOptions = {width: config.width, height: config.height, background, faces: layout.faces}
    const slides = models.map((model, index) => placeSlide(model, layout.slides[index] ?? [], placeOptions))
    const fonts = fontsOf(slides)
    const bytes = await writePptx(slides, {
      width: config.width,
      height: config.height,
      title: config.title,
      authors: config.authors,
      subject: config.subject,
      lang: config.lang,
      background,
      headingFont: fonts.heading,
      bodyFont: fonts.body,
      slideNumber: config.slideNumber
        ? {color: colour(layout.slideNumber.color)?.hex ?? '666666', size: layout.slideNumber.size * 0.75, font: face(layout.slideNumber.font)}
        : undefined,
      images: new Map(deck.assets.map((asset) => [asset.href, asset.source]))
    })
    const output = resolve(options.output ?? defaultPptxOutput(file.path))
    await writeFileAtomic(output, bytes)
    return {file, deck, output, slides: slides.length}
  } finally {
    await launching?.then((session) => session.close(), () => undefined)
  }
}

/** Compiles and fits an outline or an essay in memory as `build` does, measuring in the export's browser. */
async function compileInput(input: string | VFile, options: PptxOptions, open: () => Promise<Browser>) {
  const {theme, lang, csl, allowOutside, allowOutsideImages} = options
  const fit = options.fit === false ? false : {browser: await open(), ...(typeof options.fit === 'object' ? options.fit : {})}
  const {file, deck} = await build(input, {theme, lang, csl, allowOutside, allowOutsideImages, fit, dryRun: true})
  return {file, deck}
}

/** The PowerPoint theme's fonts: the face of the first title, and the most used face of the text. */
function fontsOf(slides: ReturnType<typeof placeSlide>[]): {heading: string; body: string} {
  const counts = new Map<string, number>()
  let heading: string | undefined
  for (const slide of slides) {
    for (const shape of slide.shapes) {
      if (shape.type !== 'text') continue
      const first = shape.paragraphs[0]?.runs[0]?.font
      if (shape.name === 'Title' && first) heading ??= first
      if (shape.name === 'Text') for (const paragraph of shape.paragraphs) for (const run of paragraph.runs) counts.set(run.font, (counts.get(run.font) ?? 0) + run.text.length)
    }
  }
  const body = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? heading ?? 'Arial'
  return {heading: heading ?? body, body}
}
