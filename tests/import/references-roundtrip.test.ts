/**
 * Property: a reference list that citeproc renders in APA, MLA, Chicago,
 * Harvard or IEEE, laid out one entry a line, in blank-line paragraphs,
 * with hanging indents, numbered or run on in one line, and read back
 * through the essay's text repair, splits into exactly its entries, and every entry keeps its year, DOI and
 * first author. (`npm run eval` measures every field on a larger seeded set.)
 */
import {createRequire} from 'node:module'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {localeXml} from '../../src/cite/locales.js'
import {resolveStyle} from '../../src/cite/styles.js'
import type {CslItem} from '../../src/import/csl.js'
import {findReferenceSection} from '../../src/import/reference-section.js'
import {buildReferences} from '../../src/import/references.js'
import {repairText} from '../../src/import/text-repair.js'
// @ts-expect-error plain JavaScript shared with `npm run eval`
import {random} from '../../eval/compare.js'
// @ts-expect-error plain JavaScript shared with `npm run eval`
import {generateItems} from '../../eval/generate.js'

const require = createRequire(import.meta.url)
const CSL = require('citeproc')

// One engine a style (starting one is the slow part); each run gives it new items under new ids.
const engines = new Map<string, {engine: {updateItems(ids: string[]): void; makeBibliography(): [{entry_ids: string[][]}, string[]]}; items: Map<string, CslItem>}>()
let run = 0

function render(style: string, generated: CslItem[]): Array<{id: string; text: string}> {
  let entry = engines.get(style)
  if (!entry) {
    const items = new Map<string, CslItem>()
    const engine = new CSL.Engine({retrieveLocale: localeXml, retrieveItem: (id: string) => items.get(id)}, resolveStyle(style, new VFile()).xml, 'en-US', true)
    engine.setOutputFormat('text')
    entry = {engine, items}
    engines.set(style, entry)
  }
  run++
  const items = generated.map((item) => ({...item, id: `${item.id}-${run}`}))
  for (const item of items) entry.items.set(item.id, item)
  const {engine} = entry
  engine.updateItems(items.map((item) => item.id))
  const [meta, entries] = engine.makeBibliography()
  return meta.entry_ids.map((ids: string[], i: number) => ({id: ids[0]!, text: entries[i].replace(/\s+/g, ' ').trim()}))
}

const LAYOUTS: Record<string, (entries: string[]) => string> = {
  lines: (entries) => entries.join('\n'),
  blank: (entries) => entries.join('\n\n'),
  hanging: (entries) => entries.map((entry) => entry.replace(/(.{50,70}?) /g, '$1\n     ')).join('\n'),
  numbered: (entries) => entries.map((entry, i) => (/^\[\d+\]/.test(entry) ? entry : `${i + 1}. ${entry}`)).join('\n'),
  'run-on': (entries) => entries.join(' ')
}

function year(item: CslItem | undefined): number | undefined {
  return item?.issued && 'date-parts' in item.issued ? item.issued['date-parts'][0][0] : undefined
}

function firstFamily(item: CslItem | undefined): string | undefined {
  const name = item?.author?.[0] ?? item?.editor?.[0]
  // The essay's text repair curls apostrophes (`O’Brien`); a group's abbreviation (`[CDC]`) is an alias, not its name.
  return (name?.literal?.replace(/\s*[[(]\p{Lu}{2,}[\])]$/u, '') ?? name?.family)?.replace(/’/g, "'")
}

describe('reference lists rendered by citeproc read back', () => {
  for (const style of ['apa', 'mla', 'chicago-notes', 'harvard', 'ieee']) {
    it(style, () => {
      fc.assert(
        fc.property(fc.integer({min: 1, max: 2 ** 31 - 1}), fc.constantFrom(...Object.keys(LAYOUTS)), (seed, layout) => {
          const rendered = render(style, generateItems(random(seed), 4) as CslItem[])
          const items = rendered.map((entry) => engines.get(style)!.items.get(entry.id)!)
          const text = `Essay body.\n\nReferences\n${LAYOUTS[layout]!(rendered.map((entry) => entry.text))}\n`
          const entries = findReferenceSection(repairText(text).text)?.entries ?? []
          expect(entries.map((entry) => entry.text.slice(0, 30))).toHaveLength(rendered.length)
          const read = buildReferences(entries)
          rendered.forEach((entry, i) => {
            const item = items.find((candidate) => candidate.id === entry.id)!
            const back = read[i]!.item
            expect(year(back), entry.text).toBe(year(item))
            expect(back.DOI, entry.text).toBe(item.DOI)
            expect(firstFamily(back), entry.text).toBe(firstFamily(item))
          })
        }),
        // A random seed each run (fast-check prints it on failure); FC_SEED replays one, FC_RUNS searches longer.
        {numRuns: Number(process.env.FC_RUNS ?? 6), ...(process.env.FC_SEED ? {seed: Number(process.env.FC_SEED)} : {})}
      )
    })
  }
})
