/**
 * Gives each inline attribute block to what it follows, as pandoc reads
 * them: an image, link or inline code it touches; a `[bracketed span]` it
 * touches (the span is cut out of the text around it); the heading it ends.
 * A block that follows none of these is reported and left out, never shown.
 */
import type {Heading, Nodes, Parent, PhrasingContent, Text} from 'mdast'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {report} from '../../messages.js'
import {walk} from '../../walk.js'
import {type PandocAttributes, parseAttributes} from './attributes.js'
import type {PandocAttributesNode, Span} from './nodes.js'
import {htmlProperties} from './properties.js'

const TAKES_ATTRIBUTES = new Set(['image', 'imageReference', 'link', 'linkReference', 'inlineCode'])

/** Parses an attribute node's text, reporting each unreadable item at its column. */
export function readAttributes(text: string, start: Point | undefined, file: VFile): PandocAttributes {
  const {attributes, problems} = parseAttributes(text)
  for (const problem of problems) {
    const place = start ? {line: start.line, column: start.column + problem.offset} : undefined
    report(file, `${problem.reason} in \`${text}\``, place, 'pandoc-attributes', {
      note: 'write attributes as `{#id .class key=value}`; quote values with spaces: key="a b"'
    })
  }
  return attributes
}

export function attachAttributes(tree: Nodes, file: VFile) {
  walk<Nodes>(tree, (node) => {
    if ('children' in node && node.children.some((child) => child.type === 'pandocAttributes')) attachIn(node as Parent, file)
  })
}

function attachIn(parent: Parent, file: VFile) {
  const children = parent.children as PhrasingContent[]
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    if (node.type !== 'pandocAttributes') continue
    const attributes = readAttributes(node.value, node.position?.start, file)
    const previous = children[index - 1]
    const touching = previous !== undefined && touches(previous, node)
    children.splice(index, 1)
    if (touching && TAKES_ATTRIBUTES.has(previous.type)) {
      applyAttributes(previous, attributes)
      index--
    } else if (touching && previous.type === 'text' && previous.value.endsWith(']') && wrapSpan(children, index - 1, attributes, node)) {
      index = children.findIndex((child) => child.type === 'span' && child.position?.end.offset === node.position?.end.offset)
    } else if (parent.type === 'heading' && children.slice(index).every(isBlank)) {
      trimEnd(children, index)
      applyAttributes(parent as Heading, attributes)
      index = children.length
    } else {
      joinSpaces(children, index)
      report(file, `attributes \`${node.value}\` follow nothing they can apply to, and are left out`, node, 'pandoc-attributes', {
        note: 'put them right after an image, a link, a `[bracketed span]`, or at the end of a heading or a `:::` fence line'
      })
      index--
    }
  }
}

/** Where a block was left out between two spaces, one space remains. */
function joinSpaces(children: PhrasingContent[], index: number) {
  const before = children[index - 1]
  const after = children[index]
  if (before?.type === 'text' && after?.type === 'text' && /\s$/.test(before.value) && /^\s/.test(after.value)) {
    before.value = before.value.trimEnd() + ' '
    after.value = after.value.trimStart()
  }
}

function touches(previous: PhrasingContent, node: PandocAttributesNode): boolean {
  const end = previous.position?.end.offset
  return end !== undefined && end === node.position?.start.offset
}

function isBlank(node: PhrasingContent): boolean {
  return node.type === 'text' && node.value.trim() === ''
}

/** Drops the blank text after `index` and the spaces before the heading's attributes. */
function trimEnd(children: PhrasingContent[], index: number) {
  children.splice(index)
  const last = children[children.length - 1]
  if (last?.type === 'text') {
    last.value = last.value.trimEnd()
    if (last.value === '') children.pop()
  }
}

export function applyAttributes(node: {data?: PhrasingContent['data']}, attributes: PandocAttributes) {
  const properties = htmlProperties(attributes)
  const existing = node.data?.hProperties ?? {}
  const className = [...asList(existing.className), ...asList(properties.className)]
  node.data = {...node.data, hProperties: {...existing, ...properties, ...(className.length > 0 ? {className} : {})}}
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : []
}

/**
 * `[text]{…}`: finds the `[` that the `]` ending `children[last]` closes,
 * scanning back through text siblings (other inline nodes are whole), and
 * replaces what lies between with a span. False when no `[` opens it.
 */
function wrapSpan(children: PhrasingContent[], last: number, attributes: PandocAttributes, attributesNode: PandocAttributesNode): boolean {
  let depth = 0
  for (let index = last; index >= 0; index--) {
    const node = children[index]!
    if (node.type !== 'text') continue
    const end = index === last ? node.value.length - 1 : node.value.length
    for (let at = end - 1; at >= 0; at--) {
      const char = node.value[at]
      if (char === ']') depth++
      else if (char === '[' && depth-- === 0) {
        const inner: PhrasingContent[] =
          index === last
            ? [textSlice(node, at + 1, node.value.length - 1)]
            : [textSlice(node, at + 1, node.value.length), ...children.slice(index + 1, last), textSlice(children[last] as Text, 0, (children[last] as Text).value.length - 1)]
        const before = textSlice(node, 0, at)
        const opener = textSlice(node, at, at + 1).position?.start
        const span: Span = {
          type: 'span',
          attributes,
          children: inner.filter((child) => child.type !== 'text' || child.value !== ''),
          position: opener && attributesNode.position ? {start: opener, end: attributesNode.position.end} : undefined
        }
        applyAttributes(span, attributes)
        span.data!.hName = 'span'
        children.splice(index, last - index + 1, ...(before.value ? [before] : []), span)
        return true
      }
    }
  }
  return false
}

/** Part of a text node; its position is kept only where the text is the source (no escapes). */
function textSlice(node: Text, from: number, to: number): Text {
  const slice: Text = {type: 'text', value: node.value.slice(from, to)}
  const start = node.position?.start
  const end = node.position?.end
  if (start && end && start.offset !== undefined && end.offset !== undefined && end.offset - start.offset === node.value.length && start.line === end.line) {
    slice.position = {start: shift(start, from), end: shift(start, to)}
  }
  return slice
}

function shift(point: Point, by: number): Point {
  return {line: point.line, column: point.column + by, offset: point.offset === undefined ? undefined : point.offset + by}
}
