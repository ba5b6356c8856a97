/**
 * The shared corpus's essays through `citedeck import`, checked against their
 * gold annotations for structure: the deck's title, author and date, no
 * title-page line on a slide, the essay's sections as section slides, and the
 * course and instructor lines in the title slide's notes. One import per
 * essay serves every assertion.
 */
import {mkdtempSync, readFileSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {run} from '../helpers/cli.js'
import {corpusDir, corpusSuite} from '../helpers/corpus.js'

interface Gold {
  title: string
  front_matter_lines?: string[]
  sections?: string[]
}

const folder = corpusDir ? join(corpusDir, 'essays') : ''
const essays = corpusDir ? readdirSync(folder).filter((name) => /\.(?:txt|md|docx)$/.test(name) && readdirSync(folder).includes(name.replace(/\.[^.]+$/, '.expected.json'))) : []

interface Deck {
  code: number
  matter: string
  titleNotes: string
  sections: string[]
  shown: string[]
  lastSlide: string
}

const fold = (text: string) => text.replace(/\\/g, '').replace(/[‘’']/g, '’').replace(/\s+/g, ' ').trim().toLowerCase()

function readDeck(markdown: string, code: number): Deck {
  const [, matter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown) ?? []
  const beforeFirst = body.split(/^#{1,2} /m)[0] ?? ''
  const slides = body.split(/^(?=#{1,2} )/m).filter((slide) => /^#{1,2} /.test(slide))
  const withoutNotes = (slide: string) => slide.replace(/::: notes[\s\S]*?\n:::/g, '')
  return {
    code,
    matter,
    titleNotes: beforeFirst,
    sections: slides.filter((slide) => slide.startsWith('# ')).map((slide) => slide.split('\n')[0]!.slice(2).replace(/\\/g, '')),
    shown: slides.flatMap((slide) => withoutNotes(slide).split('\n').map((line) => line.replace(/^(?:#{1,2}|-|>)\s*/, '')).filter(Boolean)),
    lastSlide: slides[slides.length - 1]?.split('\n')[0] ?? ''
  }
}

// Without the corpus the suite shows as skipped, with the reason.
if (!corpusDir) it.skip(corpusSuite('corpus essays → outline structure'), () => {})

describe.runIf(corpusDir)('corpus essays → outline structure', () => {
  const decks = new Map<string, Deck>()
  const golds = new Map<string, Gold>()
  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'citedeck-corpus-'))
    await Promise.all(
      essays.map(async (name) => {
        golds.set(name, JSON.parse(readFileSync(join(folder, name.replace(/\.[^.]+$/, '.expected.json')), 'utf8')) as Gold)
        const result = await run('import', join(folder, name), '-o', join(out, name), '-q')
        decks.set(name, readDeck(result.code === 0 ? readFileSync(join(out, name, 'deck.md'), 'utf8') : '', result.code))
      })
    )
  }, 60_000)

  it.each(essays)('%s: imports, titled as the essay, with author and date', (name) => {
    const deck = decks.get(name)!
    const gold = golds.get(name)!
    expect(deck.code).toBe(0)
    const title = /^title: (.*)$/m.exec(deck.matter)?.[1]
    const subtitle = /^subtitle: (.*)$/m.exec(deck.matter)?.[1]
    const full = [title, subtitle].filter(Boolean).map((value) => JSON.parse(value!) as string).join(': ')
    expect(fold(full)).toBe(fold(gold.title))
    const lines = (gold.front_matter_lines ?? []).map(fold)
    const author = /^author: (.*)$/m.exec(deck.matter)?.[1]
    if (author) expect(lines.some((line) => line.includes(fold(JSON.parse(author) as string)))).toBe(true)
  })

  it.each(essays)('%s: no title-page line on a slide; the others in the title slide’s notes', (name) => {
    const deck = decks.get(name)!
    const gold = golds.get(name)!
    const shown = new Set(deck.shown.map(fold))
    expect([gold.title, ...(gold.front_matter_lines ?? [])].filter((line) => shown.has(fold(line)))).toEqual([])
    const inMatter = fold(deck.matter)
    for (const line of gold.front_matter_lines ?? []) {
      const value = fold(line.replace(/^[\p{L} ]{2,30}:\s+/u, ''))
      expect(inMatter.includes(value) || fold(deck.titleNotes).includes(fold(line)), `${line} kept in front matter or title notes`).toBe(true)
    }
  })

  it.each(essays)('%s: no reviewer comment anchor ([a]) shown on a slide', (name) => {
    expect(decks.get(name)!.shown.filter((line) => /\S\[[a-z]{1,2}\](?:\s|$)/.test(line))).toEqual([])
  })

  it.each(essays)('%s: its sections are the deck’s sections; references last', (name) => {
    const deck = decks.get(name)!
    expect(deck.sections.map(fold)).toEqual((golds.get(name)!.sections ?? []).map(fold))
    expect(deck.lastSlide).toMatch(/^## (?:References|Reference list|Referencias|Works Cited|Bibliography)$/)
    // A Spanish essay's deck speaks Spanish: its citations (`y`, `s. f.`) and its own words.
    expect(/^lang: es$/m.test(deck.matter)).toBe(deck.lastSlide === '## Referencias')
  })
})
