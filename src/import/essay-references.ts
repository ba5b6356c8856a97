/**
 * The essay's reference list and what its citations are read against: the
 * entries as CSL items, the essay's style (for the citation reader and the
 * deck's `csl:`), abbreviations it defines, and its footnotes. Reports, once
 * each at the entry's line, an entry kept as written, a field read with doubt
 * and, after the citations are read, an entry never cited.
 */
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {report as message} from '../messages.js'
import type {FoundCitation} from './citations/resolve.js'
import {CitationReader, collectAliases} from './in-text.js'
import {type ReferenceSection, findReferenceSection} from './reference-section.js'
import {type Reference, buildReferences} from './references.js'
import {type EssayStyle, detectStyle} from './references/style.js'

export interface EssayReferences {
  section: ReferenceSection | undefined
  references: Reference[]
  style: EssayStyle
  reader: CitationReader
}

/** Reads the list at the end of `text` (the repaired essay); `footnotes` are a .docx's notes by number. */
export function readEssayReferences(file: VFile, text: string, place: (offset: number) => Point, footnotes?: Map<number, string>): EssayReferences {
  const section = findReferenceSection(text)
  if (!section) message(file, 'No reference list found (a “References” heading or line)', place(0), 'import-no-references')
  const references = buildReferences(section?.entries ?? [])
  for (const reference of references) {
    if (!reference.parsed) message(file, 'Reference entry could not be read (no names, date or source told apart) and was kept as written', place(reference.start), 'import-unparsed-reference')
    else if (reference.unsure.length > 0) {
      message(file, `Reference entry read with doubt about its ${reference.unsure.join(' and ')}: check it in references.json`, place(reference.start), 'import-unsure-reference', {note: reference.item.note ? `left unplaced: “${reference.item.note}”` : undefined})
    }
  }
  const body = text.slice(0, section?.start ?? text.length)
  const citing = footnotes && [...footnotes.values()].some((note) => note.trim())
  const {csl, citations} = detectStyle({entries: section?.entries.map((entry) => entry.text) ?? [], body, footnotes: Boolean(citing)})
  const context = {references, aliases: collectAliases(body), style: citations, ...(footnotes && footnotes.size > 0 ? {footnotes} : {})}
  return {section, references, style: csl, reader: new CitationReader(context)}
}

/** One info message per entry no citation points to (only when the essay cites at all). */
export function reportUncited(file: VFile, references: Reference[], found: FoundCitation[], place: (offset: number) => Point) {
  if (found.length === 0) return
  const cited = new Set(found.flatMap((citation) => citation.keys))
  for (const reference of references) {
    if (!cited.has(reference.item.id)) message(file, `Entry ${reference.label} (${reference.year || 'n.d.'}) is never cited in the essay`, place(reference.start), 'import-uncited-entry', {info: true})
  }
}
