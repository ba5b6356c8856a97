/**
 * Puts a compiled deck's parts together as one HTML document: linked to the
 * files copied beside it, or with every stylesheet, script, font and image
 * inlined (`embed`). The `embed` format calls it again on a deck compiled
 * linked, so one compile serves both.
 */
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import type {Raw} from 'mdast-util-to-hast'
import {toHtml} from 'hast-util-to-html'
import type {DeckConfig} from '../config.js'
import type {DeckParts} from '../deck.js'
import {type Asset, SCRIPT_ASSETS} from './assets.js'
import {revealDocument} from './document.js'
import {dataUrl, inlineAsset, inlineImages} from './embed.js'
import {fontFaceCss} from './fonts.js'

export interface AssembleOptions {
  /** Inline every file (default: `false`: link them). */
  embed?: boolean
  /** Serialises one slide (default: `toHtml`); the preview's slide cache gives back the text it kept. */
  serialise?: (section: Element) => string
}

export interface Assembled {
  html: string
  /** Files to copy beside the document (none when embedded). */
  assets: Asset[]
  /** Every slide's `<section>` in deck order, sub-slides included. */
  sections: Element[]
  sectionsHtml: string[]
}

export async function assembleDeck(parts: DeckParts, config: DeckConfig, options: AssembleOptions = {}): Promise<Assembled> {
  const {embed = false} = options
  // Inlining rewrites image URLs in the slides: on a copy, so the linked deck's slides stay as they were.
  const body = embed ? structuredClone(parts.body) : parts.body
  if (embed) await inlineImages(body, parts.images)
  const sections = body.flatMap((node) =>
    hasClass(node, 'cd-stack') ? node.children.filter((child): child is Element => child.type === 'element') : [node]
  )
  // Each slide is serialised once, then placed in the page as is: the preview compares slides by this text.
  const serialise = (!embed && options.serialise) || ((section: Element) => toHtml(section, {allowDangerousHtml: true}))
  const sectionsHtml = sections.map(serialise)
  const serialised = new Map(sections.map((section, index): [Element, Raw] => [section, {type: 'raw', value: sectionsHtml[index]!}]))
  const slotted = body.map((node): ElementContent =>
    serialised.get(node) ?? {...node, children: node.children.map((child) => (child.type === 'element' ? serialised.get(child) ?? child : child))}
  )
  const fontCss = fontFaceCss(parts.fonts, embed ? (face) => dataUrl(face.asset.source) : (face) => face.asset.href)
  const document: HastRoot = revealDocument(slotted, {config, styles: parts.styles, fontCss, inline: embed ? inlineAsset : undefined, safe: parts.safe})
  const html = toHtml(document, {allowDangerousHtml: true})
  const assets = embed ? [] : [...parts.styles, ...parts.mathFonts, ...parts.fonts.map((face) => face.asset), ...SCRIPT_ASSETS, ...parts.images]
  return {html, assets, sections, sectionsHtml}
}

function hasClass(node: Element, name: string): boolean {
  const value = node.properties?.className
  return Array.isArray(value) && value.includes(name)
}
