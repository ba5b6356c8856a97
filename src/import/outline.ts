/**
 * Writes the outline deck: front matter, one slide (or two) a paragraph with
 * condensed bullets and the whole paragraph as speaker notes, quote slides for
 * quotations, and a references slide. Every line of the Markdown remembers
 * the block it came from, so problems found when building it can point at
 * the essay.
 */
import nlp from 'compromise'
import {toBullets} from './bullets.js'
import {PLACEHOLDER, Words, wordTags} from './bullet-words.js'
import {essentials} from './shorten.js'
import type {CslItem} from './csl.js'
import {escapeMarkdown} from './escape.js'
import {type Quotation, attribute, elideLongQuotations, findQuotations} from './quotes.js'
import {splitSentences} from './sentences.js'
import {labelsFor} from './labels.js'
import {chunk, frontMatter, listLine, nesting, notes, table} from './outline-markdown.js'
import type {WordTags} from './spanish.js'
import type {Header} from './structure.js'
import {phraseContext, quoteTitles, takeTitle, topicSentences, topicTitle} from './slide-titles.js'
import {slideTitle} from './topics.js'

export interface OutlineBlock {
  kind: 'paragraph' | 'quote' | 'heading' | 'list-item' | 'table'
  /** Text with citation placeholders. */
  text: string
  /** Offset of the block in the repaired essay. */
  start: number
  /** A list item's nesting (1 = top), as indented in the essay. */
  level?: number
  /** Comments a reviewer anchored in the block (Google Docs `[a]`): for the speaker notes. */
  comments?: string[]
}

export interface OutlineInput {
  header: Header
  blocks: OutlineBlock[]
  /** Pandoc text of each citation placeholder. */
  cites: string[]
  /** Cited author names, never taken for the speaker of a quotation. */
  citedNames: string[]
  /** Citation key → authors as written (`Roskin and Berry`), to name a source as a quotation's speaker. */
  labels: Map<string, string>
  /** `references.json` beside the outline, or the items inline in front matter (pandoc's `references:`). */
  bibliography: {file: string} | {items: CslItem[]; start: number}
  /** The citation style of the deck (the essay's own), when not the default APA. */
  csl?: string
  /** Word tags for an essay in a language compromise does not tag (see `spanish.ts`). */
  tagWords?: WordTags
  /** The essay's language when not English (`es`): the deck's own words and `lang:` follow it. */
  language?: string
  /** The essay's reference-list heading (`Works Cited`, `Referencias`): the references slide's title. */
  referencesTitle?: string
  /** The essay's own double quotation marks (`«`, `»`), read as `“ ”` while importing and shown again on the deck. */
  quoteMarks?: {open: string; close: string}
}

export interface OutlineProblem {
  /** Offset in the repaired essay. */
  at: number
  reason: string
  rule: string
  note?: string
}

export interface OutlineResult {
  markdown: string
  /** For each Markdown line (0-based), the offset in the repaired essay it came from. */
  lineOffsets: number[]
  /** Sentences as rendered into the notes, for the fidelity check. */
  sentences: string[]
  quotes: number
  slides: number
  problems: OutlineProblem[]
}


export function writeOutline(input: OutlineInput): OutlineResult {
  const marks = input.quoteMarks
  const render = (text: string) => {
    const quoted = marks ? text.replace(/“/g, marks.open).replace(/”/g, marks.close) : text
    return escapeMarkdown(quoted).replace(PLACEHOLDER, (_, i: string) => input.cites[Number(i)]!)
  }
  const used = new Set<string>()
  // A bracketed citation, or one in parentheses left as written (its source is not in the list): a tag the bullet keeps.
  const parenthetical = (placeholder: string) => /^[[(]/.test(input.cites[Number(/\d+/.exec(placeholder)![0])]!)
  const segments: Array<{text: string; at: number}> = []
  const push = (text: string, at: number) => segments.push({text, at})
  const result: OutlineResult = {markdown: '', lineOffsets: [], sentences: [], quotes: 0, slides: 0, problems: []}
  const phraseOptions = phraseContext(input)
  const labels = labelsFor(input.language)
  push(frontMatter(input.header, input.bibliography, input.csl, labels.lang), 'start' in input.bibliography ? input.bibliography.start : 0)

  const quoteSlide = (quote: Quotation, before: string, citation: string, at: number, paragraphTitle?: string, lead?: {text: string}) => {
    const {speaker, intro, near} = attribute(before, input.citedNames)
    // A person's own words name the person, then where they were found; woven-in words are the source's.
    const source = [...new Set([...render(citation).matchAll(/@([\w:.#$%&+?<>~/-]+)/g)].map((match) => input.labels.get(match[1]!) ?? ''))].filter(Boolean)
    const title = slideTitle(quoteTitles(quote.text, intro, speaker, speaker ?? near ?? source[0], paragraphTitle, phraseOptions, labels).map((text) => ({text, score: 1})), used, labels.inTheirWords)
    if (!quote.closed) {
      result.problems.push({at, reason: 'Quotation looks cut off (no closing mark or final punctuation); kept as written', rule: 'import-cut-off-quote', note: 'finish the quotation in the essay, or shorten it in deck.md'})
    }
    if (!citation) {
      result.problems.push({at, reason: 'Quotation has no citation', rule: 'import-uncited-quote', note: 'add the source and page after the quotation, e.g. (Author, 2010, p. 5)'})
    }
    const body = `${quote.text}${quote.closed ? '' : ' […]'}`
    // The attribution line starts with words: an attribution made only of a citation would not read as one.
    // Once the source is named, its citation drops the author (`— Hermes (2001, p. 595)`, pandoc's `[-@key]`).
    const cited = speaker ? render(citation) : render(citation).replace(/^\[@([^;\]]+)\]$/, '[-@$1]')
    const by = [speaker ?? source.join('; '), cited].filter(Boolean).join(' ')
    // The sentence announcing a block quotation (`…he makes his case directly:`) leads into it on its slide.
    const above = lead ? `${toBullets(lead.text, parenthetical).map((bullet) => render(bullet.text)).join(' ')}:\n\n` : ''
    push(`## ${escapeMarkdown(title)}\n\n${above}> ${render(body)}${by ? `\n>\n> — ${by}` : ''}`, at)
    result.quotes++
    result.slides++
  }

  let previous = ''
  // The last paragraph's title: a quotation set off after it is on its topic.
  let paragraphTitle: string | undefined
  // A short paragraph announcing the quotation that follows: it goes on the quote slide.
  let lead: {text: string} | undefined
  const hasSections = input.blocks.some((block) => block.kind === 'heading')
  const lastParagraph = input.blocks.findLastIndex((block) => block.kind === 'paragraph')
  for (let index = 0; index < input.blocks.length; index++) {
    const block = input.blocks[index]!
    if (block.kind === 'heading') {
      push(`# ${render(block.text)}`, block.start)
      result.slides++
      previous = ''
      // The section slide shows the heading: the slides under it are titled by their own topics, never the heading again.
      used.add(block.text.toLowerCase())
      continue
    }
    if (block.kind === 'table') {
      // Titled after the sentence that introduces it (`Here is a summary of the main studies:`), or its own words.
      const intro = previous.trimEnd().endsWith(':') ? (splitSentences(previous).pop()?.text ?? previous) : block.text.replace(/\t/g, ' ')
      push(`## ${escapeMarkdown(topicTitle(intro, nlp(intro), intro, phraseOptions, used, labels.summaryTable))}\n\n${table(block.text, render)}`, block.start)
      push(notes(block.text.split('\n').map((row) => render(row.replace(/\t/g, ' · '))).join('\n\n')), block.start)
      result.sentences.push(...block.text.split('\n').map((row) => render(row.replace(/\t/g, ' · '))))
      result.slides++
      previous = ''
      continue
    }
    const sentences = splitSentences(block.text)
    result.sentences.push(...sentences.map((sentence) => render(sentence.text)))
    // A paragraph right after `…stating:` is the quotation it announces.
    if (block.kind === 'quote' || previous.trimEnd().endsWith(':')) {
      const announcing = lead
      const citation = block.text.match(PLACEHOLDER)?.join(' ') ?? ''
      const text = block.text.replace(PLACEHOLDER, '').trim().replace(/^“|”$/g, '')
      const closed = /[.!?…”"]$/.test(text) && !/^“[^”]*$/.test(block.text.trim())
      const before = block.kind === 'quote' && !previous.trimEnd().endsWith(':') ? `${previous.trimEnd()}:` : previous
      quoteSlide({text, start: 0, end: block.text.length, closed}, before, citation, block.start, paragraphTitle, announcing)
      push(notes([...(announcing ? [render(announcing.text)] : []), render(block.text)].join('\n\n')), block.start)
      lead = undefined
      previous = block.text
      continue
    }
    // A sentence or two ending in `:` before a quotation is no slide of its own: it leads into the quote slide.
    const next = input.blocks[index + 1]
    if (block.kind === 'paragraph' && block.text.trimEnd().endsWith(':') && (next?.kind === 'quote' || next?.kind === 'paragraph') && sentences.length <= 2 && block.text.split(/\s+/).length <= 45 && findQuotations(block.text).length === 0) {
      lead = {text: block.text}
      previous = block.text
      continue
    }
    // A list below a paragraph is that paragraph's: its items are bullets of the same slide.
    const listed: OutlineBlock[] = []
    while (input.blocks[index + 1]?.kind === 'list-item') listed.push(input.blocks[++index]!)
    const items = listed.map((item) => item.text)
    const itemLevels = nesting(listed)
    // One tagging a paragraph serves its title and its bullets: tagging is most of the import's time.
    const doc = nlp(block.text.replace(/^\d{1,2}[.)]\s+/, '').replace(/[\uE000-\uF8FF]\d*[\uE000-\uF8FF]?|\s\[[^\]]*\]/gu, ' '))
    // Spanish (and any language with a shipped model) is tagged by its own model.
    const tags = input.tagWords?.(block.text) ?? wordTags(doc)
    // The topic is read from what the sentences claim: a phrase only an example or an aside uses is not the paragraph's topic.
    const claims = sentences.map((sentence) => essentials(sentence.text, new Words(tags)))
    const title = !hasSections && index >= lastParagraph ? takeTitle(labels.conclusion, used) : topicTitle(claims.join(' '), doc, topicSentences(claims), phraseOptions, used, labels.keyPoints, input.tagWords ? tags : wordTags(doc, {every: true}))
    paragraphTitle = title
    // A quotation with a slide of its own: its sentence's bullet quotes only its start.
    const quotations = findQuotations(block.text)
    const bullets = [
      ...sentences.flatMap((sentence) => toBullets(elideLongQuotations(sentence.text, quotations), parenthetical, tags)),
      // A nested item stays nested under the item above it.
      ...items.flatMap((item, i) => toBullets(item, parenthetical, tags).map((bullet) => ({...bullet, level: Math.min(3, bullet.level + itemLevels[i]! - 1)})))
    ].map((bullet) => ({...bullet, text: render(bullet.text)}))
    chunk(bullets).forEach((slide, n) => {
      push(`## ${escapeMarkdown(n === 0 ? title : `${title} (cont.)`)}\n\n${slide.map(listLine).join('\n')}`, block.start)
      const remarks = [block, ...listed].flatMap((part) => part.comments ?? []).map((comment) => `Comment: ${escapeMarkdown(comment)}`)
      if (n === 0) push(notes([render(block.text), ...items.map((item, i) => listLine({text: render(item), level: itemLevels[i]!})), ...remarks].join('\n\n')), block.start)
      result.slides++
    })
    for (const quote of quotations) {
      quoteSlide(quote, block.text.slice(0, quote.start), citationAfter(block.text, quote), block.start, title)
    }
    // A list ends the paragraph: what follows it is announced by the last item, not by `…are:`.
    previous = items.length > 0 ? items[items.length - 1]! : block.text
  }
  push(`## ${escapeMarkdown(input.referencesTitle ?? labels.references)}\n\n::: {#refs}\n:::`, 'start' in input.bibliography ? input.bibliography.start : 0)
  result.slides++
  for (const [index, segment] of segments.entries()) {
    const lines = segment.text.split('\n').length + (index < segments.length - 1 ? 1 : 0)
    for (let i = 0; i < lines; i++) result.lineOffsets.push(segment.at)
  }
  result.markdown = segments.map((segment) => segment.text).join('\n\n') + '\n'
  return result
}

/** The citation closing the quotation's sentence (`“…” (Hermes, 2001, p. 595)`), or one in the clause before it. */
function citationAfter(text: string, quote: Quotation): string {
  const rest = text.slice(quote.end)
  const end = rest.search(/[.!?](?:\s|$)/)
  const after = (end < 0 ? rest : rest.slice(0, end)).match(PLACEHOLDER)
  if (after) return after.join(' ')
  const before = text.slice(0, quote.start)
  const clause = before.slice(Math.max(0, before.search(/[^.!?]*$/)))
  return clause.match(PLACEHOLDER)?.pop() ?? ''
}
