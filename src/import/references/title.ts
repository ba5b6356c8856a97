/**
 * The title of an entry: quoted (`“Title,”` MLA/Chicago/IEEE, `'Title',`
 * Harvard) or the first sentence of what follows the authors and date (APA),
 * keeping a subtitle after `?` or `!` (`Is that a fish in your ear?
 * Translation and the meaning of everything.`) and reading the brackets
 * after it: `(2nd ed.)`, `(H. Zohn, Trans.)`, `(Vol. 1, pp. 1–20)`, `[Video]`.
 */
import {EDITION, EDITION_PHRASE} from './source-patterns.js'

export interface ReadTitle {
  title: string
  /** What follows the title. */
  rest: string
  /** Bracketed parts that followed the title, without brackets (`2nd ed.`, `Video`). */
  notes: string[]
  quoted: boolean
}

const OPEN_CLOSE: Record<string, string> = {'“': '”', '"': '"', '‘': '’', "'": "'", '«': '»', '„': '“'}
// Words whose full stop does not end a sentence: names' initials, labels, and the words journals and meetings abbreviate.
const ABBREVIATION = /(?:^|[\s(])(?:\p{Lu}|\p{Lu}\p{Ll}|St|Ste|Dr|Mr|Mrs|Ms|Jr|Sr|vs|v|Vol|vol|No|no|Nr|nr|pp?|Ed|ed|Eds|eds|Inc|Co|Corp|Ltd|Trans|trans|edn|al|e\.g|i\.e|cf|Univ|Dept|repr|ca|approx|et al|U\.S|U\.K|Ph\.D|ser|Coll|coll|[\p{Lu}]\.-?\p{Lu}|Proc|Natl|Int|Intl|Rev|Soc|Sci|Res|Lett|Phys|Chem|Biol|Med|Acad|Nat|Eur|Psychol|Educ|Econ|Hist|Stud|Ann|Annu|Bull|Comput|Commun|Eng|Symp|Conf|Assoc|Syst|Softw|Lang|Appl|Math|Mech|Technol|Inf|Intell|Artif|Mach|Rep|Tech|Rec|Mag|Quart|Philos|Sociol|Anthropol|Geogr|Environ|Manag|Polit|Stat|Theor|Exp|Clin|Pharmacol|Neurosci)$/u

/** Whether the full stop after `before` belongs to an abbreviation, not a sentence end. */
export function isAbbreviation(before: string): boolean {
  return ABBREVIATION.test(before)
}

/** The title at the start of `text` (after authors and date). */
export function readTitle(text: string): ReadTitle {
  const trimmed = text.replace(/^[\s.,:;]+/, '')
  const quoted = readQuoted(trimmed)
  if (quoted) return quoted
  const end = sentenceEnd(trimmed, true)
  let title = trimmed.slice(0, end.at).trim()
  let rest = trimmed.slice(end.next)
  // IEEE: `Title, 3rd ed. Madrid: Publisher, 2007.`: the edition ends the title.
  const edition = /^(.+?),\s+((?:\d+(?:st|nd|rd|th)|Rev\.?)\s+ed(?:n|ition)?\.?)\s*(.*)$/u.exec(title)
  if (edition) {
    title = edition[1]!
    rest = `${edition[2]}. ${edition[3]}${edition[3] ? '. ' : ''}${rest}`
  }
  // `Title (Oxford: Clarendon Press, 1992).`, `Title, Addison-Wesley, 1988.`: the source follows in brackets or after a comma.
  const facts = edition ? null : /^(.+?)\s*\(([^()]*\b(?:1[5-9]|20)\d\d\b[^()]*)\)$/u.exec(title)
  // Brackets of facts may follow an editor after the title's comma: `Title, Ugo Pavan (ed.) (Milan: Marea, 2001)`.
  const before = facts ? commaCut(facts[1]!) : undefined
  const cut = facts ? {title: before?.title ?? facts[1]!, source: [before?.source, facts[2]!].filter(Boolean).join(', ')} : edition ? undefined : commaCut(title)
  if (cut) {
    title = cut.title
    rest = `${cut.source}. ${rest}`.trim()
  }
  const notes: string[] = []
  // Brackets closing the title hold its edition, translator, volume, pages or medium.
  for (let match = /\s*[([]([^()[\]]+)[)\]]$/u.exec(title); match; match = /\s*[([]([^()[\]]+)[)\]]$/u.exec(title)) {
    if (!EDITION.test(match[1]!) && !EDITION_PHRASE.test(match[1]!) && !/\b(?:ed|edn|eds|Ed|Eds|edition|Trans|trans|Vol|vol|pp?|No|Report|ISSN|Video|Audio|Podcast|Film|Data set|Dataset|Doctoral|Master|dissertation|thesis|Tesis|Brochure|Fact sheet|Infographic|Motion picture|TV|Blog|Tweet|Image|Map|ª|º)\b|\b(?:Series|Reihe|Schriftenreihe|Studien|Studies|Lecture Notes|Monographs?)\b|^\d+(?:st|nd|rd|th)?\s*\w*\.?$/iu.test(match[1]!)) break
    notes.unshift(match[1]!.trim())
    title = title.slice(0, match.index).trim()
  }
  return {title: title.replace(/[.,]$/, '').trim(), rest, notes, quoted: false}
}

// What shows a title's comma starts the source: a year, pages, a volume, a publisher's or meeting's word.
const SOURCE_SIGN = /\((?:eds?|Eds?|Hrsg|Hgg?|dir|éd)\.?\)|\b(?:1[5-9]|20)\d\d\b|\d+\s*[-–]\s*\d+|\b(?:pp?|vols?|no|Proc)\.|\b(?:Press|Verlag|Publish\w*|Proceedings|Conference|Symposium|Workshop|Report|[Tt]hesis|Journal|Preprint|[Mm]anuscript)\b/u

const PERIOD = /^\s+(?:AD\s+)?(\d{3,4})\s*[-–]\s*(\d{2,4})(?:\s*:\s+\S.*)?$/u
// The editor or translator after a title's comma: `, ed. Joseph Marten`, `, trans. Ana Ruiz`, `, Ugo Pavan (ed.)`, `, D. Stott (ed. and trans.)`.
const ROLE_AFTER = /^\s+(?:(?:ed|eds|trans|tr)\.\s+\p{Lu}|(?:edited|translated)\s+by\s|(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}\((?:eds?|editors?|ed\. and trans|trans|tr)\.?\)(?:\s|$))/u

/**
 * `Parallel Program Design: A Foundation, Addison-Wesley, 1988`: a title cut
 * by a comma from its source (IEEE and many older styles). A comma followed by a
 * capital, a digit or `in` starts the source when the source shows itself after
 * it; `Heat, health and the city` keeps its comma.
 */
function commaCut(title: string): {title: string; source: string} | undefined {
  let depth = 0
  for (let i = 0; i < title.length; i++) {
    const char = title[i]!
    if (char === '(' || char === '[') depth++
    else if (char === ')' || char === ']') depth = Math.max(0, depth - 1)
    else if (depth === 0 && char === ',' && i > 0) {
      const after = title.slice(i + 1)
      if (!/^\s+(?:[\p{Lu}\d]|in:?\s|to appear|paper\s|pp?\.|pages?\s|ed\.|eds\.|edited|trans)/u.test(after)) continue
      // `A History of Dartmouth College, 1815-1909`, `The Gulag Archipelago, 1918–1956: An Experiment`: a period the title names.
      if (PERIOD.test(after)) continue
      if (SOURCE_SIGN.test(after) || ROLE_AFTER.test(after)) return {title: title.slice(0, i).trim(), source: after.trim()}
    }
  }
  return undefined
}

function readQuoted(text: string): ReadTitle | undefined {
  const close = OPEN_CLOSE[text[0] ?? '']
  if (!close) return undefined
  for (let i = 1; i < text.length; i++) {
    if (text[i] !== close) continue
    // A closing quote ends the title when punctuation or a space follows it, not an apostrophe inside a word.
    const next = text[i + 1]
    if (next !== undefined && !/[\s.,;:)\]]/.test(next)) continue
    if ((close === "'" || close === '’') && /\p{L}/u.test(text[i - 1] ?? '') && /^\s*\p{Ll}/u.test(text.slice(i + 1))) continue
    const title = text.slice(1, i).trim().replace(/[.,]$/, '').replace(/[\s.]+$/u, '')
    if (!title) return undefined
    // `“It’s not fair”: Students’ views…` quotes the title's first words; a quoted title ends in punctuation.
    if (!/[.,?!]$/.test(text.slice(1, i)) && !/^\s*[.,]/.test(text.slice(i + 1)) && text.slice(i + 1).trim()) return undefined
    return {title, rest: text.slice(i + 1).replace(/^[\s.,:;]+/, ''), notes: [], quoted: true}
  }
  return undefined
}

/**
 * Where the first sentence of `text` ends (`at`) and the next starts (`next`).
 * With `subtitles`, a `?` or `!` followed by another sentence that is not the
 * entry's source continues the title.
 */
export function sentenceEnd(text: string, subtitles = false): {at: number; next: number} {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (char === '(' || char === '[') depth++
    else if (char === ')' || char === ']') depth = Math.max(0, depth - 1)
    else if (depth === 0 && /[.?!]/.test(char)) {
      const after = text.slice(i + 1)
      if (after && !/^[\s”’"']/.test(after)) continue
      if (char === '.' && ABBREVIATION.test(text.slice(0, i))) continue
      const closing = /^[”’"']*/.exec(after)![0].length
      const next = i + 1 + closing
      if (char !== '.' && subtitles && isSubtitle(text.slice(next))) continue
      // `Informe 2023`, `Part 2`: a numbered part of the title, not the source.
      if (subtitles && /^\s*(?:Informe|Report|Rapport|Bericht|Annual report|Part|Parte|Partie|Teil|Volume)\s+[\dIVX]+[.]?\s*$/iu.test(text.slice(next, next + sentenceEnd(text.slice(next)).next))) continue
      return {at: char === '.' ? i : i + 1, next}
    }
  }
  return {at: text.length, next: text.length}
}

/** After `?`/`!`: the next sentence is a subtitle when more follows it and it does not read as a source. */
function isSubtitle(after: string): boolean {
  const trimmed = after.trim()
  if (!/^[\p{Lu}¿¡]/u.test(trimmed)) return false
  // IEEE's `Climate and voices! Cities of markets, 5th ed. Paris: Routledge`: the edition closes the subtitle.
  const edition = /^([^.?!]+?),\s+(?:\d+(?:st|nd|rd|th)|Rev\.?)\s+ed(?:n|ition)?\.\s+\S/u.exec(trimmed)
  if (edition) return !/\d|\b(?:Press|Publishers?|Publishing|Books|Verlag|vol|pp)\b/u.test(edition[1]!)
  const end = sentenceEnd(trimmed)
  // Brackets closing a subtitle (`(No. 48)`, `(9th ed.)`) are the title's details, not a source.
  const sentence = trimmed.slice(0, end.at).replace(/\s*[([][^()[\]]*[)\]]\s*$/u, '')
  const more = trimmed.slice(end.next).trim()
  // `…? Journal of Clinical Oncology. 2012;30(15)`: a year and volume or a volume(issue) after the sentence make it the journal.
  if (!more || /^(?:1[5-9]|20)\d\d[a-z]?\s*[;:,]\s*\(?\d|^\d+\s*\(\d/u.test(more)) return false
  return !/\d|^(?:In|En|Dans|Im|Retrieved|Recuperado|Available|Edited|Translated|Accessed)\b|\b(?:Press|UP|Publishers?|Publishing|Books|Verlag|Editorial|Ediciones|vol|pp)\b/u.test(sentence)
}

// Physics and chemistry cite articles by journal and numbers only: `Phys. Rev. Lett. 83, 3370 (1999)`,
// `Nano Lett. 2010, 10, 1012`, `JHEP 0912, 031 (2009) [arXiv:…]`, `ApJ, 650, 102`.
const JOURNAL_WORD = /^(?:\p{Lu}[\p{L}&]{0,5}\.|\p{Lu}[\p{Ll}&]*\p{Lu}[\p{L}&]*|\p{Lu})$/u
const NUMBERS_ONLY = /^(?:[\s,;:()–-]|pp?\.|[A-Z]?\d+[A-Za-z]?)+\.?$/u

/**
 * Whether `text` (what follows the names and date) is an article cited
 * without its title: a journal's name in abbreviations or capitals, then two
 * or more numbers (volume, page, year) and nothing else but an arXiv note.
 */
export function isUntitledArticle(text: string): boolean {
  const bare = text.replace(/^[\s.,:;]+/, '').replace(/\s*\[(?:[^[\]]|\[[^[\]]*\])*\]\.?/gu, '').replace(/[\s.]+$/u, '')
  const match = /^((?:\p{Lu}[\p{L}&]*\.?\s+){0,6}\p{Lu}[\p{L}&]*\.?)\s*,?\s+([A-Z]?\d.*)$/u.exec(bare)
  if (!match) return false
  const words = match[1]!.split(/\s+/)
  return words.some((word) => JOURNAL_WORD.test(word)) && NUMBERS_ONLY.test(match[2]!) && (match[2]!.match(/\d+/g) ?? []).length >= 2
}

