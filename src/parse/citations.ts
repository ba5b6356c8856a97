/**
 * remark plugin: pandoc citation syntax → `citation` nodes with positions.
 * A careful pass over text nodes rather than a micromark extension: the
 * published ones target an older micromark. `[@key]` may span several nodes
 * (`[@key, *passim*]`), so each parent's phrasing children are read as one
 * string in which other inline nodes stand as one blocked character. A small
 * micromark extension (./citations/syntax.ts) only keeps plain `[@key]` from
 * costing micromark quadratic time; the tree it gives is the same.
 */
import type {Nodes, PhrasingContent, Root, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Processor} from 'unified'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {Citation, CitationItem} from '../types.js'
import {SKIP, walk} from '../walk.js'
import {parseLocator} from './citations/locator.js'
import {type Range, type ScannedCitation, scanCitations} from './citations/scan.js'
import {mapText, type TextMap} from './citations/source-map.js'
import {citationSyntax} from './citations/syntax.js'

/** Stands in for an inline node (emphasis, code, link…) inside the joined text. */
const STAND_IN = '\uFFFC'

// Inside a link a citation would nest anchors; code is literal.
const SKIP_TYPES = new Set(['link', 'linkReference', 'citation', 'code', 'inlineCode', 'html', 'yaml'])

interface Piece {
  node: PhrasingContent
  /** Index of the piece's first character in the joined text. */
  from: number
  map?: TextMap
}

export function remarkCitations(this: Processor) {
  ;(this.data().micromarkExtensions ??= []).push(citationSyntax())
  return (tree: Root, file: VFile) => {
    const source = String(file.value ?? '')
    const toPoint = pointer(source)
    walk<Nodes>(tree, (node) => {
      if (SKIP_TYPES.has(node.type)) return SKIP
      if ('children' in node && node.children.some((child) => child.type === 'text')) {
        node.children = rewrite(node.children as PhrasingContent[], source, toPoint) as typeof node.children
      }
      return undefined
    })
  }
}

/**
 * The citations of a Markdown text read line by line as plain text, without
 * parsing it: what the parse will find in most decks, in the same order, for
 * a start on formatting them while the deck parses (see cite/prewarm.ts).
 */
export function guessCitations(source: string): Citation[] {
  const toPoint = pointer(source)
  const found: Citation[] = []
  let offset = 0
  for (const line of source.split('\n')) {
    if (line.includes('@')) {
      const text: Text = {type: 'text', value: line, position: {start: toPoint(offset), end: toPoint(offset + line.length)}}
      for (const node of rewrite([text], source, toPoint)) if (node.type === 'citation') found.push(node)
    }
    offset += line.length + 1
  }
  return found
}

function rewrite(children: PhrasingContent[], source: string, toPoint: (offset: number) => Point): PhrasingContent[] {
  // Every citation has an `@` in a text node (a key inside emphasis is not one): most runs have none, and need no source map.
  if (!children.some((node) => node.type === 'text' && node.value.includes('@'))) return children
  for (;;) {
    const {pieces, text} = join(children, source)
    const found = scanCitations(text, blockedIn(pieces))
    // Pandoc reads a citation's brackets before emphasis, so `_` cannot open
    // inside `[@a, x_y]` and close past it. Markdown's emphasis can: such an
    // emphasis inside a citation would hide the `]` and whatever follows (the
    // next citation, raw HTML) in the first one's suffix. Its delimiters go
    // back to being text and the run is read again.
    const crossing = new Set(
      found.flatMap((scanned) => pieces.filter((piece) => piece.from >= scanned.start && piece.from < scanned.end && crossesBrackets(piece.node)))
    )
    const unwrapped = children.flatMap((node) => (crossing.has(pieces.find((piece) => piece.node === node)!) ? unwrap(node, source, toPoint) : [node]))
    if (unwrapped.length === children.length) return found.length === 0 ? children : replace(pieces, text, found, source, toPoint)
    children = unwrapped
  }
}

/** An emphasis, strong or strikethrough whose text has a `]` before its `[`, or an unpaired one. */
function crossesBrackets(node: PhrasingContent): boolean {
  if (node.type !== 'emphasis' && node.type !== 'strong' && node.type !== 'delete') return false
  let depth = 0
  for (const char of toString(node)) {
    if (char === '[') depth++
    else if (char === ']' && --depth < 0) return true
  }
  return depth !== 0
}

/** The node's children between its delimiters (`_`, `**`, `~~`) as source text; the node itself when positions are missing. */
function unwrap(node: PhrasingContent, source: string, toPoint: (offset: number) => Point): PhrasingContent[] {
  const inner = 'children' in node ? (node.children as PhrasingContent[]) : []
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  const first = inner[0]?.position?.start.offset
  const last = inner.at(-1)?.position?.end.offset
  if (start === undefined || end === undefined || first === undefined || last === undefined) return [node]
  const delimiter = (from: number, to: number): Text => ({
    type: 'text',
    value: source.slice(from, to),
    position: {start: toPoint(from), end: toPoint(to)}
  })
  return [delimiter(start, first), ...inner, delimiter(last, end)]
}

function join(children: PhrasingContent[], source: string): {pieces: Piece[]; text: string} {
  const pieces: Piece[] = []
  let text = ''
  for (const node of children) {
    const position = node.position
    const map =
      node.type === 'text' && position?.start.offset !== undefined && position.end.offset !== undefined
        ? mapText(node.value, source, position.start.offset, position.end.offset)
        : undefined
    pieces.push({node, from: text.length, map})
    text += node.type === 'text' ? node.value : STAND_IN
  }
  return {pieces, text}
}

function pieceIn(pieces: Piece[], index: number): Piece {
  return pieces[pieceIndex(pieces, index)]!
}

/** Which piece holds the joined text's `index`: a binary search, as a paragraph may have thousands of pieces. */
function pieceIndex(pieces: Piece[], index: number): number {
  let low = 0
  let high = pieces.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (pieces[middle]!.from <= index) low = middle
    else high = middle - 1
  }
  return low
}

function blockedIn(pieces: Piece[]) {
  return (index: number) => {
    const piece = pieceIn(pieces, index)
    return piece.node.type !== 'text' || piece.map?.escaped[index - piece.from] === true
  }
}

/** The run of nodes with each scanned citation made a `citation` node. */
function replace(pieces: Piece[], text: string, found: ScannedCitation[], source: string, toPoint: (offset: number) => Point): PhrasingContent[] {
  const pieceAt = (index: number) => pieceIn(pieces, index)

  // Offsets in the source of a joined-text boundary, as the start or end of a range.
  const startOffset = (index: number): number | undefined => {
    const piece = pieceAt(index)
    return piece.map ? piece.map.offsets[index - piece.from] : piece.node.position?.start.offset
  }
  const endOffset = (index: number): number | undefined => {
    const piece = pieceAt(index - 1)
    return piece.map ? piece.map.offsets[index - piece.from] : piece.node.position?.end.offset
  }
  const place = (start: number, end: number): Position | undefined => {
    const from = startOffset(start)
    const to = endOffset(end)
    return from === undefined || to === undefined ? undefined : {start: toPoint(from), end: toPoint(to)}
  }
  const slice = (start: number, end: number): PhrasingContent[] => {
    const nodes: PhrasingContent[] = []
    for (let index = pieceIndex(pieces, start); index < pieces.length && pieces[index]!.from < end; index++) {
      const piece = pieces[index]!
      const length = piece.node.type === 'text' ? piece.node.value.length : 1
      const from = Math.max(start, piece.from)
      const to = Math.min(end, piece.from + length)
      if (from >= to) continue
      if (piece.node.type !== 'text') nodes.push(piece.node)
      else {
        const node: Text = {type: 'text', value: piece.node.value.slice(from - piece.from, to - piece.from)}
        const position = place(from, to)
        if (position) node.position = position
        nodes.push(node)
      }
    }
    return nodes
  }
  // Prefix and suffix as plain text, inline nodes flattened (`*passim*` → `passim`).
  const plain = ([start, end]: Range) => slice(start, end).map((node) => toString(node)).join('')

  const result: PhrasingContent[] = []
  let cursor = 0
  for (const scanned of found) {
    result.push(...slice(cursor, scanned.start))
    result.push(citation(scanned, slice(scanned.start, scanned.end), plain, place(scanned.start, scanned.end), source))
    cursor = scanned.end
  }
  result.push(...slice(cursor, text.length))
  return result
}

function citation(
  scanned: ScannedCitation,
  children: PhrasingContent[],
  plain: (range: Range) => string,
  position: Position | undefined,
  source: string
): Citation {
  const items: CitationItem[] = scanned.items.map((item) => {
    const {locator, label, suffix} = parseLocator(plain(item.suffix))
    const result: CitationItem = {id: item.id, prefix: plain(item.prefix), suffix, suppressAuthor: item.suppressAuthor}
    if (locator !== undefined) {
      result.locator = locator
      result.label = label
    }
    return result
  })
  const raw =
    position?.start.offset !== undefined && position.end.offset !== undefined
      ? source.slice(position.start.offset, position.end.offset)
      : children.map((node) => toString(node)).join('')
  const node: Citation = {type: 'citation', mode: scanned.mode, items, raw, children}
  if (position) node.position = position
  return node
}

/** offset → line/column, with the offset kept so `raw` can be sliced. */
function pointer(source: string) {
  const place = location(source)
  return (offset: number): Point => place.toPoint(offset) ?? {line: 1, column: 1, offset}
}
