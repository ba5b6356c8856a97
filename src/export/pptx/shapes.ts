/**
 * A slide's content (`model.ts`) placed where the browser measured it
 * (`page.ts`): text boxes, tables, pictures and the rectangles that draw
 * borders and backgrounds, in inches and points. Pure: `write.ts` hands the
 * result to pptxgenjs.
 */
import {gradientBands} from './gradient.js'
import type {Block, Paragraph, SlideModel, TableBlock, TextBlock} from './model.js'
import type {Box, MeasuredElement} from './page.js'
import type {Run} from './runs.js'
import {colour, firstFamily, inches, points} from './units.js'

export interface ShapeRun {
  text: string
  font: string
  /** Points. */
  size: number
  /** `RRGGBB`. */
  color: string
  bold: boolean
  italic: boolean
  underline: boolean
  strike: boolean
  baseline?: 'super' | 'sub'
  /** Extra space between letters, in points (negative: tighter). */
  spacing?: number
  href?: string
  breakBefore?: boolean
}

export interface ShapeParagraph {
  runs: ShapeRun[]
  align: 'left' | 'center' | 'right' | 'justify'
  /** Right to left (Arabic, Hebrew, Persian…). */
  rtl?: boolean
  /** Exact line spacing in points, the browser's line height. */
  lineSpacing: number
  /** Points above the paragraph. */
  spaceBefore: number
  level: number
  /** A list marker hanging `indent` points left of the text: a character (4 hex digits) or a numbering scheme. */
  bullet?: {indent: number; char?: string; numbering?: string; start?: number; color?: string}
  /** Points the first line starts left of the others (a reference entry, a footnote with its label). */
  hanging?: number
}

/** Position and size in inches. */
export interface Frame {
  x: number
  y: number
  w: number
  h: number
}

export interface TextShape extends Frame {
  type: 'text'
  name: string
  paragraphs: ShapeParagraph[]
}

export interface CellBorder {
  /** Points; 0 for none. */
  width: number
  color: string
}

export interface TableShapeCell {
  runs: ShapeRun[]
  align: ShapeParagraph['align']
  fill?: string
  /** Top, right, bottom, left. */
  borders: [CellBorder, CellBorder, CellBorder, CellBorder]
  /** Inches: top, right, bottom, left. */
  margin: [number, number, number, number]
  colspan: number
  rowspan: number
}

export interface TableShape extends Frame {
  type: 'table'
  columns: number[]
  rows: Array<{height: number; cells: TableShapeCell[]}>
}

export interface ImageShape extends Frame {
  type: 'image'
  src: string
  alt: string
}

export interface RectShape extends Frame {
  type: 'rect'
  fill: string
  /** 0 (opaque) to 100. */
  transparency: number
  /** Corner radius in inches. */
  radius: number
}

export type Shape = TextShape | TableShape | ImageShape | RectShape

export interface PlacedSlide {
  kind: string
  shapes: Shape[]
  notes: string
}

export interface PlaceOptions {
  /** The slide's size in CSS pixels. */
  width: number
  height: number
  /** The slide background (`RRGGBB`): boxes filled with it are not drawn. */
  background: string
  /** The font PowerPoint should use for each CSS `font-family` list (what the browser rendered). */
  faces: Record<string, string>
}

/** Places one slide's content at its measured boxes. */
export function placeSlide(model: SlideModel, measured: MeasuredElement[], options: PlaceOptions): PlacedSlide {
  const place = new Placer(measured, options)
  const shapes: Shape[] = model.boxes.flatMap((tag) => place.decoration(tag))
  shapes.push(...measured.flatMap((element) => place.shading(element)))
  for (const block of model.blocks) shapes.push(...place.block(block))
  return {kind: model.kind, shapes, notes: model.notes}
}

const NAMES: Record<TextBlock['role'], string> = {title: 'Title', text: 'Text', code: 'Code', footnotes: 'Footnotes'}

class Placer {
  constructor(
    private readonly measured: MeasuredElement[],
    private readonly options: PlaceOptions
  ) {}

  block(block: Block): Shape[] {
    if (block.type === 'text') return this.text(block)
    if (block.type === 'table') return [this.table(block)]
    const box = this.measured[block.tag]?.content
    return box && box[2] > 0 && box[3] > 0 ? [{type: 'image', ...frame(box), src: block.src, alt: block.alt}] : []
  }

  /** A box's background and each border side it has, as filled rectangles behind its text. */
  decoration(tag: number): RectShape[] {
    const element = this.measured[tag]
    if (!element) return []
    const [x, y, w, h] = element.box
    const rects: RectShape[] = []
    const fill = colour(element.background)
    if (fill && fill.hex !== this.options.background && w > 0 && h > 0) {
      rects.push(rect([x, y, w, h], fill.hex, fill.alpha, inches(element.radius)))
    }
    for (const band of gradientBands(element.backgroundImage, element.box)) {
      const paint = colour(band.color)
      if (paint) rects.push(rect(band.box, paint.hex, paint.alpha, 0))
    }
    const [top, right, bottom, left] = element.borders
    const sides: Array<[[number, string], Box]> = [
      [top, [x, y, w, top[0]]],
      [right, [x + w - right[0], y, right[0], h]],
      [bottom, [x, y + h - bottom[0], w, bottom[0]]],
      [left, [x, y, left[0], h]]
    ]
    for (const [[width, color], box] of sides) {
      const paint = colour(color)
      if (width > 0 && paint && box[2] > 0 && box[3] > 0) rects.push(rect(box, paint.hex, paint.alpha, 0))
    }
    return rects
  }

  /** The background of an inline element (inline code, a highlight), a rectangle a line. */
  shading(element: MeasuredElement | undefined): RectShape[] {
    const fill = element?.fragments ? colour(element.background) : undefined
    if (!fill) return []
    return element!.fragments!.filter((box) => box[2] > 0 && box[3] > 0).map((box) => rect(box, fill.hex, fill.alpha, inches(element!.radius)))
  }

  private text(block: TextBlock): TextShape[] {
    const items = block.paragraphs.flatMap((paragraph) => {
      const element = this.measured[paragraph.tag]
      return element ? [{paragraph, element}] : []
    })
    if (items.length === 0) return []
    // How far left of the text's edge a line starts: a list marker's room (the list's left margin), or a negative text-indent.
    const list = block.list === undefined ? undefined : this.measured[block.list]
    const markerRoom = list ? list.marginLeft + list.padding[3] : 0
    const hang = (element: MeasuredElement, paragraph: Paragraph) =>
      paragraph.bullet ? Math.max(markerRoom, element.size * 0.9) : Math.max(0, -element.indent)
    // Markers hang before the text: on the left, or on the right of right-to-left text.
    const before = ({paragraph, element}: (typeof items)[number]) => hang(element, paragraph) * (paragraph.level + 1)
    const rtl = (element: MeasuredElement) => element.direction === 'rtl'
    const left = Math.min(...items.map((item) => item.element.content[0] - (rtl(item.element) ? 0 : before(item))))
    const top = Math.min(...items.map(({element}) => element.content[1]))
    const right = Math.max(...items.map((item) => item.element.content[0] + item.element.content[2] + (rtl(item.element) ? before(item) : 0)))
    const bottom = Math.max(...items.map(({element}) => element.content[1] + element.content[3]))
    // Text the browser laid out past the slide's foot is shrunk to end there, as PowerPoint's own shrink-on-overflow would.
    const room = this.options.height - top
    const scale = bottom - top > room && room > 0 ? Math.max(0.5, room / (bottom - top)) : 1
    let previousBottom = top
    const paragraphs = items.map(({paragraph, element}): ShapeParagraph => {
      const spaceBefore = Math.max(0, element.content[1] - previousBottom)
      previousBottom = Math.max(previousBottom, element.content[1] + element.content[3])
      const indent = hang(element, paragraph)
      return {
        runs: paragraph.runs.map((run) => this.run(run, element, scale)),
        align: alignment(element.align, element.direction),
        ...(element.direction === 'rtl' ? {rtl: true} : {}),
        lineSpacing: points(element.lineHeight * scale),
        spaceBefore: points(spaceBefore * scale),
        level: paragraph.level,
        ...(paragraph.bullet ? marker(element, points(indent), paragraph.start) : indent > 0 ? {hanging: points(indent)} : {})
      }
    })
    const height = Math.min(bottom - top, room > 0 ? room : bottom - top)
    return [{type: 'text', name: NAMES[block.role], ...frame([left, top, right - left, height]), paragraphs}]
  }

  private table(block: TableBlock): TableShape {
    const table = this.measured[block.tag]!
    // Column widths from the row with the most cells and no spans: the browser's column layout.
    const plain = block.rows.filter((row) => row.cells.every((cell) => cell.colspan === 1))
    const widest = [...(plain.length > 0 ? plain : block.rows)].sort((a, b) => b.cells.length - a.cells.length)[0]!
    const columns = widest.cells.map((cell) => inches(this.measured[cell.tag]?.box[2] ?? 0))
    const rows = block.rows.map((row) => ({
      height: inches(this.measured[row.tag]?.box[3] ?? 0),
      cells: row.cells.map((cell): TableShapeCell => {
        const element = this.measured[cell.tag]!
        // A striped row colours its row, not its cells.
        const fill = colour(element.background) ?? colour(this.measured[row.tag]?.background ?? '')
        const limit = (px: number) => Math.min(0.99, inches(px))
        return {
          runs: cell.runs.map((run) => this.run(run, element, 1)),
          align: alignment(element.align, element.direction),
          ...(fill ? {fill: fill.hex} : {}),
          borders: element.borders.map(([width, color]) => {
            const paint = colour(color)
            return {width: paint ? points(width) : 0, color: paint?.hex ?? '000000'}
          }) as TableShapeCell['borders'],
          margin: [limit(element.padding[0]), limit(element.padding[1]), limit(element.padding[2]), limit(element.padding[3])],
          colspan: cell.colspan,
          rowspan: cell.rowspan
        }
      })
    }))
    return {type: 'table', ...frame(table.box), columns, rows}
  }

  private run(run: Run, paragraph: MeasuredElement, scale: number): ShapeRun {
    // A picture's gap is a space of the paragraph's own font (KaTeX's fonts are not installed anywhere).
    const picture = run.gap ? this.measured[run.tag] : undefined
    const style = run.gap ? paragraph : (this.measured[run.tag] ?? paragraph)
    const paint = colour(style.color)
    const baseline = style.baseline === 'super' || style.baseline === 'sub' ? style.baseline : undefined
    // PowerPoint makes raised text smaller itself: give it the paragraph's size, not the browser's reduced one.
    const size = baseline ? paragraph.size : style.size
    return {
      text: transform(run.text, style.transform),
      font: this.options.faces[style.font] ?? firstFamily(style.font),
      size: points(size * scale),
      color: paint?.hex ?? '000000',
      bold: style.weight >= 600,
      italic: style.italic,
      underline: style.underline,
      strike: style.strike,
      ...(baseline ? {baseline} : {}),
      ...(picture ? {spacing: gapSpacing(picture, paragraph, scale)} : style.letterSpacing ? {spacing: points(style.letterSpacing * scale)} : {}),
      ...(run.href ? {href: run.href} : {}),
      ...(run.breakBefore ? {breakBefore: true} : {})
    }
  }
}

/** The letter spacing that makes a no-break space as wide as the picture it stands for (a space is about a quarter of an em). */
function gapSpacing(picture: MeasuredElement, paragraph: MeasuredElement, scale: number): number {
  return Math.max(0, points(picture.box[2] * scale) - points(paragraph.size * scale) * 0.25)
}

const CHARACTERS: Record<string, string> = {disc: '2022', circle: '25CB', square: '25AA'}
const NUMBERINGS: Record<string, string> = {
  decimal: 'arabicPeriod',
  'decimal-leading-zero': 'arabicPeriod',
  'lower-alpha': 'alphaLcPeriod',
  'lower-latin': 'alphaLcPeriod',
  'upper-alpha': 'alphaUcPeriod',
  'upper-latin': 'alphaUcPeriod',
  'lower-roman': 'romanLcPeriod',
  'upper-roman': 'romanUcPeriod'
}

/** A list item's marker from its `list-style-type` and `::marker` colour; none for `none`, a bullet for styles PowerPoint has no match for. */
function marker(item: MeasuredElement, indent: number, start: number | undefined): Pick<ShapeParagraph, 'bullet'> {
  if (item.listStyle === 'none') return {}
  const color = colour(item.markerColor)?.hex
  const common = {indent, ...(color ? {color} : {})}
  const numbering = NUMBERINGS[item.listStyle]
  if (numbering) return {bullet: {...common, numbering, ...(start ? {start} : {})}}
  return {bullet: {...common, char: CHARACTERS[item.listStyle] ?? CHARACTERS.disc}}
}

function frame([x, y, w, h]: Box): Frame {
  return {x: inches(x), y: inches(y), w: inches(w), h: inches(h)}
}

function rect(box: Box, fill: string, alpha: number, radius: number): RectShape {
  return {type: 'rect', ...frame(box), fill, transparency: Math.round((1 - alpha) * 100), radius}
}

/** CSS `text-align` in PowerPoint's terms; `start` and `end` follow the text's direction. */
function alignment(value: string, direction: string): ShapeParagraph['align'] {
  const rtl = direction === 'rtl'
  if (value === 'center') return 'center'
  if (value === 'justify') return 'justify'
  if (value === 'right' || (value === 'end' && !rtl) || (value === 'start' && rtl)) return 'right'
  return 'left'
}

function transform(text: string, how: string): string {
  if (how === 'uppercase') return text.toUpperCase()
  if (how === 'lowercase') return text.toLowerCase()
  if (how === 'capitalize') return text.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase())
  return text
}
