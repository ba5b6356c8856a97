/**
 * Finds APA in-text citations in a paragraph and turns each into a pandoc
 * citation: `(Roskin & Berry, 2010, p.154-155)` → `[@roskin2010, pp. 154–155]`,
 * `Roskin (2010)` → `@roskin2010`, a bare `(p. 58)` → the last source named.
 */
import {fold} from './csl.js'
import {escapeMarkdown} from './escape.js'
import {normalizeLocator} from './locator.js'
import {type Reference, matchReference} from './references.js'

export interface FoundCitation {
  /** Offsets in the paragraph text of the source span that the citation replaces. */
  start: number
  end: number
  /** The pandoc citation, or the source text (escaped like all prose) when nothing could be resolved. */
  pandoc: string
  raw: string
  keys: string[]
  resolved: boolean
}

export interface Problem {
  /** Offset in the paragraph text. */
  offset: number
  reason: string
  rule: string
}

export interface CiteContext {
  references: Reference[]
  /** Folded abbreviation → folded group name, from `World Health Organization [WHO]` anywhere in the essay. */
  aliases: Map<string, string>
}

const PARENS = /\(([^()]{1,300})\)/g
const YEAR = String.raw`(?:\d{4}[a-z]?|n\.\s?d\.(?:-[a-z])?|in press)`
const PART = new RegExp(
  String.raw`^(?:((?:see also|see|e\.g\.,?|cf\.|i\.e\.,?|also|as cited in)\s+))?(.+?),?\s+(${YEAR}(?:,\s*${YEAR})*)(?:,\s*(.+))?$`,
  'iu'
)
const YEAR_ONLY = new RegExp(String.raw`^(${YEAR})(?:,\s*(.+))?$`, 'iu')
const NAMES_BEFORE = /((?:[\p{Lu}][\p{L}’'\-]+(?:,\s(?:and\s|&\s)?|\s(?:and|&)\s))*[\p{Lu}][\p{L}’'\-]+)(\set\sal\.?)?([’']s)?\s*$/u
const ABBREVIATION = /([\p{Lu}][\p{L}.’'\- ]+?)\s\[(\p{Lu}[\p{Lu}\d&.]+)\]/gu
const MONTHS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|In|The|From|Since|Until|During)$/

/** Every `Name [ABBR]` of the text, so `(WHO, 1980)` resolves wherever it stands. */
export function collectAliases(text: string): Map<string, string> {
  const aliases = new Map<string, string>()
  for (const match of text.matchAll(ABBREVIATION)) aliases.set(fold(match[2]!), fold(match[1]!.replace(/^the\s/i, '')))
  return aliases
}

/**
 * The citations of a paragraph; `carried` is the last source of the paragraph
 * before, for a block quote ending in a bare `(p. 97)`.
 */
export function findCitations(text: string, context: CiteContext, carried?: string): {citations: FoundCitation[]; problems: Problem[]; lastKey?: string} {
  const citations: FoundCitation[] = []
  const problems: Problem[] = []
  let lastKey = carried
  for (const match of text.matchAll(PARENS)) {
    const content = match[1]!.trim()
    const start = match.index
    const end = start + match[0].length
    const locator = normalizeLocator(content)
    if (locator) {
      if (lastKey) citations.push({start, end, pandoc: `[@${lastKey}, ${locator}]`, raw: match[0], keys: [lastKey], resolved: true})
      else problems.push({offset: start, reason: `Page reference \`${match[0]}\` follows no named source`, rule: 'import-orphan-locator'})
      continue
    }
    const yearOnly = YEAR_ONLY.exec(content)
    const found = yearOnly ? narrative(text, match, yearOnly, context, problems) : parenthetical(match, content, context, problems)
    if (!found) continue
    citations.push(found)
    lastKey = found.keys[found.keys.length - 1] ?? lastKey
  }
  return {citations, problems, lastKey}
}

/** `(A, 2001, p. 3; see B & C, 1999)`; undefined when the parentheses hold no citation. */
function parenthetical(match: RegExpMatchArray, content: string, context: CiteContext, problems: Problem[]): FoundCitation | undefined {
  const parts = content.split(/\s*;\s*/).map((part) => PART.exec(part))
  if (parts.some((part) => !part)) return undefined
  const items: string[] = []
  const keys: string[] = []
  // Sources the reference list lacks stay as written after the others, so no source is lost from the text.
  const unknown: string[] = []
  for (const part of parts as RegExpExecArray[]) {
    const [written, prefix = '', author = '', years = '', rest] = part
    const locator = rest ? normalizeLocator(rest) ?? rest : undefined
    const yearList = years.split(/,\s*/)
    yearList.forEach((year, index) => {
      const key = resolve(author, year, context, problems, match.index!)
      if (!key) {
        if (!unknown.includes(written)) unknown.push(written)
        return
      }
      keys.push(key)
      const suffix = locator && index === yearList.length - 1 ? `, ${locator}` : ''
      items.push(`${index === 0 ? prefix : ''}@${key}${suffix}`)
    })
  }
  const raw = match[0]
  const asWritten = unknown.length > 0 ? escapeMarkdown(items.length > 0 ? `(${unknown.join('; ')})` : raw) : ''
  const pandoc = [items.length > 0 ? `[${items.join('; ')}]` : '', asWritten].filter(Boolean).join(' ')
  return {start: match.index!, end: match.index! + raw.length, pandoc, raw, keys, resolved: unknown.length === 0}
}

/** `Roskin and Berry (2010)`, `WHO (1980, p. 4)`: the names stand before the parentheses. */
function narrative(text: string, match: RegExpMatchArray, year: RegExpExecArray, context: CiteContext, problems: Problem[]): FoundCitation | undefined {
  const before = text.slice(0, match.index)
  const named = groupBefore(before, context) ?? NAMES_BEFORE.exec(before)?.[0]
  if (!named || MONTHS.test(named.trim())) return undefined
  const start = before.length - named.length
  const author = named.replace(/[’']s\s*$/, '').trim()
  // `the Treaty of Versailles (1919)` dates an event; only a name after other words may be an unknown source.
  const event = /\b(?:the|of|a|an|in|on|at|from|during|since)\s$/i.test(before.slice(0, start))
  const key = resolve(author, year[1]!, context, event ? undefined : problems, start)
  const end = match.index! + match[0].length
  const raw = text.slice(start, end)
  if (!key) return event ? undefined : {start, end, pandoc: escapeMarkdown(raw), raw, keys: [], resolved: false}
  const locator = year[2] ? normalizeLocator(year[2]) ?? year[2] : undefined
  const possessive = /[’']s\s*$/.test(named) ? '’s' : ''
  return {start, end, pandoc: `@${key}${possessive}${locator ? ` [${locator}]` : ''}`, raw, keys: [key], resolved: true}
}

/** A group author or title-first entry named right before `(year)`, with its trailing space. */
function groupBefore(before: string, context: CiteContext): string | undefined {
  const names = new Set<string>()
  for (const reference of context.references) {
    const name = reference.item.author?.[0]?.literal ?? (reference.item.author ? undefined : reference.item.title)
    if (name) names.add(name).add(name.split(',')[0]!)
  }
  for (const [abbreviation] of context.aliases) names.add(abbreviation)
  const lower = before.toLowerCase()
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const written = new RegExp(String.raw`(?:^|\s)(${escapeRegExp(name)}(?:[’']s)?\s*)$`, 'i').exec(lower)
    if (written && name.length > 1) return before.slice(before.length - written[1]!.length)
  }
  return undefined
}

/** The key of the entry `author` + `year` names; reports misspelt and unknown sources. */
function resolve(author: string, year: string, context: CiteContext, problems: Problem[] | undefined, offset: number): string | undefined {
  const cleaned = author
    .replace(/[“”"*_]/g, '')
    .replace(/\s\[[^\]]+\]/, '')
    .replace(/,\s*$/, '')
    .trim()
  const normalYear = year.replace(/\s/g, '').toLowerCase()
  const whole = fold(cleaned)
  const attempts = [[context.aliases.get(whole) ?? whole]]
  const split = cleaned
    .replace(/\set\sal\.?/, '')
    .split(/\s*(?:,\s*(?:&|and)?|&|\band\b)\s*/)
    .map(fold)
    .filter(Boolean)
  attempts.push(split.map((name) => context.aliases.get(name) ?? name))
  for (const names of attempts) {
    const match = matchReference(context.references, names, normalYear)
    if (!match) continue
    if (match.fuzzy) problems?.push({offset, reason: `Citation \`${cleaned}, ${year}\` matched \`${match.fuzzy}\` only approximately`, rule: 'import-fuzzy-citation'})
    if (match.ambiguous) problems?.push({offset, reason: `Citation \`${cleaned}, ${year}\` fits several entries; add a letter to the year (\`${year}a\`)`, rule: 'import-ambiguous-citation'})
    return match.reference.item.id
  }
  problems?.push({offset, reason: `Citation \`${cleaned}, ${year}\` matches no entry of the reference list`, rule: 'import-unresolved-citation'})
  return undefined
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
