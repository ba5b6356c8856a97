/**
 * Splits a citation suffix into a CSL locator and label, as pandoc does:
 * `, pp. 154-155, emphasis added` → label `page`, locator `154-155`, suffix
 * `, emphasis added`. A bare number is a page.
 */

export interface Locator {
  locator?: string
  /** A CSL locator type (`page`, `chapter`, …). */
  label?: string
  /** What is left of the suffix after the locator. */
  suffix: string
}

const TERMS: Record<string, string[]> = {
  book: ['bk.', 'bks.', 'book', 'books'],
  chapter: ['ch.', 'chs.', 'chap.', 'chaps.', 'chapter', 'chapters'],
  column: ['col.', 'cols.', 'column', 'columns'],
  figure: ['fig.', 'figs.', 'figure', 'figures'],
  folio: ['fol.', 'fols.', 'folio', 'folios'],
  issue: ['no.', 'nos.', 'number', 'numbers'],
  line: ['l.', 'll.', 'line', 'lines'],
  note: ['n.', 'nn.', 'note', 'notes'],
  opus: ['op.', 'opp.', 'opus', 'opera'],
  page: ['p.', 'pp.', 'page', 'pages'],
  paragraph: ['para.', 'paras.', '¶¶', '¶', 'paragraph', 'paragraphs'],
  part: ['pt.', 'pts.', 'part', 'parts'],
  section: ['sec.', 'secs.', '§§', '§', 'section', 'sections'],
  'sub verbo': ['s.vv.', 's.v.', 'sub verbo'],
  verse: ['v.', 'vv.', 'verse', 'verses'],
  volume: ['vol.', 'vols.', 'volume', 'volumes']
}

// Longest first, so `pp.` wins over `p.` and `paras.` over `para.`.
const LABELS = Object.entries(TERMS)
  .flatMap(([label, terms]) => terms.map((term) => ({label, term})))
  .sort((a, b) => b.term.length - a.term.length)

// A locator value: numbers or roman numerals, ranges, and comma lists only
// when a digit follows (`33, 35`), so `33, emphasis added` keeps its remark.
const VALUE = /^[\p{L}\p{N}]+(?:\s*(?:[-–—&:]|,(?=\s*\p{N}))\s*[\p{L}\p{N}]+)*/u

export function parseLocator(suffix: string): Locator {
  const lead = /^\s*,?\s*/.exec(suffix)![0]
  const text = suffix.slice(lead.length)
  const lower = text.toLowerCase()

  for (const {label, term} of LABELS) {
    if (!lower.startsWith(term)) continue
    const after = text.slice(term.length)
    // A full word needs a space after it (`pages 3`), an abbreviation may not (`p.3`).
    const gap = /^\s*/.exec(after)![0]
    if (!term.endsWith('.') && !/^[¶§]/.test(term) && gap.length === 0) continue
    const value = readValue(after.slice(gap.length))
    if (value) return {locator: value.locator, label, suffix: value.rest}
  }

  if (/^\p{N}/u.test(text)) {
    const value = readValue(text)
    if (value) return {locator: value.locator, label: 'page', suffix: value.rest}
  }
  return {suffix}
}

function readValue(text: string): {locator: string; rest: string} | undefined {
  if (text.startsWith('{')) {
    const close = text.indexOf('}')
    if (close > 1) return {locator: text.slice(1, close), rest: text.slice(close + 1)}
    return undefined
  }
  const match = VALUE.exec(text)
  if (!match) return undefined
  return {locator: match[0], rest: text.slice(match[0].length)}
}
