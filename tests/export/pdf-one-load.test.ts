/**
 * `exportPdf` loads a deck once: the fit step measures the slides the
 * estimate cannot prove to fit in one page, a later round swaps the slides
 * its plan changed into it, and the fitted deck is printed in that same page
 * (its slides swapped in, reveal's scripts run there). The PDF must be the
 * one a fresh load of the fitted deck prints: a page per slide, the reference
 * list continued, the theme's fonts embedded, every text run in its place.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Browser, Target} from 'puppeteer-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {exportPdf} from '../../src/index.js'
import {printDeck} from '../../src/export/pdf.js'
import {connectBrowser, describeBrowser} from '../browser/shared.js'
import {readPdf} from './read-pdf.js'

/** 24 slides citing 30 sources (a reference list over several slides), one slide too long for its frame, a quote. */
function citedDeck(): string {
  const dir = mkdtempSync(join(tmpdir(), 'citedeck-one-load-'))
  const sources = Array.from({length: 30}, (_, index) => ({
    id: `s${index}`,
    type: 'article-journal',
    author: [{family: `Writer${index}`, given: 'Ann'}],
    issued: {'date-parts': [[1960 + index]]},
    title: `On the question number ${index} and what followed from it`,
    'container-title': `Review of Things ${index % 7}`,
    volume: String(index + 1),
    page: `${index + 10}-${index + 30}`
  }))
  writeFileSync(join(dir, 'refs.json'), JSON.stringify(sources))
  const slides = Array.from({length: 22}, (_, index) =>
    index === 6
      ? `## A long list\n\n${Array.from({length: 16}, (_, item) => `- Point ${item} of a list far too long for one slide [@s${item}]`).join('\n')}\n`
      : index % 5 === 4
        ? `## Quote ${index}\n\n> Something worth quoting on slide ${index}. [@s${index}]\n`
        : `## Slide ${index}\n\n- A first point [@s${index}]\n- A second point [@s${(index + 7) % 30}]\n`
  )
  const markdown = ['---', 'title: One load', 'bibliography: refs.json', '---', '', ...slides, '## Works cited', '', '::: {#refs}', ':::', ''].join('\n')
  writeFileSync(join(dir, 'deck.md'), markdown)
  return join(dir, 'deck.md')
}

const fontsOf = (path: string) => [...new Set([...readFileSync(path).toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((match) => match[1]!))].sort()

describeBrowser('a PDF in one page load', () => {
  let browser: Browser
  let out: string

  beforeAll(async () => {
    browser = await connectBrowser()
    out = mkdtempSync(join(tmpdir(), 'citedeck-one-load-out-'))
  })
  afterAll(async () => {
    await browser?.disconnect()
  })

  it('measures, fits and prints in one page, to the PDF a fresh load of the fitted deck prints', async () => {
    let pages = 0
    const counted = (target: Target) => void (target.type() === 'page' && pages++)
    browser.on('targetcreated', counted)
    const result = await exportPdf(citedDeck(), {browser, output: join(out, 'one.pdf')})
    browser.off('targetcreated', counted)
    expect(pages).toBe(1)
    const {fitted} = result.file.data
    // Split, so the deck was compiled again and measured a second time in the same page; most slides proven by the estimate.
    expect(fitted?.added).toBeGreaterThan(0)
    expect(fitted?.rounds).toBeGreaterThan(1)
    expect(fitted?.proven).toBeGreaterThan(10)

    const once = await readPdf(result.output!)
    expect(once.pages).toHaveLength(result.deck.slideCount)
    expect(result.pages).toBe(result.deck.slideCount)
    const continued = once.pages.filter((page) => page.text.includes('Works cited (cont.)'))
    expect(continued.length).toBeGreaterThan(0)
    expect(once.pages.at(-1)!.text).toContain('Writer28')
    expect(fontsOf(result.output!)).toEqual(expect.arrayContaining([expect.stringMatching(/^SourceSans3/), expect.stringMatching(/^SourceSerif4/)]))

    // The same fitted deck loaded afresh in its own page, as before: the same pages, fonts and text, each run in its place.
    const fresh = join(out, 'fresh.pdf')
    writeFileSync(fresh, (await printDeck(result.deck, browser)).bytes)
    const loaded = await readPdf(fresh)
    expect(fontsOf(fresh)).toEqual(fontsOf(result.output!))
    expect(loaded.pages.map((page) => page.text)).toEqual(once.pages.map((page) => page.text))
    expect(loaded.pages.map((page) => page.runs)).toEqual(once.pages.map((page) => page.runs))
  })
})
