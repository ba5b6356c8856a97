/**
 * PowerPoint export: the compiled, fitted deck is measured in the browser
 * (every tagged block, paragraph, run and cell), and each slide becomes
 * editable shapes at those places. The `pptx` format (src/formats/pptx.ts)
 * writes the file atomically; `exportPptx()` (src/api/pptx.ts) compiles and
 * exports in one call.
 */
import type {Browser} from 'puppeteer-core'
import type {CompiledDeck} from '../../deck.js'
import {report} from '../../messages.js'
import {slideLabels} from '../slide-numbers.js'
import {layoutDeck} from './layout.js'
import {slideModel} from './model.js'
import {placeSlide} from './shapes.js'
import {colour, firstFamily} from './units.js'
import type {FontKind} from './package.js'
import {writePptx} from './write.js'

/** What the `pptx` format gets from the PowerPoint export. */
export interface PptxFile {
  bytes: Uint8Array
  /** Slides in the file. */
  slides: number
}

/**
 * Measures `deck` in `browser` and makes its PowerPoint file; blocked requests
 * are reported on `deck.file`. `timeout`: milliseconds for the deck to load.
 */
export async function pptxFile(deck: CompiledDeck, browser: Browser, timeout = 120_000): Promise<PptxFile> {
  const {file, config} = deck
  const models = deck.sections.map((section) => slideModel(section))
  const layout = await layoutDeck(deck, models, browser, timeout)
  for (const url of new Set(layout.blocked)) {
    report(file, `blocked a request to ${url}: the PowerPoint file is made from the deck's own files only`, undefined, 'pptx-blocked-request', {
      note: 'copy the file next to the deck and link it by a relative path'
    })
  }
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
      ? {
          color: colour(layout.slideNumber.color)?.hex ?? '666666',
          size: layout.slideNumber.size * 0.75,
          font: face(layout.slideNumber.font),
          labels: slideLabels(config.slideNumber, deck.parts.body)
        }
      : undefined,
    fontKinds: fontKinds(layout.faces),
    images: new Map(deck.assets.map((asset) => [asset.href, asset.source]))
  })
  return {bytes, slides: slides.length}
}

/** Each face drawn, by the generic family that ends its CSS list (`"Source Serif 4", Georgia, serif`): a serif, a sans or a mono. */
function fontKinds(faces: Record<string, string>): Record<string, FontKind> {
  const kinds: Record<string, FontKind> = {}
  for (const [list, face] of Object.entries(faces)) {
    const generic = list.split(',').at(-1)?.trim()
    if (generic === 'serif' || generic === 'sans-serif' || generic === 'monospace') kinds[face] = generic
  }
  return kinds
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
