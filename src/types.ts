/**
 * mdast nodes that citedeck adds to the tree, and the deck settings read from
 * front matter. Registered with mdast's content maps so `visit` and
 * remark-rehype handlers are typed.
 */
import type {ElementContent} from 'hast'
import type {Data, Parent, PhrasingContent, RootContent} from 'mdast'

/** One source inside a citation cluster, as in pandoc: `[see @key, p. 3]`. */
export interface CitationItem {
  id: string
  prefix: string
  /** The suffix after the locator: `, emphasis added` in `[@a, p. 3, emphasis added]`. */
  suffix: string
  /** `-@key`: print the year only. */
  suppressAuthor: boolean
  /** The locator parsed from the suffix (`58` in `p. 58`), as pandoc does. */
  locator?: string
  /** CSL locator type of `locator`: `page`, `chapter`, `section`… */
  label?: string
}

/** A pandoc citation cluster: `[@a; @b, p. 4]` (normal) or `@a [p. 4]` (narrative). */
export interface Citation extends Parent {
  type: 'citation'
  mode: 'normal' | 'narrative'
  items: CitationItem[]
  /** The source text, shown marked when a key cannot be resolved. */
  raw: string
  children: PhrasingContent[]
  data?: Data
}

export type SlideKind = 'title' | 'section' | 'content' | 'quote' | 'references'

/** One Reveal slide (`<section>`), with its speaker notes apart from its body. */
export interface Slide extends Parent {
  type: 'slide'
  kind: SlideKind
  /** The slide title as plain text ('' for untitled slides). */
  title: string
  children: RootContent[]
  notes: RootContent[]
  /** Per-slide footnotes (citations and `[^x]`), rendered at the slide's foot. */
  footnotes: SlideFootnote[]
  /** Extra HTML attributes for the `<section>` (data-transition, id, class…). */
  attributes: Record<string, string>
  data?: Data
}

/** A column of vertical sub-slides: `##` followed by `###`. */
export interface SlideStack extends Parent {
  type: 'slideStack'
  children: Slide[]
  data?: Data
}

export interface SlideFootnote {
  /** 1-based mark, numbered per slide, printed in the text and before the note. */
  mark: number
  /** Rendered note content (hast: CSL output is HTML, escaped by the engine). */
  content: ElementContent[]
}

declare module 'mdast' {
  interface PhrasingContentMap {
    citation: Citation
  }
  interface RootContentMap {
    citation: Citation
    slide: Slide
    slideStack: SlideStack
  }
}
