/**
 * Reads one reference entry into CSL-JSON by the grammar the styles share:
 * links first (they look alike everywhere), then the names at its start, the
 * date right after them (APA, Harvard, Chicago author-date) or in the source
 * (MLA, Chicago, IEEE), the title, and the source (source.ts). Pure: it says
 * which fields it is unsure of and the caller reports them.
 */
import type {CslItem, CslName} from '../csl.js'
import {type ReadDate, readDate} from './dates.js'
import {takeLinks} from './links.js'
import {type NameList, readNames} from './names.js'
import {type Source, readSource} from './source.js'
import {isUntitledArticle, readTitle, sentenceEnd} from './title.js'
import {inferType} from './type.js'
import {EDITION, EDITION_PHRASE} from './source-patterns.js'
import {isGroupName} from './group.js'

export interface ReadEntry {
  /** The item without its id (keys are given once all entries are known). */
  item: CslItem
  /** `2010`, `2010a`, `n.d.`; `''` when the entry has no date. */
  year: string
  /** False when neither names, date nor title could be told apart: the item holds the text as its title. */
  parsed: boolean
  /** Fields read with doubt (`container`, `title`), for one warning at the entry. */
  unsure: string[]
  /** The names were `———.`: the caller gives the previous entry's. */
  sameAuthors: boolean
  /** `3` for `[3]` or `3.` before the entry. */
  number?: string
  /** The names written family first, whose family is sure (known-families.ts learns from them). */
  inverted: CslName[]
}

// A date in brackets right after the names: `(2019a).`, `(2021, March 4).`, `(n.d.)`, `(1967/1970)`.
const BRACKET_DATE = /^\s*[.,]{0,2}\s*\(([^()]{1,40})\)\s*[.,:]?\s*/u
// A bare date after the names: `Marsh. 1990. Title`, `Heidegger M., 1927, Title` (the names end before `.,`),
// or with no stop at all before the title, as anthropology and archaeology write it: `Levine, Robert 1977 Title`.
const BARE_DATE = /^\s*[.,:]{0,2}\s*((?:\d{4}[a-z]?|n\.\s?d\.|s\.\s?f\.|o\.\s?J\.)(?:\/\d{4})?)(?:\s*[.,:]\s+|\s+(?=[\p{Lu}“"«‘]))/u
const UNTITLED_ARTICLE = /^[^,.]{1,40},\s*\d+[A-Za-z]?,\s*[A-Za-z]?\d+(?:\s*[-–]\s*\d+)?$/u
const SAME_AUTHORS = /^\s*(?:[—–]{1,3}|-{2,3}|_{2,})\s*[.,]?\s*/u
/** Reads `text`, one reference entry. */
export function readEntry(text: string): ReadEntry {
  const links = takeLinks(text)
  const item: CslItem = {id: '', type: 'document'}
  const unsure: string[] = []
  if (links.DOI) item.DOI = links.DOI
  if (links.URL) item.URL = /^www\./i.test(links.URL) ? links.URL : links.URL
  if (links.accessed) item.accessed = links.accessed
  if (links.ISBN) item.ISBN = links.ISBN
  // TeX's ``quotes'' are typographic quotes.
  let rest = links.rest.replace(/``/g, '“').replace(/''/g, '”')
  const same = SAME_AUTHORS.exec(rest)
  let names: NameList | undefined
  if (same) rest = rest.slice(same[0].length)
  else {
    names = readNames(rest) ?? loneDirectName(rest)
    if (names) rest = rest.slice(names.end)
  }
  let date = takeHeadDate(rest)
  if (date) rest = date.rest
  let literal: string | undefined
  let title: string | undefined
  let notes: string[] = []
  if (!names && !same) {
    // No personal names: a group author or the title stands first.
    const first = firstPart(rest)
    if (first && !first.quoted && first.text && (isGroupName(first.text) || (isShortProperName(first.text) && first.dated))) {
      literal = first.text.replace(/\s*\[[^\]]+\]|\s*\((\p{Lu}{2,})\)/gu, '').trim()
      rest = first.rest
      date ??= takeHeadDate(rest)
      if (date) rest = date.rest
    }
  }
  // Only where no sentence ends the names (`A. Author, Phys. Rev. B 12, 345`) or a date stands between (`2004, A&A, 416`).
  if (title === undefined && (names || same) && (date || /^\s*,/u.test(rest)) && isUntitledArticle(rest)) rest = rest.replace(/^[\s.,:;]+/, '')
  else if (title === undefined) {
    const read = readTitle(rest)
    title = read.title
    notes = read.notes
    rest = read.rest
    // Astronomy and physics cite articles without their titles: `2004, A&A, 416, 839`.
    if (!read.quoted && date && UNTITLED_ARTICLE.test(title)) {
      rest = `${title}. ${rest}`
      title = undefined
    }
  }
  // Harvard's web page: `(2001) Title of page, Site Name. Available at: …` puts the site after a comma,
  // after the subtitle when the title ends in `?` or `!` (`Who decides? Water in borders, Edutopia.`).
  const subtitle = /[?!]$/.test(title ?? '') && notes.length === 0 ? /^\s*(\p{Lu}[^.?!]*,\s+[^,.?!]+)\.?\s*$/u.exec(rest) : null
  const page = subtitle ? `${title} ${subtitle[1]}` : title
  const site = date && (subtitle || !rest.trim()) && notes.length === 0 ? /^(.{8,}?),\s+((?:[\p{Lu}][\p{L}&’'-]*\s?){1,4})$/u.exec(page ?? '') : null
  if (site && (item.URL || item.DOI)) {
    title = site[1]!
    rest = site[2]!
  }
  // APA puts the date after a title standing first: `Title. (2018, January 8). Container.`
  if (!date) {
    date = takeHeadDate(rest, [BRACKET_DATE])
    if (date) rest = date.rest
  }
  const source = readSource(rest, {linked: Boolean(item.URL && !item.DOI), dated: hasDay(date?.date), reported: notes.some((note) => /^(?:No\.|Report|Working paper)/iu.test(note))})
  for (const note of notes) applyNote(note, source)
  fill(item, {names, literal, title, date: date?.date, source})
  if (links.arXiv) item.note = links.arXiv
  if (source.leftover.length > 0) {
    item.note = [links.arXiv, ...source.leftover].filter(Boolean).join('. ')
    unsure.push(item['container-title'] ? 'publisher' : 'container')
  }
  inferType(item, {genre: source.genre, medium: item.medium, chapter: source.chapter === true, groupAuthor: literal !== undefined})
  const year = date?.date.year ?? yearOf(source) ?? ''
  // A title with nothing else told apart is no reading of the entry.
  const parsed = Object.keys(item).some((key) => !['id', 'type', 'title', 'note'].includes(key))
  if (!parsed) return {item: {id: '', type: 'document', title: text.replace(/\.$/, '')}, year: '', parsed: false, unsure: [], sameAuthors: false, inverted: []}
  if (!title) unsure.push('title')
  return {item, year, parsed, unsure, sameAuthors: Boolean(same), inverted: names?.inverted ?? [], ...(links.number ? {number: links.number} : {})}
}

/**
 * `Tim Watson. A new representation technique for genetic algorithms. In …`:
 * one name written out may open a title-first entry as well (`Silent Spring.
 * Houghton Mifflin, 1962.`), so it is a name only when it names no group and a
 * title of three words or more follows it, then the source: a chapter's `In` or a year;
 * or when a comma and a quoted title follow it.
 */
function loneDirectName(text: string): NameList | undefined {
  const list = readNames(text, {trusted: true})
  if (!list || list.form !== 'direct' || list.names.length !== 1 || isGroupName(text.slice(0, list.end))) return undefined
  // Chicago's notes and bibliographies of essays: `Ruth Olsen, “Harbour Songs,” in …`: a quoted title after the comma.
  if (/^,\s+[“"‘«]/u.test(text.slice(list.end))) return list
  if (!/^\.\s+\p{Lu}/u.test(text.slice(list.end))) return undefined
  const after = text.slice(list.end + 1).trim()
  const end = sentenceEnd(after, true)
  const title = after.slice(0, end.at)
  const source = after.slice(end.next).trim()
  return title.split(/\s+/).length >= 3 && (/^(?:In|in)\s/.test(source) || /\b(?:1[5-9]|20)\d\d\b/.test(source)) ? list : undefined
}

function takeHeadDate(text: string, patterns = [BRACKET_DATE, BARE_DATE]): {date: ReadDate; rest: string} | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text)
    const date = match && readDate(match[1]!.replace(/\s*\(Original[^)]*$/, ''))
    if (match && date) return {date, rest: text.slice(match[0].length)}
  }
  return undefined
}

interface FirstPart {
  text: string
  rest: string
  quoted: boolean
  /** A bracketed date follows the part (`Autonomy (2023)`, `UNESCO. (2023).`). */
  dated: boolean
}

/** The first sentence of an entry with no personal names. */
function firstPart(text: string): FirstPart | undefined {
  if (/^[“"‘'«]/u.test(text)) return {text: '', rest: text, quoted: true, dated: false}
  // IEEE and Vancouver put a comma after a group author: `World Health Organization, “Title,” …`.
  // `Organisation for Economic Co-operation and Development (OECD), “Title,”`: with its abbreviation.
  const comma = /^([^,.“"()]{3,100}?(?:\s*\(\p{Lu}[\p{Lu}\d&]+\))?),\s+(?=[“"‘'«\p{Lu}])/u.exec(text)
  if (comma && isGroupName(comma[1]!)) return {text: comma[1]!.trim(), rest: text.slice(comma[0].length), quoted: false, dated: false}
  // `Organisation for Economic Co-operation and Development (OECD) (1957)`: the abbreviation's bracket before the date's.
  const bracket = /^([^()]{2,150}?(?:\s*\(\p{Lu}[\p{Lu}\d&.]+\))?)\s*\(([^()]{1,40})\)\s*[.,]?\s*/u.exec(text)
  if (bracket && readDate(bracket[2]!)) {
    const name = bracket[1]!.replace(/\.$/, '').trim()
    if (!/[.?!]\s/.test(name)) return {text: name, rest: text.slice(bracket[1]!.length), quoted: false, dated: true}
  }
  const read = readTitle(text)
  return {text: read.title, rest: read.rest, quoted: false, dated: false}
}

/** `Autonomy`, `Greenpeace UK`: one or two capitalised words before a date are an author, not a title. */
function isShortProperName(text: string): boolean {
  const words = text.split(/\s+/)
  return words.length <= 2 && words.every((word) => /^[\p{Lu}\d]/u.test(word))
}

/** A bracket after the title: `2nd ed.`, `H. Zohn, Trans.`, `Vol. 1, pp. 1–20`, `Video`. */
function applyNote(note: string, source: Source) {
  const translator = /^(.+?),\s*(?:Trans|trans|Tr|Übers)\.?$/u.exec(note)
  if (translator) {
    source.translator = readSource(`translated by ${translator[1]}`).translator
    return
  }
  // `Observations on Music (1769), in …`: the year the work first appeared.
  if (/^(?:1[5-9]|20)\d\d$/u.test(note)) {
    source.original ??= {'date-parts': [[Number(note)]]}
    return
  }
  if (/^(?:Video|Audio|Podcast|Film|Motion picture|TV series|Television series episode|Image|Map|Tweet|Blog post|Infographic)/i.test(note)) {
    source.genre ??= note
    return
  }
  if (/^(?:Data set|Dataset)/i.test(note)) {
    source.genre = 'Data set'
    return
  }
  if (/^(?:Doctoral dissertation|Master'?s thesis|Tesis|Thèse|Dissertation)/i.test(note)) {
    const [genre, ...place] = note.split(/,\s*/)
    source.genre = genre
    if (place.length > 0 && !source.publisher) source.publisher = place.join(', ')
    return
  }
  // `5. Ed.`, `1 éd.`, `2nd edition ed.`: the whole note names the edition.
  if (EDITION.test(note) || EDITION_PHRASE.test(note)) {
    source.edition = readSource(note).edition ?? note.replace(/\.$/, '')
    return
  }
  const parsed = readSource(note.replace(/,\s*/g, ', '))
  for (const key of ['edition', 'volume', 'page', 'number', 'issue', 'collection', 'collectionNumber'] as const) if (parsed[key]) source[key] = parsed[key]
  if (/^ISSN\b/i.test(note)) source.number = note
}

function hasDay(date: ReadDate | undefined): boolean {
  return Boolean(date?.issued && 'date-parts' in date.issued && date.issued['date-parts'][0].length > 1)
}

function yearOf(source: Source): string | undefined {
  return source.dates[source.dates.length - 1]?.year
}

function fill(item: CslItem, read: {names?: NameList; literal?: string; title?: string; date?: ReadDate; source: Source}) {
  const {names, literal, title, source} = read
  const people: CslName[] | undefined = names?.names ?? (literal ? [{literal}] : undefined)
  if (people) {
    if (names?.role === 'editor') item.editor = people
    else if (names?.role === 'translator') item.translator = people
    else item.author = people
  }
  if (title) item.title = title
  // MLA and Chicago date the work in its source; two dates there are the original and this edition.
  let date = read.date
  if (!date && source.dates.length > 0) {
    date = source.dates[source.dates.length - 1]!
    if (source.dates.length > 1) item['original-date'] = source.dates[0]!.issued!
  }
  if (date?.issued) {
    item.issued = date.issued
    if (source.monthDay && 'date-parts' in date.issued && date.issued['date-parts'][0].length === 1) {
      item.issued = {'date-parts': [[date.issued['date-parts'][0][0]!, ...source.monthDay.filter((part): part is number => part !== undefined)]]}
    }
  }
  if (date?.original) item['original-date'] = date.original
  if (source.original) item['original-date'] = source.original
  if (source.container) item['container-title'] = source.container
  if (source.editor && source.editor.length > 0) item.editor = [...(item.editor ?? []), ...source.editor]
  if (source.translator && source.translator.length > 0) item.translator = source.translator
  for (const [key, value] of [
    ['volume', source.volume],
    ['issue', source.issue],
    ['page', source.page],
    ['number-of-pages', source.pageCount],
    ['number-of-volumes', source.volumeCount],
    ['number', source.number],
    ['edition', source.edition],
    ['collection-title', source.collection],
    ['collection-number', source.collectionNumber],
    ['publisher', source.publisher],
    ['publisher-place', source.place],
    ['genre', source.genre]
  ] as const) {
    if (value) item[key] = value
  }
}
