/**
 * remark plugin, after the slide splitter and before citations resolve:
 * applies a fit plan measured in the browser (`file.data.fit`). A slide too
 * full even at the smallest scale is cut into "Title (cont.)" slides at the
 * planned units (blocks, bullets, rows, quoted paragraphs; never inside a
 * sentence); since citations resolve afterwards, each part gets the notes of
 * the sources it cites. A slide that only just overflows gets `--cd-fit`, the
 * scale of its body text.
 */
import type {Heading, Nodes, Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {listSlides} from '../parse/slides.js'
import {walk} from '../walk.js'
import type {Slide} from '../types.js'
import {offsetOf} from './units.js'

/** Changes to the deck, found by measuring it; keys are source offsets, stable across rebuilds of one text. */
export interface FitPlan {
  /** `--cd-fit` scale of a slide's body, by the offset where the slide (or its continuation) starts. */
  scales: Record<number, number>
  /** Offsets of the units that start a continuation slide. */
  breaks: number[]
  /** The reference list as measured: each entry's height, and the room for entries on the first and later slides (reference-pages.ts). */
  references?: MeasuredReferences
  /** Font sizes (px) of `.r-fit-text` divs and spans, by the offset where each starts. */
  fitText?: Record<number, number>
}

export interface MeasuredReferences {
  entries: number[]
  first: number
  next: number
}

declare module 'vfile' {
  interface DataMap {
    fit: FitPlan
  }
}

export function remarkFit() {
  return (tree: Root, file: VFile) => {
    const plan = file.data.fit
    if (!plan) return
    const breaks = new Set(plan.breaks)
    if (breaks.size > 0) {
      tree.children = tree.children.flatMap((node): RootContent[] => {
        if (node.type === 'slide') return splitSlide(node, breaks)
        if (node.type === 'slideStack') node.children = node.children.flatMap((slide) => splitSlide(slide, breaks))
        return [node]
      })
    }
    for (const slide of listSlides(tree)) {
      const key = slide.position?.start.offset
      const scale = key === undefined ? undefined : plan.scales[key]
      if (scale !== undefined && scale < 1) {
        const style = slide.attributes.style ? `${slide.attributes.style}; ` : ''
        slide.attributes = {...slide.attributes, style: `${style}--cd-fit: ${scale}`}
      }
    }
    if (plan.fitText) fitTexts(tree, plan.fitText)
  }
}

const FIT_TEXT_MIN = 24

/**
 * Measured `.r-fit-text` at its size, renamed `cd-fit-text` so reveal's fitty
 * does not size it again (to the width only) when the slide shows: the
 * slide, its PDF page and its PowerPoint slide show the text at one size.
 */
function fitTexts(tree: Root, sizes: Record<number, number>) {
  walk<Nodes>(tree, (node) => {
    const offset = node.position?.start.offset
    const properties = node.data?.hProperties
    const size = offset === undefined ? undefined : sizes[offset]
    const className = properties?.className
    if (size === undefined || !properties || !Array.isArray(className) || !className.includes('r-fit-text')) return
    properties.className = className.map((name) => (name === 'r-fit-text' ? 'cd-fit-text' : name))
    // At the smallest size (see page.ts) the text wraps.
    const wrap = size <= FIT_TEXT_MIN ? '; white-space: normal' : ''
    properties.style = `${properties.style ? `${String(properties.style)}; ` : ''}font-size: ${size}px${wrap}`
  })
}

function splitSlide(slide: Slide, breaks: Set<number>): Slide[] {
  const [first, ...rest] = slide.children
  const head = first?.type === 'heading' ? first : undefined
  const blocks = head ? rest : slide.children
  const parts: RootContent[][] = [[]]
  const current = () => parts[parts.length - 1]!
  for (const block of blocks) {
    const offset = offsetOf(block)
    if (offset !== undefined && breaks.has(offset) && current().length > 0) parts.push([])
    const {leading, pieces} = splitBlock(block, breaks)
    if (leading && current().length > 0) parts.push([])
    pieces.forEach((piece, index) => {
      if (index > 0) parts.push([])
      current().push(piece)
    })
  }
  if (parts.length === 1) return [slide]
  slide.children = head ? [head, ...parts[0]!] : parts[0]!
  const {id: _id, ...attributes} = slide.attributes
  return [
    slide,
    ...parts.slice(1).map(
      (children): Slide => ({
        type: 'slide',
        kind: slide.kind === 'quote' ? 'quote' : 'content',
        title: slide.title ? `${slide.title} (cont.)` : '',
        children: head ? [continuedHeading(head), ...children] : children,
        notes: [],
        footnotes: [],
        footer: slide.footer,
        logo: slide.logo,
        attributes,
        position: children[0]?.position && slide.position ? {start: children[0].position.start, end: slide.position.end} : undefined
      })
    )
  ]
}

/** The title again, marked as continued; a citation in it is cited (and footnoted) again. */
function continuedHeading(head: Heading): Heading {
  const copy = structuredClone(head)
  // One id per document: the continuation does not repeat the anchor.
  if (copy.data?.hProperties) delete copy.data.hProperties.id
  copy.children.push({type: 'text', value: ' (cont.)'})
  delete copy.position
  return copy
}

interface Pieces {
  /** A break falls before the block's first unit: it starts a new slide. */
  leading: boolean
  pieces: RootContent[]
}

/** Cuts a list, table, quote or div between the units planned as breaks. */
function splitBlock(block: RootContent, breaks: Set<number>): Pieces {
  const container = unitsOf(block)
  if (!container) return {leading: false, pieces: [block]}
  const groups: RootContent[][] = [[]]
  let leading = false
  container.units.forEach((unit, index) => {
    const offset = offsetOf(unit)
    if (offset === undefined || !breaks.has(offset)) return groups[groups.length - 1]!.push(unit)
    if (index === 0) leading = true
    else groups.push([])
    groups[groups.length - 1]!.push(unit)
  })
  if (groups.length === 1) return {leading, pieces: [block]}
  let done = 0
  const pieces = groups.map((units, index) => {
    const piece = container.make(units, done, index === groups.length - 1)
    done += units.length
    if (index > 0 && units[0]?.position) piece.position = {start: units[0].position.start, end: block.position?.end ?? units[0].position.end}
    return piece
  })
  return {leading, pieces}
}

type Make = (units: RootContent[], before: number, last: boolean) => RootContent

/** The units of a container and how to rebuild it from some of them (see `units.ts` for the hast side). */
function unitsOf(block: RootContent): {units: RootContent[]; make: Make} | undefined {
  switch (block.type) {
    case 'list':
      return {
        units: block.children,
        make: (units, before) => ({...block, start: block.ordered ? (block.start ?? 1) + before : block.start, children: units as typeof block.children})
      }
    case 'table': {
      // Every part of a table repeats its header row.
      const [header, ...rows] = block.children
      if (!header) return undefined
      return {units: rows, make: (units) => ({...block, children: [header, ...(units as typeof rows)]})}
    }
    case 'blockquote': {
      const [quote, caption] = block.children
      if (block.data?.hName === 'figure' && quote?.type === 'blockquote') {
        // A styled quotation: its attribution stays with the last part.
        return {
          units: quote.children,
          make: (units, _before, last) => ({
            ...block,
            children: [{...quote, children: units as typeof quote.children}, ...(last && caption ? [caption] : [])]
          })
        }
      }
      return {units: block.children, make: (units) => ({...block, children: units as typeof block.children})}
    }
    case 'fencedDiv':
      return {units: block.children, make: (units) => ({...block, children: units as typeof block.children})}
    default:
      return undefined
  }
}
