/**
 * Repairs the typing habits of student essays (missing space after a full
 * stop, `Khrushchev 's`, straight or mixed quotes, runs of spaces) while
 * remembering, for every repaired character, the offset it came from, so a
 * warning found later still points at the line and column of the original file.
 */
import type {Point} from 'unist'
import {location} from 'vfile-location'

export interface Repaired {
  /** The repaired text. */
  text: string
  /** `map[i]` is the offset in the original text of repaired character `i` (one extra entry for the end). */
  map: number[]
}

type Replacer = (match: RegExpExecArray) => string

/** Runs `pattern` over the text, replacing each match and keeping the offset map in step. */
function edit(state: Repaired, pattern: RegExp, replace: Replacer): Repaired {
  let text = ''
  const map: number[] = []
  let last = 0
  for (const match of state.text.matchAll(pattern)) {
    const start = match.index
    const end = start + match[0].length
    text += state.text.slice(last, start)
    append(map, state.map, last, start)
    const replacement = replace(match as RegExpExecArray)
    text += replacement
    // Equal lengths map one to one; otherwise every new character points at the match start.
    for (let i = 0; i < replacement.length; i++) {
      map.push(replacement.length === match[0].length ? state.map[start + i]! : state.map[start]!)
    }
    last = end
  }
  text += state.text.slice(last)
  append(map, state.map, last, state.map.length)
  return {text, map}
}

// A loop, not `push(...slice)`: spreading a megabyte-long slice overflows the call stack.
function append(target: number[], source: number[], from: number, to: number) {
  for (let i = from; i < to; i++) target.push(source[i]!)
}

// A full stop after a lone capital (`U.S.`, `J.F.`) is an initial, not a sentence end.
const MISSING_SPACE = /(?<![\s.(]\p{Lu}|^\p{Lu}|\S*(?:\/\/|www\.)\S*|\bwww)([.!?]["”’)\]]*)(?=\p{Lu}\p{Ll})/gmu

/** Repairs `source`; `markdown` also drops emphasis marks (APA italicises titles). */
export function repairText(source: string, {markdown = false} = {}): Repaired {
  let state: Repaired = {text: source, map: Array.from({length: source.length + 1}, (_, i) => i)}
  if (markdown) state = edit(state, /(\*\*|__|\*|_)(?=\S)([^*_\n]+?)(?<=\S)\1/g, (match) => match[2]!)
  state = edit(state, /\r\n?|\u2028|\u2029/g, () => '\n')
  // A tab inside a line separates table cells (`Study<TAB>Finding`): it stays, one per cell break; others are spaces.
  state = edit(state, /(?<=\S)[ \t]*\t[ \t]*(?=\S)/g, () => '\t')
  state = edit(state, /(?:^|(?<=\s))\t|\t(?=\s|$)|[\u00a0\u2000-\u200a\u202f\u3000]/gm, () => ' ')
  state = edit(state, /[\u200b\ufeff\u00ad]/g, () => '')
  // Keep leading indentation: it tells block quotes from body text.
  state = edit(state, /(?<=\S) {2,}(?=\S)/g, () => ' ')
  state = edit(state, / +$/gm, () => '')
  state = edit(state, /(?<=\p{L}) ['’](?=(?:s|t|d|m|ll|re|ve)\b)/gu, () => '’')
  state = edit(state, /(?<=\p{L})'(?=\p{L})/gu, () => '’')
  state = edit(state, /(?<=\p{L}) +(?=[,;](?:\s|$))/gmu, () => '')
  state = edit(state, MISSING_SPACE, (match) => `${match[1]} `)
  // Guillemets are double quotation marks too (`«…»`, German `»…«`): read as `“…”`, the spaces inside them dropped.
  // (`quoteMarks` tells the deck to show them as the essay wrote them.)
  const reversed = quoteMarks(source)?.open === '»'
  state = edit(state, reversed ? /»|«/g : /«\s*|\s*»/g, (match) => (match[0].trim() === (reversed ? '»' : '«') ? '“' : '”'))
  state = edit(state, /["“”„‟″]/g, (match) => {
    const before = state.text[match.index - 1]
    return before === undefined || /[\s([{\u2014–-]/.test(before) ? '“' : '”'
  })
  state = edit(state, /(?<=^|[\s([{])['‘](?=\S)/gmu, () => '‘')
  state = edit(state, /(?<=\S)'/g, () => '’')
  return state
}

/** The double quotation marks of an essay not written with `“…”` or straight quotes (`« `, ` »`; `„`, `“`), or undefined. */
export function quoteMarks(source: string): {open: string; close: string} | undefined {
  const first = /[«»„]/.exec(source)
  if (!first) return undefined
  if (first[0] === '„') return {open: '„', close: '“'}
  if (first[0] === '»') return {open: '»', close: '«'}
  // French sets guillemets off with (no-break) spaces; Spanish and Italian do not.
  return /«[\s\u00a0\u202f]/.test(source) ? {open: '«\u00a0', close: '\u00a0»'} : {open: '«', close: '»'}
}

/** Turns offsets of the original text into 1-based points. */
export function pointMaker(source: string): (offset: number) => Point {
  const place = location(source)
  return (offset) => place.toPoint(Math.min(offset, source.length)) ?? {line: 1, column: 1, offset}
}
