/**
 * One page the fit step measures in, kept open across its rounds. The first
 * round loads the deck's print layout with every slide not measured before;
 * a later round (the slides a plan changed: split parts, scaled slides, the
 * reference list paginated by measured heights) swaps only those slides into
 * the same document, whose stylesheets and fonts are loaded already, instead
 * of loading a page again (a third of a second or more at 300 slides).
 */
import type {Page} from 'puppeteer-core'
import type {CompiledDeck} from '../deck.js'
import {type BrowserSource, openBrowser} from '../export/browser-source.js'
import {fontsAndImages, openDeck} from '../export/load.js'
import {measureInPage, type SlideMeasurement} from './page.js'

export interface MeasurePageOptions {
  /** Milliseconds for a load and settle (default: 60 000). */
  timeout?: number
  /** Text below this many CSS pixels is reported (default: the theme's `--cd-min-size`, else 18). */
  minFontSize?: number
}

export class MeasurePage {
  private page: Promise<Page> | undefined
  /** What the open document was loaded for: the deck's head, stylesheets and files. */
  private loaded: string | undefined

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
      await openDeck(page, {...deck, html: measureHtml(deck.html, sections)}, {query: 'print-pdf', timeout})
      this.loaded = files
    }
    await fontsAndImages(page)
    return page.evaluate(measureInPage, this.options.minFontSize ?? 0)
  }

  /** Closes the page (the browser stays open: it is the project's). */
  async close(): Promise<void> {
    const page = this.page
    this.page = undefined
    this.loaded = undefined
    await page?.then((open) => open.close()).catch(() => undefined)
  }

  /** A fresh page: a page that loaded one deck keeps its request handlers, so another deck gets its own. */
  private async open(): Promise<Page> {
    await this.close()
    this.page = openBrowser(this.browser).then((browser) => browser.newPage())
    return this.page
  }
}

/**
 * The deck's document with only `sections` as slides. Reveal's script is left
 * out: its print stylesheet (the `reveal-print` class) lays every slide out at
 * its full size without it, which saves starting Reveal and its per-slide
 * print layout. The PowerPoint export measures its slides in the same page.
 */
export function measureHtml(html: string, sections: string[]): string {
  const open = '<div class="slides">'
  const start = html.indexOf(open) + open.length
  const end = html.indexOf('</div></div><script', start)
  const head = html.slice(0, start).replace('<html', '<html class="reveal-print print-pdf"')
  return head + sections.join('') + html.slice(end).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
}
