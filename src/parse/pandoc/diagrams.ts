/**
 * Mermaid diagrams, ```` ```mermaid ```` and Quarto's ```` ```{mermaid} ````:
 * the code block becomes a `diagram` node, rendered as a
 * `<figure class="cd-figure cd-diagram">` holding the source as code until
 * the build draws it as SVG in the browser (render/diagrams.ts); a
 * `%%| fig-cap: "…"` chunk option is its caption, as in Quarto.
 */
import type {Code, Data, Nodes, Parent, RootContent} from 'mdast'
import type {ElementContent} from 'hast'
import type {Literal} from 'unist'
import type {VFile} from 'vfile'
import {walk} from '../../walk.js'

/** A diagram's source; `data.hChildren` holds what shows until it is drawn. */
export interface Diagram extends Literal {
  type: 'diagram'
  language: 'mermaid'
  value: string
  data?: Data
}

declare module 'vfile' {
  interface DataMap {
    /** The deck has diagrams to draw (render/diagrams.ts). */
    diagrams: boolean
  }
}

declare module 'mdast' {
  interface RootContentMap {
    diagram: Diagram
  }
  interface BlockContentMap {
    diagram: Diagram
  }
}

const CAPTION = /^%%\|\s*fig-cap:\s*(.*)$/m

export function diagrams(tree: Nodes, file: VFile) {
  file.data.diagrams = false
  walk<Nodes>(tree, (node) => {
    if (!('children' in node)) return
    const parent = node as Parent
    if (parent.children.some(isMermaid)) {
      parent.children = (parent.children as RootContent[]).map((child) => (isMermaid(child) ? diagram(child as Code) : child))
      file.data.diagrams = true
    }
  })
}

function isMermaid(node: {type: string; lang?: string | null}): boolean {
  return node.type === 'code' && node.lang?.toLowerCase() === 'mermaid'
}

function diagram(code: Code): Diagram {
  const caption = CAPTION.exec(code.value)?.[1]?.trim().replace(/^(["'])(.*)\1$/, '$2')
  const source: ElementContent = {
    type: 'element',
    tagName: 'pre',
    properties: {},
    children: [{type: 'element', tagName: 'code', properties: {className: ['cd-diagram-source']}, children: [{type: 'text', value: code.value}]}]
  }
  const children: ElementContent[] = [source]
  if (caption) children.push({type: 'element', tagName: 'figcaption', properties: {}, children: [{type: 'text', value: caption}]})
  return {
    type: 'diagram',
    language: 'mermaid',
    value: code.value,
    position: code.position,
    data: {hName: 'figure', hProperties: {...code.data?.hProperties, className: ['cd-figure', 'cd-diagram']}, hChildren: children}
  }
}
