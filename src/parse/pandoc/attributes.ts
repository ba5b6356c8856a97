/**
 * Pandoc attribute blocks, `{#id .class key=value key="quoted value"}`, as
 * pandoc reads them: a pure parser over the text between the braces, with the
 * offset of every problem so messages point at the right column. `=html` (a
 * raw block's format) and `-` (pandoc's `.unnumbered`) are items too.
 */

export interface PandocAttributes {
  id?: string
  classes: string[]
  /** Key-value pairs in the order written; a repeated key keeps its last value. */
  pairs: Array<[string, string]>
  /** `=html` in `{=html}`: a raw block or span for that output format. */
  rawFormat?: string
}

export interface AttributeProblem {
  reason: string
  /** Offset in the attribute text (the `{` is offset 0). */
  offset: number
}

export interface ParsedAttributes {
  attributes: PandocAttributes
  problems: AttributeProblem[]
}

const IDENTIFIER = /[\p{L}\p{N}_:.-]/u
const KEY_START = /[A-Za-z_]/
const KEY = /[\w:.-]/

/** Whether `{…}` opens like attributes (`#`, `.`, `=`, `-` or `key=`); prose like `{x}` does not. */
export function looksLikeAttributes(text: string): boolean {
  return /^\{[ \t]*(?:[#.=]|-[ \t}]|[A-Za-z_][\w:.-]*=)/.test(text)
}

/** Parses `{…}` (braces included). Unreadable items are skipped and named in `problems`. */
export function parseAttributes(text: string): ParsedAttributes {
  const attributes: PandocAttributes = {classes: [], pairs: []}
  const problems: AttributeProblem[] = []
  const end = text.endsWith('}') ? text.length - 1 : text.length
  let index = text.startsWith('{') ? 1 : 0
  const isSpace = (char: string | undefined) => char === ' ' || char === '\t' || char === '\n' || char === '\r'
  const take = (test: RegExp) => {
    const start = index
    while (index < end && test.test(text[index]!)) index++
    return text.slice(start, index)
  }
  const skipItem = (reason: string) => {
    const start = index
    while (index < end && !isSpace(text[index])) index++
    problems.push({reason: `${reason}: \`${text.slice(start, index)}\``, offset: start})
  }

  while (index < end) {
    const char = text[index]!
    if (isSpace(char)) {
      index++
      continue
    }
    const start = index
    if (char === '#' || char === '.') {
      index++
      const name = take(IDENTIFIER)
      if (!name || (index < end && !isSpace(text[index]))) {
        index = start
        skipItem(char === '#' ? 'unreadable identifier' : 'unreadable class')
      } else if (char === '#') attributes.id = name
      else if (!attributes.classes.includes(name)) attributes.classes.push(name)
      continue
    }
    if (char === '=' && start === firstItem(text)) {
      index++
      const format = take(/[\w-]/)
      if (format) attributes.rawFormat = format
      else skipItem('raw format without a name')
      continue
    }
    if (char === '-' && (index + 1 >= end || isSpace(text[index + 1]))) {
      index++
      if (!attributes.classes.includes('unnumbered')) attributes.classes.push('unnumbered')
      continue
    }
    if (KEY_START.test(char)) {
      const key = take(KEY)
      if (text[index] !== '=') {
        index = start
        skipItem('expected `key=value`, `#id` or `.class`')
        continue
      }
      index++
      const quote = text[index]
      let value = ''
      if (quote === '"' || quote === "'") {
        index++
        let closed = false
        while (index < end) {
          const next = text[index]!
          if (next === '\\' && index + 1 < end) {
            value += text[index + 1]
            index += 2
          } else if (next === quote) {
            index++
            closed = true
            break
          } else {
            value += next
            index++
          }
        }
        if (!closed) problems.push({reason: `unclosed quote in \`${key}=\``, offset: start})
      } else {
        while (index < end && !isSpace(text[index])) value += text[index++]
      }
      const existing = attributes.pairs.findIndex(([name]) => name === key)
      if (existing >= 0) attributes.pairs.splice(existing, 1)
      attributes.pairs.push([key, value])
      continue
    }
    skipItem('unreadable attribute')
  }
  return {attributes, problems}
}

/** Offset of the first non-space character after `{`. */
function firstItem(text: string): number {
  const match = /^\{[ \t]*/.exec(text)
  return match ? match[0].length : 0
}

/** The value of `key`, if written. */
export function pairValue(attributes: PandocAttributes, key: string): string | undefined {
  return attributes.pairs.find(([name]) => name === key)?.[1]
}
