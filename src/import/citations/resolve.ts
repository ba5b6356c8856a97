/**
 * What every in-text citation reader shares: the found citation, the
 * problems it reports, the essay's context (its references, the
 * abbreviations it defines, its style) and resolving names (with a year, a
 * title or neither) to an entry's key, with one message for a misspelt name,
 * a year that differs from the only entry by that name (linked to it), or a
 * source the list lacks.
 */
import {fold} from '../csl.js'
import {type Reference, editDistance, matchReference} from '../references.js'

export type CitationStyle = 'author-date' | 'mla' | 'notes' | 'numeric'

export interface FoundCitation {
  /** Offsets in the paragraph text of the source span that the citation replaces. */
  start: number
  end: number
  /** The pandoc citation, or the source text (escaped like all prose) when nothing could be resolved. */
  pandoc: string
  raw: string
  keys: string[]
  resolved: boolean
  kind: 'parenthetical' | 'narrative' | 'locator' | 'note' | 'numbered'
}

export interface Problem {
  /** Offset in the paragraph text. */
  offset: number
  reason: string
  rule: string
  /** `info` for what is worth knowing but needs no fix. */
  severity?: 'info'
}

export interface CiteContext {
  references: Reference[]
  /** Folded abbreviation → folded group name, from `World Health Organization [WHO]` anywhere in the essay. */
  aliases: Map<string, string>
  style?: CitationStyle
  /** Footnote texts by number, for an essay whose citations are Word footnotes. */
  footnotes?: Map<number, string>
}

export interface Found {
  citations: FoundCitation[]
  problems: Problem[]
  lastKey?: string
}

const ABBREVIATION = /([\p{Lu}][\p{L}.’'\- ]+?)\s[[(](\p{Lu}[\p{Lu}\d&.]+)[\])]/gu

/** Every `Name [ABBR]` or `Name (ABBR)` of the text, so `(WHO, 1980)` resolves wherever it stands. */
export function collectAliases(text: string): Map<string, string> {
  const aliases = new Map<string, string>()
  for (const match of text.matchAll(ABBREVIATION)) aliases.set(fold(match[2]!), fold(match[1]!.replace(/^the\s/i, '')))
  return aliases
}

/** Folded names of `written` (`Glynn and Manzello`, `de Bruin et al.`, `García y López`), first first. */
export function splitNames(written: string): string[] {
  return written
    .replace(/\s+et\.?\s*al\.?/u, '')
    .split(/\s*(?:,\s*(?:&|and|y|und|e|et)?|&|\band\b|\by\b|\bund\b|\bet\b)\s*/u)
    .map(fold)
    .filter(Boolean)
}

export function cleanAuthor(author: string): string {
  return author
    .replace(/[“”"*_]/g, '')
    .replace(/\s[[(][^\])]+[\])]/g, '')
    .replace(/,\s*$/, '')
    .replace(/^the\s+/i, '')
    .trim()
}

// All the ways of writing "no date" are one for matching.
export function normalYear(year: string): string {
  const compact = year.replace(/\s/g, '').toLowerCase()
  if (/^(?:n\.d\.|s\.f\.|o\.j\.|nd|sf)(?:-[a-z])?$/.test(compact)) return 'n.d.'
  // `1943/2000`: the edition read is the second year.
  return compact.replace(/^\d{4}\/(\d{4}[a-z]?)$/, '$1')
}

/** The key of the entry `author` + `year` names exactly, or undefined: no message, no near misses. */
export function resolveExact(author: string, year: string, context: CiteContext): string | undefined {
  for (const names of attempts(cleanAuthor(author), context)) {
    const match = matchReference(context.references, names, normalYear(year), {fuzzy: false})
    if (match) return match.reference.item.id
  }
  return undefined
}

function attempts(cleaned: string, context: CiteContext): string[][] {
  const whole = fold(cleaned)
  return [[context.aliases.get(whole) ?? whole], splitNames(cleaned).map((name) => context.aliases.get(name) ?? name)]
}

/** The key of the entry `author` + `year` names; reports misspelt and unknown sources. */
export function resolve(author: string, year: string, context: CiteContext, problems: Problem[] | undefined, offset: number): string | undefined {
  const cleaned = cleanAuthor(author)
  const exact = resolveExact(cleaned, year, context)
  if (exact) {
    const match = matchReference(context.references, splitNames(cleaned), normalYear(year), {fuzzy: false})
    if (match?.ambiguous) problems?.push({offset, reason: `Citation \`${cleaned}, ${year}\` fits several entries; add a letter to the year (\`${year}a\`)`, rule: 'import-ambiguous-citation'})
    return exact
  }
  // `Gates (2011)` with only `Gates, B. (2010)` in the list: the year is the slip, not the source.
  const byName = onlyEntryByName(cleaned, context)
  if (byName) {
    problems?.push({offset, reason: `Citation \`${cleaned}, ${year}\` has no entry of ${year}: linked to the only entry by that name, \`${byName.label} (${byName.year || 'n.d.'})\`; did you mean ${byName.year || 'n.d.'}?`, rule: 'import-year-mismatch'})
    return byName.item.id
  }
  // Only when no reading of the names fits exactly: the nearest entry, with a message.
  for (const names of attempts(cleaned, context)) {
    const match = matchReference(context.references, names, normalYear(year))
    if (!match) continue
    if (match.fuzzy) problems?.push({offset, reason: `Citation \`${cleaned}, ${year}\` matched \`${match.fuzzy}\` only approximately`, rule: 'import-fuzzy-citation'})
    return match.reference.item.id
  }
  problems?.push({offset, reason: `Citation \`${cleaned}, ${year}\` matches no entry of the reference list`, rule: 'import-unresolved-citation'})
  return undefined
}

/** The one entry whose names are exactly the citation's, whatever its year; undefined when none or several. */
function onlyEntryByName(cleaned: string, context: CiteContext): Reference | undefined {
  for (const names of attempts(cleaned, context)) {
    const [first, second] = names
    if (!first) continue
    const same = context.references.filter((reference) => reference.names[0] === first && (!second || reference.names[1] === second))
    if (same.length === 1) return same[0]
    if (same.length > 1) return undefined
  }
  return undefined
}

/**
 * The entry a citation without a year names (MLA `(Gilbert and Gubar 224)`,
 * `("Still Alive" 3)`, Chicago short notes): by first family name, then by
 * title words when several entries share it; undefined when nothing fits.
 */
export function resolveByName(names: string[], title: string | undefined, context: CiteContext): {reference: Reference; fuzzy?: boolean; ambiguous?: boolean} | undefined {
  const references = context.references
  const first = names[0] ? context.aliases.get(names[0]) ?? names[0] : undefined
  let candidates = first ? references.filter((reference) => nameOf(reference) === first || reference.names.includes(first)) : []
  candidates = candidates.filter((reference) => nameOf(reference) === first || candidates.every((other) => nameOf(other) !== first))
  if (first && candidates.length === 0) {
    const near = references.filter((reference) => editDistance(nameOf(reference), first) <= Math.min(2, Math.max(1, Math.floor(first.length / 4))))
    if (near.length === 1) return {reference: near[0]!, fuzzy: true}
  }
  if (!first && title) candidates = references.filter((reference) => !reference.item.author)
  if (title) {
    const words = fold(title)
    const titled = (first ? candidates : references).filter((reference) => {
      const own = fold(reference.item['title-short'] ?? reference.item.title ?? '')
      return own.startsWith(words) || (words.length >= 6 && own.includes(words))
    })
    if (titled.length > 0) candidates = titled
    else if (!first) return undefined
  }
  if (candidates.length > 1 && names[1]) {
    const second = candidates.filter((reference) => reference.names[1] === names[1])
    if (second.length > 0) candidates = second
  }
  if (candidates.length === 0) return undefined
  return {reference: candidates[0]!, ambiguous: candidates.length > 1}
}

function nameOf(reference: Reference): string {
  return reference.names[0] ?? ''
}
