/**
 * Reads the YAML front matter node into `file.data.matter`, with positions so
 * later messages about a key point at its line in the deck.
 */
import type {Root} from 'mdast'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {isMap, isScalar, parseDocument} from 'yaml'
import {CONTROL_HINT, cleanData, droppedReason} from '../io/control-characters.js'
import {report} from '../messages.js'

export interface FrontMatter {
  data: Record<string, unknown>
  /** Where a key's value is written, for messages; the document start when absent. */
  place(key: string): Point
}

declare module 'vfile' {
  interface DataMap {
    matter: FrontMatter
  }
}

export function remarkFrontMatterData() {
  return (tree: Root, file: VFile) => {
    file.data.matter = readFrontMatter(tree, file)
  }
}

function readFrontMatter(tree: Root, file: VFile): FrontMatter {
  const empty: FrontMatter = {data: {}, place: () => ({line: 1, column: 1})}
  const node = tree.children[0]
  if (node?.type === 'thematicBreak' && node.position?.start.line === 1) reportUnclosed(file)
  if (node?.type !== 'yaml' || !node.position) return empty

  // The YAML text starts on the line after the opening `---`.
  const firstLine = node.position.start.line + 1
  const toPoint = (line: number, col: number): Point => ({line: firstLine + line - 1, column: col})
  const document = parseDocument(node.value, {prettyErrors: true})

  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const [line, col] = error.linePos ? [error.linePos[0].line, error.linePos[0].col] : [1, 1]
      // The YAML's own "at line N, column M" counts from the front matter, not the file.
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
      report(file, `broken YAML front matter: ${reason}`, toPoint(line, col), 'front-matter', {
        fatal: true,
        note: 'fix the YAML between the `---` lines (quote values that contain `: ` or start with `@`)'
      })
    }
    return empty
  }

  let value: unknown
  try {
    value = document.toJS()
  } catch (error) {
    // Parsing succeeds for `title: *nope` (an alias without its anchor) and for alias bombs; only toJS throws.
    report(file, `broken YAML front matter: ${(error as Error).message}`, toPoint(1, 1), 'front-matter', {
      fatal: true,
      note: 'define each `&anchor` before its `*alias`, or quote values that start with `*` or `&`'
    })
    return empty
  }
  if (value === null || value === undefined) return empty
  if (typeof value !== 'object' || Array.isArray(value)) {
    report(file, 'front matter must be a YAML mapping of `key: value` lines', node, 'front-matter', {fatal: true})
    return empty
  }

  const lineCounter = offsetToPoint(node.value)
  const matter: FrontMatter = {
    data: {},
    place(key) {
      // A key under Quarto's `format: revealjs:` is found there.
      const range = keyRange(document.contents, ['format', 'revealjs', key]) ?? keyRange(document.contents, [key])
      if (!range) return node.position!.start
      const {line, column} = lineCounter(range[0])
      return toPoint(line, column)
    }
  }
  // A YAML escape ("\x07", "\uD800") can put in a value what the deck's text may not hold.
  cleanData(value, (field, chars) => {
    report(file, droppedReason(chars, ` in \`${field}\``), matter.place(field.split('.')[0]!), 'control-character', {note: CONTROL_HINT})
  })
  matter.data = withFormatOptions(value as Record<string, unknown>)
  return matter
}

/**
 * Quarto writes deck options under `format: revealjs:`; they are read as if
 * top-level, and win over top-level keys, as Quarto's format options do.
 */
function withFormatOptions(data: Record<string, unknown>): Record<string, unknown> {
  const {format} = data
  if (!format || typeof format !== 'object' || Array.isArray(format)) return data
  const revealjs = (format as Record<string, unknown>).revealjs
  const {format: _format, ...rest} = data
  return revealjs && typeof revealjs === 'object' && !Array.isArray(revealjs) ? {...rest, ...(revealjs as Record<string, unknown>)} : rest
}

/** The source range of the key at `path` in nested YAML maps. */
function keyRange(contents: unknown, path: string[]): [number, number, number] | undefined {
  let map = contents
  for (const [index, key] of path.entries()) {
    if (!isMap(map)) return undefined
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key)
    if (!pair) return undefined
    if (index === path.length - 1) return isScalar(pair.key) ? pair.key.range ?? undefined : undefined
    map = pair.value
  }
  return undefined
}

/** `---` then `key: value` lines and no closing `---`: front matter left open, which Markdown reads as slides. */
function reportUnclosed(file: VFile) {
  if (!/^---[ \t]*\r?\n[ \t]*[\w-]+:/.test(String(file.value ?? ''))) return
  report(file, 'front matter is never closed: it is read as slide text', {line: 1, column: 1}, 'front-matter', {
    note: 'end the front matter with a line of `---`'
  })
}

function offsetToPoint(text: string) {
  return (offset: number) => {
    const before = text.slice(0, offset).split('\n')
    return {line: before.length, column: before[before.length - 1]!.length + 1}
  }
}
