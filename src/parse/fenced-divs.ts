/**
 * Pandoc fenced divs (`::: notes`, `::: {.incremental}`, `::: {#refs}`).
 *
 * micromark's directive extension parses `:::name{attrs}` containers, but pandoc
 * puts a space before the class and allows bare `{…}` attributes. Rather than
 * fork the tokenizer, fence lines are rewritten to directive syntax before
 * parsing with the same length, so every offset, line and column stays true.
 * Only container directives are enabled: text directives would turn prose like
 * `ratio:high` into syntax.
 */
import type {ContainerDirective} from 'mdast-util-directive'
import {directiveFromMarkdown} from 'mdast-util-directive'
import {directive} from 'micromark-extension-directive'
import type {Processor} from 'unified'

/** Name given to a div written with attributes only (`::: {.x}`). */
export const ANONYMOUS_DIV = 'd'

const FENCE = /^( {0,3})(:{3,})([ \t]*)(.*)$/
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/

export function remarkFencedDivs(this: Processor) {
  const data = this.data()
  const constructs = [directive().flow?.[58] ?? []].flat()
  // Of the `:` flow constructs, containers are the concrete one (leaf directives are not).
  const containerOnly = constructs.filter((construct) => construct.concrete === true)
  ;(data.micromarkExtensions ??= []).push({flow: {58: containerOnly}})
  ;(data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown())

  // Wrap the parser set by remark-parse so the rewrite happens on every parse.
  const parse = this.parser
  if (parse) this.parser = (document, file) => parse(toDirectiveSyntax(document), file)
}

/** Rewrites pandoc fence lines outside code blocks; keeps every line's length. */
export function toDirectiveSyntax(markdown: string): string {
  if (!markdown.includes(':::')) return markdown
  let codeFence: string | undefined
  return markdown
    .split('\n')
    .map((line) => {
      const code = CODE_FENCE.exec(line)?.[1]
      if (codeFence) {
        if (code && code[0] === codeFence[0] && code.length >= codeFence.length) codeFence = undefined
        return line
      }
      if (code) {
        codeFence = code
        return line
      }
      const match = FENCE.exec(line)
      if (!match) return line
      const [, indent, colons, space, rest] = match as unknown as [string, string, string, string, string]
      // Pandoc allows closing colons after the opener: `::: notes :::`.
      const opener = rest.replace(/\s*:+\s*$/, '').trimEnd()
      if (opener === '') return line
      const rewritten = opener.startsWith('{') ? indent + colons + ANONYMOUS_DIV + opener : indent + colons + opener
      // Keep the length (and so every offset) unchanged when there is room for it.
      return rewritten.length <= line.length && space.length > 0 ? rewritten.padEnd(line.length, ' ') : line
    })
    .join('\n')
}

/** Classes of a fenced div: its name (pandoc's `::: notes`) and `{.class}` attributes. */
export function divClasses(node: ContainerDirective): string[] {
  const classes = (node.attributes?.class ?? '').split(/\s+/).filter(Boolean)
  return node.name === ANONYMOUS_DIV ? classes : [node.name, ...classes]
}

export function isDiv(node: {type: string}, className: string): node is ContainerDirective {
  return node.type === 'containerDirective' && divClasses(node as ContainerDirective).includes(className)
}
