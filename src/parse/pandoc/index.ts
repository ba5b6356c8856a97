/**
 * remark plugin for pandoc's attribute syntax: fenced divs, `{…}` on
 * headings, images, links, spans and code blocks. The syntax is a micromark
 * extension (./syntax.ts) with positions; the transformer pairs div fences,
 * attaches attribute blocks, reads code-block attributes and marks Mermaid
 * diagrams, right after parsing so every later plugin sees plain mdast with
 * `data.hProperties`.
 */
import type {Root} from 'mdast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {attachAttributes} from './attach.js'
import {codeAttributes} from './code.js'
import {diagrams} from './diagrams.js'
import {pairDivs} from './divs.js'
import {pandocFromMarkdown} from './nodes.js'
import {pandocSyntax} from './syntax.js'

export type {Diagram} from './diagrams.js'
export type {FencedDiv, Span} from './nodes.js'
export {classesOf} from './nodes.js'

export function remarkPandoc(this: Processor) {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(pandocSyntax())
  ;(data.fromMarkdownExtensions ??= []).push(pandocFromMarkdown())
  return (tree: Root, file: VFile) => {
    pairDivs(tree, file)
    attachAttributes(tree, file)
    codeAttributes(tree, file)
    diagrams(tree, file)
  }
}
