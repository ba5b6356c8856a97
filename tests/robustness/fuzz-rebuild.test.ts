/**
 * The preview's rebuilds reuse parsed chunks and rendered slides
 * (`RebuildCache`). Property: after any edit, a rebuild with the cache gives
 * what a fresh build of the edited text gives: the page, every slide's HTML,
 * every source position in every slide and the messages. Edits insert a random
 * stretch of Markdown into a random deck at a random place, which moves the
 * slides after it, adds or splits slides, and changes citation order.
 */
import type {Element} from 'hast'
import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {Project} from '../../src/index.js'
import {RebuildCache} from '../../src/serve/rebuild-cache.js'
import {walk} from '../../src/walk.js'
import {bibliography, citationKey, markdownBody} from './arbitraries.js'
import {fuzzSettings, messagesOf, tempDir} from './helpers.js'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'

// FUZZ_RUNS whole (a run is ~0.15 s of CPU), 12 in the suite.
const settings = fuzzSettings(1, 12)
// Over 8 KB, so the deck is parsed in chunks (parse/chunked-parse.ts), in 20 slides: rendering costs by the slide, and 150 short ones made a run 1.3 s.
const FILLER = Array.from({length: 20}, (_, index) => `## Filler ${index}\n\n- A point about ${index}, ${'long enough to matter, and long enough to fill a chunk '.repeat(8)}\n- Another point\n`).join('\n')

// Two projects for all runs: the preview's, whose rebuilds use the cache, and
// one for the fresh builds. A project per compile set up citeproc again each
// time (style, locale, engine): 1.5 s a run instead of 0.1 s.
const preview = new Project({fit: false})
const fresh = new Project({fit: false})

function compile(dir: string, markdown: string, cache?: RebuildCache) {
  const file = new VFile({path: join(dir, 'deck.md'), value: markdown})
  return cache ? preview.compile(file, {rebuild: cache}) : fresh.compile(file)
}

/** Every position in every slide, nested elements included (fitting maps them back to source lines). */
const positions = (sections: Element[]) =>
  sections.map((section) => {
    const found: string[] = []
    walk(section, (node) => {
      found.push(JSON.stringify(node.position))
    })
    return found.join(' ')
  })

describe(`fuzz: rebuilds with the cache equal fresh builds (seed ${settings.seed}, ${settings.numRuns} runs)`, () => {
  afterAll(() => Promise.all([preview.close(), fresh.close()]))

  it(
    'after random edits',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          markdownBody,
          fc.array(fc.tuple(markdownBody, fc.double({min: 0, max: 1, noNaN: true})), {minLength: 1, maxLength: 3}),
          fc.option(bibliography(fc.array(citationKey, {minLength: 1, maxLength: 6}))),
          fc.boolean(),
          async (first, edits, bib, long) => {
            const dir = tempDir('citedeck-rebuild-')
            let matter = ''
            if (bib) {
              writeFileSync(join(dir, `refs.${bib.format}`), bib.text)
              matter = `---\nbibliography: refs.${bib.format}\n---\n\n`
            }
            const cache = new RebuildCache()
            // A long deck is parsed in chunks, which the cache keeps one by one.
            let text = matter + (long ? FILLER : '') + first.text
            await compile(dir, text, cache)
            for (const [inserted, where] of edits) {
              const at = matter.length + Math.floor(where * (text.length - matter.length))
              text = `${text.slice(0, at)}\n\n${inserted.text}\n\n${text.slice(at)}`
              const rebuilt = await compile(dir, text, cache)
              const fresh = await compile(dir, text)
              expect(rebuilt.html).toBe(fresh.html)
              expect(rebuilt.sectionsHtml).toEqual(fresh.sectionsHtml)
              expect(positions(rebuilt.sections)).toEqual(positions(fresh.sections))
              expect(messagesOf(rebuilt.file)).toBe(messagesOf(fresh.file))
            }
          }
        ),
        {seed: settings.seed, numRuns: settings.numRuns}
      )
    },
    settings.timeout
  )
})
