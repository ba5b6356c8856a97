/**
 * Run-on lists: several entries pasted onto one line, as students do when a
 * list loses its line breaks. Each APA or Harvard entry's names end at its
 * `(date)`, so the line is cut where a new name list runs up to a date.
 */
import {readNames} from './names.js'

/** A piece of the essay's text: a reference list, an entry. */
export interface Span {
  text: string
  /** Offset of `text` in the repaired essay. */
  start: number
}

// `(2010)`, `(2010a)`, `(n.d.)`, `(2010, May 3)`, `(in press)`: the date every APA entry has after its authors.
const ENTRY_DATE = /(?<!\d\s?)\((\d{4}[a-z]?|n\.\s?d\.|in press)(?:,\s[^()]{1,30})?\)\.?/giu

// Hyphenated surnames and lower-case particles; a space-separated second word would swallow the publisher before it.
const NAME = String.raw`(?:(?:van|von|de|der|den|da|di|du|del|la|le|dos|bin|al)\s)*[\p{Lu}][\p{L}’'\-]+`
const INITIALS = String.raw`(?:\p{Lu}[\p{Ll}]?\.(?:\s?-?\p{Lu}[\p{Ll}]?\.)*)`
const AUTHOR = String.raw`${NAME},\s${INITIALS}`
// A personal author list that runs right up to the entry's date.
const AUTHOR_LIST_BEFORE_DATE = new RegExp(
  String.raw`(?<=^|\s)${AUTHOR}(?:,?\s(?:&\s|and\s)?${AUTHOR})*(?:,?\s(?:&\s)?\.\.\.\s${AUTHOR})?(?:\s\(Eds?\.\))?\s*$`,
  'u'
)
// A sentence end inside an entry: a full stop not after an initial or a short abbreviation.
const ENTRY_BOUNDARY = /(?<!\b\p{Lu}|\b(?:ed|eds|vol|no|pp?|Vol|No|St|Dr|Inc|Co|Ltd|Jr|Sr))[.?!]\s+|(?:https?:\/\/|www\.|doi:)\S+\s+/gu
// Words that end a publisher's name; a group author pasted after `Place: Publisher` starts after them.
const PUBLISHER_END = /^(?:Press|Hall|Books|Publishing|Publishers|Publications|Inc\.?|Ltd\.?|Co\.?|Company|Sons|House|Group|Media|Wiley|Routledge|Norton|Pearson|Macmillan|Penguin|Springer|Elsevier|Sage|USGPO|GPO|HMSO)$/

/**
 * Splits one line holding several entries: each APA or Harvard entry's
 * authors end at its `(date)`; MLA, Chicago and IEEE entries start after a
 * full stop with `[n]`, `———.` or inverted names closed by a full stop.
 */
export function splitRunOn(line: Span): Span[] {
  const dates = [...line.text.matchAll(ENTRY_DATE)].map((match) => match.index)
  const cuts = [0]
  for (let i = 1; i < dates.length; i++) {
    const from = dates[i - 1]!
    const cut = authorStart(line.text.slice(from, dates[i]))
    if (cut !== undefined && cut > 0) cuts.push(from + cut)
  }
  if (cuts.length === 1) cuts.push(...namedStarts(line.text))
  return cuts
    .map((cut, i) => {
      const raw = line.text.slice(cut, cuts[i + 1] ?? line.text.length)
      return {text: raw.trim(), start: line.start + cut + (raw.length - raw.trimStart().length)}
    })
    .filter((span) => span.text)
}

// After a sentence end: `[3] `, `———. ` or an inverted name list closed by a full stop before a title.
const SENTENCE_END = /(?<=[.?!]["”’]?|\S:\/\/\S+|\S+\.(?:html?|pdf|aspx?))\s+(?=\[\d+\]\s|[—–]{2,3}\s*\.|-{3}\s*\.|\p{Lu}|(?:van|von|de|der|la|le|du|da|di)\s)/gu

// What an entry ends with: a year, pages, a number, a link or a bracket, and its full stop.
const ENTRY_END = /(?:(?:1[5-9]|20)\d\d[a-z]?|\d+|\S+:\/\/\S+|www\.\S+|10\.\d{4,}\/\S+|\))\.?["”’]?\s*$/u

function namedStarts(text: string): number[] {
  const cuts: number[] = []
  const numbered = /^\[\d+\]\s/.test(text)
  for (const match of text.matchAll(SENTENCE_END)) {
    const at = match.index + match[0].length
    const rest = text.slice(at)
    if (numbered) {
      if (/^\[\d+\]\s/.test(rest)) cuts.push(at)
      continue
    }
    if (!ENTRY_END.test(text.slice(0, match.index + 1))) continue
    if (/^(?:[—–]{2,3}\s*\.|-{3}\s*\.)/u.test(rest)) {
      cuts.push(at)
      continue
    }
    const names = readNames(rest)
    // `Cambridge, Massachusetts: MIT Press` is a place; a new entry's names close with a full stop before its title.
    if (names?.form === 'inverted' && /\.\s+[\p{Lu}“"‘«]/u.test(rest.slice(names.end - 1, names.end + 3)) && !/^\s*\(/.test(rest.slice(names.end))) cuts.push(at)
  }
  return cuts
}

/** Where, in the text between two dates, the second entry's author part starts. */
function authorStart(between: string): number | undefined {
  const personal = AUTHOR_LIST_BEFORE_DATE.exec(between)
  if (personal) return personal.index
  // A group author or a title-first entry: it starts after the last sentence end or URL.
  let start: number | undefined
  for (const match of between.matchAll(ENTRY_BOUNDARY)) {
    if (match.index + match[0].length < between.trimEnd().length) start = match.index + match[0].length
  }
  if (start === undefined) return undefined
  return start + afterPublisher(between.slice(start))
}

/**
 * APA 6 ends a book with `Place: Publisher` and students drop the final full
 * stop, so `Prentice Hall U.S. Department of State.` holds two entries' text.
 */
function afterPublisher(segment: string): number {
  const colon = segment.lastIndexOf(': ')
  if (colon < 0) return 0
  const words = [...segment.slice(colon + 2).matchAll(/\S+/g)]
  // Leave at least two words for the group author or title.
  for (let i = 0; i < words.length - 2 && i < 4; i++) {
    if (PUBLISHER_END.test(words[i]![0].replace(/[,.]$/, ''))) return words[i + 1]!.index + colon + 2
  }
  return words.length > 4 ? words[2]!.index + colon + 2 : 0
}
