/**
 * Finds the in-text citations of a paragraph in the essay's own style and
 * turns each into a pandoc citation: APA and Harvard (citations/author-date.ts),
 * MLA (citations/mla.ts), Chicago notes from Word footnotes (citations/notes.ts)
 * and numbered `[3]`. A bare `(p. 58)` or MLA `(38)` cites the source named
 * or cited last.
 */
import {escapeMarkdown} from './escape.js'
import {normalizeLocator} from './locator.js'
import {YEAR_ONLY, narrative, parenthetical} from './citations/author-date.js'
import {BARE_PAGE, mlaParenthetical, namedSource} from './citations/mla.js'
import {type NoteCitation, readNote} from './citations/notes.js'
import type {CiteContext, Found, FoundCitation, Problem} from './citations/resolve.js'

export {collectAliases} from './citations/resolve.js'
export type {CitationStyle, CiteContext, FoundCitation, Problem} from './citations/resolve.js'

// Parentheses with at most one level inside: `(Office for National Statistics (ONS), 2023)`.
const PARENS = /\((?!\()((?:[^()]|\([^()]*\)){1,300})\)/g
const NOTE_MARK = /\[\^(\d+)\]/g
const NUMBERED = /\[(\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)(?:,\s*([^\]]{1,30}))?\]/g

/** State that runs through an essay's paragraphs: the note before, for `Ibid.` */
export class CitationReader {
  private previousNote: NoteCitation | undefined
  constructor(readonly context: CiteContext) {}

  /**
   * The citations of a paragraph; `carried` is the last source of the paragraph
   * before, for a block quote ending in a bare `(p. 97)`.
   */
  find(text: string, carried?: string): Found {
    const citations: FoundCitation[] = []
    const problems: Problem[] = []
    let lastKey = carried
    let lastEnd = 0
    const add = (found: FoundCitation) => {
      citations.push(found)
      lastKey = found.keys[found.keys.length - 1] ?? lastKey
      lastEnd = found.end
    }
    if (this.context.footnotes) {
      for (const mark of text.matchAll(NOTE_MARK)) add(this.note(mark, problems))
    }
    if (this.context.style === 'numeric') {
      for (const match of text.matchAll(NUMBERED)) {
        const found = numbered(match, this.context)
        if (found) add(found)
      }
    }
    if (this.context.style === 'notes') return {citations, problems, ...(lastKey ? {lastKey} : {})}
    for (const match of text.matchAll(PARENS)) {
      const content = match[1]!.trim()
      const start = match.index
      const end = start + match[0].length
      const mla = this.context.style === 'mla'
      const locator = normalizeLocator(content) ?? (mla && BARE_PAGE.test(content) ? normalizeLocator(`p. ${content}`) : undefined)
      if (locator) {
        const key = mla ? namedSource(text.slice(0, start), this.context, lastKey, lastEnd) : lastKey
        if (key) add({start, end, pandoc: `[@${key}, ${locator}]`, raw: match[0], keys: [key], resolved: true, kind: 'locator'})
        else problems.push({offset: start, reason: `Page reference \`${match[0]}\` follows no named source`, rule: 'import-orphan-locator'})
        continue
      }
      const yearOnly = YEAR_ONLY.exec(content)
      const found = mla
        ? mlaParenthetical(match, content, this.context, problems) ?? (yearOnly ? undefined : parenthetical(match, content, this.context, problems))
        : yearOnly
          ? narrative(text, match, yearOnly, this.context, problems)
          : parenthetical(match, content, this.context, problems)
      if (found) add(found)
    }
    citations.sort((a, b) => a.start - b.start)
    return {citations, problems, ...(lastKey ? {lastKey} : {})}
  }

  /** A Word footnote mark `[^3]` becomes the note's citation, or goes when the note cites nothing. */
  private note(mark: RegExpMatchArray, problems: Problem[]): FoundCitation {
    const n = Number(mark[1])
    const text = this.context.footnotes?.get(n) ?? ''
    const read = readNote(text, this.context, this.previousNote)
    if (read.last) this.previousNote = read
    const start = mark.index!
    const end = start + mark[0].length
    if (!read.pandoc) {
      problems.push({offset: start, reason: `Footnote ${n} cites no entry of the bibliography and was left out: “${text.slice(0, 60)}${text.length > 60 ? '…' : ''}”`, rule: 'import-note-without-source', severity: 'info'})
      return {start, end, pandoc: '', raw: mark[0], keys: [], resolved: true, kind: 'note'}
    }
    return {start, end, pandoc: read.pandoc, raw: text, keys: read.keys, resolved: true, kind: 'note'}
  }
}

/** `[3]`, `[1, 4]`, `[2–5]`, `[3, p. 5]` in a numbered (IEEE) essay. */
function numbered(match: RegExpMatchArray, context: CiteContext): FoundCitation | undefined {
  const numbers: number[] = []
  for (const piece of match[1]!.split(/\s*,\s*/)) {
    const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(piece)
    if (range) for (let n = Number(range[1]); n <= Number(range[2]) && numbers.length < 50; n++) numbers.push(n)
    else numbers.push(Number(piece))
  }
  const keys = numbers.map((n) => context.references.find((reference, index) => (reference.number ?? String(index + 1)) === String(n))?.item.id)
  if (keys.some((key) => !key)) return undefined
  const locator = match[2] ? normalizeLocator(match[2]) ?? escapeMarkdown(match[2]) : undefined
  const items = (keys as string[]).map((key, i) => `@${key}${locator && i === keys.length - 1 ? `, ${locator}` : ''}`)
  return {start: match.index!, end: match.index! + match[0].length, pandoc: `[${items.join('; ')}]`, raw: match[0], keys: keys as string[], resolved: true, kind: 'numbered'}
}

/** The citations of one paragraph, for callers without state across paragraphs. */
export function findCitations(text: string, context: CiteContext, carried?: string): Found {
  return new CitationReader(context).find(text, carried)
}
