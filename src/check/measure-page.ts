/**
 * One page the fit step measures in, kept open across its rounds. The first
 * round loads the deck's print layout with every slide not measured before;
 * a later round (the slides a plan changed: split parts, scaled slides, the
 * reference list paginated by measured heights) swaps only those slides into
 * the same document, whose stylesheets and fonts are loaded already, instead
 * of loading a page again (a third of a second or more at 300 slides). The
 * PDF export then takes the page over (`handOver`) and prints the fitted
 * deck in it: the deck is loaded once, measured, fitted and printed.
 */
import type {Page} from 'puppeteer-core'
import type {CompiledDeck} from '../deck.js'
import {type BrowserSource, openBrowser} from '../export/browser-source.js'
import {deckDocument, fontsAndImages, type OpenedDeck, openDeck, PRINT_QUERY} from '../export/load.js'
import {measureInPage, type SlideMeasurement} from './page.js'

export interface MeasurePageOptions {
  /** Milliseconds for a load and settle (default: 60 000). */
  timeout?: number
  /** Text below this many CSS pixels is reported (default: the theme's `--cd-min-size`, else 18). */
  minFontSize?: number
  /** Opens the page to measure in (default: a new page of the browser); the PDF export gives the one its project opened while compiling. */
  newPage?: () => Promise<Page>
}

/** A page holding a deck's document, taken over from the fit step to print in (see `handOver`). */
export interface HeldPage {
  page: Page
  /** What its load recorded, and goes on recording: requests blocked, errors thrown. */
  opened: OpenedDeck
}

export class MeasurePage {
  private page: Promise<Page> | undefined
  /** What the open document was loaded for: the deck's head, stylesheets and files. */
  private loaded: string | undefined
  /** Its document without the slides and scripts, and what its load recorded. */
  private document: {frame: string; opened: OpenedDeck} | undefined

  constructor(
    private readonly browser: BrowserSource,
    private readonly options: MeasurePageOptions = {}
  ) {}

  /**
   * Measures `sections` (tagged slide HTML) laid out as in `deck`; `context`
   * names what besides the slides decides their layout (see measure.ts).
   */
  async measure(deck: CompiledDeck, context: string, sections: string[]): Promise<SlideMeasurement[]> {
    const timeout = this.options.timeout ?? 60_000
    const files = [context, ...deck.assets.map((asset) => `${asset.href}\u0000${asset.source}`)].join('\n')
    // A slide's own script runs when the page loads, not when it is swapped in: such slides get a fresh load.
    const swappable = this.page && this.loaded === files && !sections.some((html) => /<script\b/i.test(html))
    const page = await (swappable ? this.page! : this.open())
    if (swappable) {
      await page.evaluate((html: string) => {
        document.querySelector('.reveal .slides')!.innerHTML = html
      }, sections.join(''))
    } else {
      // Loaded at the print layout's URL, so the PDF export can start reveal's print view in this very page.
      const opened = await openDeck(page, {...deck, html: measureHtml(deck.html, sections)}, {query: PRINT_QUERY, timeout})
      this.loaded = files
      this.document = {frame: documentFrame(deck), opened}
    }
    await fontsAndImages(page)
    return page.evaluate(measureInPage, this.options.minFontSize ?? 0)
  }

  /**
   * The open page, for printing `deck` in it, when it holds `deck`'s document
   * (the same head, files and body around the slides) and no slide of `deck`
   * has a script of its own; else `undefined`. The caller closes the page.
   */
  async handOver(deck: CompiledDeck): Promise<HeldPage | undefined> {
    const page = this.page
    const document = this.document
    if (!page || !document || document.frame !== documentFrame(deck) || /<script\b/i.test(deckDocument(deck.html).slides)) return undefined
    this.page = undefined
    this.loaded = undefined
    this.document = undefined
    return {page: await page, opened: document.opened}
  }

  /** Closes the page, unless handed over (the browser stays open: it is the project's). */
  async close(): Promise<void> {
    const page = this.page
    this.page = undefined
    this.loaded = undefined
    this.document = undefined
    await page?.then((open) => open.close()).catch(() => undefined)
  }

  /** A fresh page: a page that loaded one deck keeps its request handlers, so another deck gets its own. */
  private async open(): Promise<Page> {
    await this.close()
    this.page = this.options.newPage ? this.options.newPage() : openBrowser(this.browser).then((browser) => browser.newPage())
    return this.page
  }
}

/** What decides a deck's document besides its slides: its head, the body around the slides (scripts aside) and its files. */
function documentFrame(deck: CompiledDeck): string {
  const {head, tail} = deckDocument(deck.html)
  return [head, withoutScripts(tail), ...deck.assets.map((asset) => `${asset.href}\u0000${asset.source}`)].join('\u0000')
}

const withoutScripts = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')

/**
 * The deck's document with only `sections` as slides. Reveal's script is left
 * out: its print stylesheet (the `reveal-print` class) lays every slide out at
 * its full size without it, which saves starting Reveal and its per-slide
 * print layout. The PowerPoint export measures its slides in the same page.
 */
export function measureHtml(html: string, sections: string[]): string {
  const {head, tail} = deckDocument(html)
  return head.replace('<html', '<html class="reveal-print print-pdf"') + sections.join('') + withoutScripts(tail)
}
