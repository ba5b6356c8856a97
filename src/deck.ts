/**
 * The compiled deck, as every step after compiling sees it (fit, formats,
 * preview). A leaf module: types only, so the modules that take a deck need
 * not import the compiler that makes one.
 */
import type {Element} from 'hast'
import type {VFile} from 'vfile'
import type {DeckConfig} from './config.js'
import type {Asset} from './render/assets.js'
import type {ShippedFace} from './render/fonts.js'

export interface CompiledDeck {
  /** The source, carrying every message. */
  file: VFile
  config: DeckConfig
  /** The `index.html` text. */
  html: string
  /** Files to copy beside `index.html` (none when embedded). */
  assets: Asset[]
  /** `html` has every file inlined (compiled with `embed`). */
  embedded: boolean
  /** Number of slides, vertical sub-slides included. */
  slideCount: number
  /** Every slide's `<section>` in deck order (sub-slides included), with source positions. */
  sections: Element[]
  /** Each of `sections` as HTML, the same text as in `html`. */
  sectionsHtml: string[]
  /** What `html` was assembled from: the `embed` format assembles it again with every file inlined, without compiling again. */
  parts: DeckParts
}

/** The pieces of a deck's document, before they are put together as linked files or inlined. */
export interface DeckParts {
  /** The children of `.slides`: slides and columns of sub-slides, as compiled (images not inlined). */
  body: Element[]
  /** Stylesheets in cascade order (math, theme and the deck's `css:` included). */
  styles: Asset[]
  /** KaTeX's font files, when the deck has math. */
  mathFonts: Asset[]
  /** The theme's shipped font faces. */
  fonts: ShippedFace[]
  /** The deck's own images (and other copied files). */
  images: Asset[]
  /** Built with `--safe` (or `safe: true`): the page's policy lets it load nothing from outside the deck (render/content-policy.ts). */
  safe: boolean
}
