/**
 * Five fixes to the package pptxgenjs writes, then its one compression.
 *
 * - pptxgenjs 4 writes an `<a:pPr>` before every run of a paragraph, where
 *   the schema allows one, first (gitbrent/PptxGenJS#1083, still open);
 *   PowerPoint 2016 asks to repair such a file. The first of each paragraph
 *   is kept: it is the one with the paragraph's settings.
 * - It puts all of a slide's notes in one text element, line ends included;
 *   PowerPoint's notes need one paragraph a line.
 * - It writes a hanging indent (`marL` with a negative `indent`) only with a
 *   bullet: a paragraph that hangs without one (a reference entry) is
 *   written with the bullet `HANGING_MARK`, replaced here by no bullet.
 * - It has no colour for list markers: each slide's marker colours, in the
 *   order its markers are written, are set here (`<a:buClr>`).
 *
 * - It names every font a sans (`pitchFamily`), see `fontKinds`.
 *
 * Hand-written because no option of pptxgenjs avoids either; jszip (its own
 * zip library) reads and writes the package.
 */

/** A private-use character: the bullet of paragraphs that hang without a marker. */
export const HANGING_MARK = 'E000'
const HANGING_BULLET = new RegExp(`<a:buSzPct val="100000"/><a:buChar char="&#x${HANGING_MARK};"/>`, 'g')
const MARKER = /<a:buSzPct val="100000"\/>(?=<a:bu(?:Char|Font|AutoNum))/g
const PARAGRAPH = /<a:p>([\s\S]*?)<\/a:p>/g
const PARAGRAPH_PROPERTIES = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g
const NOTES_TEXT = /(<p:ph type="body" idx="1"\/>[\s\S]*?<a:t>)([\s\S]*?)(<\/a:t>)/

/** The kind of a font, as CSS names it last in a `font-family` list. */
export type FontKind = 'serif' | 'sans-serif' | 'monospace'

// Windows' pitch and family bits (variable pitch + roman, swiss; fixed pitch + modern).
const PITCH_FAMILY: Record<FontKind, number> = {serif: 18, 'sans-serif': 34, monospace: 49}

/**
 * `markers[n]`: the colours (`RRGGBB`) of slide n+1's list markers, in order;
 * `kinds`: the kind of each font named, so a machine without it substitutes
 * one of the same kind.
 */
export async function repairPackage(bytes: Uint8Array, markers: string[][] = [], kinds: Record<string, FontKind> = {}): Promise<Uint8Array> {
  const {default: JSZip} = await import('jszip')
  const zip = await JSZip.loadAsync(bytes)
  for (const [name, entry] of Object.entries(zip.files)) {
    const slide = /^ppt\/slides\/slide(\d+)\.xml$/.exec(name)
    if (slide) {
      const xml = onePropertiesElement(await entry.async('string')).replace(HANGING_BULLET, '<a:buNone/>')
      zip.file(name, fontKinds(markerColours(xml, markers[Number(slide[1]) - 1] ?? []), kinds))
    } else if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)) {
      zip.file(name, notesParagraphs(await entry.async('string')))
    }
  }
  return zip.generateAsync({type: 'uint8array', compression: 'DEFLATE', compressionOptions: {level: 6}})
}

/**
 * pptxgenjs names every font a sans (`pitchFamily="34"`): PowerPoint, and
 * Impress, replace a missing font by one of the family it gives, so a
 * missing serif heading became a sans. Each font gets its own kind.
 */
export function fontKinds(xml: string, kinds: Record<string, FontKind>): string {
  return xml.replace(/(typeface="([^"]*)") pitchFamily="34"/g, (whole, typeface: string, face: string) => {
    const kind = kinds[decodeXml(face)]
    return kind ? `${typeface} pitchFamily="${PITCH_FAMILY[kind]}"` : whole
  })
}

function decodeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}

/** Gives the slide's markers their colours, in order; a marker with no colour keeps the text's. */
export function markerColours(xml: string, colours: string[]): string {
  let index = 0
  return xml.replace(MARKER, (marker) => {
    const colour = colours[index++]
    return colour ? `<a:buClr><a:srgbClr val="${colour}"/></a:buClr>${marker}` : marker
  })
}

/** Keeps the first `<a:pPr>` of every paragraph. */
export function onePropertiesElement(xml: string): string {
  return xml.replace(PARAGRAPH, (_, inner: string) => {
    let seen = false
    return `<a:p>${inner.replace(PARAGRAPH_PROPERTIES, (properties) => (seen ? '' : ((seen = true), properties)))}</a:p>`
  })
}

/** Splits the notes' single text element at its line ends into paragraphs. */
export function notesParagraphs(xml: string): string {
  return xml.replace(NOTES_TEXT, (_, before: string, text: string, after: string) => {
    const lines = text.split(/\r?\n/)
    return before + lines.join(`</a:t></a:r></a:p><a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>`) + after
  })
}
