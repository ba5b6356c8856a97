/**
 * Cutting an entry's source into its parts at commas and full stops, the
 * segments the source grammar labels one by one (source.ts): an
 * abbreviation's full stop does not cut, and a part is joined back to the one
 * before when it continues it (a lower-case word, a place's state, the rest
 * of an editors' list).
 */
import {MONTH_WORD} from './dates.js'
import {readNames} from './names.js'
import {isKnownPlace} from './places.js'
import {EDITION, EDITION_PHRASE, HOUSE_WORDS} from './source-patterns.js'
import {isAbbreviation} from './title.js'

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
      if (char === '.' && (isAbbreviation(before) || MONTH_ABBREVIATION.test(before)) && !isLabelled(`${before.trim()}.`)) continue
      if (char === '.' && inAbbreviatedName(before, protectedText.slice(i + 1))) continue
      // `vols. 19–21` labels its numbers; `4 vols. New York` counts the volumes and ends its part.
      if (char === '.' && /(?:^|\s)vols$/iu.test(before) && /^\s+\d/u.test(protectedText.slice(i + 1))) continue
      // `5. Ed.`, `2. Aufl.`: an edition's number keeps its full stop.
      if (char === '.' && /(?:^|\s)\d{1,2}$/u.test(before) && /^\s+(?:ed|edn|éd|Aufl|Auflage|vyd|izd)\b/iu.test(protectedText.slice(i + 1))) continue
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
    // A part a form labels (`second edition`, `Rev. ed`) joins no other.
    if (previous !== undefined && (isLabelled(part) || isLabelled(previous))) joined.push(part)
    // (Chicago's `Routledge, n.d.` ends with its missing date, a part of its own.)
    else if (previous !== undefined && /^\p{Ll}/u.test(part) && !LABEL.test(part) && !/^(?:n\.\s?d|s\.\s?f)\.?$/u.test(part)) joined[joined.length - 1] += `, ${part}`
    // `edited by Emily O’Brien, Chiara García Márquez, and L. Halliday`: the names run to their `and`.
    else if (previous !== undefined && /^(?:edited|translated|ed\.|trans\.)\s+by\s/iu.test(previous) && !/\s(?:and|&)\s/u.test(previous) && namesRunToAnd(cleaned, index)) joined[joined.length - 1] += `, ${part}`
    // `New York, NY: Publisher`, `Upper Saddle River, New Jersey: Publisher`: a place with a comma.
    // (`Jerome Biblical Commentary, Englewood Cliffs: Prentice` is a title before a place: the second piece must be a region.)
    else if (previous !== undefined && /^[\p{Lu}][\p{L}.\s]{0,25}:\s/u.test(part) && isKnownPlace(`${previous}, ${part.split(':')[0]}`)) joined[joined.length - 1] += `, ${part}`
    // `Cambridge, MA`, `Washington, D. C.`: a place and its state's code.
    else if (previous !== undefined && isPlaceName(previous) && STATE_CODE.test(part)) joined[joined.length - 1] += `, ${part}`
    // `Waterloo, Ontario`, `Sydney, Australia`, `London, Cambridge, Mass.`: places read as one.
    else if (previous !== undefined && isKnownPlace(`${previous}, ${part}`) && (isKnownPlace(previous) || isKnownPlace(part))) joined[joined.length - 1] += `, ${part}`
    else joined.push(part)
  }
  return joined
}

// Labels, MLA's medium and a film's director are no words of a journal's name.
const NOT_IN_NAME = /^(?:Vols?|Nos?|Nr|Eds?|Edn|Pp?|Dirs?|Web|Print|Online|Accessed|Retrieved|Available|Hrsg|Art)\.?$/iu
const ABBREVIATED = /^\p{Lu}[\p{L}]{0,5}\.$/u
// The words of a journal's name up to its numbers: `Theor. Math. Phys. 2`, `Express 2010`, `B428`.
const NAME_TO_NUMBERS = /^((?:\s+\p{Lu}[\p{L}&]*\.?){0,5})(\s*,)?\s+(?=[A-Z]?\d)/u
const MONTH = new RegExp(String.raw`^${MONTH_WORD}$`, 'iu')

/**
 * Whether the full stop after `before` sits inside a journal's name written in
 * abbreviations right before its numbers (`Fortsch. Phys. 55`, `IEEE Trans.
 * Electr. Dev. 1982`, `Opt. Express 18`): another abbreviation must stand next
 * to it, or the word be a short one (`Opt.`); a place, publisher or month is
 * no such word, and a comma before the number (`St. John. Springer, 1997`)
 * ends the name.
 */
function inAbbreviatedName(before: string, after: string): boolean {
  const word = /(?:^|\s)(\p{Lu}[\p{L}]{0,6})$/u.exec(before)?.[1]
  const run = NAME_TO_NUMBERS.exec(after)
  if (!word || !run || isKnownPlace(word) || NOT_IN_NAME.test(`${word}.`)) return false
  const following = run[1]!.trim().split(/\s+/).filter(Boolean)
  if (following.some((token) => isKnownPlace(token.replace(/\.$/, '')) || NOT_IN_NAME.test(token) || HOUSE_WORDS.test(token) || MONTH.test(token))) return false
  // A comma may end the name only when every word after this one is abbreviated too (`J. Am. Dent. Assoc., 114`).
  if (run[2] && !(following.length > 0 && following.every((token) => ABBREVIATED.test(token)))) return false
  const previous = /(?:^|\s)(\p{Lu}[\p{L}]{0,5}\.)\s+\S+$/u.exec(before)?.[1]
  const neighbour = following.some((token) => ABBREVIATED.test(token)) || previous !== undefined
  return neighbour || (word.length <= 4 && !/^\p{Lu}+$/u.test(word) && following.length > 0)
}

function isLabelled(part: string): boolean {
  return EDITION.test(part) || EDITION_PHRASE.test(part)
}

const STATE_CODE = /^(?:\p{Lu}{2}|\p{Lu}\.\s?\p{Lu}\.?|[\p{Lu}][\p{Ll}]{2,4}\.)$/u

/** Whether `parts[from…]` are names up to one opening with `and` (the last of an editors' list). */
function namesRunToAnd(parts: string[], from: number): boolean {
  for (let i = from; i < parts.length; i++) {
    if (/^(?:and|&)\s/u.test(parts[i]!)) return i > from
    // `S. Lindqvist` is an initial, not German's `S.` for pages.
    if ((LABEL.test(parts[i]!) && !/^\p{Lu}\.\s\p{Lu}/u.test(parts[i]!)) || !readNames(parts[i]!, {trusted: true})) return false
  }
  return false
}

/** `New York`, `Cambridge, MA`, `Rio de Janeiro`: capitalised words with at most a place's small words. */
export function isPlaceName(text: string): boolean {
  const words = text.split(/[\s,]+/).filter(Boolean)
  return words.length <= 5 && words.every((word) => /^[\p{Lu}]/u.test(word) || /^(?:de|del|do|da|upon|on|am|sur|en|im|an|der)$/u.test(word))
}


const MONTH_ABBREVIATION = /(?:^|\s)(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$/u

export const LABEL = /^(?:pages?\s|vols?\.?|v\.|n[°º]|no\.?|nos\.?|nr\.?|núm\.?|pp?\.|pp?\s+\d|pgs?\.?|págs?\.|s\.|ed\.|eds\.|edn|edited|trans|translated|transl|hrsg|in\s|en\s|dans\s|im\s|et al|e\d|art\.|article|issue|retrieved|available|accessed|doi|http|www)/iu


