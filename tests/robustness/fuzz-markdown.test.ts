/**
 * Property-based fuzzing of Markdown outlines through `Project.build()` (what `build()` runs) and the CLI:
 * random front matter (some of it broken YAML), headings, citations with
 * random keys and locators, `[^x]` footnotes, fences, fenced divs, HTML and
 * tables, with a bibliography in BibTeX, CSL-JSON or CSL-YAML that may be
 * corrupted. FUZZ_SEED and FUZZ_RUNS set the seed and the number of cases.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import type {Element, Nodes, Root} from 'hast'
import {afterAll, describe, expect, it} from 'vitest'
import {CitedeckError, Project} from '../../src/index.js'
import {type BibChoice, bibliography, citationKey, type FrontMatterChoice, frontMatter, markdownBody} from './arbitraries.js'
import {elements, fuzzSettings, hasClass, messagesOf, parseHtml, runCli, tempDir, textOf} from './helpers.js'

// A 1×1 PNG, for `![local](pic.png)`.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

interface DeckCase {
  matter: FrontMatterChoice | undefined
  body: {text: string; keys: string[]}
  bib: BibChoice | undefined
  /** Name a bibliography that is not there. */
  missingBib: boolean
}

const deckCase: fc.Arbitrary<DeckCase> = fc.record({
  matter: frontMatter,
  body: markdownBody,
  bib: fc.option(bibliography(fc.array(citationKey, {minLength: 1, maxLength: 6})), {freq: 4}),
  missingBib: fc.boolean()
})

let counter = 0

/** Writes the case into a fresh folder: deck.md, its bibliography, an image. */
function writeCase(root: string, deck: DeckCase): {dir: string; path: string; markdown: string} {
  const dir = join(root, `case-${++counter}`)
  mkdirSync(dir, {recursive: true})
  writeFileSync(join(dir, 'pic.png'), PNG)
  const bibLines: string[] = []
  if (deck.bib) {
    const name = `refs.${deck.bib.format}`
    writeFileSync(join(dir, name), deck.bib.text)
    bibLines.push(`bibliography: ${name}`)
  }
  if (deck.missingBib) bibLines.push(deck.bib ? '' : 'bibliography: gone.bib')
  let markdown = deck.body.text
  if (deck.matter) {
    const lines = deck.matter.broken ? [deck.matter.body] : [...bibLines.filter(Boolean), deck.matter.body]
    markdown = `---\n${lines.join('\n')}\n---\n\n${markdown}`
  } else if (bibLines.some(Boolean)) {
    markdown = `---\n${bibLines.filter(Boolean).join('\n')}\n---\n\n${markdown}`
  }
  const path = join(dir, 'deck.md')
  writeFileSync(path, markdown)
  return {dir, path, markdown}
}

/** Keys reported as unknown (`unknown citation key 'k'`, with or without a suggestion). */
function reportedUnknown(messages: {reason: string; ruleId?: string}[]): Set<string> {
  const keys = new Set<string>()
  for (const message of messages) {
    if (message.ruleId !== 'unknown-citation-key') continue
    const match = /^unknown citation key '(.*?)'(?: in nocite)?(?: \(did you mean '.*'\?\))?(?:, cited [\d,]+ times)?$/s.exec(message.reason)
    if (match) keys.add(match[1]!)
  }
  return keys
}

// Places where `@key` is literal by design: code, links, raw-text elements, math's TeX source (`$x] [@a$` is math, as in pandoc).
const LITERAL = new Set(['pre', 'code', 'a', 'script', 'style', 'textarea', 'title', 'annotation'])

/** Text outside citations and literal elements: a citation found there was dropped silently. */
function leakedText(node: Nodes, out: string[] = []): string[] {
  if (node.type === 'text') out.push(node.value)
  if (node.type === 'element' && (LITERAL.has(node.tagName) || hasClass(node, 'cd-citation'))) return out
  if ('children' in node) for (const child of node.children) leakedText(child as Nodes, out)
  return out
}

/**
 * Every citation is rendered (`span.cd-citation`) or reported: an unresolved
 * one shows a key that has an `unknown-citation-key` message, and no `@zq…`
 * survives as plain text outside a citation.
 */
function checkCitations(tree: Root, messages: {reason: string; ruleId?: string}[]): string[] {
  const problems: string[] = []
  const unknown = reportedUnknown(messages)
  // With no entries at all, one message stands for every citation (one root cause, one message).
  const allReported = messages.some(
    (message) =>
      (message.ruleId === 'unknown-citation-key' && / to resolve the (?:\d+ )?citations?;/.test(message.reason)) ||
      ((message as {fatal?: boolean}).fatal === true && ['missing-bibliography', 'bibliography'].includes(message.ruleId ?? ''))
  )
  for (const span of elements(tree, (node: Element) => node.tagName === 'span' && hasClass(node, 'cd-unresolved'))) {
    const text = textOf(span)
    if (!allReported && ![...unknown].some((key) => text.includes(`@${key}`))) problems.push(`unresolved citation not reported: ${text}`)
  }
  const body = elements(tree, (node) => node.tagName === 'body')[0]
  for (const text of body ? leakedText(body) : []) {
    const at = text.indexOf('@zq')
    if (at !== -1) problems.push(`citation neither rendered nor reported: …${text.slice(Math.max(0, at - 20), at + 30)}…`)
  }
  return problems
}

/** Problems with the slide structure: reveal.js takes every child of `.slides` for a slide. */
function checkSlides(tree: Root, slideCount: number): string[] {
  const problems: string[] = []
  const [slides] = elements(tree, (node) => node.tagName === 'div' && hasClass(node, 'slides'))
  for (const child of slides?.children ?? []) {
    if (child.type !== 'element') continue
    if (child.tagName !== 'section' || !(hasClass(child, 'cd-slide') || hasClass(child, 'cd-stack'))) {
      problems.push(`not a citedeck slide in .slides: <${child.tagName} class="${String(child.properties.className)}">`)
    }
  }
  const count = elements(tree, (node) => node.tagName === 'section' && hasClass(node, 'cd-slide')).length
  if (count !== slideCount) problems.push(`${count} slides in the HTML, slideCount says ${slideCount}`)
  return problems
}

describe('fuzz: Markdown outlines and bibliographies', () => {
  const root = tempDir('citedeck-fuzz-md-')

  // One project for every case, as `serve` and batch exports share one: its
  // caches hold each case's bibliography and styles by path, and no case fits
  // (a dry run measures nothing), so no browser starts and a case costs ~0.1 s.
  const project = new Project({fit: false})
  afterAll(() => project.close())

  const api = fuzzSettings()
  it(`project.build() never throws, its HTML parses, every citation is rendered or reported (${api.numRuns} cases, seed ${api.seed})`, async () => {
    await fc.assert(
      // One case in four embedded: inlining is one step, and its page costs a second to parse.
      fc.asyncProperty(deckCase, fc.nat(3).map((n) => n === 0), async (deck, embed) => {
        const {path, markdown} = writeCase(root, deck)
        let result
        try {
          result = await project.build(path, {dryRun: true, embed})
          if (result.error !== undefined) throw result.error
        } catch (error) {
          // The one expected throw: a file that is not text (NUL bytes) is refused before parsing.
          expect(error, markdown).toBeInstanceOf(CitedeckError)
          expect(markdown, String(error)).toContain('\0')
          return
        }
        const {file, deck: compiled} = result
        const context = `\n--- deck.md ---\n${markdown}\n--- messages ---\n${messagesOf(file)}`

        // Parsed once for every check: an embedded page is ~900 KB of inlined assets.
        const {tree, errors: parseErrors} = parseHtml(compiled.html)
        // Noncharacters in the user's text pass through as written (browsers show nothing for them); control characters are dropped on reading.
        const errors = parseErrors.filter((error) => !/^noncharacter-in-input-stream/.test(error))
        // Author-written HTML is kept as written, so only a deck without any may be held to clean HTML.
        if (!/<[a-z!/?]/i.test(markdown)) expect(errors, `HTML parse errors${context}`).toEqual([])
        expect(compiled.html.startsWith('<!doctype html>'), context).toBe(true)
        expect(checkSlides(tree, compiled.slideCount), context).toEqual([])

        expect(checkCitations(tree, file.messages), context).toEqual([])
        for (const message of file.messages) {
          expect(message.ruleId, `message without a rule: ${message.reason}${context}`).toBeTruthy()
          expect(message.reason, context).not.toMatch(/\n\s+at .+:\d+:\d+/)
          if (!message.file && message.line) expect(message.line, context).toBeLessThanOrEqual(markdown.split('\n').length + 1)
        }
      }),
      {seed: api.seed, numRuns: api.numRuns, endOnFailure: true}
    )
  }, api.timeout)

  const cli = fuzzSettings(4)
  it(`the CLI exits 0, 1 or 2, never with a stack, and a failed build keeps the last output (${cli.numRuns} cases, seed ${cli.seed})`, async () => {
    const good = join(root, 'good.md')
    writeFileSync(good, '---\ntitle: Good\n---\n\n## The last good deck\n')
    const out = join(root, 'out')
    expect((await runCli('build', good, '-o', out, '--no-fit')).code).toBe(0)

    await fc.assert(
      fc.asyncProperty(deckCase, fc.constantFrom([], ['--strict'], ['--embed']), async (deck, flags) => {
        const {path, markdown} = writeCase(root, deck)
        const embedded = flags.includes('--embed')
        const target = embedded ? join(root, 'out.html') : out
        const before = embedded ? undefined : readFileSync(join(out, 'index.html'))
        // --no-fit: measuring slides in Chromium is the check suites' subject, and costs seconds a case.
        const result = await runCli('build', path, '-o', target, '--no-fit', ...flags)
        const context = `\n--- deck.md ---\n${markdown}\n--- stderr ---\n${result.stderr}`
        expect([0, 1, 2], context).toContain(result.code)
        expect(result.stderr, context).not.toMatch(/\n\s+at .+:\d+:\d+|internal error/)
        if (result.code === 0) {
          const html = readFileSync(embedded ? target : join(out, 'index.html'), 'utf8')
          expect(html, context).toContain('name="generator" content="citedeck"')
        } else if (before) {
          expect(readFileSync(join(out, 'index.html')).equals(before), `a failed build changed the output${context}`).toBe(true)
        }
      }),
      {seed: cli.seed, numRuns: cli.numRuns, endOnFailure: true}
    )
  }, cli.timeout)
})
