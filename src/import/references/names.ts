/**
 * The name list that opens a reference entry, in the forms the styles use:
 * inverted with initials (`Odoux, J.-F., & Aupinel, P.`, APA/Harvard),
 * inverted then direct (`Gilbert, Sandra M., and Susan Gubar.`, MLA/Chicago),
 * direct (`S. E. Han, G. Chen,`, IEEE) and Vancouver (`Peters OA, Arias A.`).
 * Surnames may have particles (`van der`, `de la`, `A. de.` after the
 * initials), two words (`Moreno Fernández`, `Ní Bhriain`, `St. John`),
 * hyphens and suffixes (`Jr.`). A scanner, not one regular expression: each
 * name is read at the position the previous one ended, so a list stops
 * exactly where the names stop.
 */
import type {CslName} from '../csl.js'
import {isGroupName} from './group.js'
import {joinIberianSurname} from './iberian-names.js'
import {EDITOR_WORD} from './source-patterns.js'

export interface NameList {
  names: CslName[]
  /** Offset just after the list and its role marker (`(Eds.)`, `, editors`). */
  end: number
  /** The names are editors or translators, not authors. */
  role?: 'editor' | 'translator'
  /** The list ended with `et al.`. */
  etAl?: boolean
  /** The list's form: names inverted (`Family, I.`), direct (`I. Family`) or Vancouver (`Family IN`). */
  form: 'inverted' | 'direct' | 'vancouver'
  /** The names written family first (`Family, Given`), whose family is sure. */
  inverted: CslName[]
}

const PARTICLE = String.raw`(?:van|von|der|den|de|del|della|des|di|da|du|dos|das|do|la|le|ten|ter|bin|ibn|al|el|zu)`
// `O’Connor`, `McDonald`, `Steffan-Dewenter`, and upper-case surnames before a comma (`DUPONT, J.`).
// A lone capital is an initial, never a surname (`Le Guin, U. K.` is not `U. K`), but Irish `Ó` opens one (`Ó Súilleabháin`).
const WORD = String.raw`(?!(?:Jr|Sr|II|III|IV)\.?(?=[\s,.]|$))(?!(?!Ó\s\p{Lu})\p{Lu}(?=[\s,.;:]|$))(?:St\.|Ste\.|\p{Lu}[\p{Lu}\-]+(?=,)|[\p{Lu}][\p{Ll}\p{M}]*(?:\p{Lu}+[\p{Ll}\p{M}]*)?(?:[’'][\p{Lu}\p{Ll}][\p{Ll}\p{M}]*)?(?:-[\p{Lu}\p{Ll}][\p{Ll}\p{M}]+)*)`
// A family name: particles, then one to three capitalised words (`Ní Bhriain`, `Moreno Fernández`).
const FAMILY = String.raw`(?:${PARTICLE}\s+){0,3}${WORD}(?:\s+(?:${PARTICLE}\s+)*${WORD}){0,2}`
// `St.` is a surname's first word (`St. John`), never an initial; after a written-out word, `Jr.` and `Sr.` are
// its suffix (`Ngozi Müller-Schmidt Jr. Springer`), though `D. Jr. RICHARD` has one for an initial.
const INITIAL = String.raw`(?:(?!St\.)(?:(?<!\p{Ll}\s)|(?!Jr\.|Sr\.))\p{Lu}[\p{Ll}]?\.)`
const INITIALS = String.raw`${INITIAL}(?:\s?-?\s?${INITIAL})*`
// Given names written out, possibly with initials (`Sandra M.`, `J. Paul`, `Ana Lucía`).
// A title's first words are no given name (`The Information Visualizer`, `La Ville Cybernétique`).
const GIVEN_WORD = String.raw`(?!(?:The|An?|In|On|Of|For|From|With|How|What|Why|When|El|La|Le|Les|Los|Las|Der|Die|Das|Ein|Eine|Un|Une|Una|Il|Lo|De|Del|Della|Da|Di|Du|Van|Von|Ní|Nic|Mac|Ó)\s)[\p{Lu}][\p{Ll}\p{M}]+(?:-[\p{L}][\p{Ll}\p{M}]+)?`
// After an initial only initials follow (`Anne K. Mary Shelley:` is a name, then a title).
const GIVEN_WORDS = String.raw`(?:${GIVEN_WORD}\s+){0,2}(?:${GIVEN_WORD}(?=[\s,.;&)]|$)|${INITIALS})`
// An initial then a name written out, as an inverted name's given part: `Okafor-Reyes, J. Paul.`, `Humboldt, J. Paul von.`
const INITIAL_THEN_NAME = String.raw`${INITIALS}\s+${GIVEN_WORD}(?=\s*[,.;]|\s+(?:${PARTICLE}\s)*${PARTICLE}\.?(?=[\s,.]|$)|$)`
const SUFFIX = String.raw`(?:Jr\.?|Sr\.?|II|III|IV)`

const sticky = (source: string) => new RegExp(source, 'uy')
// `Press, WH; Teukolsky, SA`: capitals without full stops are initials too.
const BARE_INITIALS = String.raw`\p{Lu}{1,3}(?=[;,.\s(]|$)`
const INVERTED = sticky(String.raw`(${FAMILY}),\s*(${INITIAL_THEN_NAME}|${INITIALS}|${GIVEN_WORDS}|${BARE_INITIALS})(?:\s*((?:${PARTICLE}\s)*${PARTICLE})\.?(?=[\s,.]|$))?(?:,?\s+(${SUFFIX})(?=[\s,.]|$))?`)
// `Heidegger M.`: family and initials without a comma.
const INVERTED_INITIALS = sticky(String.raw`(${FAMILY}),\s*(${INITIAL_THEN_NAME}|${INITIALS}|${BARE_INITIALS})(?:\s*((?:${PARTICLE}\s)*${PARTICLE})\.?(?=[\s,.]|$))?(?:,?\s+(${SUFFIX})(?=[\s,.]|$))?`)
// `Gertz M., Lipeck U. W. Deriving…`: the last initial's full stop ends the list.
const INVERTED_NO_COMMA = sticky(String.raw`(${WORD}(?:-${WORD})?)\s+(${INITIALS})(?=[,;]|\s+(?:and|&)\s|\s*$|(?<=\.)\s)`)
// A direct name ends where the list goes on or ends (`Ai Li.` is no `Ai Li. Eager`).
// `J. Paul Getty`, `H. Rider Haggard`: initials then one given name written out, before the surname.
const DIRECT = sticky(String.raw`(${INITIALS}\s+${GIVEN_WORD}(?=\s)|${INITIALS}|${GIVEN_WORDS})\s*(${FAMILY})(?:,?\s+(${SUFFIX})(?=[\s,.]|$))?(?=\s*[,.;:(\[“"‘'«]|\s+(?:and|&|et|y|e|und)\s|\s+(?:1[5-9]|20)\d\d\b|\s*$)`)
const VANCOUVER = sticky(String.raw`(${FAMILY})\s+(\p{Lu}{1,3}(?:-\p{Lu})?)(?=[,.;:]|\s+(?:and|&)\s|\s*\(|$)`)
// The ellipsis first: APA's `…, Nguyen, T., … O’Brien, L.` must not stop at the comma before it.
const SEPARATOR = sticky(String.raw`\s*(?:,?\s*(?:\.\s?\.\s?\.|…)\s*|,\s*(?:(?:&|and|y|e|et|und)\s+)?|;\s*(?:(?:&|and|y|e|et|und)\s+)?|\s+(?:&|and|y|e|et|und)\s+)`)
const ET_AL = sticky(String.raw`,?\s*(?:(?:&|and)\s+)?(?:et\.?\s*al\.?|and others|u\.\s?a\.)`)
const ET_AL_NEXT = /^\s*(?:et\.?\s*al\.?|u\.\s?a\.)(?=[\s,.(]|$)/u
// The editors' marks the source grammar knows too: `(Eds.)`, `(editors)`, `, (eds.)`, `(dir.)`, `(Hgg.)`, `(éd.)`, `(compilador)`.
const ROLE = sticky(String.raw`\s*(?:,?\s*\(${EDITOR_WORD}\.?\)|,\s*(?:editors?|eds?\.|Eds?\.)(?=[\s.,]|$))`)
const TRANSLATOR_ROLE = sticky(String.raw`\s*(?:\((?:Trans|trans|Tr|Übers)\.?\)|,\s*(?:translators?|trans\.)(?=[\s.,]|$))`)

interface Read {
  name: CslName
  end: number
}

function at(pattern: RegExp, text: string, from: number): RegExpExecArray | null {
  pattern.lastIndex = from
  return pattern.exec(text)
}

// Written in direct order, these begin the surname: `Ursula K. Le Guin`, `Maria Ní Bhriain`.
const SURNAME_START = /\s(Le|La|De|Du|Da|Di|Del|Della|Van|Von|Ní|Nic|Mac|Mc|Ó|O’|St\.|Saint|San|Santa|Ter|Ten)$/u

function direct(given: string, written: string): CslName {
  const start = SURNAME_START.exec(` ${given.trim()}`)
  if (start && given.trim().split(/\s+/).length > 1) return {...family(`${start[1]} ${written}`), given: clean(given.trim().slice(0, -start[1]!.length))}
  return joinIberianSurname({...family(written), given: clean(given)})
}

const LEADING_PARTICLES = new RegExp(String.raw`^((?:${PARTICLE}\s+)+)(.+)$`, 'u')
const ONLY_INITIALS = new RegExp(`^${INITIALS}$`, 'u')

/** Lower-case particles in front of a family name are CSL's `non-dropping-particle`. */
function family(written: string): Pick<CslName, 'family' | 'non-dropping-particle'> {
  const match = LEADING_PARTICLES.exec(written)
  if (match && /^\p{Ll}/u.test(match[1]!)) return {'non-dropping-particle': match[1]!.trim(), family: match[2]!}
  return {family: written}
}

function clean(given: string): string {
  return given.replace(/\s+/g, ' ').trim()
}

type Try = [NameList['form'], RegExp]

// The forms a list's first name may take; the reading that reaches furthest wins, the first here on a tie
// (Vancouver first: `Saad ED, Buyse M.` read inverted would make `ED` part of a surname).
const FIRST_TRIES: Try[] = [['vancouver', VANCOUVER], ['inverted', INVERTED], ['inverted', INVERTED_NO_COMMA], ['direct', DIRECT]]

/** The forms a name may take after the first, given the list's form. */
function nextTries(form: NameList['form'], spelledOut: boolean, directAfterInverted = false): Try[] {
  // `Smith, Maria, Kwame Zhang, and C. Baptiste`: after a first given name written out, MLA and Chicago go direct.
  if (form === 'inverted' && (spelledOut || directAfterInverted)) return [['direct', DIRECT], ['inverted', INVERTED]]
  if (form === 'vancouver') return [['vancouver', VANCOUVER]]
  if (form === 'direct') return [['direct', DIRECT]]
  // After an inverted first name, MLA and Chicago write the others directly (`, and Susan Gubar`);
  // after initials, `Priya Halliday, Hiroshi Abernathy` are two direct names, not one inverted.
  return [['inverted', INVERTED_INITIALS], ['inverted', INVERTED_NO_COMMA], ['direct', DIRECT], ['inverted', INVERTED]]
}

function readOne(text: string, from: number, tries: Try[], first: boolean): (Read & {form: NameList['form']}) | undefined {
  for (const [kind, pattern] of tries) {
    const match = at(pattern, text, from)
    if (!match) continue
    if (kind === 'inverted' && (pattern === INVERTED || pattern === INVERTED_INITIALS) && !acceptInverted(match, text, first)) continue
    const name: CslName = kind === 'direct' ? direct(match[1]!, match[2]!) : {...family(match[1]!), given: clean(match[2]!)}
    if (kind === 'inverted' && match[3]) name['dropping-particle'] = match[3]
    const suffix = kind === 'direct' ? match[3] : match[4]
    if (suffix) name.suffix = suffix
    return {name, end: match.index + match[0].length, form: kind}
  }
  return undefined
}

/**
 * `Paunesku, D.` is a name; `Harcourt, Brace & World` or `Science, 336` are not:
 * the given part must be initials, or words followed by the list's punctuation.
 */
function acceptInverted(match: RegExpExecArray, text: string, first: boolean): boolean {
  const given = match[2]!.trim()
  if (ONLY_INITIALS.test(given)) return true
  const next = text.slice(match.index + match[0].length)
  // Full given names: the name ends the list (`.`), another follows (`, and`, `,`), or `et al.` closes it (Harvard's `Oyelaran, Jean et al. (1966)`).
  return (first || given.split(/\s+/).length <= 3) && (/\.$/.test(given) || /\.$/.test(match[0]) || /^\s*(?:[.,;:(]|$|&|and\s|y\s)/u.test(next) || ET_AL_NEXT.test(next) || BARE_YEAR.test(next))
}

/**
 * Reads the names at the start of `text`; undefined when it does not start
 * with a personal name list. `Albert R. Meyer and Mitchell Wand.` also starts
 * like Vancouver's `Albert R.`, and `Saad ED, Buyse M.` like an inverted
 * `Saad ED, Buyse M.`: each form of the first name is tried and the reading
 * that reaches furthest wins.
 */
export function readNames(text: string, {trusted = false, direct = false} = {}): NameList | undefined {
  let best: NameList | undefined
  // Editors named inside a source are written directly (`edited by Emily O’Brien, Chiara García Márquez`): that form first.
  for (const first of direct ? [...FIRST_TRIES].reverse() : FIRST_TRIES) {
    // `Berg, H. van der, Kwame Baptiste, J. de Bruin`: after an inverted first name with initials the others
    // may be inverted (APA) or direct (MLA, Chicago); both are read and the one reaching further wins.
    let here: NameList | undefined
    for (const directAfterInverted of first[0] === 'inverted' ? [false, true] : [false]) {
      const list = readList(text, first, trusted, directAfterInverted)
      if (!list) continue
      // Between those two, on a tie the reading with more names wins: `D’Angelo, J., Ana Lucía von Humboldt,
      // A.-M. Abernathy, et al.` is three names, not `D’Angelo` and an inverted `Ana Lucía von Humboldt, A.-M. Abernathy`.
      if (!here || reach(text, list) > reach(text, here) || (reach(text, list) === reach(text, here) && list.names.length > here.names.length)) here = list
    }
    if (here && (!best || reach(text, here) > reach(text, best))) best = here
  }
  return best
}

/** Where a list ends, past the full stop that closes its last initial (`Buyse M.`). */
function reach(text: string, list: NameList): number {
  return list.end + (text[list.end] === '.' ? 1 : 0)
}

function readList(text: string, first: Try, trusted: boolean, directAfterInverted: boolean): NameList | undefined {
  const names: CslName[] = []
  // Where each name (with its `et al.`) ends, to step back when the last ones were a title's words.
  const ends: number[] = []
  // Each name's form, and whether `and`/`&` led to it.
  const forms: Array<NameList['form']> = []
  const joined: boolean[] = []
  let position = 0
  let form: NameList['form'] | undefined
  let etAl = false
  let last = false
  let later: NameList['form'] | undefined
  for (;;) {
    const spelledOut = names.length > 0 && !ONLY_INITIALS.test(names[0]!.given ?? '')
    const tries = form ? nextTries(later ?? form, spelledOut, directAfterInverted) : [first]
    const one = readOne(text, position, tries, names.length === 0)
    if (!one) break
    names.push(one.name)
    forms.push(one.form)
    joined.push(last)
    // Once a later name is direct (Chicago, MLA), the rest are too.
    if (form && one.form === 'direct') later = 'direct'
    form ??= one.form
    position = one.end
    const more = at(ET_AL, text, position)
    if (more) {
      etAl = true
      position = more.index + more[0].length
      ends.push(position)
      break
    }
    ends.push(position)
    // `K. Chandy and J. Misra, Parallel Program Design`: the name after `and` is the last.
    if (last) break
    const separator = at(SEPARATOR, text, position)
    if (!separator || separator[0].length === 0) break
    last = /(?:&|\band|\by|\be|\bet|\bund)\s+$/u.test(separator[0])
    // A separator must lead to another name, else the list ended before it.
    if (!readOne(text, separator.index + separator[0].length, nextTries(later ?? form, spelledOut, directAfterInverted), false)) break
    position = separator.index + separator[0].length
  }
  // `A. van der Berg, Die Sprache ohne…`: names read into the title are given back.
  while (names.length > 0 && !listEnds(text, ends[names.length - 1]!)) {
    names.pop()
    etAl = false
  }
  // `Levin, David, Unsettling Opera:`, `J. Zhu, Y. Cui, Nano Lett.`: lists of several names join their last with
  // `and` or `&`, so a written-out direct name after a bare comma, closing the list before a comma, colon or
  // bracket, is the title.
  // A name closed by `et al.` is a name (`Berg, Ana Lucía, Harriet Beecher Al-Farsi, et al., editors.`).
  while (names.length > 1 && !etAl && !joined[names.length - 1] && spelledOutDirect(names[names.length - 1]!, forms[names.length - 1]!) && /^\s*[,:(]/u.test(text.slice(ends[names.length - 1]!))) {
    names.pop()
    etAl = false
  }
  if (names.length === 0 || !form) return undefined
  // A direct first name with its given name written out may be a title's first words (`Silent Spring.`):
  // only initials, or a list of several, make it a name, or what follows it in notes and German lists
  // (`Henry James, “Nathaniel Hawthorne,”`, `Wolfgang Jantzen: Behinderung`, `Adolf Hitler, Mein Kampf, trans. … (London: …, 1938)`).
  if (!trusted && form === 'direct' && names.length === 1 && !/\p{Lu}\./u.test(names[0]!.given ?? '') && (!namedBefore(text, ends[0]!) || isGroupName(text.slice(0, ends[0]!)))) return undefined
  const list: NameList = {names, end: ends[names.length - 1]!, form, inverted: names.filter((_, i) => forms[i] === 'inverted')}
  if (etAl) list.etAl = true
  const role = at(ROLE, text, list.end) ?? undefined
  const translator = role ? undefined : at(TRANSLATOR_ROLE, text, list.end) ?? undefined
  if (role) list.role = 'editor'
  if (translator) list.role = 'translator'
  const marker = role ?? translator
  if (marker) list.end = marker.index + marker[0].length
  return list
}

// `Boas, Franz 1935. Kwakiutl Culture`, `Scott, W. B. and E. J. Crossman 1973 Freshwater Fishes`: a year straight after the names.
const BARE_YEAR = /^\s+(?:1[5-9]|20)\d\d[a-z]?\b/u

function spelledOutDirect(name: CslName, form: NameList['form']): boolean {
  return form === 'direct' && !/\p{Lu}\./u.test(name.given ?? '')
}

/** What follows a lone written-out name in a note or a German list: a quoted title, a colon, a year, or a title then `(Place: Publisher, year)`. */
function namedBefore(text: string, end: number): boolean {
  const after = text.slice(end)
  return /^,\s*[“"‘«]|^:\s+\p{Lu}|^,?\s+(?:1[5-9]|20)\d\d\b/u.test(after) || (/^,\s+\p{Lu}/u.test(after) && /\([^()]*\b(?:1[5-9]|20)\d\d\)/u.test(after))
}

/** Names end where the entry's next part starts: a full stop, comma, date, colon, quotation or role. */
function listEnds(text: string, end: number): boolean {
  return /^\s*(?:[.,:;(\[“"‘']|$)/u.test(text.slice(end)) || BARE_YEAR.test(text.slice(end)) || /[.]$/.test(text.slice(0, end)) || Boolean(at(ROLE, text, end) ?? at(TRANSLATOR_ROLE, text, end))
}

/** Editors or translators named inside a source (`edited by J. Paul Hunter and A. Smith`, `H. Zohn, Trans.`). */
export function readNameRun(text: string): CslName[] {
  const list = readNames(text.trim(), {trusted: true, direct: true})
  return list?.names ?? (text.trim() ? [{literal: text.trim()}] : [])
}
