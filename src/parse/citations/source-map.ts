/**
 * Maps a text node's value back to its source. remark unescapes `\@` and
 * decodes `&amp;`, and strips indentation of continuation lines, so value
 * offsets and source offsets drift apart; a citation's position and the
 * "was this `@` escaped?" test both need the source.
 */

export interface TextMap {
  /** Source offset of each value character, plus one past the end. */
  offsets: number[]
  /** Value characters written as a backslash escape (`\@`, `\[`). */
  escaped: boolean[]
}

const REFERENCE = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/

export function mapText(value: string, source: string, start: number, end: number): TextMap {
  const offsets: number[] = []
  const escaped: boolean[] = []
  let at = start
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!
    // Skip source characters that did not make it into the value (indentation).
    while (at < end && source[at] !== char && /[ \t]/.test(source[at]!) && source[at] !== '\\' && source[at] !== '&') at++
    if (source[at] === '\\' && source[at + 1] === char && char !== '\\') {
      offsets.push(at)
      escaped.push(true)
      at += 2
      continue
    }
    const reference = source[at] === '&' ? REFERENCE.exec(source.slice(at, at + 40)) : null
    // An unknown name (`&foo;`) stays literal in the value; a known one was decoded.
    if (reference && !value.startsWith(reference[0], index)) {
      offsets.push(at)
      escaped.push(true)
      // A reference can decode to two UTF-16 units (an astral character).
      if (char.charCodeAt(0) >= 0xd800 && char.charCodeAt(0) < 0xdc00 && index + 1 < value.length) {
        index++
        offsets.push(at)
        escaped.push(true)
      }
      at += reference[0].length
      continue
    }
    offsets.push(Math.min(at, end))
    escaped.push(false)
    at++
  }
  offsets.push(Math.min(Math.max(at, start), end))
  return {offsets, escaped}
}
