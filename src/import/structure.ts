/**
 * Cuts the essay body into blocks: the title page (see `title-page.ts`),
 * section headings (Markdown `#`, or a short line standing alone between
 * paragraphs), paragraphs, block quotes and list items. One line is one
 * paragraph unless the essay separates paragraphs with blank lines.
 */
import {type Header, type TitleLine, isCommonSection, readTitlePage} from './title-page.js'

export type {Header} from './title-page.js'

export interface Block {
  kind: 'paragraph' | 'quote' | 'heading' | 'list-item' | 'table'
  text: string
  /** Offset of the block's first character in the repaired text. */
  start: number
  /** Offsets of `text` characters in the repaired text (lines are joined with a space). */
  offsets: number[]
  /** A heading's depth (`#` = 1), or a list item's nesting (1 = top). */
  level?: number
  /** The block is one line of the file. */
  single?: boolean
  /** A heading found as a short line standing alone, not marked with `#`. */
  implicit?: boolean
}

interface Line {
  text: string
  start: number
  indent: number
}

const LIST_MARK = /^(?:[-*+•●○◦▪■–]|\d{1,2}[.)](?=\s+\S.{0,80}$))\s+/u
// A paragraph says something: more than a title's worth of words, or a sentence that ends.
const PROSE_WORDS = 25
// A Word footnote's mark in the text (see docx.ts).
const FOOTNOTE_MARK = /\[\^\d+\]/

/**
 * `cites` tells a line that carries a citation (an in-text citation of the
 * essay's sources): such a line is body text, never a title-page line.
 */
export function splitBlocks(text: string, end: number, cites: (text: string) => boolean = () => false): {header: Header; blocks: Block[]} {
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
  for (const [i, line] of lines.entries()) {
    // Rows of tab-separated cells, two or more lines running: a table.
    const row = line.text.includes('\t') && (lines[i + 1]?.text.includes('\t') || lines[i - 1]?.text.includes('\t'))
    if (row) {
      if (current?.kind !== 'table') {
        current = block('table', line.text, line.start)
        blocks.push(current)
      } else {
        current.offsets.push(current.offsets[current.offsets.length - 1]!)
        for (let j = 0; j < line.text.length; j++) current.offsets.push(line.start + j)
        current.text += '\n' + line.text
        current.single = false
      }
      continue
    }
    line.text = line.text.replace(/\t/g, ' ')
    if (current?.kind === 'table') current = undefined
    const heading = /^(#{1,6})\s+(.*)$/.exec(line.text)
    const quote = /^>\s?(.*)$/.exec(line.text) ?? (line.indent >= 4 && blankSeparated && !LIST_MARK.test(line.text) ? [line.text, line.text] : null)
    const item = quote ? null : LIST_MARK.exec(line.text)
    if (!line.text || heading) {
      current = undefined
      if (heading) blocks.push(block('heading', heading[2]!.trim(), line.start + heading[1]!.length + 1, heading[1]!.length))
      continue
    }
    if (item && !/^\d/.test(item[0])) {
      current = undefined
      blocks.push(block('list-item', line.text.slice(item[0].length), line.start + item[0].length, 1 + Math.floor(line.indent / 2)))
      continue
    }
    const kind = quote ? 'quote' : 'paragraph'
    const body = quote ? quote[1]! : line.text
    const bodyStart = line.start + line.text.length - body.length
    // Title-page lines stacked at the top stay separate lines even when blank lines separate paragraphs.
    // (A hard-wrapped paragraph's first line is longer than a title-page line.)
    const titlePage = blocks.every((earlier) => earlier.single && !isProse(earlier.text)) && wordCount(current?.text ?? '') <= 12
    if (current && current.kind === kind && (blankSeparated || kind === 'quote') && !titlePage) {
      if (!body) continue
      current.offsets.push(current.offsets[current.offsets.length - 1]!)
      for (let i = 0; i < body.length; i++) current.offsets.push(bodyStart + i)
      current.text += ' ' + body
      current.single = false
    } else {
      current = block(kind, body, bodyStart)
      blocks.push(current)
    }
  }
  markHeadings(blocks, cites)
  return {header: takeTitlePage(blocks, cites), blocks}
}

function block(kind: Block['kind'], text: string, start: number, level?: number): Block {
  return {kind, text, start, offsets: range(start, text.length), single: true, ...(level ? {level} : {})}
}

function range(start: number, length: number): number[] {
  return Array.from({length: length + 1}, (_, i) => start + i).slice(0, length)
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

function isProse(text: string): boolean {
  return wordCount(text) > PROSE_WORDS || (/[.!…]["”’)]?$/.test(text) && wordCount(text) > 8 && !/\b(?:Dr|Prof|Mr|Mrs|Ms|St)\.$/.test(text))
}

/**
 * A plain-text heading: one short line on its own, not ending like a
 * sentence or an introduction (`…as follows:`), without a citation, and
 * followed by prose. `Introduction`, `2. The case for shorter hours`.
 */
function markHeadings(blocks: Block[], cites: (text: string) => boolean) {
  blocks.forEach((candidate, i) => {
    if (candidate.kind !== 'paragraph' || !candidate.single) return
    const text = candidate.text
    const next = blocks[i + 1]
    const before = blocks[i - 1]
    if (wordCount(text) > 12 || /[.,;:]$/.test(text) || !/^[\p{Lu}\d¿¡“]/u.test(text) || /\(\s*[^)]*\d{4}/.test(text) || FOOTNOTE_MARK.test(text) || cites(text)) return
    if (!next || next.kind === 'heading' || !isProse(next.text) || (before && /:$/.test(before.text))) return
    candidate.kind = 'heading'
    candidate.level = 2
    candidate.implicit = true
  })
}

/**
 * Takes the title page off the front of `blocks`: the short lines before
 * the first paragraph or section heading. The last of them is a section
 * heading, not a title-page line, when it reads as one (`Introduction`, or
 * numbered like the essay's other headings) and the title is found above it.
 * A line with a footnote mark or a citation is the essay's first paragraph:
 * a title page cites nothing.
 */
function takeTitlePage(blocks: Block[], cites: (text: string) => boolean): Header {
  const page: TitleLine[] = []
  let count = 0
  for (const candidate of blocks) {
    if (candidate.kind === 'heading' && candidate.level === 1 && !page.some((line) => line.marked) && !isCommonSection(candidate.text)) {
      page.push({text: candidate.text, marked: true})
    } else if ((candidate.kind === 'paragraph' || candidate.implicit) && candidate.single && !isProse(candidate.text) && !FOOTNOTE_MARK.test(candidate.text) && !cites(candidate.text)) {
      page.push({text: candidate.text})
    } else break
    count++
  }
  if (count === blocks.length) {
    count = Math.max(0, count - 1)
    page.splice(count)
  }
  // Section headings the loop took for title-page lines are given back, last first.
  const laterNumbered = blocks.slice(count).some((later) => later.kind === 'heading' && /^\d+\.?\s/.test(later.text))
  while (count > 1) {
    const last = blocks[count - 1]!
    const sectionLike = isCommonSection(last.text) || (laterNumbered && /^\d+\.?\s/.test(last.text))
    if (!(last.kind === 'heading' && sectionLike) || page[count - 1]!.marked) break
    page.pop()
    count--
  }
  const title = readTitlePage(page)
  blocks.splice(0, count)
  return title
}
