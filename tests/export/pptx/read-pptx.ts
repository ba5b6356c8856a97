/** Reads a .pptx back (jszip + the slide XML): each slide's text, shape names, notes, and the slide size. */
import {readFileSync} from 'node:fs'
import JSZip from 'jszip'

export interface PptxSlide {
  xml: string
  /** The text of every paragraph of the slide, in order. */
  paragraphs: string[]
  /** Names of its shapes (`Title`, `Text`, `Footnotes`, `Code`…). */
  names: string[]
  notes: string
  /** Targets of its hyperlinks. */
  links: string[]
}

export interface PptxContent {
  slides: PptxSlide[]
  /** Slide size in EMU (914 400 an inch). */
  width: number
  height: number
  /** Files under ppt/media. */
  media: string[]
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, '&')

function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map(([, inner]) => [...inner!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map(([, text]) => decode(text!)).join(''))
}

export async function readPptx(path: string): Promise<PptxContent> {
  const zip = await JSZip.loadAsync(readFileSync(path))
  const text = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('')
  const presentation = await text('ppt/presentation.xml')
  const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation)!
  const order = [...presentation.matchAll(/<p:sldId [^>]*r:id="(rId\d+)"/g)].map(([, id]) => id!)
  const rels = await text('ppt/_rels/presentation.xml.rels')
  const slides: PptxSlide[] = []
  for (const id of order) {
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!
    const name = `ppt/${target.replace(/^\.?\//, '')}`
    const xml = await text(name)
    const slideRels = await text(name.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels'))
    const notesTarget = /Target="\.\.\/notesSlides\/([^"]+)"/.exec(slideRels)?.[1]
    const notesXml = notesTarget ? await text(`ppt/notesSlides/${notesTarget}`) : ''
    const notesBody = /<p:ph type="body"[\s\S]*?<\/p:sp>/.exec(notesXml)?.[0] ?? ''
    slides.push({
      xml,
      paragraphs: paragraphsOf(xml),
      names: [...xml.matchAll(/<p:cNvPr id="\d+" name="([^"]*)"/g)].map(([, shape]) => decode(shape!)),
      notes: paragraphsOf(notesBody).join('\n'),
      links: [...slideRels.matchAll(/Target="([^"]+)" TargetMode="External"/g)].map(([, url]) => decode(url!))
    })
  }
  const media = Object.keys(zip.files).filter((file) => file.startsWith('ppt/media/') && !file.endsWith('/'))
  return {slides, width: Number(size[1]), height: Number(size[2]), media}
}
