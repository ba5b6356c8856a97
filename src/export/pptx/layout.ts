/**
 * Measures every slide's tagged elements in Chromium, in one page load of
 * the deck's print layout at its size (the page the fit step measures in),
 * and asks the browser which installed font it drew each font list with, so
 * the PowerPoint text is set in the font its positions were measured with;
 * then captures the pictures only the browser draws (math, diagrams).
 */
import type {Element} from 'hast'
import {toHtml} from 'hast-util-to-html'
import type {Browser, Page} from 'puppeteer-core'
import type {CompiledDeck} from '../../deck.js'
import {measureHtml} from '../../check/measure-page.js'
import {fontsAndImages, openDeck} from '../load.js'
import type {SlideModel} from './model.js'
import {type MeasuredPage, measureForPptx} from './page.js'
import {takeSnapshots} from './snapshots.js'

export interface DeckLayout extends MeasuredPage {
  /** The installed font the browser used for each CSS `font-family` list. */
  faces: Record<string, string>
  /** URLs the deck asked for that are not its own files. */
  blocked: string[]
}

export async function layoutDeck(deck: CompiledDeck, models: SlideModel[], browser: Browser, timeout: number): Promise<DeckLayout> {
  const html = measureHtml(
    deck.html,
    deck.sections.map((section, index) => taggedHtml(section, models[index]!, index))
  )
  const page = await browser.newPage()
  try {
    const opened = await openDeck(page, {...deck, html}, {query: 'print-pdf', timeout})
    await fontsAndImages(page)
    const measured = await page.evaluate(measureForPptx)
    const faces = await renderedFonts(page, measured.fonts, measured.webFonts)
    // Last: it hides all slides but the one it captures.
    await takeSnapshots(page, models, measured.slides)
    return {...measured, faces, blocked: opened.blocked}
  } finally {
    await page.close().catch(() => undefined)
  }
}

function families(list: string): string[] {
  return list.split(',').map((family) => family.trim().replace(/^["']|["']$/g, ''))
}

/** A slide's HTML with its measured elements tagged (tagged in place, then restored). */
function taggedHtml(section: Element, model: SlideModel, index: number): string {
  const saved = model.tags.map((node) => node.properties)
  const shots = new Set(model.blocks.flatMap((block) => (block.type === 'image' && block.snapshot ? [block.tag] : [])))
  model.tags.forEach((node, tag) => {
    node.properties = {...node.properties, dataCdPx: tag, ...(node === section ? {dataCdPptx: index} : {}), ...(shots.has(tag) ? {dataCdShot: ''} : {})}
  })
  const html = toHtml(section, {allowDangerousHtml: true})
  model.tags.forEach((node, tag) => (node.properties = saved[tag]!))
  return html
}

/**
 * The font that drew the most glyphs of a sample element of each font list
 * (DevTools' CSS domain): an installed font by its family name; one of the
 * deck's own web fonts by its CSS family (the platform name of a variable
 * font is an instance's, `Source Sans 3 ExtraLight`).
 */
async function renderedFonts(page: Page, samples: Record<string, string>, webFonts: string[]): Promise<Record<string, string>> {
  const client = await page.createCDPSession()
  try {
    await client.send('DOM.enable')
    await client.send('CSS.enable')
    const {root} = await client.send('DOM.getDocument', {depth: 0})
    const faces: Record<string, string> = {}
    for (const [list, selector] of Object.entries(samples)) {
      const {nodeId} = await client.send('DOM.querySelector', {nodeId: root.nodeId, selector})
      if (!nodeId) continue
      const {fonts} = await client.send('CSS.getPlatformFontsForNode', {nodeId})
      const most = [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0]
      const web = most?.isCustomFont ? families(list).find((family) => webFonts.includes(family)) : undefined
      if (most) faces[list] = web ?? most.familyName
    }
    return faces
  } finally {
    await client.detach().catch(() => undefined)
  }
}
