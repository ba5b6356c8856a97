/**
 * Parses one APA reference entry (6th or 7th edition, as students type them)
 * into CSL-JSON. Pure: the caller reports what could not be read.
 */
import type {CslItem, CslName} from './csl.js'
import {AUTHOR} from './reference-section.js'

export interface ParsedEntry {
  /** The item without its id (keys are given once all entries are known). */
  item: CslItem
  /** `2010`, `2010a` or `n.d.`; `''` when the entry has no date. */
  year: string
  /** False when no `(date)` was found: the item holds the raw text as its title. */
  parsed: boolean
}

const DATE = /\s*\((\d{4}[a-z]?|n\.\s?d\.|in press)(?:,\s[^()]{1,30})?\)\.?\s*/iu
const ONE_AUTHOR = new RegExp(AUTHOR, 'gu')
const URL = /\s*(?:(?:Retrieved|Accessed)\b[^:]*?\bfrom\s+|Available (?:at|from):?\s+)?((?:https?:\/\/|www\.|doi:\s?)\S+?)\.?\s*$/iu
const EDITION = /\s*\((\d+)(?:st|nd|rd|th)\.? ed(?:ition|\.)?\)/iu
const JOURNAL = /^(.+?),\s*(\d+)\s*(?:\(([^)]+)\))?(?:,\s*((?:[A-Za-z]?\d+)(?:\s*[-–]\s*[A-Za-z]?\d+)?))?\.?$/u
const CHAPTER = /^In\s+(.+?)\s+\(Eds?\.\),\s*(.+?)\s+\(pp?\.\s*([^)]+)\)\.?\s*(.*)$/u
const PLACE_PUBLISHER = /^([^:]+):\s*([^:]+?)\.?$/u

export function parseEntry(text: string): ParsedEntry {
  const date = DATE.exec(text)
  if (!date) return {item: {id: '', type: 'document', title: text.replace(/\.$/, '')}, year: '', parsed: false}
  const year = /^n/i.test(date[1]!) ? 'n.d.' : date[1]!.toLowerCase()
  const head = text.slice(0, date.index).trim()
  let rest = text.slice(date.index + date[0].length).trim()
  const item: CslItem = {id: '', type: 'document'}
  if (/^\d/.test(year)) item.issued = {'date-parts': [[Number.parseInt(year, 10)]]}
  else if (year === 'in press') item.issued = {literal: 'in press'}

  const url = URL.exec(rest)
  if (url) {
    const link = url[1]!.replace(/^doi:\s?/i, '')
    const doi = /(?:doi\.org\/|^)(10\.\d{4,}\/\S+)/i.exec(link)
    if (doi) item.DOI = doi[1]!
    else item.URL = /^www\./i.test(link) ? `http://${link}` : link
    rest = rest.slice(0, url.index).trim()
  }

  const names = parseAuthors(head)
  let title: string
  if (names) {
    item.author = names
    title = takeSentence(rest)
    rest = rest.slice(title.length).replace(/^[.?!]?\s*/, '')
  } else {
    // No personal names: a group author, or a title standing in the author position.
    const name = head.replace(/\.$/, '')
    if (isGroupName(name)) {
      item.author = [{literal: name}]
      title = takeSentence(rest)
      rest = rest.slice(title.length).replace(/^[.?!]?\s*/, '')
    } else {
      title = name
    }
  }
  const edition = EDITION.exec(title)
  if (edition) {
    item.edition = edition[1]!
    title = title.replace(EDITION, '')
  }
  item.title = title.replace(/[.\s]+$/, '')
  readSource(item, rest.replace(/\.$/, '').trim())
  return {item, year, parsed: true}
}

/** `Blight, J., Brenner, P.` or `Roskin, M. & Berry, N.`; undefined when the head is not a personal list. */
export function parseAuthors(head: string): CslName[] | undefined {
  const names = [...head.matchAll(ONE_AUTHOR)].map((match) => {
    const [family, given] = match[0].split(/,\s/)
    return {family: family!, given: given!.trim()}
  })
  const leftover = head.replace(ONE_AUTHOR, '').replace(/\(Eds?\.\)|&|\band\b|\.\.\.|[,.\s]/g, '')
  return names.length > 0 && leftover === '' ? names : undefined
}

// Words that mark an organisation rather than a title.
const GROUP = /\b(?:Department|Office|Organi[sz]ation|Association|Institute|Society|Council|Agency|Bureau|Ministry|Commission|Foundation|Cent(?:er|re)|Board|Committee|Service|Administration|Government|Union|Nations|Federation|Bank|Corporation|Inc|Fund|Authority|Academy|Trust|Universit(?:y|ies)|School|College|Library|Museum|Network|Alliance|Coalition|Program(?:me)?|Project|Group|Panel)s?\b/u

export function isGroupName(name: string): boolean {
  return GROUP.test(name) || /^\p{Lu}{2,}(?:\s|$)/u.test(name)
}

/** The text up to the first sentence end that is not an abbreviation or inside brackets. */
function takeSentence(text: string): string {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (char === '(' || char === '[') depth++
    else if (char === ')' || char === ']') depth--
    else if (depth === 0 && /[.?!]/.test(char) && (i + 1 === text.length || text[i + 1] === ' ')) {
      const word = /(\S+)$/.exec(text.slice(0, i))?.[1] ?? ''
      if (/^(?:\p{Lu}|ed|eds|vol|no|pp?|Vol|No|St|Dr|Jr|[\p{Lu}]\.\p{Lu})$/u.test(word)) continue
      return char === '.' ? text.slice(0, i) : text.slice(0, i + 1)
    }
  }
  return text
}

/** Fills container, volume, pages, publisher… from what follows the title. */
function readSource(item: CslItem, rest: string) {
  const chapter = CHAPTER.exec(rest)
  const journal = JOURNAL.exec(rest)
  const place = PLACE_PUBLISHER.exec(rest)
  if (chapter) {
    item.type = 'chapter'
    item.editor = chapter[1]!.split(/,?\s(?:&|and)\s|,\s(?=\p{Lu}\.)/u).map((name) => ({literal: name.trim()}))
    item['container-title'] = chapter[2]!
    item.page = chapter[3]!.replace(/\s*[-–]\s*/, '–')
    const publisher = chapter[4]?.replace(/\.$/, '')
    const placed = publisher ? PLACE_PUBLISHER.exec(publisher) : undefined
    if (placed) item['publisher-place'] = placed[1]!.trim()
    if (publisher) item.publisher = placed ? placed[2]!.trim() : publisher
  } else if (journal && !place) {
    item.type = 'article-journal'
    item['container-title'] = journal[1]!
    item.volume = journal[2]!
    if (journal[3]) item.issue = journal[3]
    if (journal[4]) item.page = journal[4].replace(/\s*[-–]\s*/, '–')
  } else if (place) {
    const tail = place[2]!.split(/\.\s+/)
    // `Series, 1961-1963, VI. Washington, DC: USGPO` puts the series before the place.
    const lead = place[1]!.split(/\.\s+/)
    if (lead.length > 1) item['collection-title'] = lead.slice(0, -1).join('. ')
    item['publisher-place'] = lead[lead.length - 1]!.trim()
    item.publisher = tail[0]!.trim()
    item.type = item.author?.[0]?.literal ? 'report' : 'book'
  } else if (rest) {
    item['container-title'] = rest
    item.type = item.URL || item.DOI ? 'webpage' : 'book'
    if (item.type === 'book') {
      delete item['container-title']
      item.publisher = rest
    }
  } else {
    item.type = item.URL ? 'webpage' : 'book'
  }
}
