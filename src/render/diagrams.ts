/**
 * Mermaid diagrams drawn as SVG at build time, in the browser the build
 * already uses to fit slides, so the deck needs no 3 MB script at view time,
 * works from `file://`, and its PDF, handout and PowerPoint get the drawing.
 * Drawings are cached by source and theme (in the project's memory, and in a
 * file beside the output), so a rebuild starts no browser for diagrams it has drawn. A
 * diagram mermaid cannot read is a warning at its line with mermaid's
 * message, and shows as code; without a browser, diagrams show as code with
 * one info message.
 *
 * Hand-written rather than @mermaid-js/mermaid-cli: that package depends on
 * full puppeteer, which downloads its own Chrome; this loads mermaid's
 * browser bundle into the Chromium citedeck already drives.
 */
import {createHash} from 'node:crypto'
import {createRequire} from 'node:module'
import type {Element, ElementContent, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toString} from 'hast-util-to-string'
import {type BrowserSource, openBrowser} from '../export/browser-source.js'
import type {VFile} from 'vfile'
import {type Cache, fileCache, isRecord} from '../check/cache.js'
import {CitedeckError} from '../errors.js'
import {info, report} from '../messages.js'
import {walkType} from '../walk.js'
import {type Drawn, drawInPage} from './mermaid-page.js'

export interface DiagramOptions {
  /** An open browser, or a function opening one when first needed (the project's); without one, diagrams not drawn before show as code. */
  browser?: BrowserSource
  /** Drawings known in memory (the project's; default: none). */
  cache?: Cache<Drawn>
  /** A JSON file keeping drawings between builds (default: memory only). */
  cachePath?: string
}

/** What decides a drawing besides its source: the deck's theme and fonts. */
export interface DiagramTheme {
  /** The theme's stylesheet. */
  css: string
  /** `@font-face` rules of the theme's fonts, as data URLs (the drawing page loads nothing). */
  fontCss: string
}

const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js')
const MERMAID_VERSION = (createRequire(import.meta.url)('mermaid/package.json') as {version: string}).version
// Bump when `drawInPage` draws differently, so old drawings are not reused.
const DRAW_VERSION = 4

/** Replaces each diagram figure's source with its drawing, drawing what is not cached. */
export async function placeDiagrams(tree: Root, file: VFile, theme: () => DiagramTheme, options: DiagramOptions = {}): Promise<void> {
  const figures: Element[] = []
  walkType<Element>(tree, 'element', (node) => {
    // A figure drawn already (a section the preview reuses from its last build) has no source left.
    if (node.tagName === 'figure' && (node.properties.className as string[] | undefined)?.includes('cd-diagram') && sourceOf(node) !== undefined) figures.push(node)
  })
  if (figures.length === 0) return
  const memory = options.cache ?? new Map<string, Drawn>()
  const stored = options.cachePath ? await fileCache<Drawn>(options.cachePath, memory, isDrawn) : undefined
  const cache = stored?.cache ?? memory
  const look = theme()
  const context = [MERMAID_VERSION, DRAW_VERSION, look.css].join('\n')
  const sources = figures.map((figure) => sourceOf(figure)!)
  const keys = sources.map((source) => hash(`${context}\n${source}`))
  const missing = [...new Set(keys.filter((key) => !cache.get(key)))]
  if (missing.length > 0) {
    const toDraw = missing.map((key) => sources[keys.indexOf(key)]!)
    let drawn: Drawn[]
    try {
      drawn = await draw(toDraw, missing.map((key) => `cd-mermaid-${key.slice(0, 10)}`), look, options.browser)
    } catch (error) {
      if (!(error instanceof CitedeckError && error.code === 'NOT_FOUND_BROWSER')) throw error
      info(file, `${figures.length === 1 ? 'a Mermaid diagram is' : `${figures.length} Mermaid diagrams are`} shown as code: no browser to draw them in`, figures[0], 'diagram-no-browser', {
        note: `${error.message.split('\n')[0]}; install Chrome or Chromium, or set CITEDECK_BROWSER`
      })
      return
    }
    missing.forEach((key, index) => cache.set(key, drawn[index]!))
  }
  figures.forEach((figure, index) => place(figure, cache.get(keys[index]!)!, file))
  await stored?.save().catch(() => undefined)
}

function place(figure: Element, drawn: Drawn, file: VFile) {
  if ('svg' in drawn) {
    const svg = fromHtml(drawn.svg, {fragment: true}).children.filter((node): node is Element => node.type === 'element')
    figure.children = [...svg, ...figure.children.filter((node) => node.type === 'element' && node.tagName === 'figcaption')] as ElementContent[]
    return
  }
  // The fence is the figure's first line; the diagram's text starts on the next.
  const start = figure.position?.start
  const place = start && drawn.line !== undefined ? {line: start.line + drawn.line, column: start.column} : figure
  report(file, `Mermaid diagram: ${drawn.error}`, place, 'diagram', {note: 'fix the diagram; it is shown as code until then'})
}

async function draw(sources: string[], ids: string[], theme: DiagramTheme, browser: DiagramOptions['browser']): Promise<Drawn[]> {
  if (!browser) throw new CitedeckError('no browser was given to draw in', 'NOT_FOUND_BROWSER')
  const open = await openBrowser(browser)
  const page = await open.newPage()
  try {
    // Nothing leaves the page: mermaid's script and the fonts are inlined, every request is refused.
    await page.setRequestInterception(true)
    page.on('request', (request) => void (request.url().startsWith('data:') ? request.continue() : request.abort('blockedbyclient')).catch(() => undefined))
    await page.setContent(`<!doctype html><html><head><style>${theme.fontCss}</style><style>${theme.css}</style></head><body></body></html>`)
    await page.addScriptTag({path: MERMAID})
    return await page.evaluate(drawInPage, sources, ids)
  } finally {
    await page.close().catch(() => undefined)
  }
}

function sourceOf(figure: Element): string | undefined {
  const pre = figure.children.find((node): node is Element => node.type === 'element' && node.tagName === 'pre')
  return pre ? toString(pre) : undefined
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex')
}

/** A drawing or a drawing's error, as `drawInPage` returns them: a stored entry of another shape is drawn again. */
function isDrawn(value: unknown): value is Drawn {
  return isRecord(value) && (typeof value.svg === 'string' || (typeof value.error === 'string' && (value.line === undefined || typeof value.line === 'number')))
}
