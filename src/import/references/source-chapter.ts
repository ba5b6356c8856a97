/**
 * The lead of a chapter's source, the grammar of `In`: the editors and the
 * book (or proceedings) before the parts that follow it, in APA's `In A.
 * Editor (Ed.), Book (2nd ed., pp. 1–20).`, Harvard's `in Editor, A. (ed.)
 * Book.`, IEEE's `in Book, A. Editor, Ed.` and Chicago's `In Book, edited by …`.
 */
import {MONTH_WORD, readDate} from './dates.js'
import {isKnownPlace} from './places.js'
import {EDITOR_WORD, HOUSE_WORDS} from './source-patterns.js'
import {readNameRun, readNames} from './names.js'
import type {Source} from './source-model.js'
import {sentenceEnd} from './title.js'

/**
 * `In A. Editor (Ed.), Book (2nd ed., pp. 1–20). Publisher.` (APA) and
 * `in Editor, A. (ed.) Book.` (Harvard): the editors and book before the rest.
 */
export function readChapterLead(text: string, source: Source, chapterLead: boolean): {rest: string; details: string[]} {
  const lead = /^(?:In|in|En|en|Dans|dans|Im|im)\s*:?\s+/u.exec(text)
  if (!lead && !chapterLead) return {rest: text, details: []}
  let rest = lead ? text.slice(lead[0].length) : text
  source.chapter = true
  // `In A. Editor (Ed.), Book`, `in: A. Editor (eds.), Book`; `In A. Editor and B. Editor, editors, Book` (ACM, Chicago).
  const editors = BRACKETED_EDITORS.exec(rest) ?? COMMA_EDITORS.exec(rest)
  if (editors && editors[1]!.length < 200 && (editors[0].includes('(') || namesOnly(editors[1]!))) {
    source.editor = readNameRun(editors[1]!.replace(/,?\s+et al\.?$/u, ''))
    rest = rest.slice(editors[0].length)
  }
  // The book's title runs to its bracketed details or the sentence end.
  const bracket = /^(.+?)\s*\(([^()]*(?:pp?\.|ed\.|Vol\.|vol\.|S\.|págs?\.)[^()]*|\d+\s*[-–—]\s*\d+)\)\.?\s*/u.exec(rest)
  if (bracket && !/[.]\s/.test(bracket[1]!.replace(/\b(?:\p{Lu}|St|Vol|vol|No|pp?)\./gu, ''))) {
    // `Handbook, vol. II (1257–1319)`, `Encyclopedia (2nd edn), vol. VI (391–394)`: details before the bracket too.
    const book = bracket[1]!.trim()
    const cut = LABELLED_DETAILS.exec(book)
    source.container = cut ? cut[1]!.trim() : book
    const before = cut ? book.slice(cut[0].length).split(/,\s*/) : []
    return {rest: rest.slice(bracket[0].length), details: [...before, ...bracket[2]!.split(/,\s*/)].map((detail) => detail.trim())}
  }
  // IEEE: `in Book Title, A. Editor and B. Editor, Eds. Place: Publisher, 2000, pp. 1–20.`
  const ieee = /^(.+?),\s+((?:\p{Lu}[\p{Ll}]?\.[\s-]?)+[^,]+?(?:,\s+(?:and\s+)?(?:\p{Lu}[\p{Ll}]?\.[\s-]?)+[^,]+?)*(?:,?\s+and\s+(?:\p{Lu}[\p{Ll}]?\.[\s-]?)+[^,]+?)?),\s+Eds?\.\s*/u.exec(rest)
  if (ieee) {
    source.container = ieee[1]!.trim()
    source.editor = readNameRun(ieee[2]!)
    return {rest: rest.slice(ieee[0].length), details: []}
  }
  // A book title keeps its subtitle after `?` or `!` (`In Who Decides Networks? History and Attention, edited by …`).
  const end = sentenceEnd(rest, true)
  const head = rest.slice(0, end.at)
  // `In Book Title, edited by X, 1–20.` (Chicago), `In Proceedings of …, pages 1–10, Washington, DC, May 1993.`
  // keep their commas for the parts.
  // The earlier of two cuts: before the details a comma introduces, or before a publisher, place and date.
  const cuts = [CHAPTER_DETAILS.exec(head)?.[1], publisherTail(head), placeColonCut(head)].filter((cut): cut is string => cut !== undefined)
  const title = cuts.sort((a, b) => a.length - b.length)[0]
  source.container = (title ?? head).trim()
  return {rest: (title !== undefined ? head.slice(title.length) + rest.slice(end.at) : rest.slice(end.next)).replace(/^[\s.,]+/, ''), details: []}
}

const BRACKETED_EDITORS = new RegExp(String.raw`^(.+?)\s*\(${EDITOR_WORD}\.?\)[.,:]?\s*`, 'u')
const COMMA_EDITORS = new RegExp(String.raw`^(.+?),\s*(?:editors?|Editors?|eds?\.|Eds?\.)[,.:]?\s+`, 'u')

/** `C. B. Jones, R. C. Shaw, and T. Denvir`, `Dale, R.; Mellish, C.`: names and their separators only, no title. */
export function namesOnly(text: string): boolean {
  const pieces = text.split(/\s*(?:[,;&]|\band\b|\bet al\.?)\s*/u).filter(Boolean)
  if (!pieces.every((piece) => piece.split(/\s+/).length <= 4 && /^[\p{Lu}]/u.test(piece) && !/\b(?:of|the|on|for|in|and)\b/u.test(piece))) return false
  // `Cities after health, J. Müller-Schmidt, Ed.` (IEEE) is a book and its editor: the name scanner must read it all.
  const names = readNames(text.trim(), {trusted: true})
  return names !== undefined && /^[\s,.]*(?:et al\.?)?[\s,.]*$/u.test(text.trim().slice(names.end))
}

/**
 * `Tidal Essays, Corvid, Leeds, 1999`: the book's title ends at the comma after which only a
 * publisher, its place and a year follow.
 */
// Labels that end a book's title before its bracket: `, vol. II (1257–1319)`, `, 2nd Edition (p. 401-434)`.
const LABELLED_DETAILS = /^(.+?),\s*(?=vol\.|volume\s|no\.|edited|ed\.|eds\.|\d+(?:st|nd|rd|th)\s+ed)/iu

/** `Collected Essays, Dublin: Lilliput Press, 1991`: the title ends before a known place and its publisher's colon. */
function placeColonCut(head: string): string | undefined {
  const match = /^(.+?),\s*([\p{Lu}][\p{L}.\s'’/-]{1,30}):\s/u.exec(head)
  return match && isKnownPlace(match[2]!) ? match[1] : undefined
}

const MONTH = new RegExp(String.raw`^${MONTH_WORD}(?:\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?)?$`, 'iu')

function publisherTail(head: string): string | undefined {
  const pieces = head.split(/,\s+/)
  for (let i = 1; i < pieces.length; i++) {
    const tail = pieces.slice(i)
    const known = (piece: string) => isKnownPlace(piece) || HOUSE_WORDS.test(piece) || readDate(piece.replace(/^\(|\)$/g, '')) !== undefined || MONTH.test(piece)
    // One unknown name (the publisher) may stand first, followed by a place or a year.
    if (tail.every(known) || (tail.length > 1 && /^[\p{Lu}][\p{L}&'’-]*(?:\s[\p{Lu}][\p{L}&'’-]*){0,2}$/u.test(tail[0]!) && tail.slice(1).every(known))) {
      return pieces.slice(0, i).join(', ')
    }
  }
  return undefined
}

// What may follow a book's or proceedings' title after a comma: editors, volume, pages, a date, a place with its state.
const CHAPTER_DETAILS = new RegExp(
  String.raw`^(.+?),\s*(?=(?:edited|ed\.|eds\.|trans|translated|vol\.|volume\s|no\.|pp?\.|pages?\s|\d|${MONTH_WORD}\s+\d|[\p{Lu}][\p{L}.]+(?:\s[\p{Lu}][\p{L}.]+){0,2},\s*(?:\p{Lu}{2}|\p{Lu}\.\s?\p{Lu}\.?)\.?(?:,|$)))`,
  'iu'
)

