/**
 * Placed slides → a `.pptx` file with pptxgenjs: one slide master per slide
 * kind (title, section, content, quote, references) with the theme's
 * background and the slide number, text boxes, tables, pictures and
 * rectangles, the speaker notes in PowerPoint's notes. pptxgenjs is loaded
 * here only, when a PowerPoint file is made.
 */
import type PptxModule from 'pptxgenjs'
import type {PlacedSlide, ShapeParagraph, ShapeRun, TableShape, TextShape} from './shapes.js'
import {type FontKind, HANGING_MARK, repairPackage} from './package.js'

export interface PptxDocument {
  /** The slide's size in CSS pixels (96 a inch). */
  width: number
  height: number
  title: string
  authors: string[]
  subject: string
  lang: string
  /** `RRGGBB`. */
  background: string
  /** Fonts of the PowerPoint theme: headings and body text. */
  headingFont: string
  bodyFont: string
  /**
   * The slide number's look, or `undefined` for none; `labels`, each slide's
   * number as text (`4.1` for a sub-slide, `3 / 12`), else PowerPoint's own
   * slide-number field (1, 2, 3…, kept right when slides are moved).
   */
  slideNumber?: {color: string; size: number; font: string; labels?: string[]}
  /** The kind of each font the runs name (serif, sans or mono), for substitution where it is missing. */
  fontKinds: Record<string, FontKind>
  /** Local image files by the `src` the slides use. */
  images: Map<string, string>
}

/** The `.pptx` bytes of `slides`. */
export async function writePptx(slides: PlacedSlide[], document: PptxDocument): Promise<Uint8Array> {
  const pptx = new (await pptxClass())()
  pptx.defineLayout({name: 'citedeck', width: document.width / 96, height: document.height / 96})
  pptx.layout = 'citedeck'
  pptx.title = document.title
  pptx.author = document.authors.join(', ')
  pptx.subject = document.subject
  pptx.company = ''
  pptx.theme = {headFontFace: document.headingFont, bodyFontFace: document.bodyFont}
  const masters = new Set<string>()
  const numberBox = slideNumber(document)
  const labels = document.slideNumber?.labels
  for (const [index, placed] of slides.entries()) {
    const master = `citedeck ${placed.kind}`
    if (!masters.has(master)) {
      masters.add(master)
      pptx.defineSlideMaster({title: master, background: {color: document.background}, ...(labels ? {} : {slideNumber: numberBox})})
    }
    const slide = pptx.addSlide({masterName: master})
    for (const shape of placed.shapes) {
      const frame = {x: shape.x, y: shape.y, w: shape.w, h: shape.h}
      if (shape.type === 'rect') {
        slide.addShape(shape.radius > 0 ? 'roundRect' : 'rect', {
          ...frame,
          fill: {color: shape.fill, transparency: shape.transparency},
          line: {type: 'none'},
          ...(shape.radius > 0 ? {rectRadius: shape.radius} : {})
        })
      } else if (shape.type === 'text') {
        slide.addText(textRuns(shape, document.lang), {
          ...frame,
          objectName: shape.name,
          margin: 0,
          valign: 'top',
          wrap: true,
          // Shrink on overflow: PowerPoint and Impress shrink the text themselves if their fonts run longer than the browser's.
          fit: 'shrink'
        })
      } else if (shape.type === 'table') {
        slide.addTable(tableRows(shape, document.lang), {...frame, colW: shape.columns, rowH: shape.rows.map((row) => row.height)})
      } else {
        const source = document.images.get(shape.src)
        const data = shape.src.startsWith('data:') ? shape.src.slice(5) : undefined
        if (source || data) slide.addImage({...frame, ...(data ? {data} : {path: source}), altText: shape.alt})
      }
    }
    const label = labels?.[index]
    if (label && numberBox) slide.addText(label, {...numberBox, objectName: 'Slide number', margin: 0})
    if (placed.notes) slide.addNotes(placed.notes)
  }
  const raw = (await pptx.write({outputType: 'uint8array', compression: false})) as Uint8Array
  // Markers in the order pptxgenjs writes them: shapes in order, paragraphs in order.
  const markers = slides.map((placed) =>
    placed.shapes.flatMap((shape) => (shape.type === 'text' ? shape.paragraphs.flatMap((paragraph) => (paragraph.bullet ? [paragraph.bullet.color ?? ''] : [])) : []))
  )
  return repairPackage(raw, markers, document.fontKinds)
}

// pptxgenjs's types describe a CommonJS module; Node's ESM import gives its ES build, whose default export is the class.
type PptxGenJS = typeof PptxModule.default

async function pptxClass(): Promise<PptxGenJS> {
  const loaded = (await import('pptxgenjs')) as unknown as {default: PptxGenJS | {default: PptxGenJS}}
  return 'default' in loaded.default ? loaded.default.default : loaded.default
}

function slideNumber(document: PptxDocument): PptxModule.default.SlideNumberProps | undefined {
  const number = document.slideNumber
  if (!number) return undefined
  // Where reveal.js puts it: the bottom right corner, 8 px in.
  const height = (number.size * 1.6) / 72
  return {
    x: document.width / 96 - 1.1,
    y: document.height / 96 - height - 8 / 96,
    w: 1,
    h: height,
    align: 'right',
    color: number.color,
    fontSize: number.size,
    fontFace: number.font
  }
}

/** A text box's runs as pptxgenjs takes them: paragraph settings on every run, a line break closing each paragraph. */
function textRuns(shape: TextShape, lang: string): PptxModule.default.TextProps[] {
  return shape.paragraphs.flatMap((paragraph, index) => {
    const last = index === shape.paragraphs.length - 1
    const runs = paragraph.runs.length > 0 ? paragraph.runs : [undefined]
    return runs.map((run, at): PptxModule.default.TextProps => ({
      text: run?.text ?? '',
      options: {
        ...(run ? runOptions(run, lang) : {}),
        ...paragraphOptions(paragraph, at === 0),
        ...(at === runs.length - 1 && !last ? {breakLine: true} : {})
      }
    }))
  })
}

function paragraphOptions(paragraph: ShapeParagraph, first: boolean): PptxModule.default.TextPropsOptions {
  return {
    // pptxgenjs starts a paragraph where the alignment changes: every run of one paragraph carries the same.
    align: paragraph.align,
    ...(paragraph.rtl ? {rtlMode: true} : {}),
    lineSpacing: paragraph.lineSpacing,
    ...(first && paragraph.spaceBefore > 0 ? {paraSpaceBefore: paragraph.spaceBefore} : {}),
    ...(first && paragraph.level > 0 ? {indentLevel: paragraph.level} : {}),
    ...(first ? {bullet: bullet(paragraph)} : {})
  }
}

function bullet(paragraph: ShapeParagraph): PptxModule.default.TextPropsOptions['bullet'] {
  const marker = paragraph.bullet
  if (marker?.numbering) return {indent: marker.indent, type: 'number', style: marker.numbering, ...(marker.start ? {numberStartAt: marker.start} : {})}
  if (marker) return {indent: marker.indent, characterCode: marker.char}
  return paragraph.hanging ? {indent: paragraph.hanging, characterCode: HANGING_MARK} : false
}

function runOptions(run: ShapeRun, lang: string): PptxModule.default.TextPropsOptions {
  return {
    fontFace: run.font,
    fontSize: run.size,
    color: run.color,
    lang,
    ...(run.bold ? {bold: true} : {}),
    ...(run.italic ? {italic: true} : {}),
    ...(run.underline ? {underline: {style: 'sng' as const}} : {}),
    ...(run.strike ? {strike: 'sngStrike' as const} : {}),
    ...(run.baseline === 'super' ? {superscript: true} : run.baseline === 'sub' ? {subscript: true} : {}),
    ...(run.spacing ? {charSpacing: run.spacing} : {}),
    ...(run.href ? {hyperlink: {url: run.href}} : {}),
    ...(run.breakBefore ? {softBreakBefore: true} : {})
  }
}

function tableRows(shape: TableShape, lang: string): PptxModule.default.TableRow[] {
  return shape.rows.map((row) =>
    row.cells.map((cell): PptxModule.default.TableCell => ({
      text: cell.runs.map((run) => ({text: run.text, options: runOptions(run, lang)})),
      options: {
        align: cell.align,
        valign: 'top',
        margin: cell.margin,
        border: cell.borders.map((side) => (side.width > 0 ? {type: 'solid' as const, pt: side.width, color: side.color} : {type: 'none' as const})) as PptxModule.default.TableCellProps['border'],
        ...(cell.fill ? {fill: {color: cell.fill}} : {}),
        ...(cell.colspan > 1 ? {colspan: cell.colspan} : {}),
        ...(cell.rowspan > 1 ? {rowspan: cell.rowspan} : {})
      }
    }))
  )
}
