/**
 * The part of CSL-JSON the importer writes, and the citation keys it gives the
 * items (Better BibTeX style: `roskin2010`, `cubanmissile_nd`, `smith2010a`).
 */

export interface CslName {
  family?: string
  given?: string
  /** `van der` in `van der Berg`: kept before the family name and in sorting. */
  'non-dropping-particle'?: string
  /** `de` in `Saint-Exupéry, A. de`: printed after the given name. */
  'dropping-particle'?: string
  suffix?: string
  /** A group author (`World Health Organization`), printed as is. */
  literal?: string
}

/** A CSL date: year, month, day as far as known, or a literal (`in press`). */
export type CslDate = {'date-parts': [number[]]} | {literal: string}

export type CslType =
  | 'book'
  | 'article-journal'
  | 'article-magazine'
  | 'article-newspaper'
  | 'webpage'
  | 'post-weblog'
  | 'chapter'
  | 'paper-conference'
  | 'report'
  | 'thesis'
  | 'dataset'
  | 'motion_picture'
  | 'broadcast'
  | 'graphic'
  | 'entry-encyclopedia'
  | 'document'

export interface CslItem {
  id: string
  type: CslType
  author?: CslName[]
  editor?: CslName[]
  translator?: CslName[]
  issued?: CslDate
  'original-date'?: CslDate
  accessed?: CslDate
  title?: string
  'title-short'?: string
  'container-title'?: string
  'collection-title'?: string
  'collection-number'?: string
  volume?: string
  issue?: string
  page?: string
  'number-of-pages'?: string
  'number-of-volumes'?: string
  edition?: string
  number?: string
  genre?: string
  medium?: string
  language?: string
  ISBN?: string
  publisher?: string
  'publisher-place'?: string
  DOI?: string
  URL?: string
  note?: string
}

// Words skipped when a title or group name gives the key, as Better BibTeX does.
const SKIP_WORDS = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'and', 'for', 'to', 'at', 'by', 'with', 'us', 'u'])

/** Lower-case ASCII letters and digits only, so the key is valid in pandoc and BibTeX. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/** The base key of an item (before `a`/`b` disambiguation). */
export function baseKey(item: CslItem, year: string): string {
  const first = item.author?.[0] ?? item.editor?.[0]
  const suffix = /^\d/.test(year) ? year : '_nd'
  if (first?.family) return fold(first.family) + suffix
  const words = (first?.literal ?? item.title ?? 'untitled')
    .split(/[\s\-–/]+/)
    .map(fold)
    .filter((word) => word && !SKIP_WORDS.has(word))
  const stem = words.slice(0, first?.literal ? 1 : 2).join('') || 'untitled'
  return stem + suffix
}

/** Gives `items` distinct ids, adding `a`, `b`… to keys that collide. */
export function assignKeys(items: CslItem[], years: string[]) {
  const bases = items.map((item, index) => baseKey(item, years[index]!))
  const seen = new Map<string, number>()
  for (const base of bases) seen.set(base, (seen.get(base) ?? 0) + 1)
  const used = new Map<string, number>()
  items.forEach((item, index) => {
    const base = bases[index]!
    // A year written `2010a` already carries its letter.
    if (seen.get(base) === 1 || /[a-z]$/.test(years[index]!)) {
      item.id = base
      return
    }
    const n = used.get(base) ?? 0
    used.set(base, n + 1)
    item.id = base + String.fromCharCode(97 + n)
  })
}
