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
import {MONTH_WORD, monthNumber, readDate} from './dates.js'
import {readNameRun} from './names.js'
import {namesOnly, readChapterLead} from './source-chapter.js'
import {isKnownPlace} from './places.js'
import {isPlaceName, parts} from './source-parts.js'
import {ARTICLE, EDITION, EDITION_PHRASE, EDITOR_WORD, EDITORS, ISSUE, JOINED_ISSUE, ORIGINAL, PAGES, SPACED_PAGES, RANGE, REPORT_NUMBER, SERIES, TRANSLATORS, VANCOUVER, VOLUME, VOLUME_ISSUE, VOLUME_OF, VOLUME_PAGES} from './source-patterns.js'
import {series, settle} from './source-settle.js'
import type {Source, SourceContext} from './source-model.js'

export type {Source, SourceContext} from './source-model.js'

const BRACKETED_FACTS = /\s*\(([^()]*?[,:][^()]*?\b(?:1[5-9]|20)\d\d[a-z]?)\)/gu

/** Reads the source part of an entry. */
export function readSource(text: string, {chapterLead = false, ...context}: SourceContext & {chapterLead?: boolean} = {}): Source {
  const source: Source = {dates: [], texts: [], leftover: []}
  // Typeset hyphens and minus signs (`658‑677`) are the ranges' dashes.
  let rest = text.trim().replace(/[\u2010-\u2012\u2212]/gu, '-')
  const original = ORIGINAL.exec(rest)
  if (original) {
    source.original = {'date-parts': [[Number(original[1])]]}
    rest = `${rest.slice(0, original.index)} ${rest.slice(original.index + original[0].length)}`.trim()
  }
  // Chicago's `(New York: Library of America, 1983)` and a meeting's `(Berlin, 1996)`: the brackets hold parts of the source.
  rest = rest.replace(BRACKETED_FACTS, (_, inner: string) => `, ${inner},`)
  const lead = readChapterLead(rest, source, chapterLead)
  for (const detail of lead.details) classify(detail, source)
  // The text parts that run unbroken from the start to the first volume, issue or page (settle may join them).
  let unbroken = true
  for (const part of parts(lead.rest)) {
    const texts = source.texts.length
    classify(part, source)
    const numbered = Boolean(source.volume || source.issue || source.page)
    if (unbroken && numbered) source.numbersAt ??= source.texts.length
    if (numbered || source.texts.length === texts) unbroken = false
  }
  settle(source, context)
  return source
}

/** Files one part of the source under its field. */
function classify(raw: string, source: Source) {
  let part = raw.replace(/^[([]|[)\]]$/g, (bracket) => (raw.startsWith('(') && raw.endsWith(')')) || (raw.startsWith('[') && raw.endsWith(']')) ? '' : bracket).trim()
  if (!part) return
  // A date in brackets inside a part: `45 (1930)`, `no. 7327 (2001): 1469–71`.
  const inner = /\s*(?<!\d)\(([^()]*\d{4}[^()]*)\)/u.exec(part)
  if (inner && readDate(inner[1]!)) {
    source.dates.push(readDate(inner[1]!)!)
    part = `${part.slice(0, inner.index)}${part.slice(inner.index + inner[0].length)}`.trim()
    // `no. 7327 (2001): 1469–71`; physics' `Phys. Lett. B428 (1998) 105-114` puts the pages after the year with no colon.
    const pages = /^(.*?)\s*:\s*([A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?)$/u.exec(part) ?? /^(.*?\d[A-Za-z]?)\s+([A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?)$/u.exec(part)
    if (pages) {
      source.page = dash(pages[2]!)
      part = pages[1]!
    }
    if (!part) return
  }
  // `Advances in Neural Information Processing Systems (Vol. 1)`: a name with its details in brackets.
  const details = /^(\D.*?)\s*\(([^()]*\b(?:Vol|vol|pp?|ed|edn|No|Suppl)\.?\s[^()]*)\)$/u.exec(part)
  if (details) {
    classify(details[1]!, source)
    for (const detail of details[2]!.split(/,\s*/)) classify(detail, source)
    return
  }
  let match: RegExpExecArray | null
  if ((match = VANCOUVER.exec(part)) && (match[2] || match[4] || match[5])) {
    source.dates.push(readDate(match[1]!)!)
    const [volume, issue, pages] = match[5] ? [match[5], match[6], match[7]] : [match[2], match[3], match[4]]
    if (volume) source.volume = volume
    if (issue) source.issue = issue
    if (pages) source.page = dash(pages)
  } else if ((match = VOLUME_ISSUE.exec(part)) && !(match[2] && readDate(match[3]!))) {
    // `274(1608)` is an issue; `45 (1930)`, with a space, is MLA's or Chicago's year.
    source.volume = match[1]!
    source.issue = match[3]!.replace(/^(?:no|nr)\.?\s*/i, '')
    if (match[4]) source.page = dash(match[4])
  } else if ((match = VOLUME_PAGES.exec(part))) {
    source.volume = match[1]!
    source.page = dash(match[2]!)
  } else if ((match = JOINED_ISSUE.exec(part)) && !source.volume && !/^0/.test(match[2] ?? match[3]!)) {
    // (`version 2.0` is no issue 0, and an impact factor after the volume is none either.)
    source.volume = match[1]!
    source.issue = match[2] ?? match[3]!
    if (match[4]) source.page = dash(match[4])
  } else if ((match = SPACED_PAGES.exec(part)) && (source.container || source.texts.length > 0) && !source.volume) {
    source.volume = match[1]!
    source.page = dash(match[2]!)
  } else if ((match = VOLUME_OF.exec(part))) {
    source.volume = match[1]!
    series(match[2]!, source)
  } else if ((match = VOLUME.exec(part))) source.volume = match[1]!
  else if ((match = ISSUE.exec(part)) && (source.volume || source.container || source.texts.length > 0)) source.issue = match[1]!
  else if ((match = REPORT_NUMBER.exec(part))) source.number = match[1] ?? match[2]!
  else if ((match = PAGES.exec(part))) source.page = dash(match[1]!)
  else if ((match = PAGE_COUNT.exec(part))) source.pageCount = match[1]!
  else if ((match = VOLUME_COUNT.exec(part))) source.volumeCount = match[1]!
  else if ((match = VOLUME_THEN.exec(part)) && !source.volume) {
    // `Vol. 23 Doubleday, Page and Company`: a missing full stop after the volume.
    source.volume = match[1]!
    source.numbersAt ??= source.texts.length
    classify(match[2]!, source)
  }
  else if ((match = NAMED_PAGES.exec(part))) {
    // `Political Behavior pp. 1–22`: a comma missing before the pages.
    text(match[1]!, source)
    classify(match[2]!, source)
  }
  else if ((match = PAGES_THEN.exec(part))) {
    // `pp. 62-68 Sydney`: a missing comma after the pages.
    source.page = dash(match[1]!)
    classify(match[2]!, source)
  } else if (STATUS.test(part)) source.genre ??= part
  else if (/^(?:1[5-9]|20)\d\d\s*[-–]\s*(?:1[5-9]|20)\d\d$/.test(part) && !source.volume && source.texts.length > 0) {
    // `Foreign Relations of the United States, 1961-1963, VI`: a span of years names a series, not pages.
    source.texts[source.texts.length - 1] += `, ${part}`
  } else if ((match = /^((?:1[5-9]|20)\d\d)\s*[-–]\s*(?:1[5-9]|20)\d\d$/u.exec(part)) && source.publisher && !source.volume && !source.page) {
    // `New York: Harper & Row, 1974–1978`: a work published over years is dated by its first.
    source.dates.push(readDate(match[1]!)!)
  } else if (/^[IVXLC]{1,6}$/.test(part) && source.texts.length > 0 && !source.volume) source.volume = part
  else if ((match = RANGE.exec(part)) && (source.container || source.texts.length > 0 || source.volume || source.publisher)) {
    // `A1, A6`: newspaper pages were cut at their comma.
    source.page = source.page && /^[A-Z]\d+$/.test(source.page) ? `${source.page}, ${match[1]}` : dash(match[1]!)
  }
  // `Labour Economics, 41, 61–76`: a bare number after the journal is its volume.
  else if (/^\d{1,4}[A-Za-z]?$/.test(part) && (source.container || source.texts.length > 0) && !source.volume && !readDate(part)) {
    // `JHEP 1005, 067 (2010)`: after a name that ends in its volume, the number is the page.
    if (/\s\d{1,4}$/u.test(source.texts[source.texts.length - 1] ?? '') && !source.page) source.page = part
    else {
      source.volume = part
      source.bareVolume = true
    }
  }
  // `ApJ, 660, 1118`: a number after the volume is its page, unless it is the year the source has not given yet.
  else if (/^[A-Za-z]?\d{1,5}[A-Za-z]?$/.test(part) && source.volume && !source.page && !(/^(?:1[5-9]|20)\d\d$/.test(part) && source.dates.length === 0)) source.page = part
  else if ((match = ARTICLE.exec(part))) source.number = match[1] ?? match[2]!
  else if ((match = EDITION.exec(part))) source.edition = editionOf(match[1], part)
  else if (EDITION_PHRASE.test(part) && !source.edition) source.edition = part.replace(/\.$/, '')
  else if ((match = EDITORS.exec(part))) source.editor = [...(source.editor ?? []), ...readNameRun(match[1]!)]
  else if ((match = TRANSLATORS.exec(part))) source.translator = [...(source.translator ?? []), ...readNameRun(match[1]!)]
  // `Eike Middell (ed.)`, `Tim Ingold, ed`, `French, B.M. and Short, N.M., eds`: names marked as editors, in a chapter or after a book's title.
  else if ((match = NAMES_AS_EDITORS.exec(part)) && (source.chapter || namesOnly(match[1]!))) source.editor = [...(source.editor ?? []), ...readNameRun(match[1]!)]
  else if ((match = /^(.+?),?\s+\(?(?:Trans|trans|Tr)\.?\)?$/u.exec(part))) source.translator = readNameRun(match[1]!)
  else if (readDate(part)) source.dates.push(readDate(part)!)
  else if ((match = dayMonth(part))) source.monthDay = [monthNumber(match[2] ?? match[3]!)!, Number(match[1] ?? match[4]) || undefined]
  else if ((match = RANGE_YEAR.exec(part)) && dayMonth(match[1]!)) {
    classify(match[1]!, source)
    source.dates.push(readDate(match[2]!)!)
  } else if ((match = NUMERIC_DATE.exec(part)) && Number(match[2]) <= 12) {
    source.dates.push({year: match[3]!, issued: {'date-parts': [[Number(match[3]), Number(match[2]), Number(match[1])]]}})
  }
  else if (THESIS.test(part)) source.genre = part
  else if (REPORT_GENRE.test(part)) source.genre ??= part
  else if (/^By\s+\p{Lu}/u.test(part)) source.leftover.push(part)
  else if ((match = PLACE_PUBLISHER.exec(part)) && (isKnownPlace(match[1]!) || (isPlaceName(match[1]!) && /^[\p{L}.\s]+(?:,[\p{L}.\s]+)?$/u.test(match[1]!))) && !source.publisher) {
    source.place = match[1]!.trim()
    source.publisher = match[2]!.trim()
  } else if (/^(?:Retrieved|Recuperado|Available|Accessed|Consultado)\b/iu.test(part)) return
  // `Notes in Applied Harmonics 41`: a series keeps its number (settle reads it).
  else if (SERIES.test(part) && /\s\d+[A-Za-z]?$/u.test(part)) text(part, source)
  else if ((match = NAMED_NUMBERS.exec(part)) && !readDate(match[2]!) && isNumbers(match[2]!)) {
    // `SIGPLAN Notices 21(7)`, `Linguistic Inquiry 36: 1-22`, `Nutr. Rev. 2012`: a journal's name with its numbers or year,
    // and Vancouver's year between them (`Knee Res. 2014 Jun; 45(3) 211-9`).
    const year = VANCOUVER_YEAR.exec(match[1]!)
    if (year) source.dates.push(readDate(year[1]!)!)
    text(year ? match[1]!.slice(0, year.index) : match[1]!, source)
    classify(match[2]!, source)
  } else if (/^(?:ser\.|Coll\.|coll\.)\s/u.test(part)) series(part, source)
  else if ((match = NAMED_YEAR.exec(part)) && !/^\d/.test(match[1]!)) {
    text(match[1]!, source)
    source.dates.push(readDate(match[2]!)!)
  } else text(part, source)
}

// `New York: Penguin`, `Ross-on-Wye, UK: PCCS Books`, `Amsterdam; Boston: Morgan Kaufmann`, `London/Philadelphia: Whurr`.
const PLACE_PUBLISHER = /^([\p{Lu}][\p{L}.\s'’/;-]{1,40}?(?:,\s*[\p{Lu}][\p{L}.\s'’-]{1,20}){0,2})\s*:\s*(.+)$/u
const NAMES_AS_EDITORS = new RegExp(String.raw`^(.+?),?\s+(?:\(?${EDITOR_WORD}\.?\)?|editors?)$`, 'u')
// A book's length: `272 pp.`, `406 p.`, `248p`, `634 s.`.
const PAGE_COUNT = /^(\d+)\s*(?:pp?|pages|S|s|str)\.?$/u
// A work's count of volumes: `2 vols.`, `8 volumes`, `3 Bde.`, `4 t.`.
const VOLUME_COUNT = /^(\d{1,3})\s*(?:vols?|volumes|Bde|Bände|t|tomes|tomos)\.?$/iu
const VOLUME_THEN = /^(?:Vols?|vols?)\.\s*(\d+[A-Za-z]?)\s+(\p{Lu}\p{L}.*)$/u
const NAMED_PAGES = /^(\D.*?[\p{L})])\s+((?:pp?\.|pages?\s)\s*\d.*)$/u
const PAGES_THEN = /^(?:pp?|pages?|Pages?)\.?\s*(\d+\s*[-–—]+\s*\d+)\s+(\p{Lu}.*)$/u
// A work's state, which CSL keeps as its genre: `Preprint`, `Unpublished manuscript`, `to appear`.
// `PhD thesis`, `Ph.D, thesis` (its full stop cut the part), `M.Sc. thesis`, `Diplomarbeit`.
const THESIS = /^(?:Doctoral dissertation|(?:Master'?s?|Masters|Bachelor'?s?|Diploma|Honou?rs|Ph\.?\s?D\.?|M\.?\s?S(?:c)?\.?|M\.?\s?A\.?|B\.?\s?S(?:c)?\.?),?\s+(?:thesis|dissertation|diss\.?)|Ph\.?\s?D\.?\s+diss|Tesis doctoral|Tesis|Dissertation|Thèse|Diplomarbeit|Doktorarbeit|Habilitation)/iu
// A report's kind standing alone in the source: `Technical report`, `Tech. rep.`, `Working paper`.
const REPORT_GENRE = /^(?:Tech(?:nical)?\.?\s*(?:rep(?:ort)?|rpt)\.?|Research report|Working paper|Discussion paper|Internal report|White paper)$/iu
const STATUS = /^(?:preprint|(?:unpublished\s+)?manuscript|unpublished|submitted(?:\s+for publication)?|to appear|in preparation|personal communication|draft)\b/iu
const NAMED_NUMBERS = /^(\D.*?)\s+(\d+[A-Za-z]?(?:\s*\([^()]+\)|[./]\d+(?:[-–]\d+)?|\s*:\s*\d+(?=\s*:))?\s*(?:(?::\s*|\s)(?:pp?\.\s*)?[A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?)?:?)$/u
const VANCOUVER_YEAR = /\s+((?:1[5-9]|20)\d\d)(?:\s+[A-Z][a-z]{2})?\s*;?$/u
const NAMED_YEAR = /^(.+?)\s+((?:1[5-9]|20)\d\d)$/u

/** `21(7)`, `36: 1-22`, `13.2`, `5 175-185`, `14`: a volume, with its issue or pages. */
function isNumbers(text: string): boolean {
  return VOLUME_ISSUE.test(text) || VOLUME_PAGES.test(text) || JOINED_ISSUE.test(text) || SPACED_PAGES.test(text) || /^\d{1,4}[A-Za-z]?$/.test(text)
}

// `12 Feb.`, `February 22`, or a month alone (`June, 1979`, `Tokyo, October, 1994`), and their ranges
// (`7-10 December`, `April 8-11`, `July-August`, `mai-juin`): the first day and month are the issue's.
const RANGE_END = String.raw`(?:\s*[-–/]\s*(?:\d{1,2}|${MONTH_WORD}))?`
const DAY_MONTH = new RegExp(String.raw`^(?:(\d{1,2})${RANGE_END}\s+(${MONTH_WORD})|(${MONTH_WORD})(?:\s+(\d{1,2}))?${RANGE_END})$`, 'iu')
// A month range before the year (`July-August 1990`, `April 8-11 1991`): the year is the entry's date.
const RANGE_YEAR = new RegExp(String.raw`^(.+?)\s+((?:1[5-9]|20)\d\d)$`, 'u')
// `25/04/2013`, `25.04.2013`: day, month, year.
const NUMERIC_DATE = /^(\d{1,2})[./](\d{1,2})[./]((?:1[5-9]|20)\d\d)$/u

function dayMonth(part: string): RegExpExecArray | null {
  return DAY_MONTH.exec(part)
}

/** A text part, placed once all parts are known (settle). */
function text(part: string, source: Source) {
  source.texts.push(part)
}

function dash(pages: string): string {
  return pages.replace(/\s*[-–—]+\s*/g, '–').replace(/\s*,\s*/g, ', ')
}

const WORD_EDITIONS: Record<string, string> = {first: '1', second: '2', third: '3', fourth: '4', fifth: '5', sixth: '6', seventh: '7', eighth: '8', ninth: '9', tenth: '10'}

/** `2nd ed.` and `second edition` are edition 2; `Rev. ed.` is kept as written. */
function editionOf(written: string | undefined, part: string): string {
  if (written && /^\d+$/.test(written)) return written
  return (written && WORD_EDITIONS[written.toLowerCase()]) ?? part.replace(/\.$/, '')
}
