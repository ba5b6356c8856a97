/** Reads a PDF with pdfjs (no system tools): page sizes, text, link targets, bookmarks and metadata. */
import {readFileSync} from 'node:fs'
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface PdfPage {
  /** Size in points. */
  width: number
  height: number
  /** The page's text, runs joined by spaces. */
  text: string
  /** Targets of the page's link annotations. */
  links: string[]
  /** Where each text run sits, in points from the page's bottom left corner, and its font size in points. */
  runs: Array<{x: number; y: number; width: number; text: string; size: number}>
}

export interface PdfContent {
  pages: PdfPage[]
  /** Bookmark titles, depth first. */
  bookmarks: string[]
  info: Record<string, unknown>
}

export async function readPdf(path: string): Promise<PdfContent> {
  const document = await getDocument({data: new Uint8Array(readFileSync(path)), isEvalSupported: false, disableFontFace: true, verbosity: 0})
    .promise
  const pages: PdfPage[] = []
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number)
    const [, , width, height] = page.view as [number, number, number, number]
    const content = await page.getTextContent()
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ')
    const links = (await page.getAnnotations()).filter((note) => note.subtype === 'Link' && note.url).map((note) => String(note.url))
    const runs = content.items.flatMap((item) =>
      'str' in item && item.str.trim() ? [{x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, text: item.str, size: Math.hypot(item.transform[2] as number, item.transform[3] as number)}] : []
    )
    pages.push({width, height, text, links, runs})
  }
  const bookmarks: string[] = []
  const walk = (items: Array<{title: string; items: unknown[]}> | null) => {
    for (const item of items ?? []) {
      bookmarks.push(item.title)
      walk(item.items as Array<{title: string; items: unknown[]}>)
    }
  }
  walk(await document.getOutline())
  const {info} = await document.getMetadata()
  await document.destroy()
  return {pages, bookmarks, info: info as Record<string, unknown>}
}

/** Text without any whitespace: PDF text runs split words and ligatures ("O ffi ce") at will. */
export const squeeze = (text: string) => text.replace(/\s+/g, '')
