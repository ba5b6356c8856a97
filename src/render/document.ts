/**
 * Wraps the slides in one HTML document wired to reveal.js: stylesheets,
 * scripts and the `Reveal.initialize` call with the deck's settings.
 */
import type {ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import type {DeckConfig} from '../config.js'
import type {Asset} from './assets.js'
import {SCRIPT_ASSETS} from './assets.js'
import {policyMeta} from './content-policy.js'

export interface DocumentOptions {
  config: DeckConfig
  styles: Asset[]
  /** `@font-face` rules of the fonts shipped with the deck (see fonts.ts). */
  fontCss?: string
  /** Inline asset contents instead of linking them (`--embed`). */
  inline?: (asset: Asset) => string
  /** Built with `--safe`: the page may load nothing from outside the deck (see content-policy.ts); default: `false`. */
  safe?: boolean
}

export function revealDocument(slides: ElementContent[], options: DocumentOptions): Root {
  const {config, styles, fontCss, inline} = options
  const title = config.title || 'Slides'
  const plugins = SCRIPT_ASSETS.flatMap((asset) => (asset.global ? [asset.global] : []))
  const rtl = isRightToLeft(config.lang)
  const settings = {
    // The deck's own reveal.js options first: the layout settings below are citedeck's.
    ...config.reveal,
    width: config.width,
    height: config.height,
    margin: 0.04,
    center: false,
    hash: true,
    // Slides are flex columns so footnotes sit at the foot of each slide.
    display: 'flex',
    slideNumber: config.slideNumber,
    // Arrows at the middle of the edges, in the margins: never over the text or the slide number.
    controlsLayout: 'edges',
    transition: config.transition,
    // Fragments print in their final state, one page per slide.
    pdfSeparateFragments: false,
    // Right-to-left decks also step through their slides right to left.
    ...(rtl ? {rtl: true} : {})
  }
  // `<` escaped: a front-matter value such as `slide-number: "</script>"` must not end the script early.
  const json = JSON.stringify(settings).replace(/</g, '\\u003c')
  const init = `Reveal.initialize(Object.assign(${json}, {plugins: [${plugins.join(', ')}]}));`

  return {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: config.lang, dir: rtl ? 'rtl' : undefined}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          policyMeta(options.safe ?? false),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('meta', {name: 'generator', content: 'citedeck'}),
          ...(config.authors.length > 0 ? [h('meta', {name: 'author', content: config.authors.join(', ')})] : []),
          ...(config.subject ? [h('meta', {name: 'description', content: config.subject})] : []),
          ...(config.keywords.length > 0 ? [h('meta', {name: 'keywords', content: config.keywords.join(', ')})] : []),
          h('title', title),
          ...(fontCss ? [h('style', {dataCitedeck: 'fonts'}, fontCss)] : []),
          ...styles.map((asset) =>
            inline ? h('style', {dataHref: asset.href}, inline(asset)) : h('link', {rel: 'stylesheet', href: asset.href})
          ),
          h('style', `:root { --cd-slide-width: ${config.width}px; --cd-slide-height: ${config.height}px; }`)
        ]),
        h('body', [
          h('div', {className: ['reveal']}, [h('div', {className: ['slides']}, slides)]),
          ...SCRIPT_ASSETS.map((asset) => (inline ? h('script', inline(asset)) : h('script', {src: asset.href}))),
          h('script', init)
        ])
      ])
    ]
  }
}

// Languages written right to left, by primary subtag, and scripts that are (`ku-Arab`, `az-Arab`).
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi'])
const RTL_SCRIPTS = /-(?:arab|hebr|thaa|syrc|nkoo|adlm|rohg)(?:-|$)/i

/** True for `ar`, `he-IL`, `fa-IR`, `az-Arab`…: the `<html dir>` and reveal's navigation follow it. */
function isRightToLeft(lang: string): boolean {
  const primary = lang.toLowerCase().split(/[-_]/)[0]!
  return RTL_LANGUAGES.has(primary) || RTL_SCRIPTS.test(lang)
}
