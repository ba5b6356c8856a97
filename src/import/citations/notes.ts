/**
 * Chicago notes: the sources a footnote cites. A full note (`Stephen
 * Halliday, The Great Stink of London (Stroud: Sutton, 1999), 42.`), a
 * short note (`Halliday, Great Stink, 28–30.`), `Ibid.` and `Ibid., 74.`,
 * two sources (`…; see also …`), a `quoted in` note (the source read is the
 * one after it) and a note with no source at all. A source is the entry
 * whose first author's family name and title words the note holds.
 */
import {fold} from '../csl.js'
import {escapeMarkdown} from '../escape.js'
import {normalizeLocator} from '../locator.js'
import type {Reference} from '../references.js'
import type {CiteContext} from './resolve.js'

export interface NoteCitation {
  /** The pandoc citation, or undefined for a note that cites nothing. */
  pandoc?: string
  keys: string[]
  /** The last source of the note, for an `Ibid.` in the next one. */
  last?: {key: string}
}

const IBID = /^\s*(?:Ibid|Ibídem|Ibidem|Ebd)\.?(?:,\s*(.+?))?\.?\s*$/iu
const QUOTED_IN = /\b(?:quoted in|cited in|qtd\. in|citado en)\s+/iu
// The page at a note's end: `…, 42.`, `…): 1469.`, `…, 28–30.`
const TRAILING_PAGE = /(?:,|\):?)\s*((?:pp?\.\s*)?\d+(?:\s*[-–]\s*\d+)?(?:,\s*\d+(?:\s*[-–]\s*\d+)?)*)\.?\s*$/u

/** The sources of footnote `text`; `previous` is the note before it (for Ibid.). */
export function readNote(text: string, context: CiteContext, previous?: NoteCitation): NoteCitation {
  const ibid = IBID.exec(text)
  if (ibid) {
    if (!previous?.last) return {keys: []}
    const page = ibid[1] ? pageOf(ibid[1]) : undefined
    return citation([{key: previous.last.key, locator: page}])
  }
  const sources: Array<{key: string; locator?: string; prefix?: string}> = []
  for (const segment of splitSources(text)) {
    const quoted = QUOTED_IN.exec(segment.text)
    const cited = quoted ? segment.text.slice(quoted.index + quoted[0].length) : segment.text
    const reference = bestMatch(cited, context.references)
    if (!reference) continue
    const page = TRAILING_PAGE.exec(cited.replace(/,?\s*(?:https?:\/\/|www\.|doi:)\S+\s*$/u, '.'))
    const locator = page && !isYear(page[1]!, reference) ? pageOf(page[1]!) : undefined
    sources.push({key: reference.item.id, ...(locator ? {locator} : {}), ...(segment.prefix ? {prefix: segment.prefix} : {})})
  }
  return citation(sources)
}

function citation(sources: Array<{key: string; locator?: string; prefix?: string}>): NoteCitation {
  if (sources.length === 0) return {keys: []}
  const items = sources.map((source) => `${source.prefix ? `${escapeMarkdown(source.prefix)} ` : ''}@${source.key}${source.locator ? `, ${source.locator}` : ''}`)
  return {pandoc: `[${items.join('; ')}]`, keys: sources.map((source) => source.key), last: {key: sources[sources.length - 1]!.key}}
}

/** A note's sources, cut at semicolons outside brackets; `see also` stays as the prefix. */
function splitSources(text: string): Array<{text: string; prefix?: string}> {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (char === '(' || char === '[') depth++
    else if (char === ')' || char === ']') depth = Math.max(0, depth - 1)
    else if (char === ';' && depth === 0) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  return parts.map((part) => {
    const prefix = /^\s*((?:see also|see|cf\.|compare|also)\b)\s*/iu.exec(part)
    return prefix ? {text: part.slice(prefix[0].length), prefix: prefix[1]!} : {text: part.trim()}
  })
}

/** The entry whose family name and title words the note text holds best; none below half the title. */
function bestMatch(text: string, references: Reference[]): Reference | undefined {
  const words = new Set(tokens(text))
  let best: {reference: Reference; score: number} | undefined
  for (const reference of references) {
    const family = reference.item.author?.[0]?.family ?? reference.item.editor?.[0]?.family
    const hasName = family ? tokens(family).every((token) => words.has(token)) : false
    const title = tokens(reference.item.title ?? '').filter((token) => token.length > 3 || /^\d/.test(token))
    const inTitle = title.filter((token) => words.has(token)).length
    // A short note names the author and the title's first words; an authorless work is named by its title.
    const share = title.length === 0 ? 0 : inTitle / Math.min(title.length, 3)
    const score = (hasName ? 1 : 0) + Math.min(1, share)
    const enough = hasName ? share >= 0.3 || title.length === 0 : share >= 1 && inTitle >= 2
    if (enough && (!best || score > best.score)) best = {reference, score}
  }
  return best?.reference
}

function tokens(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .map(fold)
    .filter(Boolean)
}

/** `Punch, July 3, 1858.` ends with the work's year, not a page. */
function isYear(page: string, reference: Reference): boolean {
  return /^\d{4}$/.test(page) && reference.year.startsWith(page)
}

function pageOf(text: string): string | undefined {
  const value = text.trim().replace(/\.$/, '')
  return normalizeLocator(/^\d/.test(value) ? `p. ${value}` : value) ?? undefined
}
