/**
 * Document metadata from front matter. Chrome writes only the title (from
 * `<title>`) and the language, so author, subject and keywords are added
 * afterwards, as a PDF incremental update (ISO 32000-1, 7.5.6): a new Info
 * dictionary, one cross-reference entry and a trailer appended to Chrome's
 * bytes, which stay untouched (tags, outline, links). Rewriting the whole file
 * with pdf-lib costs as much as printing a long deck; it remains the fallback
 * for a PDF whose cross-references are not a classic table, and is loaded
 * only then (importing it costs a third of a second).
 */
import type {DeckConfig} from '../config.js'

export interface StampedPdf {
  bytes: Uint8Array
  pages: number
}

interface Metadata {
  Title?: string
  Author?: string
  Subject?: string
  Keywords?: string
  Creator: string
}

export async function setMetadata(pdf: Uint8Array, config: DeckConfig, creator: string): Promise<StampedPdf> {
  const metadata: Metadata = {
    Title: config.title || undefined,
    Author: config.authors.join(', ') || undefined,
    Subject: config.subject || undefined,
    // Commas keep "Cold War" one keyword.
    Keywords: config.keywords.join(', ') || undefined,
    Creator: creator
  }
  return appendInfo(pdf, metadata) ?? (await rewriteInfo(pdf, metadata))
}

/** The incremental update; `undefined` when the file's tail is not a classic trailer this can extend. */
function appendInfo(pdf: Uint8Array, metadata: Metadata): StampedPdf | undefined {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  const tail = text.slice(text.lastIndexOf('trailer'))
  const size = /\/Size\s+(\d+)/.exec(tail)?.[1]
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(tail)?.[1]
  const previous = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1]
  if (!tail.startsWith('trailer') || !size || !root || !previous) return undefined
  const info = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(tail)
  const [number, generation, nextSize] = info ? [Number(info[1]), Number(info[2]), Number(size)] : [Number(size), 0, Number(size) + 1]

  // Keep what Chrome recorded (producer, dates) unless front matter says otherwise.
  const old = info ? new RegExp(`(?:^|\\s)${number}\\s+${generation}\\s+obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(text)?.[1] ?? '' : ''
  const kept = ['Producer', 'CreationDate', 'ModDate'].flatMap((key) => {
    // A literal string (escaped parentheses inside) or a hex string.
    const value = new RegExp(`/${key}\\s*(\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>)`).exec(old)?.[1]
    return value ? [`/${key} ${value}`] : []
  })
  const entries = Object.entries(metadata).flatMap(([key, value]) => (value ? [`/${key} ${pdfString(value)}`] : []))
  const object = `\n${number} ${generation} obj\n<<${[...entries, ...kept].join('\n')}>>\nendobj\n`
  const objectOffset = pdf.byteLength + 1
  const xrefOffset = pdf.byteLength + object.length
  const update =
    `${object}xref\n${number} 1\n${String(objectOffset).padStart(10, '0')} ${String(generation).padStart(5, '0')} n \n` +
    `trailer\n<</Size ${nextSize}\n/Root ${root}\n/Info ${number} ${generation} R\n/Prev ${previous}>>\nstartxref\n${xrefOffset}\n%%EOF\n`
  const bytes = new Uint8Array(pdf.byteLength + update.length)
  bytes.set(pdf)
  bytes.set(Buffer.from(update, 'latin1'), pdf.byteLength)
  return {bytes, pages: text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0}
}

/** Any text as a PDF string: UTF-16BE with a byte-order mark, in hex, so no character needs escaping. */
function pdfString(value: string): string {
  const bytes = Buffer.from(`\ufeff${value}`, 'utf16le').swap16()
  return `<${bytes.toString('hex').toUpperCase()}>`
}

async function rewriteInfo(pdf: Uint8Array, metadata: Metadata): Promise<StampedPdf> {
  const {PDFDocument, ParseSpeeds} = await import('pdf-lib')
  // pdf-lib yields to the event loop every 50 objects by default; a long deck has tens of thousands.
  const document = await PDFDocument.load(pdf, {updateMetadata: false, parseSpeed: ParseSpeeds.Fastest})
  if (metadata.Title) document.setTitle(metadata.Title)
  if (metadata.Author) document.setAuthor(metadata.Author)
  if (metadata.Subject) document.setSubject(metadata.Subject)
  if (metadata.Keywords) document.setKeywords([metadata.Keywords])
  document.setCreator(metadata.Creator)
  const bytes = await document.save({useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity})
  return {bytes, pages: document.getPageCount()}
}
