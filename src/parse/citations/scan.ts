/**
 * Finds pandoc citations in a string: `[see @a, p. 3; -@b]` (normal) and
 * `@a` or `@a [p. 3]` (narrative). Works on offsets so the caller can map
 * them back to source positions and to the nodes they span. `blocked(i)` marks
 * characters that cannot be syntax: backslash-escaped ones and stand-ins for
 * inline nodes such as emphasis.
 */

export type Range = [start: number, end: number]

export interface ScannedItem {
  id: string
  prefix: Range
  suffix: Range
  suppressAuthor: boolean
}

export interface ScannedCitation {
  start: number
  end: number
  mode: 'normal' | 'narrative'
  items: ScannedItem[]
}

const WORD = /[\p{L}\p{N}_]/u
// Pandoc lets these sit inside a key when a word character follows.
const INTERNAL = new Set(':.#$%&-+?<>~/')

export function scanCitations(text: string, blocked: (index: number) => boolean): ScannedCitation[] {
  const found: ScannedCitation[] = []
  const matchingBracket = bracketPairs(text, blocked)
  let index = 0
  while (index < text.length) {
    const char = text[index]!
    if (char === '[' && !blocked(index)) {
      const close = matchingBracket(index)
      const cluster = close === -1 ? undefined : readCluster(text, index + 1, close, blocked)
      if (cluster) {
        found.push({start: index, end: close + 1, mode: 'normal', items: cluster})
        index = close + 1
        continue
      }
    } else if (char === '@' && !blocked(index) && !(index > 0 && WORD.test(text[index - 1]!))) {
      const key = readKey(text, index + 1, blocked)
      if (key) {
        const locator = readNarrativeSuffix(text, key.end, blocked, matchingBracket)
        const end = locator ? locator.end : key.end
        const suffix: Range = locator ? [locator.start + 1, locator.end - 1] : [key.end, key.end]
        found.push({
          start: index,
          end,
          mode: 'narrative',
          items: [{id: key.id, prefix: [index, index], suffix, suppressAuthor: false}]
        })
        index = end
        continue
      }
    }
    index++
  }
  return found
}

/** The `]` that closes each `[` (or -1), found in one pass: searching from every `[` was quadratic in a paragraph of unclosed ones. */
function bracketPairs(text: string, blocked: (index: number) => boolean): (open: number) => number {
  const closes = new Map<number, number>()
  const open: number[] = []
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if ((char !== '[' && char !== ']') || blocked(index)) continue
    if (char === '[') open.push(index)
    else if (open.length > 0) closes.set(open.pop()!, index)
  }
  return (index) => closes.get(index) ?? -1
}

/** `see @a, p. 3; -@b`: every `;`-separated part must hold a key, or it is not a citation. */
function readCluster(text: string, start: number, end: number, blocked: (index: number) => boolean) {
  const items: ScannedItem[] = []
  let partStart = start
  for (let index = start; index <= end; index++) {
    if (index < end && (text[index] !== ';' || blocked(index))) continue
    const item = readItem(text, partStart, index, blocked)
    if (!item) return undefined
    items.push(item)
    partStart = index + 1
  }
  return items
}

function readItem(text: string, start: number, end: number, blocked: (index: number) => boolean): ScannedItem | undefined {
  for (let at = start; at < end; at++) {
    if (text[at] !== '@' || blocked(at)) continue
    const before = at > start ? text[at - 1]! : ' '
    if (WORD.test(before)) continue
    const key = readKey(text, at + 1, blocked)
    if (!key || key.end > end) continue
    const suppressAuthor = before === '-' && !blocked(at - 1)
    let prefixEnd = suppressAuthor ? at - 1 : at
    let prefixStart = start
    while (prefixStart < prefixEnd && /\s/.test(text[prefixStart]!)) prefixStart++
    while (prefixEnd > prefixStart && /\s/.test(text[prefixEnd - 1]!)) prefixEnd--
    let suffixEnd = end
    while (suffixEnd > key.end && /\s/.test(text[suffixEnd - 1]!)) suffixEnd--
    return {id: key.id, prefix: [prefixStart, prefixEnd], suffix: [key.end, suffixEnd], suppressAuthor}
  }
  return undefined
}

/** A key after `@`: `roskin2010`, `doe:2020.a`, or `{a key with spaces}`. */
export function readKey(text: string, start: number, blocked: (index: number) => boolean) {
  if (text[start] === '{') {
    const close = text.indexOf('}', start)
    if (close <= start + 1) return undefined
    for (let index = start; index < close; index++) if (blocked(index)) return undefined
    return {id: text.slice(start + 1, close).trim(), end: close + 1}
  }
  let end = start
  while (end < text.length && !blocked(end)) {
    const char = text[end]!
    if (WORD.test(char)) end++
    else if (end > start && INTERNAL.has(char) && end + 1 < text.length && WORD.test(text[end + 1]!) && !blocked(end + 1)) end++
    else break
  }
  return end > start ? {id: text.slice(start, end), end} : undefined
}

/** `@key [p. 3]`: a bracket right after the key (one space allowed) holding no key. */
function readNarrativeSuffix(text: string, after: number, blocked: (index: number) => boolean, matchingBracket: (open: number) => number) {
  const open = text[after] === ' ' ? after + 1 : after
  if (text[open] !== '[' || blocked(open)) return undefined
  const close = matchingBracket(open)
  if (close === -1) return undefined
  // `@a [@b]` is two citations, not a locator.
  if (/(^|[^\p{L}\p{N}_])@/u.test(text.slice(open + 1, close))) return undefined
  // A link reference `@a [text][ref]` or `[text](url)` is not a locator either.
  if (text[close + 1] === '(' || text[close + 1] === '[') return undefined
  return {start: open, end: close + 1}
}
