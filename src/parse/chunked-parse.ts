/**
 * Parses a long deck slide by slide. micromark's cost grows faster than the
 * document (a 1,000-slide deck took seconds, a tenth of it milliseconds), and a
 * deck splits cleanly: an ATX heading at column 0 outside code, HTML and fenced
 * divs always starts a new top-level block. Chunks are parsed alone and their
 * trees joined with positions shifted back to the whole file.
 */
import type {Root} from 'mdast'
import type {Processor} from 'unified'
import {shiftPositions} from '../walk.js'

/** Chunks smaller than this are not worth a separate parse. */
const MIN_CHUNK = 4 * 1024

const HEADING = /^#{1,6}(?:[ \t]|$)/
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/
const DIV_FENCE = /^ {0,3}(:{3,})(.*)$/
// HTML blocks of CommonMark types 1–5 run until an end marker, across blank lines.
const HTML_OPEN: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  // Any other tag line (types 6 and 7) runs to the next blank line.
  [/^ {0,3}<[A-Za-z/]/, /^\s*$/]
]
// Definitions must be known to the parse of every chunk that uses them.
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*\S.*$/

export function remarkChunkedParse(this: Processor) {
  const parse = this.parser
  if (!parse) return
  this.parser = (document, file) => {
    const chunks = splitDocument(document)
    if (chunks.length === 1) return parse(document, file)
    const definitions = document.split('\n').filter((line) => DEFINITION.test(line))
    const appendix = definitions.length > 0 ? '\n\n' + definitions.join('\n') + '\n' : ''
    const root: Root = {type: 'root', children: []}
    let line = 0
    let offset = 0
    for (const chunk of chunks) {
      const tree = parse(chunk + appendix, file) as Root
      // The appended definitions were only there to be known; drop their nodes.
      const own = tree.children.filter((node) => (node.position?.start.offset ?? 0) < chunk.length)
      shiftPositions(own, line, offset)
      root.children.push(...own)
      line += chunk.split('\n').length - 1
      offset += chunk.length
    }
    root.position = {start: {line: 1, column: 1, offset: 0}, end: {line: line + 1, column: 1, offset}}
    return root
  }
}

/** Cuts before top-level headings; each chunk but the last ends with its newline. */
export function splitDocument(document: string): string[] {
  if (document.length < MIN_CHUNK * 2) return [document]
  const lines = document.split('\n')
  const chunks: string[] = []
  let start = 0
  let startOffset = 0
  let offset = 0
  let codeFence: string | undefined
  let htmlEnd: RegExp | undefined
  const divs: number[] = []

  lines.forEach((text, index) => {
    const lineOffset = offset
    offset += text.length + 1
    if (codeFence) {
      const close = CODE_FENCE.exec(text)?.[1]
      if (close && close[0] === codeFence[0] && close.length >= codeFence.length && text.trim() === close) codeFence = undefined
      return
    }
    if (htmlEnd) {
      if (htmlEnd.test(text)) htmlEnd = undefined
      return
    }
    const fence = CODE_FENCE.exec(text)?.[1]
    if (fence) {
      codeFence = fence
      return
    }
    const html = HTML_OPEN.find(([open]) => open.test(text))
    if (html) {
      if (!html[1].test(text)) htmlEnd = html[1]
      return
    }
    const div = DIV_FENCE.exec(text)
    if (div) {
      if (div[2]!.trim() === '') divs.pop()
      else divs.push(div[1]!.length)
      return
    }
    if (divs.length === 0 && HEADING.test(text) && lineOffset - startOffset >= MIN_CHUNK) {
      chunks.push(lines.slice(start, index).join('\n') + '\n')
      start = index
      startOffset = lineOffset
    }
  })
  chunks.push(lines.slice(start).join('\n'))
  return chunks
}
