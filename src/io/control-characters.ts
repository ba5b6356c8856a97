/**
 * Control characters in a user's text: C0 controls other than tab, line feed
 * and carriage return, DEL and the C1 controls, and lone surrogates. HTML
 * forbids them (a parse error; browsers show nothing, a box or garble), and
 * they come from pasting out of a PDF or Word (form feeds, vertical tabs,
 * backspaces) or from an escape in a bibliography (`"\u0007"`). citedeck drops
 * each one (a form feed or vertical tab becomes a space) with a warning where
 * it stands: on reading a deck or an essay, and on reading front matter and
 * bibliography fields, the one place each enters.
 */
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {report} from '../messages.js'

// NUL too: a deck or essay holding one is refused as binary before this, but an escape can put one in a field.
const CONTROL = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Warnings for one file, one a character up to this many; then one that counts the rest. */
const SHOWN = 10

export const CONTROL_HINT =
  'HTML cannot hold it; it usually comes with text pasted out of a PDF or Word: delete it (an editor may show it as ^L, <0x0c> or a box)'

/** `U+000C (form feed)`: how a message names the character. */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0)!
  const name = NAMES[code] ?? (code >= 0xd800 && code <= 0xdfff ? 'a lone surrogate' : 'a control character')
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${name})`
}

const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'bell',
  0x08: 'backspace',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x1b: 'escape',
  0x7f: 'delete'
}

// Line breaks and page breaks in Word and PDF text: a space keeps the words on either side apart.
const SPACES = new Set(['\x0B', '\x0C', '\x85'])

/** The text without control characters; those that separate words become spaces. */
export function dropControlCharacters(text: string): string {
  return text.replace(CONTROL, (char) => (SPACES.has(char) ? ' ' : ''))
}

/**
 * Drops the control characters of a text file that was just read (a deck, an
 * essay), with a warning at each one's line and column: `file.value` becomes
 * the clean text.
 */
export function cleanTextFile(file: VFile): void {
  const text = String(file.value)
  const found = [...text.matchAll(CONTROL)]
  if (found.length === 0) return
  const place = location(text)
  const at = (index: number): Point => place.toPoint(index) ?? {line: 1, column: 1}
  for (const match of found.slice(0, SHOWN)) {
    report(file, droppedReason([match[0]]), at(match.index), 'control-character', {note: CONTROL_HINT})
  }
  if (found.length > SHOWN) {
    const next = found[SHOWN]!
    report(file, `${found.length - SHOWN} more control characters left out`, at(next.index), 'control-character', {note: CONTROL_HINT})
  }
  file.value = dropControlCharacters(text)
}

/**
 * `control character U+0007 (bell) dropped`, `… U+000C (form feed) replaced by
 * a space`, `3 control characters (U+0007 (bell), …) in \`title\` left out`.
 */
export function droppedReason(chars: string[], where = ''): string {
  const [first] = chars as [string]
  if (chars.length > 1) return `${chars.length} control characters (${describeCharacter(first)}, …)${where} left out`
  return `control character ${describeCharacter(first)}${where} ${SPACES.has(first) ? 'replaced by a space' : 'dropped'}`
}

/**
 * Drops control characters from every string in parsed data (front matter, a
 * bibliography entry, however deep: names, dates), in place; calls `found`
 * with the path of each field that had some (`title`, `author.0.family`) and
 * what it had. Each object is visited once: YAML aliases can make cycles.
 */
export function cleanData(data: object, found: (field: string, chars: string[]) => void, path: string[] = [], seen = new WeakSet<object>()): void {
  if (seen.has(data)) return
  seen.add(data)
  const record = data as Record<string, unknown>
  for (const key of Object.keys(record)) {
    const value = record[key]
    if (typeof value === 'string') {
      const chars = value.match(CONTROL)
      if (!chars) continue
      found([...path, key].join('.'), chars)
      record[key] = dropControlCharacters(value)
    } else if (typeof value === 'object' && value !== null) cleanData(value, found, [...path, key], seen)
  }
}
