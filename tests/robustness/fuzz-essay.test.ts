/**
 * Property-based fuzzing of prose essays (`build essay.txt` and `import`):
 * random paragraphs with APA in-text citations, a reference list under one of
 * several headings (or none), CRLF, a BOM, and prose that looks like
 * Markdown or HTML. Prose is text: it never becomes markup.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {build, CitedeckError} from '../../src/index.js'
import {essay} from './arbitraries.js'
import {eventHandlers, fuzzSettings, messagesOf, parseHtml, runCli, scriptCount, tempDir} from './helpers.js'

describe('fuzz: prose essays', () => {
  const root = tempDir('citedeck-fuzz-essay-')
  let counter = 0

  const api = fuzzSettings()
  it(`build essay.txt never throws for text, and prose stays text (${api.numRuns} cases, seed ${api.seed})`, async () => {
    const plain = join(root, 'plain.md')
    writeFileSync(plain, '## Plain\n')
    const scripts = scriptCount((await build(plain, {dryRun: true})).deck.html)

    await fc.assert(
      fc.asyncProperty(essay, fc.constantFrom('txt', 'md'), async (text, extension) => {
        const path = join(root, `essay-${++counter}.${extension}`)
        writeFileSync(path, text)
        let result
        try {
          result = await build(path, {dryRun: true})
        } catch (error) {
          expect(error, text).toBeInstanceOf(CitedeckError)
          expect(text, String(error)).toContain('\0')
          return
        }
        const {file, deck} = result
        const context = `\n--- essay ---\n${text}\n--- messages ---\n${messagesOf(file)}`
        const {tree} = parseHtml(deck.html)
        // A `.md` essay may be taken for an outline, whose raw HTML is the author's to keep.
        if (extension === 'txt') {
          expect(eventHandlers(tree), context).toEqual([])
          expect(scriptCount(deck.html), `prose became a <script>${context}`).toBe(scripts)
        }
        for (const message of file.messages) {
          expect(message.ruleId, context).toBeTruthy()
          if (!message.file && message.line) expect(message.line, context).toBeLessThanOrEqual(text.split(/\r?\n/).length + 1)
        }
      }),
      {seed: api.seed, numRuns: api.numRuns, endOnFailure: true}
    )
  }, api.timeout)

  // Each case imports, builds the outline (a new citeproc engine) and imports again: an eighth as many.
  const cli = fuzzSettings(8)
  it(`import exits 0, 1 or 2, its outline builds, and a second import without --force changes nothing (${cli.numRuns} cases, seed ${cli.seed})`, async () => {
    await fc.assert(
      fc.asyncProperty(essay, async (text) => {
        const path = join(root, `import-${++counter}.txt`)
        writeFileSync(path, text)
        const out = join(root, `outline-${counter}`)
        const first = await runCli('import', path, '-o', out, '--quiet')
        const context = `\n--- essay ---\n${text}\n--- stderr ---\n${first.stderr}`
        expect([0, 1, 2], context).toContain(first.code)
        expect(first.stderr, context).not.toMatch(/\n\s+at .+:\d+:\d+|internal error/)
        expect(readFileSync(path, 'utf8'), 'the essay was changed').toBe(text)
        if (first.code !== 0) return
        const deck = join(out, 'deck.md')
        expect(existsSync(deck) && existsSync(join(out, 'references.json')), context).toBe(true)

        const built = await runCli('build', deck, '-o', join(out, 'dist'), '--quiet', '--no-fit')
        expect([0, 1], `${context}\n--- build ---\n${built.stderr}\n--- deck.md ---\n${readFileSync(deck, 'utf8')}`).toContain(built.code)

        const before = readFileSync(deck)
        const again = await runCli('import', path, '-o', out)
        expect(again.code, context).toBe(2)
        expect(again.stderr).toContain('already exists')
        expect(readFileSync(deck).equals(before), 'import overwrote deck.md without --force').toBe(true)
      }),
      {seed: cli.seed, numRuns: cli.numRuns, endOnFailure: true}
    )
  }, cli.timeout)
})
