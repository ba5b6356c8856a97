/**
 * What the evaluation shares: where the corpus is, how a careful reader
 * compares two field values (case, dashes, quotes and punctuation do not
 * matter), an order-keeping alignment of two lists, and figure lines.
 */
import {existsSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..')

/** `../shared/corpus` beside the repository, or `CITEDECK_CORPUS`; undefined when absent. */
export function corpusDir() {
  const dir = process.env.CITEDECK_CORPUS ?? join(REPO, '..', 'shared', 'corpus')
  return existsSync(dir) ? dir : undefined
}

/** Text as a careful reader compares it: no case, accents, quotes, punctuation or spacing differences. */
export function norm(value) {
  if (value === undefined || value === null) return ''
  return String(value)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Digit groups only (`13(2),` → `13 2`; `pp. 1477–81` → `1477 81`). */
export function digits(value) {
  return (String(value ?? '').match(/\d+/g) ?? []).join(' ')
}

export function same(a, b) {
  return norm(a) === norm(b)
}

/** Word tokens of a text, for similarity. */
export function tokens(value) {
  return norm(value).split(' ').filter(Boolean)
}

/** Share of `a`'s tokens found in `b` (0..1). */
export function overlap(a, b) {
  const left = tokens(a)
  if (left.length === 0) return 0
  const right = new Set(tokens(b))
  return left.filter((token) => right.has(token)).length / left.length
}

/**
 * Aligns two lists in order (each element used once), maximising the summed
 * `score(a, b)`; pairs scoring below `threshold` are not aligned.
 * Returns `pairs[i] = j` (index into `right`) or -1.
 */
export function align(left, right, score, threshold = 0.3) {
  const n = left.length
  const m = right.length
  const best = Array.from({length: n + 1}, () => new Float64Array(m + 1))
  const scores = left.map((a) => right.map((b) => score(a, b)))
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = scores[i - 1][j - 1]
      best[i][j] = Math.max(best[i - 1][j], best[i][j - 1], s >= threshold ? best[i - 1][j - 1] + s : -Infinity)
    }
  }
  const pairs = new Array(n).fill(-1)
  let i = n
  let j = m
  while (i > 0 && j > 0) {
    const s = scores[i - 1][j - 1]
    if (s >= threshold && best[i][j] === best[i - 1][j - 1] + s) {
      pairs[i - 1] = j - 1
      i--
      j--
    } else if (best[i][j] === best[i - 1][j]) i--
    else j--
  }
  return pairs
}

/** One figure line: `name right/total (pct%)`. */
export function ratio(name, right, total) {
  const pct = total === 0 ? 'n/a' : `${((100 * right) / total).toFixed(1)}%`
  return `${name} ${right}/${total} (${pct})`
}

/** A seeded generator (mulberry32), so generated sets and their figures are reproducible. */
export function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The year of a CSL item as a string (`2019`, `n.d.`), or undefined. */
export function itemYear(item) {
  const year = item?.issued?.['date-parts']?.[0]?.[0]
  if (year !== undefined) return String(year)
  return item?.issued?.literal
}

/** Family names of CSL names as a reader files them (particle + family, or the group name). */
export function familyOf(name) {
  if (!name) return undefined
  if (name.literal) return name.literal
  return [name['non-dropping-particle'], name.family].filter(Boolean).join(' ')
}
