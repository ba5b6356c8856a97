/**
 * mdast nodes that citedeck adds to the tree, and the deck settings read from
 * front matter. Registered with mdast's content maps so `visit` and
 * remark-rehype handlers are typed.
 */
import type {ElementContent} from 'hast'
import type {Data, Node, Parent, PhrasingContent, RootContent} from 'mdast'

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
  /** The formatted citation with its footnote marks, once resolved. */
  rendered?: ElementContent[]
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
  /** Footnotes `[^x]` of the speaker notes, numbered on their own and listed at the notes' end (absent when none). */
  noteFootnotes?: SlideFootnote[]
  /** `::: aside` blocks, shown below the body, above the footnotes. */
  asides?: RootContent[]
  /** The footer line: the slide's `::: footer`, else the deck's `footer:` (absent when neither). */
  footer?: RootContent[]
  /** The deck's `logo:`, as copied into the output. */
  logo?: string
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

/**
 * A note at the foot of one slide: a formatted citation (hast from the CSL
 * engine) or a Markdown footnote `[^x]` (its mdast content).
 */
export type SlideFootnote = {
  /** Shown in the text and before the note: `1`, `2`… per slide, or `[3]` in numeric styles. */
  label: string
  /** The fragment step the note appears with, when only fragments cite it (absent: always shown). */
  step?: number
} & ({html: ElementContent[]} | {markdown: RootContent[]})

/** The formatted reference list (CSL entries as hast), or one slide's share of it. */
export interface ReferenceList extends Node {
  type: 'referenceList'
  entries: ElementContent[]
  /** The title of the slides the list continues on when the layout step splits it (`References (cont.)`). */
  continued?: string
  data?: Data
}

declare module 'mdast' {
  interface PhrasingContentMap {
    citation: Citation
  }
  interface RootContentMap {
    citation: Citation
    slide: Slide
    slideStack: SlideStack
    referenceList: ReferenceList
  }
}
