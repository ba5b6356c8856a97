/**
 * Splits the document into slides, as pandoc and Quarto do at slide level 2:
 * `#` opens a section title slide, `##` a slide, `###` a vertical sub-slide
 * under the last `##`, and `---` a new untitled slide. Speaker notes
 * (`::: notes` or a paragraph starting `Note:`) are moved off the slide body.
 */
import type {Heading, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import type {DeckConfig} from '../config.js'
import type {Slide, SlideKind, SlideStack} from '../types.js'
import {report} from '../messages.js'
import {classesOf, type FencedDiv} from './pandoc/index.js'

type TitleMeta = Pick<DeckConfig, 'title' | 'subtitle' | 'authors' | 'date'>

const NOTE_LINE = /^notes?:\s*/i
const SLIDE_PARTS = ['notes', 'footer', 'aside'] as const

/** Splits the tree into slides; the title slide comes from `file.data.config`. */
export function remarkSlides() {
  return (tree: Root, file: VFile) => {
    const slides = splitSlides(tree.children.filter((node) => node.type !== 'yaml' && node.type !== 'definition'))
    const definitions = tree.children.filter((node) => node.type === 'definition')
    const config = file.data.config
    if (config?.title) {
      const title = titleSlide(config)
      // Speaker notes before the first heading are the title slide's (course, instructor, how to open the talk).
      const first = slides[0]
      if (first?.type === 'slide' && first.kind === 'content' && !first.title && first.children.length === 0 && first.notes.length > 0) {
        title.notes = first.notes
        slides.shift()
      }
      slides.unshift(title)
    }
    if (config) addFooters(slides, config)
    if (countSlides(slides) === 0) {
      report(file, 'the document is empty: no slides to show', {line: 1, column: 1}, 'empty-document', {
        note: 'write `## Slide title` headings with content below them'
      })
      slides.push(newSlide('content', undefined))
    }
    // Link definitions stay at the root so references in any slide resolve.
    tree.children = [...slides, ...definitions]
  }
}

function splitSlides(nodes: RootContent[]): Array<Slide | SlideStack> {
  const top: Array<Slide | SlideStack> = []
  let current: Slide | undefined
  let stack: SlideStack | undefined
  let inNotes = false
  /** The slide a `---` opened, while it may still be followed by a heading. */
  let broken: Slide | undefined

  const open = (slide: Slide, vertical: boolean) => {
    if (vertical && current && !isTitleLike(current)) {
      if (!stack) {
        stack = {type: 'slideStack', children: [current], position: current.position}
        top[top.length - 1] = stack
      }
      stack.children.push(slide)
    } else {
      stack = undefined
      top.push(slide)
    }
    current = slide
    inNotes = false
  }

  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= 3) {
      // `---` then a heading is one slide, as in pandoc: the rule's slide is still empty.
      if (broken && isEmpty(broken) && top.at(-1) === broken) {
        top.pop()
        const previous = top.at(-1)
        stack = previous?.type === 'slideStack' ? previous : undefined
        current = previous?.type === 'slideStack' ? previous.children.at(-1) : previous
      }
      const kind: SlideKind = node.depth === 1 ? 'section' : 'content'
      open(newSlide(kind, node), node.depth === 3)
      broken = undefined
      continue
    }
    if (node.type === 'thematicBreak') {
      open((broken = newSlide('content', undefined, node)), false)
      continue
    }
    if (!current) open(newSlide('content', undefined, node), false)
    const slide = current!
    // Notes, a footer and asides are parts of the slide apart from its body.
    const part = node.type === 'fencedDiv' ? SLIDE_PARTS.find((name) => classesOf(node).includes(name)) : undefined
    if (part === 'notes') {
      slide.notes.push(...(node as FencedDiv).children)
    } else if (part === 'footer') {
      slide.footer = (node as FencedDiv).children
    } else if (part === 'aside') {
      ;(slide.asides ??= []).push(node)
    } else if (inNotes || startsNote(node)) {
      inNotes = true
      slide.notes.push(stripNoteLabel(node))
    } else {
      slide.children.push(node)
    }
    extendPosition(slide, node)
  }
  return top
}

/**
 * The deck's `footer:` (Markdown, one line) and `logo:` on every slide (a
 * slide's own `::: footer` wins), and its `center`/`smaller`/`scrollable`
 * on every content slide.
 */
function addFooters(slides: Array<Slide | SlideStack>, config: DeckConfig) {
  const {footer, logo} = deckFoot(config)
  for (const slide of slides.flatMap((node) => (node.type === 'slideStack' ? node.children : [node]))) {
    if (footer && !slide.footer) slide.footer = footer
    if (logo) slide.logo = logo
    if (config.slideClasses.length > 0 && (slide.kind === 'content' || slide.kind === 'quote')) {
      const own = slide.attributes.class ? slide.attributes.class.split(' ') : []
      slide.attributes.class = [...new Set([...own, ...config.slideClasses])].join(' ')
    }
  }
}

/** The deck's footer (parsed) and logo, for every slide, also those made later (the reference list's). */
export function deckFoot(config: DeckConfig): Pick<Slide, 'footer' | 'logo'> {
  return {footer: config.footer ? footerContent(config.footer) : undefined, logo: config.logo || undefined}
}

function footerContent(markdown: string): RootContent[] {
  return inlineParser.parse(markdown).children
}

const inlineParser = unified().use(remarkParse).freeze()

function isEmpty(slide: Slide) {
  return slide.children.length === 0 && slide.notes.length === 0 && !slide.footer && !slide.asides
}

function isTitleLike(slide: Slide) {
  return slide.kind === 'section' || slide.kind === 'title'
}

function newSlide(kind: SlideKind, heading: Heading | undefined, first?: RootContent): Slide {
  const start = heading ?? first
  const title = heading ? toString(heading).trim() : ''
  return {
    type: 'slide',
    kind,
    title,
    // `## {background-color="black"}` makes a slide without a title.
    children: heading && (title || heading.children.length > 0) ? [heading] : [],
    notes: [],
    footnotes: [],
    attributes: heading ? takeAttributes(heading) : {},
    position: start?.position ? {start: start.position.start, end: start.position.end} : undefined
  }
}

/**
 * A slide heading's attributes (`## Title {.smaller background-color="#123"}`)
 * belong to its `<section>`, as in pandoc and Quarto: reveal reads
 * `data-background-color`, `data-transition`, `data-auto-animate` there.
 */
function takeAttributes(heading: Heading): Record<string, string> {
  const properties = heading.data?.hProperties
  if (!properties) return {}
  const {hProperties: _taken, ...data} = heading.data!
  heading.data = data
  const attributes: Record<string, string> = {}
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined || value === null) continue
    attributes[key === 'className' ? 'class' : key] = Array.isArray(value) ? value.join(' ') : String(value)
  }
  return attributes
}

/** A new slide with a `##` title, for slides citedeck adds (references, continuations). */
export function headedSlide(kind: SlideKind, title: string): Slide {
  return newSlide(kind, {type: 'heading', depth: 2, children: [{type: 'text', value: title}]})
}

function titleSlide(meta: TitleMeta): Slide {
  const slide = newSlide('title', undefined)
  slide.title = meta.title
  const line = (text: string, className: string): RootContent => ({
    type: 'paragraph',
    data: {hProperties: {className: [className]}},
    children: [{type: 'text', value: text}]
  })
  slide.children.push({type: 'heading', depth: 1, children: [{type: 'text', value: meta.title}]})
  if (meta.subtitle) slide.children.push(line(meta.subtitle, 'cd-subtitle'))
  if (meta.authors.length > 0) slide.children.push(line(meta.authors.join(', '), 'cd-author'))
  if (meta.date) slide.children.push(line(meta.date, 'cd-date'))
  return slide
}

function startsNote(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false
  const first = node.children[0]
  return first?.type === 'text' && NOTE_LINE.test(first.value)
}

function stripNoteLabel(node: RootContent): RootContent {
  if (node.type !== 'paragraph' || !startsNote(node)) return node
  const [first, ...rest] = node.children
  if (first?.type !== 'text') return node
  const value = first.value.replace(NOTE_LINE, '')
  return {...node, children: value ? [{...first, value}, ...rest] : rest}
}

function extendPosition(slide: Slide, node: RootContent) {
  if (slide.position && node.position) slide.position = {start: slide.position.start, end: node.position.end}
}

/** Number of slides (stacks count their sub-slides). */
export function countSlides(nodes: Array<Slide | SlideStack | RootContent>): number {
  let count = 0
  for (const node of nodes) {
    if (node.type === 'slide') count++
    else if (node.type === 'slideStack') count += node.children.length
  }
  return count
}

/** Every slide of a split tree in deck order, sub-slides in their stacks included. */
export function listSlides(tree: Root): Slide[] {
  return tree.children.flatMap((node) => (node.type === 'slide' ? [node] : node.type === 'slideStack' ? node.children : []))
}
