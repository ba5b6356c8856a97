/**
 * What follows an entry's title: where the work appeared and how to find it.
 * The styles order the same parts differently (APA `Journal, 13(2), 137–172.`,
 * MLA `Journal, vol. 13, no. 2, 2003, pp. 137-72.`, Chicago `Journal 13, no. 2
 * (2003): 137–72.`, IEEE `Journal, vol. 13, no. 2, pp. 137–172, 2003.`,
 * Vancouver `Journal. 2003;13(2):137-72.`), so the text is cut into parts at
 * its commas and full stops and each part is known by its own form: a volume
 * by `vol.` or `13(2)`, pages by `pp.` or a range, a place by the colon before
 * its publisher, a date by being one. The text parts left are the container
 * and the publisher, told apart by their position and the words they hold.
 */
import type {CslDate, CslName} from '../csl.js'
import {MONTH_WORD, type ReadDate, monthNumber, readDate} from './dates.js'
import {readNameRun, readNames} from './names.js'
import {GROUP} from './group.js'
import {isAbbreviation, sentenceEnd} from './title.js'
import {ARTICLE, EDITION, EDITORS, HOUSE_WORDS, ISSUE, ORIGINAL, PAGES, RANGE, REPORT_NUMBER, TRANSLATORS, VANCOUVER, VOLUME, VOLUME_ISSUE, VOLUME_PAGES} from './source-patterns.js'

export interface Source {
  container?: string
  /** Book or proceedings title of a chapter (`In … (Eds.), Title (pp. 1–20)`). */
  chapter?: boolean
  editor?: CslName[]
  translator?: CslName[]
  volume?: string
  issue?: string
  page?: string
  number?: string
  edition?: string
  publisher?: string
  place?: string
  /** Dates found in the source, in order (MLA and Chicago date the work here). */
  dates: ReadDate[]
  /** `12 Feb.` or `22 February` without a year: the month and day of the entry's year. */
  monthDay?: [number, number?]
  original?: CslDate
  genre?: string
  /** Text parts in order, before they are placed as container, publisher or place. */
  texts: string[]
  /** Text parts that could not be placed (kept in the item's note). */
  leftover: string[]
  /** The volume was a bare number after a name (`Labour Economics, 41, 61–76`; `Routledge, 23, 1997` is a report's number). */
  bareVolume?: boolean
}


/** Reads the source part of an entry. */
/** What the rest of the entry tells about its source. */
export interface SourceContext {
  /** The entry has a URL and no DOI: a lone name after the title is a site (default: false). */
  linked?: boolean
  /** The entry's date has a month or day: a lone name after the title is a periodical or site (default: false). */
  dated?: boolean
  /** The title's brackets give a report number (`(No. 16)`): a lone name after it is the publisher (default: false). */
  reported?: boolean
}

export function readSource(text: string, {chapterLead = false, ...context}: SourceContext & {chapterLead?: boolean} = {}): Source {
  const source: Source = {dates: [], texts: [], leftover: []}
  let rest = text.trim()
  const original = ORIGINAL.exec(rest)
  if (original) {
    source.original = {'date-parts': [[Number(original[1])]]}
    rest = `${rest.slice(0, original.index)} ${rest.slice(original.index + original[0].length)}`.trim()
  }
  rest = readChapterLead(rest, source, chapterLead)
  for (const part of parts(rest)) classify(part, source)
  settle(source, context)
  return source
}

/**
 * `In A. Editor (Ed.), Book (2nd ed., pp. 1–20). Publisher.` (APA) and
 * `in Editor, A. (ed.) Book.` (Harvard): the editors and book before the rest.
 */
function readChapterLead(text: string, source: Source, chapterLead: boolean): string {
  const lead = /^(?:In|in|En|en|Dans|dans|Im|im|In:)\s+/u.exec(text)
  if (!lead && !chapterLead) return text
  let rest = lead ? text.slice(lead[0].length) : text
  source.chapter = true
  const editors = /^(.+?)\s*\((?:Eds?|eds?|Hrsg|Hg|Coords?|Dirs?|Comps?)\.?\),?\s*/u.exec(rest)
  if (editors && editors[1]!.length < 200) {
    source.editor = readNameRun(editors[1]!)
    rest = rest.slice(editors[0].length)
  }
  // The book's title runs to its bracketed details or the sentence end.
  const bracket = /^(.+?)\s*\(([^()]*(?:pp?\.|ed\.|Vol\.|vol\.|S\.|págs?\.)[^()]*)\)\.?\s*/u.exec(rest)
  if (bracket && !/[.]\s/.test(bracket[1]!.replace(/\b(?:\p{Lu}|St|Vol|vol|No|pp?)\./gu, ''))) {
    source.container = bracket[1]!.trim()
    for (const detail of bracket[2]!.split(/,\s*/)) classify(detail.trim(), source)
    return rest.slice(bracket[0].length)
  }
  // IEEE: `in Book Title, A. Editor and B. Editor, Eds. Place: Publisher, 2000, pp. 1–20.`
  const ieee = /^(.+?),\s+((?:\p{Lu}[\p{Ll}]?\.[\s-]?)+[^,]+?(?:,\s+(?:and\s+)?(?:\p{Lu}[\p{Ll}]?\.[\s-]?)+[^,]+?)*(?:,?\s+and\s+(?:\p{Lu}[\p{Ll}]?\.[\s-]?)+[^,]+?)?),\s+Eds?\.\s*/u.exec(rest)
  if (ieee) {
    source.container = ieee[1]!.trim()
    source.editor = readNameRun(ieee[2]!)
    return rest.slice(ieee[0].length)
  }
  // A book title keeps its subtitle after `?` or `!` (`In Who Decides Networks? History and Attention, edited by …`).
  const end = sentenceEnd(rest, true)
  const head = rest.slice(0, end.at)
  // `In Book Title, edited by X, 1–20.` (Chicago), `In Proceedings of …, pages 1–10, Washington, DC, May 1993.`
  // keep their commas for the parts.
  const comma = CHAPTER_DETAILS.exec(head)
  source.container = (comma ? comma[1]! : head).trim()
  return (comma ? head.slice(comma[0].length) + rest.slice(end.at) : rest.slice(end.next)).replace(/^[\s.,]+/, '')
}

// What may follow a book's or proceedings' title after a comma: editors, volume, pages, a date, a place with its state.
const CHAPTER_DETAILS = new RegExp(
  String.raw`^(.+?),\s*(?=(?:edited|ed\.|eds\.|trans|translated|vol\.|volume\s|no\.|pp?\.|pages?\s|\d|${MONTH_WORD}\s+\d|[\p{Lu}][\p{L}.]+(?:\s[\p{Lu}][\p{L}.]+){0,2},\s*(?:\p{Lu}{2}|\p{Lu}\.\s?\p{Lu}\.?)\.?(?:,|$)))`,
  'iu'
)

const MONTH_DAY_COMMA = new RegExp(String.raw`(${MONTH_WORD}\s+\d{1,2}),\s+(?=\d{4})`, 'gu')

/** Cuts the source at full stops, commas and semicolons outside brackets, keeping `March 4, 2021` and `Place: Publisher` whole. */
export function parts(text: string): string[] {
  const protectedText = text.replace(MONTH_DAY_COMMA, '$1\u0000 ')
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < protectedText.length; i++) {
    const char = protectedText[i]!
    if (char === '(' || char === '[') depth++
    else if (char === ')' || char === ']') depth = Math.max(0, depth - 1)
    else if (depth === 0 && (char === ',' || char === '.') && /^\s|^$/.test(protectedText.slice(i + 1, i + 2))) {
      const before = protectedText.slice(start, i)
      // `9th ed. Gallimard`: an edition's `ed.` ends its part.
      if (char === '.' && (isAbbreviation(before) || MONTH_ABBREVIATION.test(before)) && !EDITION.test(`${before.trim()}.`)) continue
      out.push(protectedText.slice(start, i))
      start = i + 1
    }
  }
  out.push(protectedText.slice(start))
  const cleaned = out.map((part) => part.replace(/\u0000/g, ',').trim().replace(/^[.,;]+|[.,;]+$/g, '').trim()).filter(Boolean)
  // A part opening in lower case continues the one before (`Punch, or the London Charivari`), unless it is a label.
  const joined: string[] = []
  for (const [index, part] of cleaned.entries()) {
    const previous = joined[joined.length - 1]
    if (previous !== undefined && /^\p{Ll}/u.test(part) && !LABEL.test(part)) joined[joined.length - 1] += `, ${part}`
    // `edited by Emily O’Brien, Chiara García Márquez, and L. Halliday`: the names run to their `and`.
    else if (previous !== undefined && /^(?:edited|translated|ed\.|trans\.)\s+by\s/iu.test(previous) && !/\s(?:and|&)\s/u.test(previous) && namesRunToAnd(cleaned, index)) joined[joined.length - 1] += `, ${part}`
    // `New York, NY: Publisher`, `Upper Saddle River, New Jersey: Publisher`: a place with a comma.
    else if (previous !== undefined && isPlace(previous) && /^[\p{Lu}][\p{L}.\s]{0,25}:\s/u.test(part) && isPlace(part.split(':')[0]!)) joined[joined.length - 1] += `, ${part}`
    // `Cambridge, MA`, `Washington, D. C.`: a place and its state's code.
    else if (previous !== undefined && isPlaceName(previous) && STATE_CODE.test(part)) joined[joined.length - 1] += `, ${part}`
    else joined.push(part)
  }
  return joined
}

const STATE_CODE = /^(?:\p{Lu}{2}|\p{Lu}\.\s?\p{Lu}\.?|[\p{Lu}][\p{Ll}]{2,4}\.)$/u

/** Whether `parts[from…]` are names up to one opening with `and` (the last of an editors' list). */
function namesRunToAnd(parts: string[], from: number): boolean {
  for (let i = from; i < parts.length; i++) {
    if (/^(?:and|&)\s/u.test(parts[i]!)) return i > from
    if (LABEL.test(parts[i]!) || !readNames(parts[i]!, {trusted: true})) return false
  }
  return false
}

/** `New York`, `Cambridge, MA`, `Rio de Janeiro`: capitalised words with at most a place's small words. */
function isPlaceName(text: string): boolean {
  const words = text.split(/[\s,]+/).filter(Boolean)
  return words.length <= 5 && words.every((word) => /^[\p{Lu}]/u.test(word) || /^(?:de|del|do|da|upon|on|am|sur|en|im|an|der)$/u.test(word))
}

function isPlace(text: string): boolean {
  return /^[\p{Lu}][\p{L}.\s]{0,30}$/u.test(text) && text.split(/\s+/).length <= 4
}

const MONTH_ABBREVIATION = /(?:^|\s)(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$/u

const LABEL = /^(?:pages?\s|vols?\.?|no\.?|nos\.?|nr\.?|núm\.?|pp?\.|pgs?\.?|págs?\.|s\.|ed\.|eds\.|edn|edited|trans|translated|transl|hrsg|in\s|en\s|dans\s|im\s|et al|e\d|art\.|article|issue|retrieved|available|accessed|doi|http|www)/iu


/** Files one part of the source under its field. */
function classify(raw: string, source: Source) {
  let part = raw.replace(/^[([]|[)\]]$/g, (bracket) => (raw.startsWith('(') && raw.endsWith(')')) || (raw.startsWith('[') && raw.endsWith(']')) ? '' : bracket).trim()
  if (!part) return
  // A date in brackets inside a part: `45 (1930)`, `no. 7327 (2001): 1469–71`.
  const inner = /\s*(?<!\d)\(([^()]*\d{4}[^()]*)\)/u.exec(part)
  if (inner && readDate(inner[1]!)) {
    source.dates.push(readDate(inner[1]!)!)
    part = `${part.slice(0, inner.index)}${part.slice(inner.index + inner[0].length)}`.trim()
    const pages = /^(.*?)\s*:\s*([A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?)$/u.exec(part)
    if (pages) {
      source.page = dash(pages[2]!)
      part = pages[1]!
    }
    if (!part) return
  }
  let match: RegExpExecArray | null
  if ((match = VANCOUVER.exec(part)) && (match[2] || match[4])) {
    source.dates.push(readDate(match[1]!)!)
    if (match[2]) source.volume = match[2]
    if (match[3]) source.issue = match[3]
    if (match[4]) source.page = dash(match[4])
  } else if ((match = VOLUME_ISSUE.exec(part)) && !(match[2] && readDate(match[3]!))) {
    // `274(1608)` is an issue; `45 (1930)`, with a space, is MLA's or Chicago's year.
    source.volume = match[1]!
    source.issue = match[3]!.replace(/^(?:no|nr)\.?\s*/i, '')
    if (match[4]) source.page = dash(match[4])
  } else if ((match = VOLUME_PAGES.exec(part))) {
    source.volume = match[1]!
    source.page = dash(match[2]!)
  } else if ((match = VOLUME.exec(part))) source.volume = match[1]!
  else if ((match = ISSUE.exec(part)) && (source.volume || source.container || source.texts.length > 0)) source.issue = match[1]!
  else if ((match = REPORT_NUMBER.exec(part))) source.number = match[1] ?? match[2]!
  else if ((match = PAGES.exec(part))) source.page = dash(match[1]!)
  else if ((match = PAGES_THEN.exec(part))) {
    // `pp. 62-68 Sydney`: a missing comma after the pages.
    source.page = dash(match[1]!)
    classify(match[2]!, source)
  } else if (STATUS.test(part)) source.genre ??= part
  else if (/^(?:1[5-9]|20)\d\d\s*[-–]\s*(?:1[5-9]|20)\d\d$/.test(part) && !source.volume && source.texts.length > 0) {
    // `Foreign Relations of the United States, 1961-1963, VI`: a span of years names a series, not pages.
    source.texts[source.texts.length - 1] += `, ${part}`
  } else if (/^[IVXLC]{1,6}$/.test(part) && source.texts.length > 0 && !source.volume) source.volume = part
  else if ((match = RANGE.exec(part)) && (source.container || source.texts.length > 0 || source.volume)) {
    // `A1, A6`: newspaper pages were cut at their comma.
    source.page = source.page && /^[A-Z]\d+$/.test(source.page) ? `${source.page}, ${match[1]}` : dash(match[1]!)
  }
  // `Labour Economics, 41, 61–76`: a bare number after the journal is its volume.
  else if (/^\d{1,4}[A-Za-z]?$/.test(part) && (source.container || source.texts.length > 0) && !source.volume && !readDate(part)) {
    source.volume = part
    source.bareVolume = true
  }
  // `ApJ, 660, 1118`: a number after the volume is its page, unless it is the year the source has not given yet.
  else if (/^[A-Za-z]?\d{1,5}[A-Za-z]?$/.test(part) && source.volume && !source.page && !(/^(?:1[5-9]|20)\d\d$/.test(part) && source.dates.length === 0)) source.page = part
  else if ((match = ARTICLE.exec(part))) source.number = match[1] ?? match[2]!
  else if ((match = EDITION.exec(part))) source.edition = match[1] ? editionNumber(match[1]) : part.replace(/\.$/, '')
  else if ((match = EDITORS.exec(part))) source.editor = [...(source.editor ?? []), ...readNameRun(match[1]!)]
  else if ((match = TRANSLATORS.exec(part))) source.translator = [...(source.translator ?? []), ...readNameRun(match[1]!)]
  else if ((match = /^(.+?),?\s+(?:\(?(?:Eds?|eds?)\.?\)?|editors?)$/u.exec(part)) && source.chapter) source.editor = readNameRun(match[1]!)
  else if ((match = /^(.+?),?\s+\(?(?:Trans|trans|Tr)\.?\)?$/u.exec(part))) source.translator = readNameRun(match[1]!)
  else if (readDate(part)) source.dates.push(readDate(part)!)
  else if ((match = dayMonth(part))) source.monthDay = [monthNumber(match[2] ?? match[3]!)!, Number(match[1] ?? match[4]) || undefined]
  else if (/^(?:Doctoral dissertation|Master'?s thesis|PhD thesis|Ph\.D\. diss|Tesis doctoral|Dissertation|Thèse)/iu.test(part)) source.genre = part
  else if (/^By\s+\p{Lu}/u.test(part)) source.leftover.push(part)
  else if ((match = /^([\p{Lu}][\p{L}.\s]{1,30}?(?:,\s*[\p{Lu}][\p{L}.\s]{1,20})?)\s*:\s*(.+)$/u.exec(part)) && isPlaceName(match[1]!) && !source.publisher) {
    source.place = match[1]!.trim()
    source.publisher = match[2]!.trim()
  } else if (/^(?:Retrieved|Recuperado|Available|Accessed|Consultado)\b/iu.test(part)) return
  else if ((match = NAMED_NUMBERS.exec(part)) && !readDate(match[2]!) && isNumbers(match[2]!)) {
    // `SIGPLAN Notices 21(7)`, `Linguistic Inquiry 36: 1-22`, `Nutr. Rev. 2012`: a journal's name with its numbers or year.
    text(match[1]!, source)
    classify(match[2]!, source)
  } else if ((match = NAMED_YEAR.exec(part)) && !/^\d/.test(match[1]!)) {
    text(match[1]!, source)
    source.dates.push(readDate(match[2]!)!)
  } else text(part, source)
}

const PAGES_THEN = /^(?:pp?|pages?|Pages?)\.?\s*(\d+\s*[-–—]+\s*\d+)\s+(\p{Lu}.*)$/u
// A work's state, which CSL keeps as its genre: `Preprint`, `Unpublished manuscript`, `to appear`.
const STATUS = /^(?:preprint|(?:unpublished\s+)?manuscript|unpublished|submitted(?:\s+for publication)?|to appear|in preparation|personal communication|draft)\b/iu
const NAMED_NUMBERS = /^(\D.*?)\s+(\d+[A-Za-z]?\s*(?:\([^()]+\))?\s*(?::\s*[A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?)?)$/u
const NAMED_YEAR = /^(.+?)\s+((?:1[5-9]|20)\d\d)$/u

/** `21(7)`, `36: 1-22`, `14`: a volume, with its issue or pages. */
function isNumbers(text: string): boolean {
  return VOLUME_ISSUE.test(text) || VOLUME_PAGES.test(text) || /^\d{1,4}[A-Za-z]?$/.test(text)
}

const DAY_MONTH = new RegExp(String.raw`^(?:(\d{1,2})\s+(${MONTH_WORD})|(${MONTH_WORD})\s+(\d{1,2}))$`, 'iu')

function dayMonth(part: string): RegExpExecArray | null {
  return DAY_MONTH.exec(part)
}

/** A text part, placed once all parts are known (settle). */
function text(part: string, source: Source) {
  source.texts.push(part)
}

/**
 * Places the text parts by their position: places trail the source
 * (`MIT Press, Cambridge, MA`, `Proceedings of …, Zurich, Switzerland`); with
 * journal parts (volume, issue, pages, a day's date) or in a chapter the
 * first is the container and the next the publisher; a lone name after a
 * book's title is its publisher, after a web page's its site, unless it names
 * a publishing house or an organisation. `BMJ 323` holds the volume.
 */
function settle(source: Source, context: SourceContext) {
  const texts = [...source.texts]
  // A bare number after a name, with no pages or issue, numbers a report (IEEE `Publisher, 23, 1997.`).
  if (source.bareVolume && !source.page && !source.issue && !source.chapter && !source.number) {
    source.number = source.volume
    delete source.volume
  }
  // A thesis names its university where a book names its publisher.
  if (source.genre && /dissertation|thesis|tesis|thèse/i.test(source.genre) && texts.length > 0 && !source.publisher) source.publisher = texts.shift()
  if (!source.place) takePlace(texts, source)
  const dated = context.dated || source.monthDay || source.dates.some((date) => date.issued && 'date-parts' in date.issued && date.issued['date-parts'][0].length > 1)
  const journal = Boolean(source.volume || source.issue || source.page || dated || source.chapter)
  // A report's number or a house's word makes a lone name its publisher (`JFK Library` before a URL is a site).
  const house = texts.length === 1 && (source.number || context.reported || HOUSE_WORDS.test(texts[0]!))
  // A meeting's or periodical's words make a lone name the container (`Proc. SPIE`, `SIGPLAN Notices`).
  const periodical = texts.length === 1 && (MEETING.test(texts[0]!) || PERIODICAL.test(texts[0]!))
  if (!source.container && texts.length > 0 && (journal || texts.length > 1 || periodical || (context.linked && !house))) source.container = texts.shift()
  if (!source.publisher && texts.length > 0) source.publisher = texts.shift()
  source.leftover.push(...texts)
  const numbered = source.container && !source.volume && /^(.+?)\s+(\d{1,4})$/u.exec(source.container)
  if (numbered && (source.issue || source.page || source.dates.length > 0) && !/\b(?:19|20)\d{2}$/.test(source.container!)) {
    source.container = numbered[1]!
    source.volume = numbered[2]!
  }
}

const PERIODICAL = /\b(?:Journal|Transactions|Trans\.|Review|Rev\.|Notices|Letters|Lett\.|Magazine|Quarterly|Annals|Bulletin|Newsletter|Zeitschrift|Revue|Revista|Rivista)\b/u
const MEETING = /\b(?:Proceedings|Proc\.|Conference|Conf\.|Symposium|Symp\.|Workshop|Congress|Meeting|Colloquium)/u

/**
 * The place at the end of the text parts: `Cambridge, MA` anywhere after the
 * container; a bare place name after a publisher (`Addison-Wesley, Reading`)
 * or a meeting (`Proceedings of …, Zurich`), not as the only name after a
 * book's title (`Routledge` is a publisher there).
 */
function takePlace(texts: string[], source: Source) {
  const first = source.container ? 0 : 1
  let from = texts.length
  while (from > first && isPlaceName(texts[from - 1]!) && !HOUSE_WORDS.test(texts[from - 1]!) && !GROUP.test(texts[from - 1]!)) from--
  // After a meeting's name one bare name may be its publisher (`Proceedings of …, Springer`); two are a place.
  const meeting = MEETING.test(source.container ?? texts[0] ?? '') && texts.length - from > 1
  if (from === first && !meeting && from < texts.length && !/,\s/.test(texts[from]!)) from++
  if (from < texts.length) source.place = texts.splice(from).join(', ')
}

function dash(pages: string): string {
  return pages.replace(/\s*[-–—]+\s*/g, '–').replace(/\s*,\s*/g, ', ')
}

const WORD_EDITIONS: Record<string, string> = {first: '1', second: '2', third: '3', fourth: '4', fifth: '5', sixth: '6', seventh: '7', eighth: '8', ninth: '9', tenth: '10'}

function editionNumber(written: string): string {
  return WORD_EDITIONS[written.toLowerCase()] ?? written
}
