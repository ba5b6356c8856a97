/**
 * Notes pages and handouts, laid out in the page that already holds the print
 * layout: each slide's `.pdf-page` is moved into a frame on paper and scaled
 * with a CSS transform, so the slides stay vector text with working links.
 * The reference list is printed once at the end as full-width text, and
 * Chrome's own header and footer give the title and "page X of Y".
 */
import type {Page} from 'puppeteer-core'

export type HandoutSize = 1 | 2 | 3 | 4 | 6
export type Paper = 'a4' | 'letter'

export const HANDOUT_SIZES: readonly HandoutSize[] = [1, 2, 3, 4, 6]

// Regions that print on Letter; everyone else uses A4.
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'PR'])

/** Letter for `en-US` and other Letter regions, A4 everywhere else. */
export function defaultPaper(lang: string): Paper {
  const region = lang.split(/[-_]/)[1]?.toUpperCase()
  return region && LETTER_REGIONS.has(region) ? 'letter' : 'a4'
}

const PAPER_MM: Record<Paper, [number, number]> = {a4: [210, 297], letter: [215.9, 279.4]}
// Top and bottom hold Chrome's header and footer.
const MARGIN_MM = {top: 16, right: 14, bottom: 14, left: 14}
const px = (mm: number) => (mm * 96) / 25.4

export interface HandoutLayout {
  perPage: HandoutSize
  /** Speaker notes beside (3-up) or below (1-up) each slide instead of ruled lines. */
  notes: boolean
  paper: Paper
  /** Slide size in CSS pixels. */
  width: number
  height: number
}

/** Rearranges the print layout into handout pages; returns the numbers of slides whose notes were cut. */
export async function layoutHandout(page: Page, layout: HandoutLayout): Promise<number[]> {
  const [paperWidth, paperHeight] = PAPER_MM[layout.paper]
  const box = {
    width: px(paperWidth - MARGIN_MM.left - MARGIN_MM.right),
    // A pixel short, so rounding never spills a page onto a blank one.
    height: px(paperHeight - MARGIN_MM.top - MARGIN_MM.bottom) - 2
  }
  // Lay out at the paper's width, so what is measured here (notes that fit) is what prints.
  await page.setViewport({width: Math.floor(box.width), height: Math.floor(box.height)})
  return page.evaluate(arrange, {...layout, box})
}

interface ArrangeOptions extends HandoutLayout {
  box: {width: number; height: number}
}

/** Runs in the page (serialised by puppeteer): no imports, no closures over module scope. */
function arrange(options: ArrangeOptions): number[] {
  const {perPage, notes, box, width, height} = options
  const grid = {1: [1, 1], 2: [1, 2], 3: [1, 3], 4: [2, 2], 6: [2, 3]}[perPage] as [number, number]
  const [cols, rows] = grid
  const beside = perPage === 3
  const gap = 24
  const cellWidth = (box.width - (cols - 1) * gap) / cols
  const cellHeight = (box.height - (rows - 1) * gap) / rows
  const frameWidth = perPage === 1 ? box.width : Math.min(beside ? cellWidth * 0.56 : cellWidth, cellHeight / (height / width))
  const scale = frameWidth / width
  const cut: number[] = []

  const slides = document.querySelector<HTMLElement>('.reveal .slides')!
  const pdfPages = Array.from(slides.querySelectorAll<HTMLElement>(':scope > .pdf-page'))
  const isReferences = (pdfPage: HTMLElement) =>
    pdfPage.querySelector('section.cd-references, section .cd-references') !== null
  const references = pdfPages.filter(isReferences)
  const shown = pdfPages.filter((pdfPage) => !isReferences(pdfPage))

  // Reveal sized the page to one slide; the paper size now comes from page.pdf().
  for (const style of Array.from(document.querySelectorAll('style'))) if (style.textContent?.startsWith('@page')) style.remove()
  document.body.style.width = ''
  document.body.style.height = ''
  document.documentElement.classList.add('cd-handout')

  const element = (className: string, style: Partial<CSSStyleDeclaration> = {}) => {
    const node = document.createElement('div')
    node.className = className
    Object.assign(node.style, style)
    return node
  }
  // Footnotes scaled with the slide below 7 pt (3, 4 and 6 a page) print under it instead, at 7.5 pt.
  const sampleNotes = slides.querySelector('.cd-footnotes')
  const footnotesBelow = sampleNotes !== null && Number.parseFloat(getComputedStyle(sampleNotes).fontSize) * scale < (7 * 96) / 72
  const frame = (pdfPage: HTMLElement) => {
    const node = element('cd-handout-frame', {width: `${frameWidth}px`, height: `${frameWidth * (height / width)}px`})
    // Reveal copied the theme's background onto each page; on paper the print variant's shows.
    Object.assign(pdfPage.style, {width: `${width}px`, height: `${height}px`, transform: `scale(${scale})`, background: ''})
    node.append(pdfPage)
    if (!footnotesBelow) return node
    // Every slide in the same wrapper, with or without notes, so the frames of a row line up.
    const slide = element('cd-handout-slide', {width: `${frameWidth}px`})
    const footnotes = pdfPage.querySelector('section .cd-footnotes')
    slide.append(node, ...(footnotes ? [footnotes] : []))
    return slide
  }
  const notesOf = (pdfPage: HTMLElement, style: Partial<CSSStyleDeclaration>) => {
    const node = element('cd-handout-notes', style)
    const aside = pdfPage.querySelector('aside.notes')
    if (aside) node.append(...Array.from(aside.childNodes).map((child) => child.cloneNode(true)))
    return node
  }

  const style = document.createElement('style')
  style.textContent = `
    html.cd-handout, html.cd-handout body.reveal-viewport { background: #fff !important; }
    .cd-handout .cd-handout-item + .cd-handout-item, .cd-handout-sheet + .cd-handout-sheet { break-before: page; }
    .cd-handout-sheet { display: grid; align-items: center; justify-items: center; overflow: hidden; }
    .cd-handout-beside { display: flex; gap: ${gap}px; width: 100%; height: 100%; align-items: flex-start; }
    /* Size containment: without it Chrome counts the unscaled 1280 px slide and shrinks the whole sheet. */
    .cd-handout-frame { position: relative; flex: none; overflow: hidden; contain: strict; }
    /* A border drawn inside the frame: an outline outside it would print on the page before. */
    .cd-handout-frame::after { content: ''; position: absolute; inset: 0; z-index: 2; border: 1px solid #9a9a9a; }
    .reveal .slides .cd-handout-frame .pdf-page { position: absolute; top: 0; left: 0; transform-origin: 0 0; break-after: auto; page-break-after: auto; }
    .cd-handout .reveal .slide-background { display: none !important; }
    .cd-handout-slide { display: flex; flex-direction: column; flex: none; align-self: stretch; overflow: hidden; }
    .reveal .slides .cd-handout-slide > .cd-footnotes { margin: 0; padding: 4px 0 0; border-top: 0.5pt solid #999; font-size: 7.5pt; line-height: 1.3; color: #222; text-align: left; }
    .cd-handout-lines { flex: 1 1 auto; display: flex; flex-direction: column; }
    .cd-handout-line { height: 30px; flex: none; border-bottom: 1px solid #b0b0b0; box-sizing: border-box; }
    .reveal .cd-handout-notes, .cd-handout-notes { flex: 1 1 auto; overflow: hidden; color: #111; font: 11pt/1.4 var(--cd-font, sans-serif); text-align: left; }
    .reveal .cd-handout-notes p, .reveal .cd-handout-notes li { margin: 0 0 0.5em; }
    .cd-handout-references { break-before: page; color: #111; font: 11pt/1.45 var(--cd-font, serif); text-align: left; }
    .cd-handout-references h1, .cd-handout-references h2, .cd-handout-references h3 { font: 700 16pt/1.2 var(--cd-heading-font, sans-serif); margin: 0 0 12pt; }
    .cd-handout-references > *:not(h1, h2, h3), .cd-handout-references .csl-entry { margin: 0 0 6pt; padding-left: 2em; text-indent: -2em; }
    .cd-handout-references a { color: inherit; overflow-wrap: anywhere; }
    .cd-handout-references i, .cd-handout-references em { font-style: italic; }
    .cd-handout-references b, .cd-handout-references strong { font-weight: 700; }
  `
  document.head.append(style)

  // In the page from the start: notes are measured as they are laid out, and nothing else of the
  // print layout (empty stacks, Reveal's helpers) may take room on paper.
  const container = element('cd-handout-pages', {width: `${box.width}px`})
  slides.replaceChildren(container)
  if (perPage === 1) {
    // One slide a page, its notes (or nothing) below and free to run onto the next page.
    for (const pdfPage of shown) {
      const item = element('cd-handout-item')
      item.append(frame(pdfPage))
      if (notes) item.append(notesOf(pdfPage, {marginTop: '18px'}))
      container.append(item)
    }
  } else {
    for (let start = 0; start < shown.length; start += perPage) {
      const sheet = element('cd-handout-sheet', {
        height: `${box.height}px`,
        gridTemplateColumns: `repeat(${cols}, 1fr)`,
        gridTemplateRows: `repeat(${rows}, ${cellHeight}px)`,
        gap: `${gap}px`
      })
      container.append(sheet)
      for (const pdfPage of shown.slice(start, start + perPage)) {
        const cell = element(beside ? 'cd-handout-cell cd-handout-beside' : 'cd-handout-cell')
        sheet.append(cell)
        cell.append(frame(pdfPage))
        if (beside && notes) {
          const text = notesOf(pdfPage, {height: `${cellHeight}px`})
          cell.append(text)
          const index = pdfPages.indexOf(pdfPage) + 1
          // Shrink long notes to fit beside the slide, down to a size still readable on paper.
          for (let size = 11; size >= 7 && text.scrollHeight > text.clientHeight + 1; size -= 0.5) text.style.fontSize = `${size}pt`
          if (text.scrollHeight > text.clientHeight + 1) cut.push(index)
        } else if (beside) {
          const lines = element('cd-handout-lines', {height: `${cellHeight}px`})
          for (let line = 0; line < Math.floor(cellHeight / 30); line++) lines.append(element('cd-handout-line'))
          cell.append(lines)
        }
      }
    }
  }

  const list = element('cd-handout-references')
  references.forEach((pdfPage, index) => {
    const section = pdfPage.querySelector('section')!
    const heading = section.querySelector('h1, h2, h3')
    if (index === 0 && heading) list.append(heading.cloneNode(true))
    const entries = section.querySelector('.cd-references') ?? section.querySelector('.cd-body') ?? section
    for (const child of Array.from(entries.children)) {
      if (child !== heading && !child.matches('aside.notes, .cd-footnotes')) list.append(child.cloneNode(true))
    }
    pdfPage.remove()
  })

  if (references.length > 0) document.body.append(list)

  return cut
}

export interface HandoutPrint {
  paper: Paper
  title: string
  timeout: number
}

/** One `page.pdf()` on paper, with the deck's title on top and "page X of Y" at the foot of every page. */
export function printHandout(page: Page, options: HandoutPrint): Promise<Uint8Array> {
  const margin = Object.fromEntries(Object.entries(MARGIN_MM).map(([side, mm]) => [side, `${mm}mm`]))
  const band = `font: 8pt sans-serif; color: #555; width: 100%; margin: 0 ${MARGIN_MM.left}mm; display: flex;`
  return page.pdf({
    // Exact sizes: puppeteer's named formats round A4 to 8.27 × 11.7 in.
    width: `${PAPER_MM[options.paper][0]}mm`,
    height: `${PAPER_MM[options.paper][1]}mm`,
    margin,
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: true,
    headerTemplate: `<div style="${band} justify-content: space-between;"><span>${escapeHtml(options.title)}</span></div>`,
    footerTemplate: `<div style="${band} justify-content: flex-end;"><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
    timeout: options.timeout
  })
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`)
}
