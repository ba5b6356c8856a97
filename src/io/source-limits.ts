/**
 * Limits on what a deck may ask of the parser, checked on the text before
 * parsing: unified's utilities recurse (5,000 nested `>` or `- ` overflow the
 * stack), micromark slows down sharply on lists nested hundreds of levels
 * deep and on long paragraphs: its text resolver merges each run of data
 * tokens with an `Array#splice` of the paragraph's whole event list, so a
 * paragraph's cost grows with the square of its length (a 40,000-line
 * paragraph of plain prose: 71 s; a 1 MB line of links, escapes or emphasis:
 * minutes). Plain citations and the spaces between them do not count: the
 * parser reads them as one run (../parse/citations/syntax.ts), so a line of
 * 100,000 `[@x]` builds in linear time. Some marks cost more: micromark
 * matches each `*` or `_` against every opener before it that it cannot
 * close (`*a_ *a_ …`), and GFM footnotes look back from each `]` through the
 * paragraph for its `[`, so they have a lower limit of their own (a
 * paragraph of 6,600 `*a_` took 9 s, of 20,000 lines `]` 19 s). A line over a limit is an error at
 * that line with the number, and is left out (emptied, so every other line
 * keeps its number) with the rest of its paragraph, which keeps the rest of
 * the build fast and its messages useful. One message per limit.
 */
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {normalizeIdentifier} from 'micromark-util-normalize-identifier'
import {report} from '../messages.js'
import {endsPlainCitation, PlainCitationReader} from '../parse/citations/syntax.js'

/** Levels of lists, block quotes, emphasis or fenced divs inside one another: far more than a slide can show. */
export const MAX_NESTING = 50
/**
 * Characters of one paragraph besides plain citations and spaces: ten times a
 * long one. The worst paragraph within it (a 1 MB line of 99,000 citations
 * and 9,900 `\*`) parses in about 7 s of CPU (`npm run bench -- limits`).
 */
export const MAX_PARAGRAPH = 20_000
/**
 * `*`, `_` and `]` in one paragraph, besides plain citations: emphasis on a
 * thousand words. At the limit the worst arrangement (`*a_ `, or `]` alone on
 * each line) costs under a second (`npm run bench -- limits`).
 */
export const MAX_MARKS = 4_000

interface Excess {
  reason: string
  note: string
  line: number
  column: number
  count: number
}

const CONTAINER = /^[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/
const DIV_OPEN = /^:{3,}[ \t]*[^\s:]/
const DIV_CLOSE = /^:{3,}[ \t]*$/
const BREAK = /^[ \t]*(?:[*_-][ \t]*){3,}$/
// A line that ends the paragraph before it: blank (within its quotes), or the start of a list item, heading, table row or div.
const NEW_BLOCK = /^[ \t]*(?:>[ \t]?)*(?:$|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|#{1,6}(?:[ \t]|$)|\||:::)/
// After a blank line, a tag starts an HTML block, which runs to the next blank line and is not parsed as text.
const HTML_START = /^ {0,3}</
// A table's delimiter row: the rows after it, to the next blank line, are cells parsed one by one (a leading `|` is optional).
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/
const BLANK = /^[ \t]*$/

/** Wraps the parser: lines over a limit are reported on `file` and blanked before parsing. */
export function remarkSourceLimits(this: Processor) {
  const parse = this.parser!
  this.parser = (document, file) => parse(withinLimits(document, file), file)
}

export function withinLimits(document: string, file: VFile): string {
  const lines = document.split('\n')
  const excesses = new Map<string, Excess>()
  const exceed = (key: string, line: number, column: number, reason: string, note: string) => {
    const known = excesses.get(key)
    if (known) known.count++
    else excesses.set(key, {reason, note, line, column, count: 1})
  }
  let fence: string | undefined
  let divs = 0
  let blanked = false
  let defined: Set<string> | undefined
  let paragraph = 0
  let marks = 0
  // The rest of a paragraph over a limit is left out too: cut into pieces, a long one would cost a piece's time many times over.
  let cut = false
  let html = false
  let table = false
  let afterBlank = true
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    let over = false
    if (fence === undefined) {
      if (BLANK.test(line)) html = table = false
      else if (afterBlank && HTML_START.test(line)) html = true
      else if (line.includes('|') && TABLE_DELIMITER.test(line) && cells(line) === cells(lines[index - 1] ?? '')) table = true
      // Each table row is its own paragraph; an HTML block is not parsed as text at all.
      if (html || table || NEW_BLOCK.test(line) || FENCE.test(line)) {
        paragraph = marks = 0
        cut = false
      }
      if (!html && !cut) {
        const counted = countedLength(line, () => (defined ??= definedLabels(document)))
        paragraph += counted.length
        marks += counted.marks
      }
      afterBlank = BLANK.test(line)
    }
    if (cut) over = true
    else if (paragraph > MAX_PARAGRAPH) {
      const counted = paragraph.toLocaleString('en-US')
      exceed('paragraph', index + 1, 1, `paragraph over ${MAX_PARAGRAPH.toLocaleString('en-US')} characters here (${counted} besides citations and spaces)`, 'add blank lines between paragraphs, or split the slide; the rest of the paragraph is left out')
      over = cut = true
    } else if (fence !== undefined) {
      if (line.trimStart().startsWith(fence)) fence = undefined
    } else {
      const opened = FENCE.exec(line)
      if (opened) fence = opened[1]
      const depth = containerDepth(line)
      if (depth > MAX_NESTING) {
        exceed('nesting', index + 1, 1, `lists and block quotes nest deeper than ${MAX_NESTING} levels here`, 'the deeper lines are left out')
        over = true
      }
      const emphasis = BREAK.test(line) ? 0 : longestRun(line) / 2
      if (emphasis > MAX_NESTING) {
        exceed('emphasis', index + 1, 1, `emphasis nests deeper than ${MAX_NESTING} levels here (${Math.floor(emphasis)})`, 'the line is left out')
        over = true
      }
      if (DIV_OPEN.test(line) && ++divs > MAX_NESTING) {
        exceed('divs', index + 1, 1, `fenced divs nest deeper than ${MAX_NESTING} levels here`, 'the deeper divs are left out')
        over = true
      } else if (DIV_CLOSE.test(line) && divs > 0 && divs-- > MAX_NESTING) over = true
      // Checked after the nesting of emphasis, which names the cause of a line of `*` better.
      if (over) paragraph = marks = 0
      else if (marks > MAX_MARKS) {
        exceed('marks', index + 1, 1, `paragraph with over ${MAX_MARKS.toLocaleString('en-US')} \`*\`, \`_\` and \`]\` here (${marks.toLocaleString('en-US')} besides citations)`, 'add blank lines between paragraphs, or split the slide; the rest of the paragraph is left out')
        over = cut = true
      }
    }
    if (over) {
      // Empty, not spaces: thousands of spaces cost micromark dearly inside deep containers.
      lines[index] = ''
      blanked = true
    }
  }
  for (const excess of excesses.values()) {
    const more = excess.count > 1 ? ` (and ${excess.count - 1} more such lines)` : ''
    report(file, excess.reason + more, {line: excess.line, column: excess.column}, 'limit', {fatal: true, note: excess.note})
  }
  return blanked ? lines.join('\n') : document
}

/**
 * The line's length less its spaces and plain citations (read by the
 * parser's own rule), which cost micromark nothing to merge, and its `*`, `_`
 * and `]` outside plain citations.
 */
function countedLength(line: string, defined: () => Set<string>): {length: number; marks: number} {
  let cheap = 0
  let marks = 0
  for (let index = 0; index < line.length; index++) {
    const char = line[index]
    if (char === ' ' || char === '\t') cheap++
    else if (char === '*' || char === '_' || char === ']') marks++
  }
  let index = line.indexOf('[')
  while (index !== -1) {
    const reader = new PlainCitationReader()
    let end = index + 1
    let step: ReturnType<PlainCitationReader['take']> = 'no'
    while (end < line.length && (step = reader.take(line.charCodeAt(end))) === 'more') end++
    const next = end + 1 < line.length ? line.charCodeAt(end + 1) : null
    if (step === 'close' && endsPlainCitation(next) && !defined().has(normalizeIdentifier(reader.inside))) {
      cheap += end + 1 - index - (reader.inside.match(/[ \t]/g)?.length ?? 0)
      marks -= 1 + (reader.inside.match(/[*_\]]/g)?.length ?? 0)
      index = line.indexOf('[', end + 1)
    } else index = line.indexOf('[', index + 1)
  }
  return {length: line.length - cheap, marks}
}

/** A table row's cell count (pipes not escaped, the outer ones optional), as GFM matches a header to its delimiter row. */
function cells(line: string): number {
  return line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/).length
}

/** Labels that may be defined (`[label]: url`), anywhere: a defined `[@x]` is a link, not a plain citation. */
function definedLabels(document: string): Set<string> {
  return new Set(Array.from(document.matchAll(/\[((?:[^\]\\\n]|\\.)+)\]:/g), (match) => normalizeIdentifier(match[1]!)))
}

/** Nesting of a line's containers: its indentation (two columns a level) and the markers that open it. */
function containerDepth(line: string): number {
  let rest = line
  let markers = 0
  for (let match = CONTAINER.exec(rest); match; match = CONTAINER.exec(rest)) {
    markers++
    rest = rest.slice(match[0].length)
    if (markers > MAX_NESTING) break
  }
  const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length
  return markers + Math.floor(indent / 2)
}

/** The longest run of one emphasis character (`*` or `_`). */
function longestRun(line: string): number {
  let longest = 0
  let run = 0
  let previous = ''
  for (const char of line) {
    run = (char === '*' || char === '_') && char === previous ? run + 1 : char === '*' || char === '_' ? 1 : 0
    previous = char
    if (run > longest) longest = run
  }
  return longest
}
