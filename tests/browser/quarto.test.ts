/**
 * A deck written with Quarto's habits, built and opened from `file://` in the
 * shared browser: columns sit side by side, the footer and the logo show on
 * every slide, math is typeset with KaTeX's own fonts, a footnote cited in
 * a pause appears with it, and nothing is requested outside the deck's folder.
 */
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Browser, Page} from 'puppeteer-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {build} from '../../src/index.js'
import {describeBrowser, openDeck} from './shared.js'

const DECK = new URL('./quarto-deck/deck.md', import.meta.url).pathname

interface RevealApi {
  isReady: () => boolean
  configure: (options: object) => void
  slide: (h: number, v?: number, f?: number) => void
}

type Box = {left: number; top: number; width: number; height: number}

describeBrowser('a Quarto-style deck in a browser', () => {
  let browser: Browser
  let page: Page
  let requests: string[] = []
  let errors: string[] = []

  beforeAll(async () => {
    const output = join(mkdtempSync(join(tmpdir(), 'citedeck-quarto-')), 'deck')
    const result = await build(DECK, {output, fit: false})
    expect(result.output, result.file.messages.join('\n')).toBeDefined()
    ;({browser, page, requests, errors} = await openDeck(join(result.output!, 'index.html')))
    await page.evaluate(() => (window as unknown as {Reveal: RevealApi}).Reveal.configure({transition: 'none'}))
  })
  afterAll(async () => {
    await page?.close()
    await browser?.disconnect()
  })

  const show = (h: number, f?: number) => page.evaluate((h, f) => (window as unknown as {Reveal: RevealApi}).Reveal.slide(h, 0, f), h, f)
  const box = (selector: string) =>
    page.$eval(selector, (node): Box => {
      const {left, top, width, height} = node.getBoundingClientRect()
      return {left, top, width, height}
    })

  it('sets columns side by side, at their widths', async () => {
    await show(1)
    const [left, right] = [await box('.present .column:nth-child(1)'), await box('.present .column:nth-child(2)')]
    expect(Math.abs(left.top - right.top)).toBeLessThan(2)
    expect(right.left).toBeGreaterThanOrEqual(left.left + left.width - 1)
    expect(left.width / (left.width + right.width)).toBeCloseTo(0.4, 1)
  })

  it('shows the footer and the logo inside the slide', async () => {
    await show(2)
    const footer = await box('.present .footer')
    const logo = await box('.present .slide-logo')
    expect(await page.$eval('.present .footer', (node) => node.textContent)).toBe('Course 101')
    expect(footer.height).toBeGreaterThan(0)
    expect(logo.width).toBeGreaterThan(0)
    expect(await page.$eval('.present .slide-logo', (node) => (node as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    expect(logo.top + logo.height).toBeLessThanOrEqual(720)
  })

  it('typesets math with the fonts copied into the deck', async () => {
    await show(3)
    await page.evaluate(() => document.fonts.ready)
    const math = await page.$$eval('.present .katex-html', (nodes) => nodes.map((node) => node.getBoundingClientRect().width))
    expect(math).toHaveLength(2)
    expect(Math.min(...math)).toBeGreaterThan(20)
    expect(await page.evaluate(() => document.fonts.check('20px KaTeX_Main'))).toBe(true)
    const fonts = requests.filter((url) => url.includes('/katex/fonts/'))
    expect(fonts.length).toBeGreaterThan(0)
    expect(await page.$eval('.present .katex-html', (node) => node.textContent)).not.toContain('$')
  })

  it('shows a footnote cited in a pause with the pause, not before', async () => {
    // Visibility of each note, once fragment transitions (0.2 s) have ended.
    const shown = (expected: boolean[]) =>
      page.waitForFunction(
        (expected) => {
          const items = [...document.querySelectorAll('.present footer.cd-footnotes li')]
          const visible = items.map((item) => getComputedStyle(item).visibility === 'visible' && getComputedStyle(item).opacity === '1')
          return JSON.stringify(visible) === JSON.stringify(expected)
        },
        {timeout: 3000},
        expected
      )
    await show(4, -1)
    await shown([true, false])
    await show(4, 0)
    await shown([true, true])
  })

  // Last, once every slide has been shown and its fonts and images loaded.
  it('loads nothing from outside its folder, without page errors', () => {
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([])
    expect(errors).toEqual([])
  })
})
