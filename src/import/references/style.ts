/**
 * The style an essay is written in, from its reference list and its body:
 * numbered entries are IEEE; Word footnotes that cite make Chicago notes;
 * `(year).` right after the names is APA, `(year)` without the full stop or
 * `Available at:` Harvard; names written out with the year at the end MLA,
 * unless `Place: Publisher, year` or a `———.` make it Chicago. The deck's
 * `csl:` follows it, and so does the in-text citation reader.
 */
import type {CitationStyle} from '../citations/resolve.js'

export type EssayStyle = 'apa' | 'harvard' | 'mla' | 'chicago-notes' | 'ieee'

export interface StyleInput {
  /** The entries as written. */
  entries: string[]
  body: string
  /** The essay has Word footnotes. */
  footnotes: boolean
}

export function detectStyle({entries, body, footnotes}: StyleInput): {csl: EssayStyle; citations: CitationStyle} {
  const votes: Record<EssayStyle, number> = {apa: 0, harvard: 0, mla: 0, 'chicago-notes': 0, ieee: 0}
  for (const entry of entries) {
    if (/^\s*\[\d+\]/.test(entry)) votes.ieee += 2
    if (/^[^()]{2,300}?\((?:\d{4}[a-z]?|n\.\s?d\.|s\.\s?f\.)(?:,[^()]*)?\)\./u.test(entry)) votes.apa++
    else if (/^[^()]{2,300}?\((?:\d{4}[a-z]?|n\.\s?d\.)\)\s+[^.]/u.test(entry)) votes.harvard++
    if (/Available (?:at|from):|\bedn\b|\(Accessed:?/u.test(entry)) votes.harvard++
    const spelledOut = /^[\p{Lu}][\p{L}’'\-]+(?:\s[\p{L}’'\-]+)?,\s[\p{Lu}][\p{Ll}]+/u.test(entry)
    if (spelledOut && /(?:^|\s)(?:vol\.|no\.|pp\.)\s|,\s(?:1[5-9]|20)\d\d(?:,|\.$)/u.test(entry) && !/:\s[^:]+,\s(?:1[5-9]|20)\d\d\./u.test(entry)) votes.mla++
    if (/^(?:[—–]{2,3}|-{3})\s*\./u.test(entry) || (spelledOut && /[\p{L}]:\s[^:,]+,\s(?:1[5-9]|20)\d\d\.$|\(\d{4}\):\s*\d/u.test(entry))) votes['chicago-notes']++
  }
  // In the body: `(Smith 45)` is MLA; `(Smith, 2010)` author-date; `[3]` numbered.
  const mlaCites = body.match(/\([\p{Lu}][\p{L}’'\-]+(?:\s(?:and|et al\.)\s?[\p{L}’'\-]*)?\s\d+(?:[-–]\d+)?\)/gu)?.length ?? 0
  const yearCites = body.match(/\([^()]*\b(?:1[5-9]|20)\d\d[a-z]?(?:[,:][^()]*)?\)/gu)?.length ?? 0
  votes.mla += mlaCites > yearCites ? 3 : 0
  if (footnotes) votes['chicago-notes'] += 3
  const csl = (Object.entries(votes) as Array<[EssayStyle, number]>).reduce((best, next) => (next[1] > best[1] ? next : best), ['apa', 0])[0]
  const citations: CitationStyle = csl === 'mla' ? 'mla' : csl === 'chicago-notes' ? 'notes' : csl === 'ieee' ? 'numeric' : 'author-date'
  return {csl, citations}
}
