/**
 * Finds the reference list of an essay: the last heading that names one, in
 * the usual words of several languages (References, Works Cited,
 * Bibliography, Referencias, Literaturverzeichnis, Bibliographie…), or an
 * inline `References:` line; its entries are cut by references/split.ts.
 * Works on the repaired text and returns offsets into it.
 */
import {type Span, splitEntries} from './references/split.js'

export type {Span} from './references/split.js'

export interface ReferenceSection {
  /** Where the heading (or inline `References:`) starts: the body ends here. */
  start: number
  entries: Span[]
}

const WORDS = [
  'references?', 'reference list', 'list of references', 'works? cited', 'works? consulted', 'bibliography', 'select bibliography', 'sources', 'sources cited', 'literature cited',
  'referencias', 'referencias bibliográficas', 'bibliografía', 'obras citadas', 'fuentes', 'fuentes consultadas',
  'literaturverzeichnis', 'literatur', 'quellen', 'quellenverzeichnis',
  'bibliographie', 'références', 'références bibliographiques', 'ouvrages cités',
  'bibliografia', 'riferimenti bibliografici', 'referências', 'referências bibliográficas', 'literatuur', 'literatuurlijst', 'bronnen', 'källor', 'kilder', 'litteratur'
].join('|')
// `References`, `## Works Cited`, `**Bibliography**`, `7. References`, `REFERENCIAS:` alone on a line.
const HEADING = new RegExp(String.raw`^[ \t]*(?:#{1,6}[ \t]*)?(?:\d{1,2}\.?[ \t]+)?(?:\*\*|__)?(?:${WORDS})(?:\*\*|__)?[ \t]*:?[ \t]*(?:\n|$)`, 'gimu')
const INLINE = new RegExp(String.raw`^[ \t]*(?:${WORDS})[ \t]*:[ \t]*(?=\S)`, 'gimu')

/** The last reference heading of the text (the list sits at the end of an essay). */
export function findReferenceSection(text: string): ReferenceSection | undefined {
  let found: {start: number; body: number} | undefined
  for (const match of text.matchAll(HEADING)) found = {start: match.index, body: match.index + match[0].length}
  for (const match of text.matchAll(INLINE)) {
    if (!found || match.index > found.start) found = {start: match.index, body: match.index + match[0].length}
  }
  if (!found) return undefined
  return {start: found.start, entries: splitEntries({text: text.slice(found.body), start: found.body})}
}

export {splitEntries}
