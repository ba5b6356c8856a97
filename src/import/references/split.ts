/**
 * Cuts a reference list into entries by its layout before any entry is read:
 * numbered entries (`1.`, `[1]`), hanging indents (an indented line continues
 * the entry above), blank-line paragraphs, one entry a line with hard-wrapped
 * continuation lines, and run-on lists (run-on.ts). Offsets stay those of the
 * repaired essay.
 */
import {readNames} from './names.js'
import {type Span, splitRunOn} from './run-on.js'

export type {Span} from './run-on.js'

interface Line {
  text: string
  start: number
  indent: number
  /** A blank line comes before it. */
  afterBlank: boolean
}

const NUMBERED = /^(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])\s+/u
const BULLET = /^(?:[-*•●○▪◦]|>)\s+/u
// A Google Docs comment (`[a]Mr. Thompson: …`) or a new section ends the list.
const LIST_END = /^(?:\[[a-z]{1,2}\]\S|#{1,6}\s|(?:Appendix|Appendices|Anexo|Anhang|Annexe|Notes|Endnotes|Footnotes|Figures?|Tables?)\b\s*:?$)/iu

/** The lines of the list, up to whatever ends it. */
function readLines(section: Span): Line[] {
  const lines: Line[] = []
  let offset = section.start
  let blank = false
  for (const raw of section.text.split('\n')) {
    const start = offset
    offset += raw.length + 1
    const body = raw.replace(BULLET, (bullet) => ' '.repeat(bullet.length))
    const text = body.trimStart()
    if (!text.trim()) {
      blank = lines.length > 0
      continue
    }
    if (lines.length > 0 && LIST_END.test(text)) break
    lines.push({text: text.trimEnd(), start: start + raw.length - text.length, indent: body.length - text.length, afterBlank: blank})
    blank = false
  }
  return lines
}

/** Whether a line can open an entry: names, a dash for the previous author, a quoted title, or words then a date. */
export function startsEntry(text: string): boolean {
  if (NUMBERED.test(text) || /^(?:[—–]{1,3}|-{2,3}|_{2,})\s*[.,]/u.test(text) || /^[“"‘'«]\p{Lu}/u.test(text)) return true
  if (/^[^()]{1,150}?\((?:\d{4}[a-z]?|n\.\s?d\.|s\.\s?f\.|o\.\s?J\.)/u.test(text) && /^[\p{Lu}\d]/u.test(text)) return true
  const names = readNames(text)
  // `dos Santos, H., et al. “Climate”`: `et al.` took the full stop that ends the names.
  return Boolean((names && names.names.length > 0 && (names.etAl || /^\s*[.(,]/.test(text.slice(names.end)))) || names?.role)
}

/** Cuts the list text after the heading into entries. */
export function splitEntries(section: Span): Span[] {
  const lines = readLines(section)
  if (lines.length === 0) return []
  const numbering = listNumbering(lines.map((line) => line.text))
  const flush = Math.min(...lines.map((line) => line.indent))
  const hanging = !numbering && lines.some((line) => line.indent > flush) && lines.filter((line) => line.indent === flush).length >= 1
  const paragraphs = lines.some((line) => line.afterBlank) && lines.filter((line) => line.afterBlank).length >= lines.length / 4
  const entries: Span[] = []
  let current: Span | undefined
  let previousLine: Line | undefined
  for (const line of lines) {
    let opens: boolean
    if (numbering) opens = numbering.opens(line.text)
    else if (hanging) opens = line.indent === flush && (!paragraphs || line.afterBlank || startsEntry(line.text) || !current)
    else if (paragraphs) opens = line.afterBlank || (startsEntry(line.text) && endsEntry(previousLine?.text ?? '.'))
    else opens = !current || startsEntry(line.text) || (endsEntry(current.text) && (/^\p{Lu}/u.test(line.text) || isLink(line.text)) && !continuesWord(current.text))
    if (opens || !current) {
      current = {text: line.text, start: line.start}
      entries.push(current)
    } else {
      current.text = join(current.text, line.text)
    }
    previousLine = line
  }
  return entries.flatMap((entry) => splitRunOn(entry))
}

/**
 * A numbered list's marker (`[3]`, `(3)`, `3.`) as most of its lines write it,
 * and a test that a line opens the next entry: the same marker with the next
 * number, so a wrapped line starting `2013. https://…` continues its entry.
 */
function listNumbering(texts: string[]): {opens(text: string): boolean} | undefined {
  const kinds = texts.map(markerKind).filter((kind) => kind !== undefined)
  if (kinds.length < Math.max(2, texts.length / 3)) return undefined
  const counts = new Map<string, number>()
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1)
  const kind = [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0]
  let last: number | undefined
  return {
    opens(text) {
      if (markerKind(text) !== kind) return false
      const number = Number(/\d+/.exec(text)![0])
      // A skipped or repeated number still opens an entry; a year does not.
      if (last !== undefined && (number <= last - 1 || number > last + 3)) return false
      last = number
      return true
    }
  }
}

function markerKind(text: string): string | undefined {
  const marker = NUMBERED.exec(text)?.[0].trim()
  return marker === undefined ? undefined : marker.replace(/\d+/, 'n')
}

/** A line holding only a link: an entry of its own after a finished one. */
function isLink(text: string): boolean {
  return /^(?:https?:\/\/|www\.|doi:)\S+$/iu.test(text)
}

/** The text ends like a finished entry: a full stop, a link, a closing bracket. */
function endsEntry(text: string): boolean {
  return /[.)\]]$|\S+:\/\/\S+$|\bwww\.\S+$|\b10\.\d{4,}\/\S+$/u.test(text)
}

/** A line ending in a hyphen or an initial's full stop mid-name continues on the next line. */
function continuesWord(text: string): boolean {
  return /[-‐]$|(?:^|\s)\p{Lu}\.$|,\s*\p{Lu}\.$|&$|\band$/u.test(text)
}

/** Joins a wrapped line: a line ending in a hyphenated word part (`Steffan-` + `Dewenter`) joins without a space. */
function join(text: string, next: string): string {
  if (/\p{L}-$/u.test(text) && /^\p{L}/u.test(next)) return text + next
  if (/(?:https?:\/\/|www\.)\S*$/.test(text) && !/\s/.test(text.slice(-1)) && /^[^\s]*$/.test(next) && /[/\-_.?=&]$/.test(text)) return text + next
  return `${text} ${next}`
}
