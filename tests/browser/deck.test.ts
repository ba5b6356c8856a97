/**
 * The built example deck opened from `file://` in the shared browser, as a
 * teacher opens it from a USB stick: no request leaves the folder, Reveal is
 * ready without page errors, speaker notes are there, and every slide's
 * footnotes sit inside the slide.
 */
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Browser, Page} from 'puppeteer-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {build} from '../../src/index.js'
import {describeBrowser, openDeck} from './shared.js'

const EXAMPLE = new URL('../../slides/cuban-missile-crisis/deck.md', import.meta.url).pathname

interface RevealApi {
  isReady: () => boolean
  configure: (options: object) => void
  getSlides: () => HTMLElement[]
  getIndices: (slide: HTMLElement) => {h: number; v: number}
  slide: (h: number, v: number) => void
  getCurrentSlide: () => HTMLElement
  getSlideNotes: (slide: HTMLElement) => string | null
}

describeBrowser('the built deck in a browser', () => {
  let browser: Browser
  let page: Page
  let requests: string[] = []
  let errors: string[] = []
  let slideCount = 0

  beforeAll(async () => {
    const output = join(mkdtempSync(join(tmpdir(), 'citedeck-deck-')), 'deck')
    const result = await build(EXAMPLE, {output})
    slideCount = result.deck.slideCount
    ;({browser, page, requests, errors} = await openDeck(join(result.output!, 'index.html')))
  })
  afterAll(async () => {
    await page?.close()
    await browser?.disconnect()
  })

  it('loads only files of its own folder', () => {
    expect(requests.length).toBeGreaterThan(1)
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([])
  })

  it('is ready, with every slide and no page errors', async () => {
    expect(errors).toEqual([])
    expect(await page.evaluate(() => (window as unknown as {Reveal: RevealApi}).Reveal.getSlides().length)).toBe(slideCount)
  })

  it('carries speaker notes for the speaker view', async () => {
    const notes = await page.evaluate(() => {
      const reveal = (window as unknown as {Reveal: RevealApi}).Reveal
      return reveal.getSlides().map((slide) => reveal.getSlideNotes(slide) ?? '')
    })
    expect(notes.filter((text) => text.length > 0).length).toBeGreaterThan(5)
    expect(notes.join('\n')).toContain('Castro felt a second attack was inevitable')
  })

  it('keeps every footnote inside its slide, uncut', async () => {
    const misplaced = await page.evaluate(() => {
      const reveal = (window as unknown as {Reveal: RevealApi}).Reveal
      reveal.configure({transition: 'none'})
      const problems: string[] = []
      let checked = 0
      for (const slide of reveal.getSlides()) {
        const {h, v} = reveal.getIndices(slide)
        reveal.slide(h, v)
        const footer = slide.querySelector('footer.cd-footnotes')
        if (!footer) continue
        checked++
        const box = slide.getBoundingClientRect()
        const notes = footer.getBoundingClientRect()
        const title = slide.querySelector('h1, h2, h3')?.textContent ?? `slide ${h}.${v}`
        const inside = notes.top >= box.top - 1 && notes.bottom <= box.bottom + 1 && notes.left >= box.left - 1 && notes.right <= box.right + 1
        if (!inside) problems.push(`${title}: footnotes outside the slide`)
        if (footer.scrollHeight > footer.clientHeight + 1) problems.push(`${title}: footnotes cut`)
      }
      return {problems, checked}
    })
    expect(misplaced.checked).toBeGreaterThan(5)
    expect(misplaced.problems).toEqual([])
  })
})
