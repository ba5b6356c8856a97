/**
 * The Quarto-style fixture deck (tests/fixtures/quarto-revealjs), built with
 * fitting and diagrams in the shared browser and opened from `file://`: what
 * only a browser shows. Columns sit side by side, the footer and logo show,
 * math is typeset with KaTeX's fonts, a footnote cited in a pause appears
 * with it, `.r-fit-text` fills the slide without overflowing, Mermaid
 * diagrams are SVG, code steps move the highlight, a dark background gets
 * light text, and nothing is requested outside the deck's folder.
 */
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Browser, Page} from 'puppeteer-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {build} from '../../src/index.js'
import {formatMessages} from '../../src/cli/format.js'
import {connectBrowser, describeBrowser, openDeck} from './shared.js'

const DECK = new URL('../fixtures/quarto-revealjs/input.md', import.meta.url).pathname

interface RevealApi {
  configure: (options: object) => void
  slide: (h: number, v?: number, f?: number) => void
  getIndices: (slide: Element) => {h: number; v: number}
}

type Box = {left: number; top: number; width: number; height: number; bottom: number; right: number}

describeBrowser('a Quarto revealjs deck in a browser', () => {
  let builder: Browser
  let browser: Browser
  let page: Page
  let requests: string[] = []
  let errors: string[] = []
  let messages: string[] = []

  beforeAll(async () => {
    builder = await connectBrowser()
    const output = join(mkdtempSync(join(tmpdir(), 'citedeck-quarto-')), 'deck')
    const result = await build(DECK, {output, fit: {browser: builder}})
    messages = formatMessages(result.file, process.cwd())
    expect(result.output, messages.join('\n')).toBeDefined()
    ;({browser, page, requests, errors} = await openDeck(join(result.output!, 'index.html')))
    await page.evaluate(() => (window as unknown as {Reveal: RevealApi}).Reveal.configure({transition: 'none'}))
  })
  afterAll(async () => {
    await page?.close()
    await browser?.disconnect()
    await builder?.disconnect()
  })

  /** Shows the slide with this id, at fragment step `f` (-1: before the first). */
  const show = (id: string, f?: number) =>
    page.evaluate(
      (id, f) => {
        const reveal = (window as unknown as {Reveal: RevealApi}).Reveal
        const {h, v} = reveal.getIndices(document.getElementById(id)!)
        reveal.slide(h, v, f)
      },
      id,
      f
    )
  const box = (selector: string) =>
    page.$eval(selector, (node): Box => {
      const {left, top, width, height, bottom, right} = node.getBoundingClientRect()
      return {left, top, width, height, bottom, right}
    })

  it('builds with no warnings: infos only, for what citedeck does not honour', () => {
    expect(messages.filter((line) => /: (warning|error):/.test(line))).toEqual([])
  })

  it('sets columns side by side, at their widths', async () => {
    await show('columns')
    const [left, right] = [await box('.present .column:nth-child(1)'), await box('.present .column:nth-child(2)')]
    expect(Math.abs(left.top - right.top)).toBeLessThan(2)
    expect(right.left).toBeGreaterThanOrEqual(left.left + left.width - 1)
    expect(left.width / (left.width + right.width)).toBeCloseTo(0.4, 1)
  })

  it('shows the footer and the logo inside the slide', async () => {
    await show('plan')
    const footer = await box('.present .footer')
    const logo = await box('.present .slide-logo')
    expect(await page.$eval('.present .footer', (node) => node.textContent)).toBe('Methods seminar · Week 3')
    expect(footer.height).toBeGreaterThan(0)
    expect(await page.$eval('.present .slide-logo', (node) => (node as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    expect(logo.bottom).toBeLessThanOrEqual(720)
  })

  it('fits .r-fit-text to the slide, measured at build time, without overflowing', async () => {
    await show('fit')
    const text = await box('.present .cd-fit-text')
    const body = await box('.present .cd-body')
    expect(await page.$eval('.present .cd-fit-text', (node) => Number.parseFloat(getComputedStyle(node).fontSize))).toBeGreaterThan(60)
    expect(text.width).toBeGreaterThan(0.85 * (body.width - 128))
    expect(text.right).toBeLessThanOrEqual(body.right)
    expect(text.bottom).toBeLessThanOrEqual(body.bottom)
  })

  it('draws Mermaid diagrams as SVG at build time, with their labels', async () => {
    await show('cycle')
    const svg = await box('.present figure.cd-diagram svg')
    expect(svg.width).toBeGreaterThan(200)
    expect(svg.bottom).toBeLessThanOrEqual(720)
    expect(await page.$eval('.present figure.cd-diagram svg', (node) => node.textContent)).toContain('Commit')
    expect(await page.$$eval('.present figure.cd-diagram pre', (nodes) => nodes.length)).toBe(0)
    await show('refused')
    expect(await page.$eval('.present figure.cd-diagram svg', (node) => node.getAttribute('aria-roledescription'))).toBe('sequence')
    expect(requests.some((url) => url.includes('mermaid'))).toBe(false)
  })

  it('steps through code lines: each click moves the highlight', async () => {
    const state = () =>
      page.$$eval('.present pre.cd-code-lines > code', (codes) =>
        codes.map((code) => ({
          shown: getComputedStyle(code).visibility === 'visible' && getComputedStyle(code).opacity === '1',
          lit: Array.from(code.querySelectorAll('.highlighted-code-line')).map((line) => line.getAttribute('data-line-number'))
        }))
      )
    await show('code', -1)
    await new Promise((done) => setTimeout(done, 300))
    expect(await state()).toEqual([
      {shown: true, lit: ['1', '2']},
      {shown: false, lit: ['4', '5']},
      {shown: false, lit: ['7']}
    ])
    await show('code', 1)
    await new Promise((done) => setTimeout(done, 300))
    expect((await state()).map((step) => step.shown)).toEqual([true, true, true])
    const [first, last] = [await box('.present pre.cd-code-lines > code:first-child'), await box('.present pre.cd-code-lines > code:last-child')]
    expect(last).toEqual(first)
  })

  it('typesets math with the fonts copied into the deck', async () => {
    await show('math')
    await page.evaluate(() => document.fonts.ready)
    const math = await page.$$eval('.present .katex-html', (nodes) => nodes.map((node) => node.getBoundingClientRect().width))
    expect(math).toHaveLength(2)
    expect(await page.evaluate(() => document.fonts.check('20px KaTeX_Main'))).toBe(true)
    expect(requests.some((url) => url.includes('/katex/fonts/'))).toBe(true)
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
    await show('pause', -1)
    await shown([true, false])
    await show('pause', 0)
    await shown([true, true])
  })

  it('writes a slide on a dark background light', async () => {
    await show('dark')
    const colour = await page.$eval('.present .cd-body p', (node) => getComputedStyle(node).color)
    const [red = 0, green = 0, blue = 0] = (colour.match(/\d+/g) ?? []).map(Number)
    expect((red + green + blue) / 3).toBeGreaterThan(200)
  })

  // Last, once every slide has been shown and its fonts and images loaded.
  it('loads nothing from outside its folder, without page errors', () => {
    expect(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('data:'))).toEqual([])
    expect(errors).toEqual([])
  })
})
