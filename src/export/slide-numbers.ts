/**
 * Slide numbers on paper in the deck's `slide-number` format where reveal's
 * print layout cannot: it numbers pages 1, 2, 3… whatever the format, and
 * moves every slide out of its stack, so vertical positions are lost by then.
 * `c/t` (Quarto's common choice) gets its total; `h.v` and `h/v` count the
 * stacks, read from the compiled deck's structure.
 */
import type {Page} from 'puppeteer-core'

/** Per slide in deck order: its horizontal and vertical position (1-based; `v` is 0 outside a stack). */
export type SlidePlace = {h: number; v: number}

export async function numberPages(page: Page, format: string | boolean, places: SlidePlace[]): Promise<void> {
  if (typeof format !== 'string' || format === 'c') return
  const labels = places.map(({h, v}, index) => {
    if (format === 'c/t') return `${index + 1} / ${places.length}`
    const separator = format === 'h/v' ? '/' : '.'
    return v > 0 ? `${h}${separator}${v}` : String(h)
  })
  await page.evaluate((labels: string[]) => {
    document.querySelectorAll('.pdf-page .slide-number-pdf').forEach((node, index) => {
      if (labels[index] !== undefined) node.textContent = labels[index]!
    })
  }, labels)
}
