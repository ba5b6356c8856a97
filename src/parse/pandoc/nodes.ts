/**
 * mdast nodes for pandoc's attribute syntax. `pandocAttributes` and
 * `pandocDivFence` exist only between parsing and the transforms of this
 * folder; `fencedDiv` and `span` stay and render through their `data.hName`
 * and `data.hProperties`, like any mdast node with data fields.
 */
import type {Extension as FromMarkdownExtension} from 'mdast-util-from-markdown'
import type {BlockContent, Data, Parent, PhrasingContent} from 'mdast'
import type {Literal} from 'unist'
import type {PandocAttributes} from './attributes.js'

/** `{…}` as written, braces included, until attached. */
export interface PandocAttributesNode extends Literal {
  type: 'pandocAttributes'
  value: string
  data?: Data
}

/** One fence line of a div: `info` is what follows the colons (`''` for a closing fence). */
export interface PandocDivFence extends Literal {
  type: 'pandocDivFence'
  value: string
  data?: Data
}

/** `::: {.class}` … `:::`, rendered as a `<div>` (or `<aside>`) with its attributes. */
export interface FencedDiv extends Parent {
  type: 'fencedDiv'
  attributes: PandocAttributes
  children: BlockContent[]
  data?: Data
}

/** `[text]{.class}`, rendered as a `<span>` with its attributes. */
export interface Span extends Parent {
  type: 'span'
  attributes: PandocAttributes
  children: PhrasingContent[]
  data?: Data
}

declare module 'mdast' {
  interface PhrasingContentMap {
    pandocAttributes: PandocAttributesNode
    span: Span
  }
  interface RootContentMap {
    pandocAttributes: PandocAttributesNode
    pandocDivFence: PandocDivFence
    fencedDiv: FencedDiv
    span: Span
  }
  interface BlockContentMap {
    pandocDivFence: PandocDivFence
    fencedDiv: FencedDiv
  }
}

export function pandocFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      pandocAttributes(token) {
        this.enter({type: 'pandocAttributes', value: this.sliceSerialize(token)} as never, token)
      },
      pandocDivFence(token) {
        this.enter({type: 'pandocDivFence', value: ''} as never, token)
      }
    },
    exit: {
      pandocAttributes(token) {
        this.exit(token)
      },
      pandocDivInfo(token) {
        const node = this.stack[this.stack.length - 1] as unknown as PandocDivFence
        node.value = this.sliceSerialize(token).trim()
      },
      pandocDivFence(token) {
        this.exit(token)
      }
    }
  }
}

/** Classes of a div or span (`::: notes` is class `notes`). */
export function classesOf(node: {attributes?: unknown; data?: Data}): string[] {
  const attributes = node.attributes as PandocAttributes | undefined
  if (attributes && Array.isArray(attributes.classes)) return attributes.classes
  const className: unknown = node.data?.hProperties?.className
  return Array.isArray(className) ? className.map(String) : typeof className === 'string' ? className.split(/\s+/) : []
}
