/**
 * Quarto's `code-line-numbers` on a code block: `"true"` numbers its lines,
 * `"3,5-6"` also highlights those lines, and `"1-2|4"` steps through the
 * highlights, one click each, as reveal.js's `data-line-numbers` does. Each
 * step is its own `<code>` inside one `<pre>`; every step after the first is
 * a fragment drawn over the one before (layout.css), so the steps are ordinary
 * fragments in the slide's order (footnotes and pauses count them) and the PDF
 * prints the last step. Lines are numbered and marked after highlighting
 * (render/code-lines.ts).
 */
import type {Code, Data, InlineCode, Parent} from 'mdast'
import type {VFile} from 'vfile'
import {report} from '../../messages.js'

/** A code block with numbered lines: one `code` child a step, rendered as `<pre class="cd-code-lines">`. */
export interface CodeSteps extends Parent {
  type: 'codeSteps'
  children: InlineCode[]
  data?: Data
}

declare module 'mdast' {
  interface RootContentMap {
    codeSteps: CodeSteps
  }
  interface BlockContentMap {
    codeSteps: CodeSteps
  }
}

const RANGE = /^(\d+)(?:-(\d+))?$/

/**
 * The lines highlighted at each step, from a `code-line-numbers` value;
 * `undefined` for `"false"`, `[[]]` (numbers only) for `"true"`, and the
 * offending item when one is not a line or a range.
 */
export function lineSteps(value: string): number[][] | undefined | {bad: string} {
  const spec = value.trim().toLowerCase()
  if (spec === 'false') return undefined
  if (spec === 'true' || spec === '') return [[]]
  const steps: number[][] = []
  for (const step of spec.split('|')) {
    const lines: number[] = []
    for (const item of step.split(',').map((part) => part.trim())) {
      if (item === '') continue
      const range = RANGE.exec(item)
      if (!range) return {bad: item}
      const from = Number(range[1])
      const to = Number(range[2] ?? range[1])
      if (from < 1 || to < from) return {bad: item}
      for (let line = from; line <= to; line++) lines.push(line)
    }
    steps.push(lines)
  }
  return steps
}

/** The code block with numbered, highlighted or stepped lines; the block unchanged for `"false"` or a value it cannot read. */
export function codeLines(node: Code, value: string, file: VFile): Code | CodeSteps {
  const steps = lineSteps(value)
  if (steps === undefined) return node
  if ('bad' in steps) {
    report(file, `code-line-numbers="${value}": \`${steps.bad}\` is not a line number or a range`, node, 'code-line-numbers', {
      note: 'write lines and ranges, with `|` between steps: code-line-numbers="1-2|4"'
    })
    return node
  }
  const count = node.value.split(/\r?\n|\r/).length
  const beyond = steps.flat().find((line) => line > count)
  if (beyond !== undefined) {
    report(file, `code-line-numbers="${value}" names line ${beyond}, but the code has ${count} line${count === 1 ? '' : 's'}`, node, 'code-line-numbers', {
      note: 'count the lines from 1, the line after the opening fence'
    })
  }
  const {id, className, ...properties} = node.data?.hProperties ?? {}
  const classes = Array.isArray(className) ? className.map(String) : []
  const children = steps.map(
    (lines, index): InlineCode => ({
      type: 'inlineCode',
      value: node.value,
      position: node.position,
      data: {
        hName: 'code',
        hProperties: {
          ...properties,
          ...(index === 0 && id ? {id} : {}),
          className: [...classes, ...(lines.length > 0 ? ['has-highlights'] : []), ...(index > 0 ? ['fragment'] : [])],
          // Read by rehype-highlight-code-lines (render/code-lines.ts), which numbers and marks the lines.
          dataHighlightLines: lines.join(','),
          metastring: 'showlinenumbers'
        },
        // As a code block's text, line breaks kept (inline code would join its lines).
        hChildren: [{type: 'text', value: node.value}]
      }
    })
  )
  return {type: 'codeSteps', children, position: node.position, data: {hName: 'pre', hProperties: {className: ['cd-code-lines']}}}
}
