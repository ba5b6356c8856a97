/**
 * The conservative estimate that lets the fit step skip the browser: on
 * random slides (bullets, nested bullets, paragraphs, quotes, bold, code,
 * footnotes, long and short words, capitals, letters outside Latin-1) in
 * every shipped theme, measured in the shared browser, no slide the estimate
 * passes overflows; it passes a fair share of those that fit, and refuses
 * what it cannot bound. A deck it passes builds with no browser at all.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {build, compileDeck} from '../../src/index.js'
import {deckMetrics, provenToFit, slideFits} from '../../src/check/estimate.js'
import {measureDeck} from '../../src/check/measure.js'
import {connectBrowser, describeBrowser} from '../browser/shared.js'

/** A small seeded generator (mulberry32), so a failure can be reproduced. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES = ['ka', 'lo', 'mi', 'WU', 'tre', 'gly', 'ph', 'mm', 'ww', 'Ü', 'ßa', 'łó', 'ça', 'ab', 'zy', 'qu', 'MW', 'st']

function randomDeck(seed: number, slides: number): string {
  const next = random(seed)
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!
  const notes: string[] = []
  const word = (marks = true) => {
    const text = Array.from({length: 1 + Math.floor(next() * 5)}, () => pick(SYLLABLES)).join('')
    const roll = next()
    if (marks && roll < 0.02) notes.push(`n${notes.length}`)
    return roll < 0.02 && marks ? `${text}[^${notes.at(-1)}]` : roll < 0.07 ? `**${text}**` : roll < 0.1 ? `\`${text}\`` : text
  }
  const line = (words: number, marks = true) => Array.from({length: words}, () => word(marks)).join(' ')
  const out = ['---', 'title: Random slides', '---', '']
  for (let index = 0; index < slides; index++) {
    out.push(`## ${line(1 + Math.floor(next() * 6))}`, '')
    const blocks = 1 + Math.floor(next() * 4)
    for (let block = 0; block < blocks; block++) {
      const kind = next()
      if (kind < 0.5) {
        for (let item = 0; item < 1 + Math.floor(next() * 5); item++) {
          out.push(`- ${line(2 + Math.floor(next() * 14))}`)
          if (next() < 0.2) out.push(`  - ${line(2 + Math.floor(next() * 10))}`)
        }
      } else if (kind < 0.85) out.push(line(4 + Math.floor(next() * 40)))
      else out.push(`> ${line(4 + Math.floor(next() * 25))}`)
      out.push('')
    }
    // The slide's footnotes, defined below it.
    for (const note of notes.splice(0)) out.push(`[^${note}]: ${line(3 + Math.floor(next() * 12), false)}`, '')
  }
  return out.join('\n')
}

describeBrowser('the conservative fit estimate', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await connectBrowser()
  })
  afterAll(async () => {
    await browser?.disconnect()
  })

  for (const [seed, theme] of [[1, 'classroom'], [2, 'studio'], [3, 'chalkboard']] as const) {
    it(`never passes a slide that overflows (${theme})`, async () => {
      const folder = mkdtempSync(join(tmpdir(), 'citedeck-estimate-'))
      const path = join(folder, 'deck.md')
      const deck = await compileDeck(new VFile({path, value: randomDeck(seed, 60)}), {theme})
      const metrics = deckMetrics(deck)!
      expect(metrics).toBeDefined()
      const {slides} = await measureDeck(deck, {browser, cache: new Map()})
      const passed = deck.sections.map((section) => slideFits(section, metrics))
      const wrong = slides.filter((slide, index) => passed[index] && (slide.overflowY > 0 || slide.overflowX > 0))
      expect(wrong.map((slide) => `${slide.number} ${slide.title}: ${slide.overflowY}/${slide.overflowX}`)).toEqual([])
      const fitting = slides.filter((slide) => slide.overflowY === 0 && slide.overflowX === 0).length
      // Not vacuous: some slides overflow, and the estimate passes at least a fifth of those that fit.
      expect(slides.length - fitting).toBeGreaterThan(3)
      expect(passed.filter(Boolean).length).toBeGreaterThan(fitting / 5)
    })
  }
})

it('refuses what it cannot bound, and builds a deck it passes without a browser', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'citedeck-estimate-'))
  const bounded = '---\ntitle: Short\n---\n\n## One\n\n- a point\n- another\n\n## Two\n\nA sentence.\n'
  const cases = ['## Code\n\n```js\nlet x\n```\n', '## Table\n\n| a | b |\n|---|---|\n| 1 | 2 |\n', '## Fit {.r-fit-text}\n\nBig\n', '## Small {.smaller}\n\nText\n']
  expect(provenToFit(await compileDeck(new VFile({path: join(folder, 'a.md'), value: bounded})))).toBe(true)
  for (const extra of cases) expect(provenToFit(await compileDeck(new VFile({path: join(folder, 'b.md'), value: `${bounded}\n${extra}`}))), extra).toBe(false)
  writeFileSync(join(folder, 'deck.md'), bounded)
  // No browser can be found: the build would say so if it had looked for one.
  const before = process.env.CITEDECK_BROWSER
  process.env.CITEDECK_BROWSER = join(folder, 'no-browser')
  try {
    const result = await build(join(folder, 'deck.md'), {output: join(folder, 'out')})
    expect(result.file.messages.map((message) => message.ruleId)).not.toContain('fit-no-browser')
    expect(result.file.data.fitted).toMatchObject({estimated: true, measured: 0})
  } finally {
    if (before === undefined) delete process.env.CITEDECK_BROWSER
    else process.env.CITEDECK_BROWSER = before
  }
})
