/**
 * The title page of an essay, recognised by what each line says rather than
 * by where it stands: APA puts the title first and the name under it, MLA the
 * name, teacher, course and date first and the title last; students add a
 * repeated title after a page break, `Key: value` lines, a word count. Each
 * line gets a role; the title, author and date go to the deck's front
 * matter, the rest (course, instructor…) to the title slide's notes.
 */
import nlp from 'compromise'

export interface Header {
  title?: string
  subtitle?: string
  author?: string
  date?: string
  /** Title-page lines that are not title, author or date (course, instructor, student number…), as written. */
  details: string[]
}

export type Role = 'title' | 'author' | 'date' | 'instructor' | 'course' | 'detail' | 'heading'

export interface TitleLine {
  text: string
  /** A Markdown `#` heading or a Word Title style: the author marked it as the title. */
  marked?: boolean
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|jänner|februar|märz|juni|juli|oktober|dezember|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro'
const DATE = new RegExp(
  String.raw`^(?:(?:\d{1,2}(?:st|nd|rd|th|\.|er)?\s+(?:de\s+)?)?(?:${MONTHS})\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s+(?:de\s+)?\d{4}|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|(?:spring|summer|fall|autumn|winter)\s+\d{4})$`,
  'i'
)
const HONORIFIC = /^(?:Dr|Prof|Professor|Profesora?|Mr|Mrs|Ms|Mx|Miss|Sr|Sra|Srta|Dra|Herr|Frau|Mme|M)\b\.?(?:ª|º)?\s/u
const COURSE_CODE = /\b\p{Lu}{2,6}\s?-?\d{3,4}[A-Z]?\b/u
const COURSE_WORD =
  /\b(?:course|class|period|block|module|seminar|section|unit|honou?rs|department|dept|faculty|school|college|university|institute|AP|IB|grade|year|semester|term|facultad|universidad|departamento|grupo|curso|asignatura|colegio|instituto|lycée|université|licence|master|universität|hochschule|fakultät|institut|lehrstuhl|università|facoltà|corso|universidade|faculdade)\b/iu
// Words of a name never in a title page's other lines.
const NAME_PARTICLE = /^(?:de|del|de la|van|von|der|den|da|di|du|le|la|y|e|bin|ibn|al|el|ten|ter|st\.?)$/i
const COMMON_SECTIONS =
  /^(?:\d+\.?\s+)?(?:introduction|background|literature review|methods?|methodology|results|discussion|analysis|conclusions?|summary|abstract|overview|introducción|conclusiones?|resumen|discusión|métodos|introduzione|conclusione|einleitung|fazit|schluss)$/i

/** `Tutor: Dr Fiona McAllister` → the role its key names, or undefined. */
function keyedRole(key: string): Role | undefined {
  if (/name|author|student(?!\s*(?:number|id|no))|by|nombre|autor|auteur|étudiant|verfasser|nome/i.test(key)) return 'author'
  if (/date|fecha|submitted|due|abgabe|datum|remise|data/i.test(key)) return 'date'
  if (/tutor|teacher|instructor|professor|lecturer|supervisor|profesor|docente|dozent|betreuer|prüfer|enseignant|professeur|relatore/i.test(key)) return 'instructor'
  if (/course|class|module|unit|subject|period|asignatura|curso|materia|seminar|kurs|fach|modul|cours|matière|corso|disciplina/i.test(key)) return 'course'
  if (/title|título|titel|titre|titolo/i.test(key)) return 'title'
  return 'detail'
}

/** What a title-page line is, from its words alone (no position). */
export function lineRole(line: string): Role | undefined {
  const text = line.trim()
  const keyed = /^([\p{L} ]{2,30}?)\s?:\s+(\S.*)$/u.exec(text)
  if (keyed && keyed[1]!.split(' ').length <= 3) {
    const role = keyedRole(keyed[1]!)
    // `Title: subtitle` is a title with a colon, not a labelled line.
    if (role !== 'detail' || /\d/.test(keyed[2]!) || keyed[2]!.split(/\s+/).length <= 3) return role
  }
  if (DATE.test(text.replace(/^[\p{L}]+,\s+/u, ''))) return 'date'
  if (HONORIFIC.test(text) && text.split(/\s+/).length <= 6) return 'instructor'
  if (COURSE_CODE.test(text) || (COURSE_WORD.test(text) && text.split(/\s+/).length <= 10) || (/^\p{L}+(?:\s+\p{L}+)?\s+\d{1,3}\b/u.test(text) && text.split(/\s+/).length <= 5)) return 'course'
  if (isPersonName(text)) return 'author'
  return undefined
}

/** `Hannah Kowalczyk`, `Lucía Fernández-Oyelaran`, `Carmen Ruiz Delgado`: 2–5 capitalised words, particles allowed. */
export function isPersonName(text: string): boolean {
  const words = text.replace(/,/g, '').split(/\s+/)
  if (words.length < 2 || words.length > 5 || /[\d:;?!“”"]/.test(text)) return false
  const capitalised = words.every((word) => /^\p{Lu}[\p{L}’'.-]*$/u.test(word) || NAME_PARTICLE.test(word))
  if (!capitalised || !/^\p{Lu}/u.test(words[words.length - 1]!)) return false
  // Title-case phrases are capitalised too (`The Backlash`): a name has no common word compromise knows as one.
  const terms = nlp(text).terms().json() as Array<{terms: Array<{tags: string[]}>}>
  const common = terms.some(({terms: [term]}) => term && term.tags.some((tag) => ['Determiner', 'Preposition', 'Verb', 'Conjunction', 'Pronoun'].includes(tag)) && !term.tags.includes('Person'))
  return !common
}

/**
 * The header from the title-page lines (in order). A line repeated is the
 * title; a marked line (`#`, Word's Title) is the title; otherwise the
 * longest line no other role claims.
 */
export function readTitlePage(given: TitleLine[]): Header {
  // `Name · Course · Teacher · Date` on one line: each part is a line of its own.
  const lines: TitleLine[] = given.flatMap((line) => (line.marked ? [line] : line.text.split(/\s+[·•|]\s+/).map((text) => ({text}))))
  const header: Header = {details: []}
  const counts = new Map<string, number>()
  for (const line of lines) counts.set(fold(line.text), (counts.get(fold(line.text)) ?? 0) + 1)
  const roles = lines.map((line) => {
    if (line.marked || (counts.get(fold(line.text)) ?? 0) > 1) return 'title'
    return lineRole(line.text)
  })
  const titleIndex = roles.indexOf('title') >= 0 ? roles.indexOf('title') : longestUnclaimed(lines, roles)
  const seen = new Set<string>()
  lines.forEach((line, i) => {
    const key = fold(line.text)
    if (seen.has(key)) return
    seen.add(key)
    const text = line.text.trim()
    const value = (/^[\p{L} ]{2,30}?\s?:\s+(\S.*)$/u.exec(text)?.[1] ?? text).trim()
    const role = i === titleIndex ? 'title' : roles[i]
    if (role === 'title' && !header.title) header.title = text
    else if (role === 'author' && !header.author) header.author = value
    else if (role === 'date' && !header.date) header.date = value
    else if (role === 'title' || role === undefined) header.subtitle === undefined && i === titleIndex + 1 && !roles[i] ? (header.subtitle = text) : header.details.push(text)
    else header.details.push(text)
  })
  return header
}

function longestUnclaimed(lines: TitleLine[], roles: Array<Role | undefined>): number {
  let best = -1
  lines.forEach((line, i) => {
    if (roles[i] === undefined && (best < 0 || line.text.length > lines[best]!.text.length)) best = i
  })
  return best
}

/** A short line that names a section of the essay (`Introduction`, `1. Background`) rather than its title. */
export function isCommonSection(text: string): boolean {
  return COMMON_SECTIONS.test(text.trim())
}

function fold(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim()
}
