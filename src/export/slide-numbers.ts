/**
 * Slide numbers on paper in the deck's `slide-number` format where reveal's
 * print layout cannot: it numbers pages 1, 2, 3… whatever the format, and
 * moves every slide out of its stack, so vertical positions are lost by then.
 * `c/t` (Quarto's common choice) gets its total; `h.v` and `h/v` count the
 * stacks, read from the compiled deck's slides.
 */
import type {Element} from 'hast'
import type {Page} from 'puppeteer-core'
import {hasClass} from '../check/units.js'

/** Relabels the printed slide numbers; `body` is the deck's `.slides` children (slides and stacks). */
export async function numberPages(page: Page, format: string | boolean, body: Element[]): Promise<void> {
  const labels = slideLabels(format, body)
  if (!labels) return
  await page.evaluate((labels: string[]) => {
    document.querySelectorAll('.pdf-page .slide-number-pdf').forEach((node, index) => {
      if (labels[index] !== undefined) node.textContent = labels[index]!
    })
  }, labels)
}

/** Every slide's number in `format` (`c/t`, `h.v`, `h/v`), or `undefined` where it is the count 1, 2, 3… (`c`, `true`). */
export function slideLabels(format: string | boolean, body: Element[]): string[] | undefined {
  if (typeof format !== 'string' || format === 'c') return undefined
  // Each slide's horizontal and vertical place, 1-based, as reveal counts them (`v` 0 outside a stack).
  const places = body.flatMap((node, h) =>
    hasClass(node, 'cd-stack') ? node.children.filter((child) => child.type === 'element').map((_, v) => ({h: h + 1, v: v + 1})) : [{h: h + 1, v: 0}]
  )
  return places.map(({h, v}, index) => {
    if (format === 'c/t') return `${index + 1} / ${places.length}`
    const separator = format === 'h/v' ? '/' : '.'
    return v > 0 ? `${h}${separator}${v}` : String(h)
  })
}
