/**
 * The essay's reference list as CSL-JSON items plus what in-text citations are
 * matched against: the names a citation may use for each entry and its year.
 */
import {type CslItem, assignKeys, fold} from './csl.js'
import {readEntry} from './references/entry.js'
import {applyKnownFamilies} from './references/known-families.js'
import type {Span} from './references/split.js'

export interface Reference {
  item: CslItem
  /** `2010`, `2010a`, `n.d.` (or `''` for an unparsed entry). */
  year: string
  /** Folded names a citation may use, first author first: family names, a group name or a title. */
  names: string[]
  /** Names as written, for messages and quote attributions (`Roskin and Berry`). */
  label: string
  /** Where the entry starts in the repaired text. */
  start: number
  parsed: boolean
  /** Fields read with doubt, for one warning at the entry. */
  unsure: string[]
  /** The entry's number in a numbered list (`[3]`). */
  number?: string
}

/** Parses every entry; unparsed ones are kept as literal items (the caller warns). */
export function buildReferences(entries: Span[]): Reference[] {
  let previous: CslItem | undefined
  const read = entries.map((entry) => {
    const {item, year, parsed, unsure, sameAuthors, number, inverted} = readEntry(entry.text)
    if (!parsed) item.note = entry.text
    // `———.` repeats the previous entry's names.
    if (sameAuthors && previous) {
      for (const role of ['author', 'editor', 'translator'] as const) if (previous[role] && !item[role]) item[role] = previous[role]
    }
    previous = item
    return {item, year, parsed, unsure, number, start: entry.start, inverted}
  })
  applyKnownFamilies(read.map((entry) => entry.item), new Set(read.flatMap((entry) => entry.inverted)))
  const references = read.map(({item, year, parsed, unsure, number, start}): Reference => {
    const written = (item.author ?? item.editor)?.map((name) => [name['non-dropping-particle'], name.family].filter(Boolean).join(' ') || name.literal || '') ?? [item.title ?? '']
    return {
      item,
      year,
      names: written.map(fold),
      label: written.length > 2 ? `${written[0]} et al.` : written.join(' and '),
      start,
      parsed,
      unsure,
      ...(number ? {number} : {})
    }
  })
  assignKeys(
    references.map((reference) => reference.item),
    references.map((reference) => reference.year)
  )
  return references
}

/** Levenshtein distance, for names students misspell (`Roskins`, `Wiersema`). */
export function editDistance(a: string, b: string): number {
  let row = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    row = next
  }
  return row[b.length]!
}

export interface Match {
  reference: Reference
  /** Set when the name or year only nearly matched, to tell the user. */
  fuzzy?: string
  /** Set when `2010` fits both `2010a` and `2010b`. */
  ambiguous?: boolean
}

/**
 * Finds the entry a citation names: the first name must match exactly (or
 * within a small edit distance) and the year must match (`2010` fits `2010a`).
 */
export function matchReference(references: Reference[], names: string[], year: string, {fuzzy = true} = {}): Match | undefined {
  const first = names[0]
  if (!first) return undefined
  const sameYear = references.filter((reference) =>
    /[a-z]$/.test(year) && year !== 'n.d.' ? reference.year === year : reference.year.replace(/[a-z]$/, '') === year
  )
  const exact = sameYear.filter((reference) => sameName(reference, first))
  if (exact.length > 0) {
    // Several authors with one family name: the second author decides.
    const second = names[1]
    const best = (second && exact.find((reference) => reference.names[1] === second)) || exact[0]!
    return {reference: best, ambiguous: exact.filter((reference) => reference.names[0] === best.names[0] && reference.names[1] === best.names[1]).length > 1}
  }
  if (!fuzzy) return undefined
  let best: {reference: Reference; distance: number} | undefined
  const limit = Math.min(3, Math.max(1, Math.floor(first.length / 4)))
  const dated = new Set(sameYear)
  for (const reference of references) {
    const own = reference.names[0] ?? ''
    // The distance is at least the difference in length: names far apart in length are never near.
    if (Math.abs(own.length - first.length) > limit) continue
    const distance = editDistance(own, first) + (dated.has(reference) ? 0 : 2)
    if (!best || distance < best.distance) best = {reference, distance}
  }
  if (best && best.distance <= limit) return {reference: best.reference, fuzzy: `${best.reference.label} (${best.reference.year})`}
  return undefined
}

/** A citation may shorten a title or group name to its first words (`“Cuban Missile,” n.d.`, `U.S. Department of State`). */
function sameName(reference: Reference, name: string): boolean {
  const own = reference.names[0] ?? ''
  return own === name || (!reference.item.author?.[0]?.family && name.length >= 6 && own.startsWith(name))
}
