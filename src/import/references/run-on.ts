/**
 * Run-on lists: several entries pasted onto one line, as students do when a
 * list loses its line breaks. Each APA or Harvard entry's names end at its
 * `(date)`, so the line is cut where a new name list runs up to a date.
 */
import {isGroupName} from './group.js'
import {readNames} from './names.js'

/** A piece of the essay's text: a reference list, an entry. */
export interface Span {
  text: string
  /** Offset of `text` in the repaired essay. */
  start: number
}

// `(2010)`, `(2010a)`, `(n.d.)`, `(no date)` (Harvard), `(s.f.)`, `(o.J.)`, `(2010, May 3)`, `(in press)`: the date every
// author-date entry has after its authors.
const ENTRY_DATE = /(?<!\d\s?)\((\d{4}[a-z]?|n\.\s?d\.|no date|undated|s\.\s?f\.|o\.\s?J\.|in press)(?:,\s[^()]{1,30})?\)\.?/giu

// A sentence end inside an entry: a full stop not after an initial or a short abbreviation.
// Pages or a number with the full stop dropped (`353–367 Office for National Statistics. (2023)`) end an entry too.
const ENTRY_BOUNDARY = /(?<!\b\p{Lu}|\b(?:ed|eds|vol|no|pp?|Vol|No|St|Dr|Inc|Co|Ltd|Jr|Sr))[.?!]\s+|(?:https?:\/\/|www\.|doi:)\S+\s+|\d\s+(?=\p{Lu})/gu
// Words that end a publisher's name; a group author pasted after `Place: Publisher` starts after them.
const PUBLISHER_END = /^(?:Press|Hall|Books|Publishing|Publishers|Publications|Inc\.?|Ltd\.?|Co\.?|Company|Sons|House|Group|Media|Wiley|Routledge|Norton|Pearson|Macmillan|Penguin|Springer|Elsevier|Sage|USGPO|GPO|HMSO)$/

/**
 * Splits one line holding several entries: a numbered entry at the next
 * number (`[43]`); each APA or Harvard entry's authors end at its `(date)`;
 * MLA and Chicago entries start after an entry's end with `———.`, inverted
 * names or a group author closed by a full stop before a title.
 */
export function splitRunOn(line: Span): Span[] {
  const cuts = [0]
  if (NUMBER_MARK.test(line.text)) cuts.push(...numberedStarts(line.text))
  else {
    const dates = [...line.text.matchAll(ENTRY_DATE)].map((match) => match.index)
    for (let i = 1; i < dates.length; i++) {
      const from = dates[i - 1]!
      const cut = authorStart(line.text.slice(from, dates[i]))
      if (cut !== undefined && cut > 0) cuts.push(from + cut)
    }
    // Author-date entries each have their date; without any, the list is MLA or Chicago.
    if (dates.length === 0) cuts.push(...namedStarts(line.text))
  }
  return cuts
    .map((cut, i) => {
      const raw = line.text.slice(cut, cuts[i + 1] ?? line.text.length)
      return {text: raw.trim(), start: line.start + cut + (raw.length - raw.trimStart().length)}
    })
    .filter((span) => span.text)
}

const NUMBER_MARK = /^(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})[.)])\s/u

/** `[42] … 2957 [43] K. Le Guin`: the next numbers of the same marker; `4.` only after an entry's end, as `no. 4.` is no marker. */
function numberedStarts(text: string): number[] {
  const first = NUMBER_MARK.exec(text)!
  const bracket = first[0][0]
  let next = Number(first[1] ?? first[2] ?? first[3]) + 1
  const cuts: number[] = []
  for (const match of text.matchAll(/(?<=\s)(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})[.)])(?=\s)/gu)) {
    const number = Number(match[1] ?? match[2] ?? match[3])
    const same = match[1] ? bracket === '[' : match[2] ? bracket === '(' : /\d/.test(bracket)
    const afterEnd = match[3] === undefined || /(?:[.)\]]|\S:\/\/\S+)$/u.test(text.slice(0, match.index))
    if (number === next && same && afterEnd) {
      cuts.push(match.index)
      next++
    }
  }
  return cuts
}

// After an entry's end, its final full stop sometimes dropped (`…, 2006 Le Guin, Maria.`): `[3] `, `———. `, a capital or a particle.
const ENTRY_GAP = /(?<=[.?!]["”’]?|\S:\/\/\S+|\S+\.(?:html?|pdf|aspx?)|\d)\s+(?=[—–]{2,3}\s*[.,]|-{3}\s*[.,]|\p{Lu}|(?:van|von|de|der|den|la|le|du|da|di|dos|das|del|della|ten|ter)\s)/gu

// What an entry ends with: a year, pages, a number, a link or a bracket, and its full stop.
const ENTRY_END = /(?:(?:1[5-9]|20)\d\d[a-z]?|\d+|\S+:\/\/\S+|www\.\S+|10\.\d{4,}\/\S+|\))\.?["”’]?\s*$/u

// A group author closed by a full stop before a title: `World Health Organization. “Title.”`.
// `Centers for Disease Control and Prevention [CDC]. Title.`: with its abbreviation.
const GROUP_START = /^([^.,:;?!“"‘«()[\]]{3,90}?(?:\s*[[(]\p{Lu}[\p{Lu}\d&]+[\])])?)\.\s+(?=[“"‘«\p{Lu}])/u

function namedStarts(text: string): number[] {
  const cuts: number[] = []
  for (const match of text.matchAll(ENTRY_GAP)) {
    const at = match.index + match[0].length
    const rest = text.slice(at)
    if (!ENTRY_END.test(text.slice(0, match.index))) continue
    if (/^(?:[—–]{2,3}\s*[.,]|-{3}\s*[.,])/u.test(rest)) {
      cuts.push(at)
      continue
    }
    const names = readNames(rest)
    // `Cambridge, Massachusetts: MIT Press` is a place; a new entry's names close with a full stop before its title.
    if (names?.form === 'inverted' && /\.\s+[\p{Lu}“"‘«¿¡]/u.test(rest.slice(names.end - 1, names.end + 3)) && !/^\s*\(/.test(rest.slice(names.end))) cuts.push(at)
    else if (!names) {
      const group = GROUP_START.exec(rest)
      if (group && isGroupName(group[1]!) && group[1]!.split(/\s+/).length <= 8) cuts.push(at)
    }
  }
  return cuts
}

/**
 * Where, in the text between two dates, the second entry's author part
 * starts: the first word from which a name list (names.ts) runs right up to
 * the date, at an entry's end if one is there (`…, 369–406. García Márquez,
 * L., & Baptiste, H. (1983)`), else at a word no publisher ends with.
 */
function authorStart(between: string): number | undefined {
  let unmarked: number | undefined
  let unmarkedWords = 0
  for (const word of between.matchAll(/(?<=\s)(?=[\p{Lu}]|(?:van|von|de|der|den|da|di|du|del|la|le|dos)\s)/gu)) {
    const names = readNames(between.slice(word.index))
    if (!names || !/^[\s.,]*$/.test(between.slice(word.index + names.end))) continue
    // With the full stop dropped, `Gallimard Moreno Fernández, P.` reads as a three-word surname: fewer words
    // first, unless the first is a capitalised particle (`De La Cruz, M.`).
    const family = names.names[0]!.family ?? ''
    const words = /^(?:De|Del|Da|Di|Du|Van|Von|Le|La|St\.|Ó)\s/u.test(family) ? 1 : family.split(' ').filter((word) => /^\p{Lu}/u.test(word)).length
    // `University of Leeds Smith, M.`: a name list never follows `of` or `the`; `Universidad de Salamanca de Bruin`
    // is no surname with two particles; `36. Springer Nguyen, K.` starts after the publisher.
    if (/\s(?:of|the|and|for|de|del|der|des|du)\s+$/u.test(between.slice(0, word.index))) continue
    if (/^\p{Ll}+\s.*\s\p{Ll}+\s/u.test(`${names.names[0]!['non-dropping-particle'] ?? ''} ${family} `.trim() + ' ')) continue
    if (PUBLISHER_END.test(/^\S+/.exec(between.slice(word.index))![0].replace(/[,.]$/, ''))) continue
    if (ENTRY_BOUNDARY_BEFORE.test(between.slice(0, word.index)) && words <= 2) return word.index
    if (unmarked === undefined || (words <= 2 && unmarkedWords > 2)) {
      unmarked = word.index
      unmarkedWords = words
    }
  }
  if (unmarked !== undefined) return unmarked
  // A group author or a title-first entry: it starts after the last sentence end or URL.
  let start: number | undefined
  for (const match of between.matchAll(ENTRY_BOUNDARY)) {
    if (match.index + match[0].length < between.trimEnd().length) start = match.index + match[0].length
  }
  if (start === undefined) return undefined
  return start + afterPublisher(between.slice(start))
}

// The end of the entry before: a full stop (not an initial's), a closing bracket or a link.
const ENTRY_BOUNDARY_BEFORE = /(?:(?<!\b\p{Lu}|\b(?:ed|eds|vol|no|pp?|Vol|No|St|Dr|Inc|Co|Ltd|Jr|Sr))[.?!]["”’]?|\)|(?:https?:\/\/|www\.|doi:)\S+)\s+$/u

/**
 * APA 6 ends a book with `Place: Publisher` and students drop the final full
 * stop, so `Prentice Hall U.S. Department of State.` holds two entries' text;
 * APA 7's bare publisher the same (`Routledge World Health Organization.`).
 */
function afterPublisher(segment: string): number {
  const colon = segment.lastIndexOf(': ')
  const words = [...segment.slice(colon < 0 ? 0 : colon + 2).matchAll(/\S+/g)]
  // APA 7 has no place: `Routledge World Health Organization.` starts with the publisher.
  if (colon < 0) return words.length > 2 && PUBLISHER_END.test(words[0]![0]) ? words[1]!.index : 0
  // Leave at least two words for the group author or title.
  for (let i = 0; i < words.length - 2 && i < 4; i++) {
    if (PUBLISHER_END.test(words[i]![0].replace(/[,.]$/, ''))) return words[i + 1]!.index + colon + 2
  }
  return words.length > 4 ? words[2]!.index + colon + 2 : 0
}
