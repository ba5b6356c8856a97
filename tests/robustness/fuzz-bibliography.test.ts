/**
 * Property-based fuzzing of bibliographies: BibTeX, CSL-JSON and CSL-YAML,
 * whole, corrupted (truncated, bytes spliced in, braces or quotes stripped) or
 * random bytes, cited by a deck that cites every key. Fields carry HTML
 * (`<script>`, `onerror=`), TeX and every script; none of it may become markup.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/index.js'
import {bibliography, citationKey} from './arbitraries.js'
import {elements, eventHandlers, fuzzSettings, hasClass, isBibliographyCause, messagesOf, parseHtml, scriptCount, tempDir, textOf} from './helpers.js'

const STYLES = ['apa', 'mla', 'chicago-notes', 'chicago-author-date', 'harvard', 'ieee'] as const

/**
 * The keys `@key` names in a text, whole, by pandoc's rule: `@zq_zwg` shows
 * the key `zq_zwg`, not `zq_` (seed 322356774 took the prefix for the key).
 */
function keysIn(text: string): string[] {
  return [...text.matchAll(/@([\p{L}\p{N}_]+(?:[:.#$%&\-+?<>~/][\p{L}\p{N}_]+)*)/gu)].map((match) => match[1]!)
}

describe('fuzz: bibliographies', () => {
  const root = tempDir('citedeck-fuzz-bib-')
  let counter = 0
  // The deck's own scripts, counted once from a deck without citations.
  let scripts: number

  // A new bibliography builds a new citeproc engine (about 1 s for APA), so this property runs a third as often.
  const settings = fuzzSettings(3)
  it(`never throws; a cited key is rendered or reported; fields stay text (${settings.numRuns} cases, seed ${settings.seed})`, async () => {
    const plain = join(root, 'plain.md')
    writeFileSync(plain, '## Plain\n')
    scripts = scriptCount((await build(plain, {dryRun: true})).deck.html)

    const bibOrBytes = fc.oneof(
      {weight: 5, arbitrary: bibliography(fc.array(citationKey, {minLength: 1, maxLength: 8}))},
      {
        weight: 1,
        arbitrary: fc.tuple(fc.constantFrom('bib', 'json', 'yaml') as fc.Arbitrary<'bib' | 'json' | 'yaml'>, fc.uint8Array({maxLength: 200})).map(([format, bytes]) => ({
          format,
          keys: ['zqbytes'],
          text: Buffer.from(bytes).toString('latin1'),
          corrupted: true
        }))
      }
    )

    await fc.assert(
      fc.asyncProperty(bibOrBytes, fc.constantFrom(...STYLES), fc.constantFrom('footnotes', 'inline'), async (bib, csl, mode) => {
        const dir = join(root, `case-${++counter}`)
        mkdirSync(dir)
        writeFileSync(join(dir, `refs.${bib.format}`), bib.text)
        const cites = bib.keys.map((key, index) => (index % 2 ? `@${key} [p. ${index}]` : `[see @${key}, pp. ${index}-${index + 2}]`))
        const markdown = `---\nbibliography: refs.${bib.format}\ncsl: ${csl}\ncitations: ${mode}\nnocite: "@*"\n---\n\n## Claims\n\n${cites.map((cite) => `- A claim ${cite}.`).join('\n')}\n\n::: notes\nSaid aloud ${cites[0]}.\n:::\n\n## References\n\n::: {#refs}\n:::\n`
        writeFileSync(join(dir, 'deck.md'), markdown)
        const {file, deck} = await build(join(dir, 'deck.md'), {dryRun: true})
        const context = `\n--- refs.${bib.format} ---\n${bib.text}\n--- messages ---\n${messagesOf(file)}`

        const {tree} = parseHtml(deck.html)
        expect(eventHandlers(tree), context).toEqual([])
        expect(scriptCount(deck.html), `a <script> from a field${context}`).toBe(scripts)
        const unresolved = elements(tree, (node) => node.tagName === 'span' && hasClass(node, 'cd-unresolved')).map((node) => textOf(node))
        const reported = file.messages.filter((message) => message.ruleId === 'unknown-citation-key').map((message) => message.reason)
        for (const key of bib.keys) {
          const shown = unresolved.some((text) => keysIn(text).includes(key))
          const covered = reported.some((reason) => reason.includes(`'${key}'`)) || file.messages.some((message) => isBibliographyCause(message))
          if (shown) expect(covered, `'${key}' unresolved and not reported${context}`).toBe(true)
        }
        // A bibliography that does not parse is an error at its own line, never silence.
        if (unresolved.length > 0 && reported.length === 0 && !file.messages.some((message) => isBibliographyCause(message))) {
          throw new Error(`unresolved citations without a message${context}`)
        }
        for (const message of file.messages) expect(message.ruleId, context).toBeTruthy()
      }),
      {seed: settings.seed, numRuns: settings.numRuns, endOnFailure: true}
    )
  }, settings.timeout)
})
