/**
 * Cuts the essay body into blocks: header lines (title, author, date),
 * headings (Markdown essays), paragraphs and block quotes. One line is one
 * paragraph unless the essay separates paragraphs with blank lines.
 */

import nlp from 'compromise'

export interface Block {
  kind: 'paragraph' | 'quote' | 'heading'
  text: string
  /** Offset of the block's first character in the repaired text. */
  start: number
  /** Offsets of `text` characters in the repaired text (lines are joined with a space). */
  offsets: number[]
}

export interface Header {
  title?: string
  author?: string
  date?: string
}

const DATE = /^(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2},?)?\s+\d{4}$|^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/i

interface Line {
  text: string
  start: number
  indent: number
}

export function splitBlocks(text: string, end: number): {header: Header; blocks: Block[]} {
  const lines: Line[] = []
  let offset = 0
  for (const line of text.slice(0, end).split('\n')) {
    const trimmed = line.trimStart()
    lines.push({text: trimmed, start: offset + line.length - trimmed.length, indent: line.length - trimmed.length})
    offset += line.length + 1
  }
  const blankSeparated = lines.some((line, i) => !line.text && lines[i - 1]?.text && lines[i + 1]?.text)
  const blocks: Block[] = []
  let current: Block | undefined
  for (const line of lines) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line.text)
    const quote = /^>\s?(.*)$/.exec(line.text) ?? (line.indent >= 4 && blankSeparated ? [line.text, line.text] : null)
    if (!line.text || heading) {
      current = undefined
      if (heading) blocks.push(block('heading', heading[2]!, line.start + heading[1]!.length + 1))
      continue
    }
    const kind = quote ? 'quote' : 'paragraph'
    const body = quote ? quote[1]! : line.text
    const bodyStart = line.start + line.text.length - body.length
    // Title, author and date lines stacked at the top stay separate lines even when blank lines separate paragraphs.
    const headerLine = blocks.every((earlier) => isShortLine(earlier.text)) && isShortLine(current?.text ?? '')
    if (current && current.kind === kind && (blankSeparated || kind === 'quote') && !headerLine) {
      if (!body) continue
      current.offsets.push(current.offsets[current.offsets.length - 1]!)
      for (let i = 0; i < body.length; i++) current.offsets.push(bodyStart + i)
      current.text += ' ' + body
    } else {
      current = block(kind, body, bodyStart)
      blocks.push(current)
    }
  }
  return {header: takeHeader(blocks), blocks}
}

function isShortLine(text: string): boolean {
  return text.split(/\s+/).length <= 14 && !/[.!?:;]$/.test(text)
}

function block(kind: Block['kind'], text: string, start: number): Block {
  return {kind, text, start, offsets: range(start, text.length)}
}

function range(start: number, length: number): number[] {
  return Array.from({length: length + 1}, (_, i) => start + i).slice(0, length)
}

/**
 * Short lines before the first real paragraph are the essay's header: a date,
 * the author's name and, last, the title (a line without a final full stop).
 */
function takeHeader(blocks: Block[]): Header {
  const header: Header = {}
  const lines: string[] = []
  while (blocks.length > 1) {
    const first = blocks[0]!
    const short = first.text.split(/\s+/).length <= 14 && !/[.!?:;]$/.test(first.text) && first.kind !== 'quote'
    if (!short || (first.kind === 'heading' && header.title)) break
    blocks.shift()
    if (first.kind === 'heading') header.title = first.text
    else if (DATE.test(first.text)) header.date = first.text
    else lines.push(first.text)
  }
  // Title pages differ (APA: title, then name; MLA: name, teacher, course, date, then title): a line that is only a name is the author.
  const author = lines.findIndex(isName)
  if (author >= 0) header.author = lines.splice(author, 1)[0]
  const title = lines.filter((line) => !isName(line)).pop()
  if (!header.title && title) header.title = title
  if (!header.author && lines.length > 1) header.author = lines[0]
  return header
}

function isName(line: string): boolean {
  const people = nlp(line).people().out('array') as string[]
  return line.split(/\s+/).length <= 4 && people.join(' ').replace(/\s+/g, ' ') === line.replace(/[,.]/g, '').trim()
}
