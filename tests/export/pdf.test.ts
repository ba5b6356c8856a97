/**
 * PDF export through the public API in the shared browser, read back with
 * pdfjs: pages, sizes, text, links, bookmarks, metadata; handouts and notes
 * pages; blocked requests; timeouts.
 */
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Element, ElementContent, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {CitedeckError, exportPdf} from '../../src/index.js'
import {connectBrowser, describeBrowser} from '../browser/shared.js'
import {readPdf, squeeze} from './read-pdf.js'

const EXAMPLE = new URL('../../slides/cuban-missile-crisis/deck.md', import.meta.url).pathname

interface SlideText {
  title: string
  footnotes: string[]
  references: boolean
}

/** Each slide of the compiled deck in order: its title, footnotes, and whether it is a reference slide. */
function slidesOf(html: string): SlideText[] {
  const slides: SlideText[] = []
  const classes = (node: Element) => (node.properties.className as string[] | undefined) ?? []
  const text = (node: ElementContent | Root): string =>
    node.type === 'text' ? node.value : 'children' in node ? node.children.map((child) => text(child as ElementContent)).join('') : ''
  const find = (node: ElementContent | Root, test: (element: Element) => boolean): Element[] =>
    node.type === 'element' && test(node)
      ? [node]
      : 'children' in node
        ? node.children.flatMap((child) => find(child as ElementContent, test))
        : []
  for (const slide of find(fromHtml(html), (node) => node.tagName === 'section' && classes(node).includes('cd-slide'))) {
    const title = find(slide, (node) => /^h[1-3]$/.test(node.tagName))[0]
    const footer = find(slide, (node) => node.tagName === 'footer')[0]
    slides.push({
      title: title ? text(title) : '',
      footnotes: footer ? find(footer, (node) => node.tagName === 'li').map(text) : [],
      references: classes(slide).includes('cd-references')
    })
  }
  return slides
}

function tempDeck(markdown: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'citedeck-pdf-'))
  writeFileSync(join(dir, 'deck.md'), markdown)
  return join(dir, 'deck.md')
}

describeBrowser('exportPdf', () => {
  let browser: Browser
  let out: string

  beforeAll(async () => {
    browser = await connectBrowser()
    out = mkdtempSync(join(tmpdir(), 'citedeck-pdf-out-'))
  })
  afterAll(async () => {
    await browser?.disconnect()
  })

  it('prints one page per slide at the deck size, with titles, footnotes, links, bookmarks and metadata', async () => {
    const result = await exportPdf(EXAMPLE, {browser, output: join(out, 'slides.pdf')})
    expect(result.output).toBe(join(out, 'slides.pdf'))
    const slides = slidesOf(result.deck.html)
    const pdf = await readPdf(result.output!)
    expect(slides).toHaveLength(result.deck.slideCount)
    expect(pdf.pages).toHaveLength(slides.length)
    expect(result.pages).toBe(slides.length)
    pdf.pages.forEach((page, index) => {
      const slide = slides[index]!
      expect([page.width, page.height], `page ${index + 1} size`).toEqual([960, 540])
      expect(squeeze(page.text), `page ${index + 1} title`).toContain(squeeze(slide.title))
      for (const note of slide.footnotes) expect(squeeze(page.text), `page ${index + 1} footnote`).toContain(squeeze(note).slice(0, 40))
    })
    // Fragments print in their final state: the bullet after the pause is there.
    const pigs = pdf.pages[slides.findIndex((slide) => slide.title === 'After the Bay of Pigs')]!
    expect(pigs.text).toContain('Summer 1962')
    expect(pdf.pages.flatMap((page) => page.links)).toContain('http://www.historyofcuba.com/history/Sad-1.htm')
    expect(pdf.bookmarks).toEqual(expect.arrayContaining(slides.map((slide) => slide.title).filter(Boolean)))
    expect(pdf.info).toMatchObject({
      Title: 'The Cuban Missile Crisis',
      Author: 'History 10 — sample essay',
      Subject: 'The causes and course of the Cuban Missile Crisis',
      Keywords: 'Cold War, Cuba, Kennedy, Khrushchev',
      Language: 'en-US'
    })
  })

  it('prints 4:3 decks at 720 × 540 pt', async () => {
    const deck = tempDeck('---\ntitle: Square\naspect-ratio: "4:3"\n---\n\n## One\n\nText\n\n## Two\n\nMore\n')
    const result = await exportPdf(deck, {browser, output: join(out, 'square.pdf')})
    const pdf = await readPdf(result.output!)
    expect(pdf.pages).toHaveLength(result.deck.slideCount)
    for (const page of pdf.pages) expect([page.width, page.height]).toEqual([720, 540])
  })

  it('compiles with the options build takes: --safe leaves raw HTML out of the printed deck too', async () => {
    const deck = tempDeck('---\ntitle: Safe\n---\n\n## One\n\n<script>document.title = "ran"</script>\n\nText\n')
    const result = await exportPdf(deck, {browser, safe: true, output: join(out, 'safe.pdf')})
    expect(result.output).toBeDefined()
    expect(result.deck.html).not.toContain('document.title = "ran"')
    expect(result.file.messages.map((message) => message.ruleId)).toContain('safe')
  })

  it('lays out a 3-up handout on Letter for en-US: ruled lines, title, page X of Y, references as text at the end', async () => {
    const result = await exportPdf(EXAMPLE, {browser, handout: 3, output: join(out, 'handout.pdf')})
    const slides = slidesOf(result.deck.html)
    const shown = slides.filter((slide) => !slide.references)
    const pdf = await readPdf(result.output!)
    expect(pdf.pages).toHaveLength(Math.ceil(shown.length / 3) + 1)
    const total = pdf.pages.length
    pdf.pages.forEach((page, index) => {
      // Letter is 612 × 792 pt; Chrome rounds the page to whole device pixels.
      expect(Math.abs(page.width - 612)).toBeLessThan(1.2)
      expect(Math.abs(page.height - 792)).toBeLessThan(1.2)
      expect(page.text).toContain('The Cuban Missile Crisis')
      expect(page.text).toContain(`page ${index + 1} of ${total}`)
    })
    // Slides 4 to 6 on the second sheet, in order.
    for (const slide of shown.slice(3, 6)) expect(squeeze(pdf.pages[1]!.text)).toContain(squeeze(slide.title))
    const references = pdf.pages.at(-1)!
    expect(references.text).toContain('References')
    expect(squeeze(references.text)).toContain(squeeze('Roskin, M. G., & Berry, N. O. (2010).'))
    expect(references.links.length).toBeGreaterThan(0)
  })

  it('fits 6 slides a page on A4 when asked', async () => {
    const result = await exportPdf(EXAMPLE, {browser, handout: 6, paper: 'a4', output: join(out, 'handout6.pdf')})
    const shown = slidesOf(result.deck.html).filter((slide) => !slide.references)
    const pdf = await readPdf(result.output!)
    expect(pdf.pages).toHaveLength(Math.ceil(shown.length / 6) + 1)
    for (const page of pdf.pages) {
      // A4 is 210 × 297 mm; Chrome rounds the page to whole CSS pixels.
      expect(Math.abs(page.width - 595.28)).toBeLessThan(0.8)
      expect(Math.abs(page.height - 841.89)).toBeLessThan(0.8)
    }
  })

  it('prints notes pages: each slide with its speaker notes', async () => {
    const result = await exportPdf(EXAMPLE, {browser, notes: true, output: join(out, 'notes.pdf')})
    const pdf = await readPdf(result.output!)
    const shown = slidesOf(result.deck.html).filter((slide) => !slide.references)
    expect(pdf.pages).toHaveLength(shown.length + 1)
    const pigs = pdf.pages[shown.findIndex((slide) => slide.title === 'After the Bay of Pigs')]!
    expect(squeeze(pigs.text)).toContain(squeeze('Consequently, he approved of Khrushchev'))
  })

  it('puts the speaker notes beside the slides of a 3-up handout with handoutNotes', async () => {
    const result = await exportPdf(EXAMPLE, {browser, handout: 3, handoutNotes: true, output: join(out, 'handout-notes.pdf')})
    const pdf = await readPdf(result.output!)
    expect(squeeze(pdf.pages[1]!.text)).toContain(squeeze('Consequently, he approved of Khrushchev'))
  })

  it('warns when speaker notes are too long to fit beside a slide', async () => {
    const long = Array.from({length: 120}, (_, index) => `Sentence ${index} of a speech written out in full.`).join(' ')
    const deck = tempDeck(`---\ntitle: Talkative\n---\n\n## Short\n\n::: notes\nBrief.\n:::\n\n## Long\n\n::: notes\n${long}\n:::\n`)
    const result = await exportPdf(deck, {browser, handout: 3, handoutNotes: true, output: join(out, 'talkative.pdf')})
    const cut = result.file.messages.filter((message) => message.ruleId === 'pdf-notes-cut').map((message) => message.reason)
    expect(cut).toEqual(['the speaker notes of slide 3 do not fit beside it in the handout'])
  })

  it('blocks every request that is not one of the deck\'s own files, and says so', async () => {
    let hits = 0
    const server = createServer((_request, response) => {
      hits++
      response.end('body { color: red }')
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const port = (server.address() as AddressInfo).port
    try {
      const dir = mkdtempSync(join(tmpdir(), 'citedeck-pdf-net-'))
      writeFileSync(join(dir, 'remote.css'), `@import url("http://127.0.0.1:${port}/font.css");\n:root { --cd-background: #fff; }\n`)
      writeFileSync(
        join(dir, 'deck.md'),
        `---\ntitle: Net\ntheme: remote.css\n---\n\n## Remote\n\n![a remote picture](http://127.0.0.1:${port}/picture.png)\n`
      )
      const result = await exportPdf(join(dir, 'deck.md'), {browser, output: join(out, 'net.pdf')})
      expect(result.output).toBeDefined()
      expect(hits).toBe(0)
      const blocked = result.file.messages.filter((message) => message.ruleId === 'pdf-blocked-request').map(String)
      expect(blocked.join('\n')).toContain(`http://127.0.0.1:${port}/font.css`)
      expect(blocked.join('\n')).toContain(`http://127.0.0.1:${port}/picture.png`)
    } finally {
      server.close()
    }
  })

  it('gives a clear timeout error and keeps the previous PDF', async () => {
    const output = join(out, 'kept.pdf')
    writeFileSync(output, 'the previous PDF')
    const error = await exportPdf(EXAMPLE, {browser, output, timeout: 50}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CitedeckError)
    expect((error as CitedeckError).code).toBe('TIMEOUT')
    expect((error as CitedeckError).message).toBe('PDF export timed out after 0.05 s')
    expect(readFileSync(output, 'utf8')).toBe('the previous PDF')
  })

  it('writes nothing for a deck with errors', async () => {
    const deck = tempDeck('## Broken\n\n![missing](nowhere.png)\n')
    const result = await exportPdf(deck, {browser, output: join(out, 'broken.pdf')})
    expect(result.output).toBeUndefined()
    expect(result.file.messages.some((message) => message.fatal)).toBe(true)
  })
})
