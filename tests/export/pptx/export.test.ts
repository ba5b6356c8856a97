/**
 * The PowerPoint export end to end: the example deck through the API in the
 * shared browser, a deck using every block (4:3, a dark theme, nested and
 * numbered lists, code, a table, a picture, references continued over
 * slides) through `citedeck pptx`; both read back from the package's XML,
 * then opened in LibreOffice Impress once (`soffice --convert-to pdf`, both
 * files in one run) to check that every slide's text is on its page and
 * nothing leaves it. The LibreOffice part is skipped, saying so, when
 * `soffice` is not installed.
 */
import {execFile} from 'node:child_process'
import {existsSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {delimiter, join} from 'node:path'
import {promisify} from 'node:util'
import {deflateSync} from 'node:zlib'
import type {Element} from 'hast'
import {toString} from 'hast-util-to-string'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {type CompiledDeck, exportPptx} from '../../../src/index.js'
import {connectBrowser, describeBrowser} from '../../browser/shared.js'
import {run} from '../../helpers/cli.js'
import {type PdfContent, readPdf, squeeze} from '../read-pdf.js'
import {type PptxContent, readPptx} from './read-pptx.js'

const EXAMPLE = new URL('../../../slides/cuban-missile-crisis/deck.md', import.meta.url).pathname

/** A one-colour PNG, made here so the deck needs no binary fixture. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({length: 256}, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([length, body, sum])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([30, 120, 200]))])
  const pixels = deflateSync(Buffer.concat(Array.from({length: height}, () => row)))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))])
}

function everyBlockDeck(): string {
  const folder = mkdtempSync(join(tmpdir(), 'citedeck-pptx-'))
  writeFileSync(join(folder, 'chart.png'), png(160, 90))
  const references = Array.from(
    {length: 22},
    (_, index) => `  - id: src${index}
    type: book
    author: [{family: Author${String.fromCharCode(65 + index)}, given: Jo}]
    title: "A long book title number ${index} about the history of classroom slides"
    publisher: Press ${index}
    issued: {date-parts: [[${1990 + index}]]}`
  )
  writeFileSync(
    join(folder, 'deck.md'),
    `---
title: Everything at once
author: Test Author
aspect-ratio: "4:3"
theme: chalkboard
slide-number: h.v
nocite: "@*"
references:
${references.join('\n')}
---

## Lists and runs

- First level with *emphasis*, **bold** and a [link](https://example.org/page)
  - Second level item [@src0, p. 4]
- Back to the first level \`inline code\`

1. Numbered one
2. Numbered two

::: notes
Say this first.

- a note bullet
:::

## Code and quote

\`\`\`js
function add(a, b) {
  return a + b
}
\`\`\`

> A quotation that stands alone [@src1].

## Table and picture

| Year | Event |
|------|-------|
| 1962 | Crisis [@src2] |
| 1963 | Treaty |

![A chart](chart.png)

## Math and pictures

- Energy is $E = mc^2$, a picture ![dot](chart.png){width=24} in the line, then more words

$$
\\int_0^1 x^2 \\, dx = \\frac{1}{3}
$$

### A diagram below

\`\`\`mermaid
flowchart LR
  A[Revolution] --> B[Missiles]
\`\`\`
`
  )
  return join(folder, 'deck.md')
}

interface Expected {
  title: string
  items: string[]
  footnotes: string[]
  notes: string[]
}

const elements = (node: Element): Element[] => node.children.filter((child): child is Element => child.type === 'element')
const hasClass = (node: Element, name: string) => ((node.properties?.className as string[] | undefined) ?? []).includes(name)

function descendants(node: Element, test: (node: Element) => boolean): Element[] {
  return elements(node).flatMap((child) => [...(test(child) ? [child] : []), ...descendants(child, test)])
}

/** What each slide of the compiled deck must show: its title, list items (without their nested lists), footnotes and notes. */
function expectedSlides(deck: CompiledDeck): Expected[] {
  return deck.sections.map((section) => {
    const body = elements(section).find((node) => hasClass(node, 'cd-body'))!
    const title = elements(body).find((node) => /^h[1-3]$/.test(node.tagName))
    const items = descendants(body, (node) => node.tagName === 'li').map((item) =>
      toString({...item, children: item.children.filter((child) => !(child.type === 'element' && /^[ou]l$/.test(child.tagName)))})
    )
    const footer = elements(section).find((node) => hasClass(node, 'cd-footnotes'))
    const aside = elements(section).find((node) => node.tagName === 'aside')
    return {
      title: title ? toString(title) : '',
      items,
      footnotes: footer ? descendants(footer, (node) => node.tagName === 'li').map((item) => toString(item)) : [],
      notes: aside ? descendants(aside, (node) => node.tagName === 'p' || node.tagName === 'li').map((node) => toString(node)) : []
    }
  })
}

function findSoffice(): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) if (existsSync(join(folder, name))) return join(folder, name)
  }
  return undefined
}

describeBrowser('PowerPoint export', () => {
  let browser: Browser
  let example: {deck: CompiledDeck; output: string; pptx: PptxContent}
  let everyBlock: {output: string; stdout: string; code: number; pptx: PptxContent}
  let built: {folder: string; stdout: string; code: number}
  const out = mkdtempSync(join(tmpdir(), 'citedeck-pptx-out-'))

  beforeAll(async () => {
    browser = await connectBrowser()
    // The CLI (its own browsers) and the API (the shared one) export at once.
    const small = join(mkdtempSync(join(tmpdir(), 'citedeck-pptx-build-')), 'talk.md')
    writeFileSync(small, '---\ntitle: Small\n---\n\n## Only slide\n\n- A point\n')
    const [api, cli, build] = await Promise.all([
      exportPptx(EXAMPLE, {browser, output: join(out, 'example.pptx')}),
      run('pptx', everyBlockDeck(), '-o', join(out, 'every-block.pptx')),
      run('build', small, '-o', join(out, 'talk'), '--pptx')
    ])
    built = {folder: join(out, 'talk'), stdout: build.stdout, code: build.code}
    example = {deck: api.deck, output: api.output!, pptx: await readPptx(api.output!)}
    everyBlock = {output: join(out, 'every-block.pptx'), stdout: cli.stdout, code: cli.code, pptx: await readPptx(join(out, 'every-block.pptx'))}
  }, 120_000)

  afterAll(async () => {
    await browser?.disconnect()
  })

  it('writes one PowerPoint slide per deck slide, 16:9 at the deck size', () => {
    expect(example.pptx.slides).toHaveLength(example.deck.slideCount)
    expect(example.pptx.width / 914_400).toBeCloseTo(1280 / 96, 2)
    expect(example.pptx.height / 914_400).toBeCloseTo(720 / 96, 2)
  })

  it("puts every slide's title, bullets, footnotes and notes in the file", () => {
    const expected = expectedSlides(example.deck)
    expected.forEach((slide, index) => {
      const pptx = example.pptx.slides[index]!
      const text = squeeze(pptx.paragraphs.join(''))
      for (const part of [slide.title, ...slide.items, ...slide.footnotes]) expect(text, `slide ${index + 1}`).toContain(squeeze(part))
      for (const note of slide.notes) expect(squeeze(pptx.notes), `notes of slide ${index + 1}`).toContain(squeeze(note))
      if (slide.title) expect(pptx.names).toContain('Title')
      if (slide.footnotes.length > 0) expect(pptx.names).toContain('Footnotes')
    })
    // Footnote links are real hyperlinks.
    expect(example.pptx.slides[4]!.links).toContain('http://library.advanced.org/11046/')
  })

  it('exports a deck of every block through citedeck pptx: 4:3, lists, code, table, picture, references continued', () => {
    expect(everyBlock.code).toBe(0)
    expect(everyBlock.stdout).toMatch(/^wrote .*every-block\.pptx \(\d+ slides\)$/)
    const {slides, width, height, media} = everyBlock.pptx
    expect(width / height).toBeCloseTo(4 / 3, 2)
    const titles = slides.map((slide) => slide.paragraphs[0])
    expect(titles.slice(0, 4)).toEqual(['Everything at once', 'Lists and runs', 'Code and quote', 'Table and picture'])
    expect(titles.filter((title) => title?.startsWith('References (cont.)')).length).toBeGreaterThanOrEqual(1)
    const lists = slides[1]!
    expect(lists.paragraphs).toContain('Second level item (AuthorA, 1990, p. 4)1')
    expect(lists.xml).toMatch(/<a:pPr [^>]*lvl="1"[^>]*><a:lnSpc>/)
    expect(lists.xml).toContain('<a:buAutoNum type="arabicPeriod"')
    expect(lists.links).toContain('https://example.org/page')
    expect(lists.notes).toBe('Say this first.\n• a note bullet')
    expect(slides[2]!.names).toContain('Code')
    expect(slides[2]!.paragraphs).toContain('  return a + b')
    expect(slides[3]!.xml).toContain('<a:tbl>')
    // The chart, the inline picture, the two formulas and the diagram.
    expect(media).toHaveLength(5)
    // Math and the diagram are pictures (no TeX or diagram source as text); the inline picture keeps its room in the line.
    const math = slides[4]!
    expect(math.paragraphs[0]).toBe('Math and pictures')
    expect(math.xml.match(/<p:pic>/g)).toHaveLength(3)
    expect(math.paragraphs.join(' ')).not.toMatch(/mc\^2|\\int|\\frac|E=mc/)
    expect(math.xml).toMatch(/<a:rPr [^>]*spc="\d+"[^>]*>[\s\S]*?<a:t>\u00A0<\/a:t>/)
    const diagram = slides[5]!
    expect(diagram.xml.match(/<p:pic>/g)).toHaveLength(1)
    expect(diagram.paragraphs.join(' ')).not.toMatch(/flowchart|Revolution/)
    // Sub-slides numbered as reveal does (h.v), the fonts with their kind.
    expect(math.paragraphs.at(-1)).toBe('5.1')
    expect(diagram.paragraphs.at(-1)).toBe('5.2')
    expect(slides[2]!.xml).toMatch(/typeface="[^"]+ Mono[^"]*" pitchFamily="49"|typeface="[^"]*Code[^"]*" pitchFamily="49"/)
    // One paragraph-properties element a paragraph, as the schema allows.
    for (const slide of slides) {
      for (const [paragraph] of slide.xml.matchAll(/<a:p>[\s\S]*?<\/a:p>/g)) expect(paragraph.match(/<a:pPr\b/g)?.length ?? 0).toBeLessThanOrEqual(1)
    }
  })

  it('writes <deck>.pptx into the built folder with build --pptx', async () => {
    expect(built.code).toBe(0)
    expect(built.stdout).toMatch(/wrote .*talk\.pptx \(2 slides\)/)
    const pptx = await readPptx(join(built.folder, 'talk.pptx'))
    expect(pptx.slides.map((slide) => slide.paragraphs[0])).toEqual(['Small', 'Only slide'])
  })

  const soffice = findSoffice()
  const describeImpress = soffice ? describe : describe.skip
  describeImpress(`opened in LibreOffice Impress${soffice ? '' : ' (skipped: soffice not found; apt-get install libreoffice-impress)'}`, () => {
    let pdfs: {example: PdfContent; everyBlock: PdfContent}

    beforeAll(async () => {
      // One conversion of both files, in a fresh profile so no user setting or lock gets in the way.
      const profile = mkdtempSync(join(tmpdir(), 'citedeck-soffice-'))
      await promisify(execFile)(
        soffice!,
        [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, example.output, everyBlock.output],
        {timeout: 120_000}
      )
      pdfs = {example: await readPdf(join(out, 'example.pdf')), everyBlock: await readPdf(join(out, 'every-block.pdf'))}
    }, 150_000)

    it('shows one page per slide', () => {
      expect(pdfs.example.pages).toHaveLength(example.pptx.slides.length)
      expect(pdfs.everyBlock.pages).toHaveLength(everyBlock.pptx.slides.length)
    })

    it("shows each slide's title, bullets and footnotes on its page, and no text off the page", () => {
      expectedSlides(example.deck).forEach((slide, index) => {
        const page = pdfs.example.pages[index]!
        for (const part of [slide.title, ...slide.items, ...slide.footnotes]) expect(squeeze(page.text), `page ${index + 1}`).toContain(squeeze(part))
      })
      for (const page of [...pdfs.example.pages, ...pdfs.everyBlock.pages]) {
        for (const run of page.runs) {
          expect(run.x, run.text).toBeGreaterThanOrEqual(0)
          expect(run.x + run.width, run.text).toBeLessThanOrEqual(page.width + 0.5)
          expect(run.y, run.text).toBeGreaterThanOrEqual(0)
          expect(run.y, run.text).toBeLessThanOrEqual(page.height)
        }
      }
    })
  })
})
