/**
 * The engine object: state belongs to one project (two decks built at once,
 * with the same citation keys in different bibliographies and styles, come
 * out as they do alone), formats by name from the CLI, and one compile and
 * one browser for every format of a run.
 */
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build, Project} from '../../src/index.js'
import {connectBrowser, describeBrowser} from '../browser/shared.js'
import {run} from '../helpers/cli.js'

const item = (id: string, family: string, title: string, year: number) => ({id, type: 'book', title, author: [{family, given: 'A.'}], issued: {'date-parts': [[year]]}})

/** A folder with a deck, `talk.md`, citing `keys` of `sources` in `style` (a slide a key, then the references). */
function deckFolder(style: string, sources: object[], keys: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'citedeck-project-'))
  writeFileSync(join(dir, 'refs.json'), JSON.stringify(sources))
  const slides = keys.map((key, index) => `## Slide ${index + 1}\n\nA claim [@${key}, p. ${index + 2}] and another [@${keys[0]}].\n`)
  writeFileSync(join(dir, 'talk.md'), `---\nbibliography: refs.json\ncsl: ${style}\n---\n\n${slides.join('\n')}`)
  return join(dir, 'talk.md')
}

// The same keys in both bibliographies, with different data: shared state would show at once.
const first = [item('a', 'Okafor', 'Rivers of the delta', 2001), item('b', 'Lindqvist', 'Northern light', 1998), item('c', 'Tanaka', 'Paper cities', 2015)]
const second = [item('a', 'Moreau', 'A grammar of silence', 1987), item('b', 'Adeyemi', 'Market days', 2009), item('c', 'Novak', 'The long winter', 2020)]

describe('state per project', () => {
  it('two build() calls at once, with different bibliographies and styles, give what each gives alone', async () => {
    const apa = deckFolder('apa', first, ['a', 'b', 'c'])
    const ieee = deckFolder('chicago-notes', second, ['c', 'a', 'b'])
    const html = async (path: string) => (await build(path, {fit: false, dryRun: true})).deck.html
    const alone = [await html(apa), await html(ieee)]
    expect(alone[0]).toContain('Okafor')
    expect(alone[1]).toContain('Moreau')
    expect(await Promise.all([html(apa), html(ieee)])).toEqual(alone)
  })

  it('decks of one project compiled at once share its citation engine without mixing their sources', async () => {
    const one = deckFolder('ieee', first, ['c', 'b'])
    const other = deckFolder('ieee', first, ['a', 'b', 'c'])
    // One bibliography file for both, so they get the same engine: the same style, locale and sources.
    writeFileSync(other.replace('talk.md', 'refs.json'), readFileSync(one.replace('talk.md', 'refs.json')))
    const project = new Project({fit: false})
    try {
      const alone = [(await project.compile(one)).html, (await project.compile(other)).html]
      expect(alone[0]).toMatch(/\[1\][\s\S]*Tanaka/)
      expect(alone[1]).toMatch(/\[1\][\s\S]*Okafor/)
      const together = await Promise.all([project.compile(one), project.compile(other), project.compile(one)])
      expect(together.map((deck) => deck.html)).toEqual([alone[0], alone[1], alone[0]])
    } finally {
      await project.close()
    }
  })
})

describe('citedeck build --to', () => {
  it('names formats, with a usage error and the nearest name for an unknown one', async () => {
    const deck = deckFolder('apa', first, ['a'])
    const result = await run('build', deck, '--to', 'html,pfd')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("--to pfd: unknown format\n  hint: did you mean 'pdf'? formats: html, embed, pdf, handout, notes, pptx")
  })

  it('writes the folder and the embedded file from one compile', async () => {
    const deck = deckFolder('apa', first, ['a', 'b'])
    const out = join(deck, '..', 'out')
    const result = await run('build', deck, '--to', 'embed,html', '-o', out, '--no-fit')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/built .*out \(3 slides\)\nbuilt .*out\/talk\.html \(3 slides\)/)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<link rel="stylesheet" href="theme.css">')
    const embedded = readFileSync(join(out, 'talk.html'), 'utf8')
    expect(embedded).not.toContain('<link rel="stylesheet"')
    expect(embedded).toContain('Okafor')
  })
})

describeBrowser('one compile and one browser for every format', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await connectBrowser()
  })
  afterAll(async () => {
    await browser?.disconnect()
  })

  it('compiles once for html, pdf and pptx, and asks for the browser only through the project', async () => {
    const deck = deckFolder('apa', first, ['a', 'b'])
    let compiles = 0
    let asked = 0
    const project = new Project({browser: async () => (asked++, browser)})
    try {
      const output = join(deck, '..', 'out')
      // Asked in any order, written folder first: the files go into it.
      const result = await project.build(deck, {to: ['pptx', 'pdf', 'html'], output, prepare: () => compiles++})
      expect(result.written.map((emitted) => emitted.format)).toEqual(['html', 'pdf', 'pptx'])
      expect(compiles).toBe(1)
      expect(asked).toBeGreaterThan(0)
      expect(result.output).toBe(output)
      expect(result.written.slice(1)).toMatchObject([
        {path: join(output, 'talk.pdf'), pages: 3},
        {path: join(output, 'talk.pptx'), slides: 3}
      ])
      expect(existsSync(join(output, 'index.html'))).toBe(true)
    } finally {
      await project.close()
    }
  })
})

describeBrowser('the project\'s browser', () => {
  it('is launched once, at the first call, and closed once', async () => {
    const project = new Project()
    const [one, two] = await Promise.all([project.browser(), project.browser()])
    expect(one).toBe(two)
    expect(one.connected).toBe(true)
    await Promise.all([project.close(), project.close()])
    expect(one.connected).toBe(false)
    await expect(project.browser()).rejects.toThrow('the project is closed')
  })
})
