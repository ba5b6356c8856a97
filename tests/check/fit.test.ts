/**
 * Fit and check in a real Chromium (the run's shared browser): the dense
 * fixture built with fit on has no slide that overflows when measured again,
 * keeps every word of its source, and keeps each footnote on the slide that
 * marks it; check reports the overflows of the unfitted deck at their lines.
 */
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Element} from 'hast'
import {toString} from 'hast-util-to-string'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {check, compileDeck, readSource} from '../../src/index.js'
import type {CompiledDeck} from '../../src/index.js'
import {measureDeck} from '../../src/check/measure.js'
import {connectBrowser, describeBrowser} from '../browser/shared.js'

const DENSE = new URL('fixtures/dense/deck.md', import.meta.url).pathname
const LINT = new URL('fixtures/lint/deck.md', import.meta.url).pathname

/** Words of the source outside its syntax: front matter, citations, footnote marks, link targets, table rules. */
function sourceWords(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '')
  const text = body
    .replace(/\[-?@[^\]]*\]/g, ' ')
    .replace(/\[\^\w+\]:?/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, ' $1 ')
    .replace(/^::: .*$|^:::$/gm, ' ')
    .replace(/^\|[-| ]+\|$/gm, ' ')
    .replace(/^(#+|[-*>]|\d+\.)\s/gm, ' ')
  return words(text)
}

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []
}

function counts(list: string[]): Map<string, number> {
  const map = new Map<string, number>()
  for (const word of list) map.set(word, (map.get(word) ?? 0) + 1)
  return map
}

/** Elements under `root` with tag `tag` (any when `*`) and, when given, class `className`. */
function all(root: Element, tag: string, className?: string): Element[] {
  const found: Element[] = []
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      const classes = Array.isArray(child.properties.className) ? child.properties.className : []
      if ((tag === '*' || child.tagName === tag) && (!className || classes.includes(className))) found.push(child)
      walk(child)
    }
  }
  walk(root)
  return found
}

function body(section: Element): Element {
  return section.children.find((node): node is Element => node.type === 'element' && String(node.properties.className).includes('cd-body'))!
}

describeBrowser('fit and check in the browser', () => {
  let browser: Browser
  let fitted: CompiledDeck

  beforeAll(async () => {
    browser = await connectBrowser()
    fitted = await compileDeck(await readSource(DENSE), {fit: {browser}})
  })
  afterAll(async () => {
    await browser?.disconnect()
  })

  it('leaves no slide overflowing when the fitted deck is measured again', async () => {
    expect(fitted.file.data.fitted).toMatchObject({overflowing: 0})
    const {slides} = await measureDeck(fitted, {browser, cache: new Map()})
    const over = slides.filter((slide) => slide.overflowY > 0 || slide.overflowX > 0)
    expect(over.map((slide) => `${slide.number} ${slide.title}: ${slide.overflowY}/${slide.overflowX}`)).toEqual([])
    expect(fitted.file.messages.filter((message) => message.ruleId === 'overflow')).toEqual([])
    const changed = fitted.file.messages.filter((message) => message.ruleId?.startsWith('fit-'))
    expect(changed.map((message) => `${message.ruleId}: ${message.reason}`)).toContain('fit-scale: slide "A slide that just overflows" did not fit: its text is shown at 93 %')
    expect(changed.every((message) => message.fatal === undefined)).toBe(true)
  })

  it('scales a slide that only just overflows, and splits the rest at blocks', () => {
    const titles = fitted.sections.map((section) => toString(body(section).children[0] as Element))
    const scaled = fitted.sections.find((section) => titles[fitted.sections.indexOf(section)] === 'A slide that just overflows')!
    const scale = Number(/--cd-fit: ([\d.]+)/.exec(String(scaled.properties.style))?.[1])
    expect(scale).toBeGreaterThanOrEqual(0.8)
    expect(scale).toBeLessThan(1)
    expect(titles).not.toContain('A slide that just overflows (cont.)')
    for (const title of ['Soviet missiles in Cuba', 'A long quotation', 'Missiles and ranges', 'Timeline in thirteen steps']) {
      expect(titles).toContain(`${title} (cont.)`)
    }
    // Every part of the table repeats its header; the numbered list counts on; the attribution ends the quote.
    const tables = fitted.sections.filter((_, index) => titles[index]!.startsWith('Missiles and ranges')).map((section) => all(section, 'table'))
    expect(tables.length).toBeGreaterThan(1)
    for (const [table] of tables) expect(all(all(table!, 'thead')[0]!, 'th')).toHaveLength(5)
    const lists = fitted.sections.filter((_, index) => titles[index]!.startsWith('Timeline')).map((section) => all(section, 'ol')[0]!)
    expect(lists[1]!.properties.start).toBe(lists[0]!.children.filter((node) => node.type === 'element').length + 1)
    const quotes = fitted.sections.filter((_, index) => titles[index]!.startsWith('A long quotation'))
    expect(quotes.map((section) => all(section, 'figcaption').length)).toEqual([...quotes.slice(1).map(() => 0), 1])
  })

  it('loses no word of the source', () => {
    const shown = counts(fitted.sections.flatMap((section) => [...words(toString(section)), ...all(section, 'img').flatMap((img) => words(String(img.properties.alt ?? '')))]))
    const missing = [...counts(sourceWords(readFileSync(DENSE, 'utf8')))].filter(([word, count]) => (shown.get(word) ?? 0) < count)
    expect(missing).toEqual([])
  })

  it('keeps each footnote on the slide that marks it', () => {
    let marked = 0
    for (const section of fitted.sections) {
      const marks = new Set(all(body(section), 'sup', 'cd-mark').flatMap((mark) => toString(mark).split(',')))
      const notes = new Set(all(section, 'span', 'cd-note-label').map((label) => toString(label).trim()))
      expect([...marks].sort()).toEqual([...notes].sort())
      marked += marks.size
    }
    expect(marked).toBeGreaterThan(20)
    // The bullet citing Allison and the note giving Allison's book are on the same slide.
    const allison = fitted.sections.find((section) => toString(body(section)).includes('Operation Anadyr') || toString(body(section)).includes('ballistic missiles on the island'))!
    expect(toString(allison)).toMatch(/Allison, A\. \(1965\)/)
  })

  it('splits the 40-entry reference list so that it fits, all entries shown once', () => {
    const lists = fitted.sections.filter((section) => all(section, 'div', 'cd-references').length > 0)
    expect(lists.length).toBeGreaterThan(1)
    expect(lists.flatMap((section) => all(section, '*', 'csl-entry'))).toHaveLength(40)
  })

  it('check reports the unfitted overflows at their slides\' lines', async () => {
    const {file, slides} = await check(DENSE, {browser})
    const overflow = file.messages.filter((message) => message.ruleId === 'overflow')
    const titles = ['Soviet missiles in Cuba', 'A slide that just overflows', 'A long quotation', 'Missiles and ranges', 'A tall photograph', 'Timeline in thirteen steps']
    const lines = readFileSync(DENSE, 'utf8').split('\n')
    expect(overflow.map((message) => message.line)).toEqual(titles.map((title) => lines.indexOf(`## ${title}`) + 1))
    expect(String(overflow[0]!.reason)).toMatch(/^slide 2 "Soviet missiles in Cuba" overflows by \d+ px$/)
    expect(slides.find((slide) => slide.title === 'A slide that just overflows')!.overflowY).toBeLessThan(120)
  })

  it('check runs the lint rules with the deck\'s settings', async () => {
    const {file} = await check(LINT, {browser})
    const found = file.messages.map((message) => `${message.line}:${message.ruleId}:${message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'}`)
    expect(found.sort()).toEqual(
      [
        '3:uncited-entry:info',
        '22:quote-without-citation:warning',
        '26:empty-slide:warning',
        '32:dense-slide:warning',
        '35:missing-references:info',
        '37:duplicate-title:error',
        '45:unknown-citation-key:warning'
      ].sort()
    )
  })

  it('check reports text below the minimum and images that did not load, at their slides', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-check-small-'))
    const deck = join(dir, 'deck.md')
    writeFileSync(deck, '## Fine print\n\nBody text <span style="font-size: 12px">and very small print</span>.\n\n## Broken\n\n<img src="garbled.png" alt="gone">\n\n## Missing\n\n<img src="nowhere.png">\n')
    writeFileSync(join(dir, 'garbled.png'), 'not an image')
    const {file} = await check(deck, {browser})
    const found = file.messages.map((message) => `${message.line}:${message.ruleId}`)
    // The missing file is the compile's message; the browser's failed load of it is not a second one.
    expect(found).toEqual(['11:missing-image', '1:small-text', '5:broken-image'])
    expect(String(file.messages[1]!.reason)).toBe('slide 1 "Fine print" has text at 12 px ("and very small print"), below the theme\'s minimum')
    expect(file.messages[2]!.fatal).toBe(true)
  })

  it('re-measures only the slide that changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-fit-cache-'))
    cpSync(new URL('fixtures/dense/', import.meta.url).pathname, dir, {recursive: true})
    const deck = join(dir, 'deck.md')
    const cache = new Map()
    const first = await measureDeck(await compileDeck(await readSource(deck)), {browser, cache})
    expect(first.measured).toBe(first.slides.length)
    writeFileSync(deck, readFileSync(deck, 'utf8').replace('A sixth point, which is short', 'A sixth point, edited'))
    const second = await measureDeck(await compileDeck(await readSource(deck)), {browser, cache})
    expect(second.measured).toBe(1)
  })
})
