/**
 * Limits on what a deck may ask of the parser, checked on the text before
 * parsing: unified's utilities recurse (5,000 nested `>` or `- ` overflow the
 * stack), micromark slows down sharply on lists nested hundreds of levels
 * deep and on very long lines (its text resolver splices its event list once
 * per run of text, quadratic on a 1 MB line). A line over a limit is an error
 * at that line with the number, and is left out (emptied, so every other line
 * keeps its number), which keeps the rest of the build fast and its messages
 * useful. One message per limit.
 */
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {report} from '../messages.js'

/** Levels of lists, block quotes, emphasis or fenced divs inside one another: far more than a slide can show. */
export const MAX_NESTING = 50
/** Characters on one line: ten times a long paragraph; a 20,000-character line with 4,000 citations parses in about a second. */
export const MAX_LINE = 20_000

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
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    let over = false
    if (line.length > MAX_LINE) {
      exceed('line', index + 1, 1, `line ${index + 1} is ${line.length.toLocaleString('en-US')} characters long (limit ${MAX_LINE.toLocaleString('en-US')})`, 'break it into paragraphs or slides; the line is left out')
      over = true
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
