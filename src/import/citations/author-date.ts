/**
 * APA and Harvard in-text citations: parenthetical `(Roskin & Berry, 2010,
 * p.154-155)`, `(Lee, 2020a, 2020b)`, `(Keynes, 1931: 369)`, `(Glass & Kang,
 * 2019, as cited in Lee, 2020a)`, and narrative `Roskin and Berry (2010)`,
 * `Ní Bhriain (2021)`, `The NASS (2021)`, `Pencavel’s (2015)`. A narrative
 * citation keeps the student's words: only the parentheses are replaced.
 */
import {fold} from '../csl.js'
import {escapeMarkdown} from '../escape.js'
import {normalizeLocator} from '../locator.js'
import {type CiteContext, type FoundCitation, type Problem, cleanAuthor, resolve, resolveExact} from './resolve.js'

const YEAR = String.raw`(?:\d{4}[a-z]?(?:\/\d{4}[a-z]?)?|n\.\s?d\.(?:-[a-z])?|s\.\s?f\.|o\.\s?J\.|in press|en prensa)`
const PREFIX = String.raw`(?:see also|see|e\.g\.,?|cf\.|i\.e\.,?|also|véase|vgl\.)`
const PART = new RegExp(String.raw`^(?:(${PREFIX}\s+))?(.+?),?\s+(${YEAR}(?:,\s*${YEAR})*)(?:\s*:\s*([\divxlc]+(?:\s*[-–]\s*[\divxlc]+)?))?(?:,\s*(.+))?$`, 'iu')
const YEAR_ONLY = new RegExp(String.raw`^(${YEAR})(?:\s*:\s*([\divxlc]+(?:\s*[-–]\s*[\divxlc]+)?))?(?:,\s*(.+))?$`, 'iu')
const SECONDARY = /^(?:as cited in|cited in|citado en|zitiert nach|cité dans|quoted in)\s+/iu
// Words of a name run before `(year)`: capitalised words, particles, `St.`, joined by `and`, `&`, `y`, `und`, commas.
const NAME_WORD = String.raw`(?:[\p{Lu}][\p{L}’'\-]+|St\.|(?:van|von|de|der|den|la|le|da|di|du|del|della|dos|ten|ter)(?=\s))`
const NAME_RUN = new RegExp(
  String.raw`((?:${NAME_WORD}\s+)*${NAME_WORD}(?:(?:,\s*(?:(?:and|&|y|und|e)\s+)?|\s+(?:and|&|y|und|e)\s+)(?:${NAME_WORD}\s+)*${NAME_WORD})*)(\s+et\.?\s*al\.?)?([’']s)?\s*$`,
  'u'
)
const NOT_NAMES = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|In|The|From|Since|Until|During|By|After|Before|Between|Around|Spring|Summer|Autumn|Fall|Winter)$/

export {YEAR_ONLY}

/** `(A, 2001, p. 3; see B & C, 1999)`; undefined when the parentheses hold no citation. */
export function parenthetical(match: RegExpMatchArray, content: string, context: CiteContext, problems: Problem[]): FoundCitation | undefined {
  const parts = content.split(/\s*;\s*/).map((part) => readPart(part))
  if (parts.some((part) => !part)) return undefined
  const items: string[] = []
  const keys: string[] = []
  // Sources the reference list lacks stay as written after the others, so no source is lost from the text.
  const unknown: string[] = []
  for (const part of parts as Part[]) {
    part.years.forEach((year, index) => {
      const key = resolve(part.author, year, context, problems, match.index!)
      if (!key) {
        if (!unknown.includes(part.written)) unknown.push(part.written)
        return
      }
      keys.push(key)
      const suffix = part.locator && index === part.years.length - 1 ? `, ${part.locator}` : ''
      items.push(`${index === 0 ? part.prefix : ''}@${key}${suffix}`)
    })
  }
  const raw = match[0]
  const asWritten = unknown.length > 0 ? escapeMarkdown(items.length > 0 ? `(${unknown.join('; ')})` : raw) : ''
  const pandoc = [items.length > 0 ? `[${items.join('; ')}]` : '', asWritten].filter(Boolean).join(' ')
  return {start: match.index!, end: match.index! + raw.length, pandoc, raw, keys, resolved: unknown.length === 0, kind: 'parenthetical'}
}

interface Part {
  written: string
  prefix: string
  author: string
  years: string[]
  locator?: string
}

/** One source of a parenthetical citation; `as cited in` cites the secondary source, the primary in the prefix. */
function readPart(written: string): Part | undefined {
  const part = PART.exec(written)
  if (!part) return undefined
  const [, prefix = '', author = '', years = '', page, rest] = part
  if (rest && SECONDARY.test(rest)) {
    const secondary = readPart(rest.replace(SECONDARY, ''))
    if (!secondary) return undefined
    const primary = written.slice(0, written.length - rest.length) + rest.slice(0, SECONDARY.exec(rest)![0].length)
    return {...secondary, written, prefix: `${escapeMarkdown(primary.trim())} `}
  }
  const locator = page ? normalizeLocator(`p. ${page}`) : rest ? normalizeLocator(rest) ?? escapeMarkdown(rest) : undefined
  return {written, prefix, author, years: years.split(/,\s*/), ...(locator ? {locator} : {})}
}

/** `Roskin and Berry (2010)`, `WHO (1980, p. 4)`, `Schor (1991: 29)`: the names stand before the parentheses. */
export function narrative(text: string, match: RegExpMatchArray, year: RegExpExecArray, context: CiteContext, problems: Problem[]): FoundCitation | undefined {
  const before = text.slice(0, match.index)
  const candidates = nameCandidates(before, context)
  if (candidates.length === 0) return undefined
  const end = match.index! + match[0].length
  const locator = year[2] ? normalizeLocator(`p. ${year[2]}`) : year[3] ? normalizeLocator(year[3]) ?? escapeMarkdown(year[3]) : undefined
  // The longest run of names that resolves exactly; else the shortest, with its message.
  for (const candidate of candidates) {
    const key = resolveExact(candidate.author, year[1]!, context)
    if (!key || !exactName(candidate.author, key, context)) continue
    return narrativeCitation(text, candidate, match.index!, end, key, locator)
  }
  const last = candidates[candidates.length - 1]!
  const start = before.length - last.written.length
  // `the Treaty of Versailles (1919)` dates an event; only a name after other words may be an unknown source.
  const event = /\b(?:the|of|a|an|in|on|at|from|during|since|by)\s$/i.test(before.slice(0, start)) || NOT_NAMES.test(last.author)
  const key = resolve(last.author, year[1]!, context, event ? undefined : problems, start)
  if (!key) return event ? undefined : {start, end, pandoc: escapeMarkdown(text.slice(start, end)), raw: text.slice(start, end), keys: [], resolved: false, kind: 'narrative'}
  return narrativeCitation(text, last, match.index!, end, key, locator)
}

interface Candidate {
  /** The names as written, with the space before the parenthesis. */
  written: string
  author: string
}

/** Runs of names ending right before the parenthesis, longest first (`Roman Jakobson`, then `Jakobson`). */
function nameCandidates(before: string, context: CiteContext): Candidate[] {
  const group = groupBefore(before, context)
  const candidates: Candidate[] = group ? [{written: group, author: group.replace(/[’']s\s*$/, '').trim()}] : []
  const run = NAME_RUN.exec(before)
  if (!run) return candidates
  const words = run[1]!.split(/(?<=\s)(?=\S)/u)
  let offset = run.index
  for (const [i, word] of words.entries()) {
    const written = before.slice(offset)
    offset += word.length
    if (i > 0 && /^(?:and|&|y|und|e)\s/u.test(written)) continue
    candidates.push({written, author: written.replace(/[’']s\s*$/, '').replace(/^[,\s]+|[,\s]+$/g, '')})
  }
  return candidates.filter((candidate) => !NOT_NAMES.test(candidate.author))
}

/** The names resolved without an edit: `Roman Jakobson` must not win over `Jakobson` by a near miss. */
function exactName(author: string, key: string, context: CiteContext): boolean {
  const reference = context.references.find((entry) => entry.item.id === key)
  const first = fold(cleanAuthor(author).split(/\s*(?:,|&|\band\b|\by\b|\bund\b|\bet\b)\s*/u)[0] ?? '')
  return Boolean(reference && (reference.names.includes(context.aliases.get(first) ?? first) || (reference.names[0] ?? '').startsWith(first)))
}

function narrativeCitation(text: string, candidate: Candidate, parenthesis: number, end: number, key: string, locator: string | undefined): FoundCitation {
  const start = parenthesis - candidate.written.length
  // The student's words stay as written; only the parenthesis becomes a citation (year only, with its footnote).
  const pandoc = `${escapeMarkdown(candidate.written.trimEnd())} [-@${key}${locator ? `, ${locator}` : ''}]`
  return {start, end, pandoc, raw: text.slice(start, end), keys: [key], resolved: true, kind: 'narrative'}
}

/** A group author or title-first entry named right before `(year)`, with its trailing space. */
function groupBefore(before: string, context: CiteContext): string | undefined {
  const names = new Set<string>()
  for (const reference of context.references) {
    const name = reference.item.author?.[0]?.literal ?? (reference.item.author ? undefined : reference.item.title)
    if (name) names.add(name).add(name.split(',')[0]!)
  }
  for (const [abbreviation] of context.aliases) names.add(abbreviation)
  // The name, its possessive and the space before the parenthesis, after a word boundary.
  const tail = /(?:[’']s)?\s*$/u.exec(before)!
  const lower = before.slice(0, tail.index).toLowerCase()
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const own = name.toLowerCase()
    if (name.length > 1 && lower.endsWith(own) && /^$|\s$/u.test(lower.slice(0, lower.length - own.length).slice(-1))) return before.slice(tail.index - own.length)
  }
  return undefined
}
