/**
 * Every shipped theme in the shared browser, on slides/every-kind (a slide of
 * each kind): what a viewer would see measured on each slide at 1280×720,
 * as presented from file://. The slide number never under reveal's arrows,
 * one title size on every kind of slide, a lone image centred in the space
 * under its title, every text at 4.5:1 or more against what is behind it,
 * body text of 28 px or more, the theme's own fonts and nothing fetched from
 * outside the folder. A dark theme's handout prints light.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, Page} from 'puppeteer-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {availableThemes, build, exportPdf} from '../../src/index.js'
import {readPdf} from '../export/read-pdf.js'
import {connectBrowser, describeBrowser} from './shared.js'

const DECK = new URL('../../slides/every-kind/deck.md', import.meta.url).pathname

interface RevealApi {
  isReady: () => boolean
  configure: (options: object) => void
  getSlides: () => HTMLElement[]
  getIndices: (slide: HTMLElement) => {h: number; v?: number}
  slide: (h: number, v: number) => void
  getCurrentSlide: () => HTMLElement
}

/** What the page reports of one slide (see `inspect`). */
interface SlideReport {
  kind: string
  title?: {text: string; size: number}
  overlaps: string[]
  lowContrast: string[]
  smallBody: string[]
  image?: {centreOffset: number; height: number; room: number}
  fonts: string[]
}

/** Runs in the page: measures the current slide. */
function inspect(): SlideReport {
  const slide = (window as unknown as {Reveal: RevealApi}).Reveal.getCurrentSlide()
  const body = slide.querySelector<HTMLElement>(':scope > .cd-body')!
  const kind = [...slide.classList].find((name) => name.startsWith('cd-') && name !== 'cd-slide')!.slice(3)
  const heading = body.querySelector<HTMLElement>(':scope > :is(h1, h2, h3):first-child')
  const visible = (element: Element) => {
    const style = getComputedStyle(element)
    const box = element.getBoundingClientRect()
    return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0 && box.width > 0 && box.height > 0
  }
  const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
  const number = document.querySelector('.reveal .slide-number')!
  const arrows = Array.from(document.querySelectorAll('.reveal .controls button')).filter(visible)
  const textBlocks = Array.from(slide.querySelectorAll<HTMLElement>('.cd-body p, .cd-body li, .cd-footnotes li, .cd-body h1, .cd-body h2, .cd-body td'))
  const overlaps = arrows
    .filter((arrow) => overlap(arrow.getBoundingClientRect(), number.getBoundingClientRect()))
    .map((arrow) => `slide number under ${arrow.className}`)
  for (const arrow of arrows) {
    for (const block of textBlocks) if (overlap(arrow.getBoundingClientRect(), block.getBoundingClientRect())) overlaps.push(`${arrow.className} over "${block.textContent?.slice(0, 30)}"`)
  }

  // Contrast of every text against the first opaque background behind it.
  const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number)
  const luminance = (colour: string) => {
    const [r, g, b] = rgb(colour).map((value) => value / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }
  const backdrop = (element: Element | null): string => {
    for (let node = element; node; node = node.parentElement) {
      const colour = getComputedStyle(node).backgroundColor
      const alpha = rgb(colour)[3]
      if (colour !== 'transparent' && alpha !== 0) return colour
    }
    return 'rgb(255, 255, 255)'
  }
  const ratio = (a: string, b: string) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
    return (light! + 0.05) / (dark! + 0.05)
  }
  const lowContrast: string[] = []
  const fonts = new Set<string>()
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement!
    if (!node.textContent?.trim() || parent.closest('aside.notes') || !visible(parent)) continue
    const style = getComputedStyle(parent)
    fonts.add(style.fontFamily.split(',')[0]!.replace(/['"]/g, '').trim())
    const value = ratio(style.color, backdrop(parent))
    if (value < 4.5) lowContrast.push(`"${node.textContent.trim().slice(0, 30)}" ${value.toFixed(2)}:1`)
  }
  const numberContrast = ratio(getComputedStyle(number).color, backdrop(number))
  if (numberContrast < 4.5) lowContrast.push(`slide number ${numberContrast.toFixed(2)}:1`)

  const smallBody = Array.from(body.querySelectorAll<HTMLElement>(':scope > p, :scope > ul > li, :scope > ol > li, td'))
    .filter((element) => Number.parseFloat(getComputedStyle(element).fontSize) < 28)
    .map((element) => `${element.tagName} ${getComputedStyle(element).fontSize}`)

  // A lone image: its picture (object-fit: contain) centred across the text column, in the height under the title.
  let image: SlideReport['image']
  const lone = body.querySelector<HTMLImageElement>(':scope > figure.cd-figure:last-child > img')
  if (lone && body.children.length === 2) {
    const box = lone.getBoundingClientRect()
    const fit = Math.min(box.width / lone.naturalWidth, box.height / lone.naturalHeight)
    const pictureCentre = box.left + box.width / 2
    const style = getComputedStyle(body)
    const bodyBox = body.getBoundingClientRect()
    // Client rects are scaled to the window; paddings are not.
    const scale = bodyBox.width / body.offsetWidth
    const [left, right, bottom] = [style.paddingLeft, style.paddingRight, style.paddingBottom].map((value) => Number.parseFloat(value) * scale)
    const columnCentre = bodyBox.left + left! + (bodyBox.width - left! - right!) / 2
    const room = bodyBox.bottom - bottom! - heading!.getBoundingClientRect().bottom
    image = {centreOffset: Math.abs(pictureCentre - columnCentre), height: lone.naturalHeight * fit, room}
  }
  return {
    kind,
    title: heading ? {text: heading.textContent ?? '', size: Number.parseFloat(getComputedStyle(heading).fontSize)} : undefined,
    overlaps,
    lowContrast,
    smallBody,
    image,
    fonts: [...fonts]
  }
}

describeBrowser('the shipped themes in a browser', () => {
  let browser: Browser
  let page: Page
  const reports = new Map<string, SlideReport[]>()
  const requests: string[] = []
  let work: string

  beforeAll(async () => {
    browser = await connectBrowser()
    page = await browser.newPage()
    await page.setViewport({width: 1280, height: 720})
    page.on('request', (request) => requests.push(request.url()))
    work = mkdtempSync(join(tmpdir(), 'citedeck-themes-'))
    for (const theme of availableThemes()) {
      const {output} = await build(DECK, {output: join(work, theme), theme, fit: {browser}})
      await page.goto(pathToFileURL(join(output!, 'index.html')).href, {waitUntil: 'load'})
      await page.waitForFunction(() => (window as unknown as {Reveal?: RevealApi}).Reveal?.isReady() === true)
      const indices = await page.evaluate(() => {
        const reveal = (window as unknown as {Reveal: RevealApi}).Reveal
        reveal.configure({transition: 'none'})
        return reveal.getSlides().map((slide) => reveal.getIndices(slide))
      })
      const slides: SlideReport[] = []
      for (const {h, v} of indices) {
        await page.evaluate((h, v) => (window as unknown as {Reveal: RevealApi}).Reveal.slide(h, v ?? 0), h, v)
        await page.evaluate(() => document.fonts.ready)
        slides.push(await page.evaluate(inspect))
      }
      reports.set(theme, slides)
    }
  }, 60_000)
  afterAll(async () => {
    await page?.close()
    await browser?.disconnect()
  })

  it('builds every kind of slide in every theme, loading only files of its own folder', () => {
    expect([...reports.keys()]).toEqual(expect.arrayContaining(['chalkboard', 'classroom', 'studio']))
    for (const slides of reports.values()) {
      expect(new Set(slides.map((slide) => slide.kind))).toEqual(new Set(['title', 'section', 'content', 'quote', 'references']))
    }
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([])
    expect(requests.some((url) => url.endsWith('.woff2'))).toBe(true)
  })

  it('keeps the slide number and the arrows clear of each other and of the text', () => {
    // The deck's sub-slide shows the up and down arrows too.
    expect(reports.get('classroom')!.length).toBe(9)
    for (const [theme, slides] of reports) expect(slides.flatMap((slide) => slide.overlaps), theme).toEqual([])
  })

  it('sets every slide title at one size, whatever the kind of slide', () => {
    for (const [theme, slides] of reports) {
      const sizes = new Set(slides.flatMap((slide) => (slide.title ? [slide.title.size] : [])))
      expect(sizes.size, `${theme}: ${[...sizes].join(', ')}`).toBe(1)
      expect([...sizes][0]).toBeGreaterThanOrEqual(40)
    }
  })

  it('centres a lone image in the space under its title, as large as fits', () => {
    for (const [theme, slides] of reports) {
      const images = slides.flatMap((slide) => (slide.image ? [slide.image] : []))
      expect(images, theme).toHaveLength(1)
      expect(images[0]!.centreOffset, theme).toBeLessThan(2)
      // The caption takes a line of the room; the picture most of the rest.
      expect(images[0]!.height / images[0]!.room, theme).toBeGreaterThan(0.75)
    }
  })

  it('gives every text a contrast of 4.5:1 or more with its background', () => {
    for (const [theme, slides] of reports) expect(slides.flatMap((slide) => slide.lowContrast), theme).toEqual([])
  })

  it('sets body text at 28 px or more, in the fonts shipped with the deck', () => {
    const shipped = ['Source Sans 3', 'Source Serif 4', 'Source Code Pro', 'Atkinson Hyperlegible', 'Inter', 'JetBrains Mono']
    for (const [theme, slides] of reports) {
      expect(slides.flatMap((slide) => slide.smallBody), theme).toEqual([])
      const fonts = new Set(slides.flatMap((slide) => slide.fonts))
      expect([...fonts].filter((font) => !shipped.includes(font)), theme).toEqual([])
      // Only the faces of the theme's own families are in its folder.
      const files = readdirSync(join(work, theme, 'fonts'))
      expect(files.every((file) => [...fonts].some((font) => file.startsWith(font.toLowerCase().replace(/ /g, '-'))))).toBe(true)
    }
  })

  it('prints the dark theme\'s handout light, its footnotes at 7 pt or more', async (context) => {
    let pdftoppm = true
    try {
      execFileSync('pdftoppm', ['-v'], {stdio: 'ignore'})
    } catch {
      pdftoppm = false
    }
    const output = join(work, 'handout.pdf')
    await exportPdf(DECK, {theme: 'chalkboard', handout: 3, output, browser, fit: {browser}})
    const notes = (await readPdf(output)).pages.flatMap((page) => page.runs).filter((run) => run.text.includes('Oxford University Press'))
    expect(notes.length).toBeGreaterThan(1)
    for (const run of notes) expect(run.size).toBeGreaterThanOrEqual(7)
    if (!pdftoppm) return context.skip('pdftoppm (poppler-utils) is not installed: page brightness not checked')
    execFileSync('pdftoppm', ['-gray', '-r', '20', output, join(work, 'page')])
    const pages = readdirSync(work).filter((name) => name.startsWith('page') && name.endsWith('.pgm'))
    expect(pages.length).toBeGreaterThan(1)
    for (const name of pages) {
      const image = readFileSync(join(work, name))
      // PGM: three header lines (format, size, maximum), then one byte a pixel.
      let offset = 0
      for (let lines = 0; lines < 3; offset++) if (image[offset] === 0x0a) lines++
      const pixels = image.subarray(offset)
      const mean = pixels.reduce((sum, value) => sum + value, 0) / pixels.length
      expect(mean, name).toBeGreaterThan(220)
    }
  }, 30_000)
})
