/**
 * Essay import: a prose essay with APA citations and a reference list becomes
 * an editable outline deck (`deck.md`) and its bibliography as CSL-JSON.
 * Problems are vfile messages placed at the line and column of the original
 * essay; only an input that gives no essay at all is fatal.
 */
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {report as message} from '../messages.js'
import type {CslItem} from './csl.js'
import {documentText, readDocx} from './docx.js'
import {readEssayReferences, reportUncited} from './essay-references.js'
import {type FoundCitation, findCitations} from './in-text.js'
import {writeOutline} from './outline.js'
import type {ImportReport} from './report.js'
import {splitBlocks} from './structure.js'
import {detectLanguage} from './language.js'
import {taggerFor} from './spanish.js'
import {pointMaker, quoteMarks, repairText} from './text-repair.js'
import {essayTopic} from './topics.js'

export type {CslItem} from './csl.js'
export type {ImportReport} from './report.js'
export {formatReport} from './report.js'
export {isEssayPath} from './detect.js'

export interface ImportOptions {
  /** Deck title, instead of the essay's title line or, without one, its topic. */
  title?: string
  /**
   * Put the references inline in front matter (`references:`, CSL-YAML) instead
   * of `bibliography: references.json`: for building without writing files (default: `false`).
   */
  inlineReferences?: boolean
  /** The deck's citation style, instead of the essay's own (`apa`, `mla`, `chicago-notes`, `harvard`, `ieee`). */
  csl?: string
}

export interface ImportResult {
  markdown: string
  references: CslItem[]
  report: ImportReport
  /** For each line of `markdown` (0-based), the point in the essay it came from. */
  positions: Point[]
  /** The in-text citations found, in essay order, with the keys they resolved to. */
  citations: ImportedCitation[]
}

export interface ImportedCitation {
  /** The citation as written (`(Lee, 2020a, 2020b)`, `Klein et al. (2007)`). */
  text: string
  keys: string[]
  /** False when a source it names is missing from the reference list. */
  resolved: boolean
  kind: FoundCitation['kind']
}

// Beyond this an input is not an essay; refusing beats a slow, useless deck.
const MAX_CHARACTERS = 2_000_000

/** Imports `file` (text, Markdown or a .docx as bytes); never throws for bad content. */
export async function importEssay(file: VFile, options: ImportOptions = {}): Promise<ImportResult> {
  const empty: ImportResult = {markdown: '', references: [], report: emptyReport(), positions: [], citations: []}
  const read = await readEssay(file)
  if (read === undefined) return empty
  const {text: source, footnotes} = read
  const markdown = /\.(?:md|markdown)$/i.test(file.path ?? '')
  const repaired = repairText(source, {markdown})
  const pointAt = pointMaker(source)
  const place = (offset: number) => pointAt(repaired.map[offset] ?? source.length)

  const {section, references, style, reader} = readEssayReferences(file, repaired.text, place, footnotes)
  const body = repaired.text.slice(0, section?.start ?? repaired.text.length)
  // A fresh reader: the essay's reader keeps the note before (for `Ibid.`) and must meet each paragraph once.
  const citesSource = (text: string) => findCitations(text, reader.context).citations.some((citation) => citation.keys.length > 0)
  const {header, blocks} = splitBlocks(repaired.text, body.length, citesSource)
  const dropNoteMarks = noteMarkDropper(file, repaired.text, place)
  for (const key of ['title', 'subtitle', 'author', 'date'] as const) if (header[key] !== undefined) header[key] = dropNoteMarks(header[key]!)
  header.details = header.details.map(dropNoteMarks)

  const comments = docsComments(repaired.text.slice(body.length))
  const cites: string[] = []
  const found: FoundCitation[] = []
  let previous: {text: string; lastKey?: string} | undefined
  const outlineBlocks = blocks.map((block) => {
    if (block.kind === 'heading') return {kind: block.kind, text: dropNoteMarks(block.text), start: block.start}
    // A quotation set off from the sentence introducing it belongs to that sentence's source.
    const introduced = block.kind === 'quote' || previous?.text.trimEnd().endsWith(':')
    const {citations, problems, lastKey} = reader.find(block.text, introduced ? previous?.lastKey : undefined)
    previous = {text: block.text, ...(lastKey ? {lastKey} : {})}
    for (const problem of problems) message(file, problem.reason, place(block.offsets[problem.offset] ?? block.start), problem.rule, {info: problem.severity === 'info'})
    found.push(...citations)
    let text = block.text
    for (const citation of [...citations].reverse()) {
      cites.push(citation.pandoc)
      text = `${text.slice(0, citation.start)}\uE000${cites.length - 1}\uE001${text.slice(citation.end)}`
    }
    // A comment's anchor (`…different.[a]`) is not the essay's text: the comment goes to the speaker notes.
    const remarks: string[] = []
    text = text.replace(/(?<=\S)\[([a-z]{1,2})\](?=\s|$)/g, (anchor, letter: string) => {
      const comment = comments.get(letter)
      if (!comment) return anchor
      remarks.push(comment)
      return ''
    })
    return {kind: block.kind, text, start: block.start, ...(block.kind === 'list-item' && block.level ? {level: block.level} : {}), ...(remarks.length ? {comments: remarks} : {})}
  })
  if (found.length === 0 && blocks.length > 0) message(file, 'No in-text citations found', place(0), 'import-no-citations')
  reportUncited(file, references, found, place)

  if (options.title) header.title = options.title
  header.title ??= essayTopic(body, references.map((reference) => reference.item.title ?? ''))
  const citedNames = references.flatMap((reference) => reference.item.author?.map((name) => name.family ?? name.literal ?? '') ?? [])
  const items = references.map((reference) => reference.item)
  const bibliography = options.inlineReferences ? {items, start: section?.start ?? repaired.text.length} : {file: 'references.json'}
  const labels = new Map(references.map((reference) => [reference.item.id, reference.label]))
  const csl = options.csl ?? (style === 'apa' ? undefined : style)
  const detected = detectLanguage(body)
  const tagWords = await taggerFor(detected)
  const language = detected === 'en' ? undefined : detected
  const referencesTitle = section ? headingText(repaired.text.slice(section.start)) : undefined
  const marks = quoteMarks(source)
  const outline = writeOutline({header, blocks: outlineBlocks, cites, citedNames, labels, bibliography, ...(csl ? {csl} : {}), ...(tagWords ? {tagWords} : {}), ...(language ? {language} : {}), ...(referencesTitle ? {referencesTitle} : {}), ...(marks ? {quoteMarks: marks} : {})})
  for (const problem of outline.problems) message(file, problem.reason, place(problem.at), problem.rule, {note: problem.note})
  const inOutline = outline.sentences.filter((sentence) => outline.markdown.includes(sentence)).length
  return {
    markdown: outline.markdown,
    references: items,
    positions: outline.lineOffsets.map(place),
    citations: found.map((citation) => ({text: citation.raw, keys: citation.keys, resolved: citation.resolved, kind: citation.kind})),
    report: {
      paragraphs: blocks.filter((block) => block.kind !== 'heading').length,
      sentences: {total: outline.sentences.length, inOutline},
      references: {entries: references.length, parsed: references.filter((reference) => reference.parsed).length},
      citations: {found: found.length, resolved: found.filter((citation) => citation.resolved).length},
      quotes: outline.quotes,
      slides: outline.slides,
      warnings: file.messages.length
    }
  }
}

/**
 * A footnote on the title or on a heading (a thank-you, a word count) has no
 * slide text to go to: its mark leaves the line, said once, so `[^n]` is never
 * shown as text.
 */
function noteMarkDropper(file: VFile, text: string, place: (offset: number) => Point): (line: string) => string {
  return (line) =>
    line.replace(/\s*\[\^(\d+)\]/g, (mark, n: string) => {
      message(file, `Footnote ${n} stands on a title or heading and was left out`, place(Math.max(0, text.indexOf(mark.trim()))), 'import-heading-note', {info: true})
      return ''
    })
}

/** The essay text (a .docx's with its footnote marks, and the notes), or undefined after a fatal message. */
async function readEssay(file: VFile): Promise<{text: string; footnotes?: Map<number, string>} | undefined> {
  const value = file.value
  const bytes = typeof value === 'string' ? undefined : value
  const start = {line: 1, column: 1}
  let text: string
  let footnotes: Map<number, string> | undefined
  if (bytes && (/\.docx$/i.test(file.path ?? '') || (bytes[0] === 0x50 && bytes[1] === 0x4b))) {
    try {
      const document = await readDocx(bytes)
      text = documentText(document, {marks: true})
      footnotes = new Map(document.footnotes.map((note) => [note.n, note.text]))
    } catch {
      message(file, 'Cannot read this .docx file (not a Word document, or damaged)', start, 'import-unreadable', {fatal: true})
      return undefined
    }
  } else {
    text = bytes ? new TextDecoder().decode(bytes) : String(value ?? '')
  }
  // NUL bytes or many control characters: a binary file given by mistake.
  const control = text.slice(0, 4096).match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0
  if (control > 8 || text.includes('\u0000')) message(file, 'This file looks binary, not an essay', start, 'import-binary', {fatal: true})
  else if (!text.trim()) message(file, 'The essay is empty', start, 'import-empty', {fatal: true})
  else if (text.length > MAX_CHARACTERS) {
    message(file, `The essay is too long to import (${Math.round(text.length / 1000)}k characters; limit ${MAX_CHARACTERS / 1000}k)`, start, 'import-too-large', {fatal: true, note: 'Split it into parts and import each.'})
  } else return {text, ...(footnotes ? {footnotes} : {})}
  return undefined
}

/** Google Docs comments exported after the essay (`[a]Mr. Thompson: good conclusion…`), by anchor letter. */
function docsComments(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^\[([a-z]{1,2})\](\S.*)$/gm)].map((match) => [match[1]!, match[2]!.trim()]))
}

/** The reference list's heading as a slide title: `## 7. REFERENCES:` → `References`. */
function headingText(text: string): string | undefined {
  const heading = (text.split('\n')[0] ?? '').split(':')[0]!.replace(/^[\s#*_\d.]+|[\s*_]+$/g, '')
  if (!heading) return undefined
  return heading === heading.toUpperCase() ? heading.charAt(0) + heading.slice(1).toLowerCase() : heading
}

function emptyReport(): ImportReport {
  return {paragraphs: 0, sentences: {total: 0, inOutline: 0}, references: {entries: 0, parsed: 0}, citations: {found: 0, resolved: 0}, quotes: 0, slides: 0, warnings: 0}
}
