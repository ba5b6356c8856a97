/**
 * Writes the outline deck: front matter, one slide (or two) a paragraph with
 * condensed bullets and the whole paragraph as speaker notes, quote slides for
 * quotations, and a references slide.
 */
import {PLACEHOLDER, condense} from './bullets.js'
import {escapeMarkdown} from './escape.js'
import {type Quotation, findQuotations, speakerIn} from './quotes.js'
import {splitSentences} from './sentences.js'
import type {Header} from './structure.js'
import {keyPhrases, slideTitle} from './topics.js'

export interface OutlineBlock {
  kind: 'paragraph' | 'quote' | 'heading'
  /** Text with citation placeholders. */
  text: string
}

export interface OutlineInput {
  header: Header
  blocks: OutlineBlock[]
  /** Pandoc text of each citation placeholder. */
  cites: string[]
  /** Cited author names, never taken for the speaker of a quotation. */
  citedNames: string[]
}

export interface OutlineResult {
  markdown: string
  /** Sentences as rendered into the notes, for the fidelity check. */
  sentences: string[]
  quotes: number
  slides: number
  /** Blocks whose quotation is cut off (no closing mark or final punctuation). */
  cutOff: number[]
}

const MAX_BULLETS = 6

export function writeOutline(input: OutlineInput): OutlineResult {
  const render = (text: string) => escapeMarkdown(text).replace(PLACEHOLDER, (_, i: string) => input.cites[Number(i)]!)
  const used = new Set<string>()
  const out: string[] = [frontMatter(input.header)]
  const result: OutlineResult = {markdown: '', sentences: [], quotes: 0, slides: 0, cutOff: []}
  let previous = ''

  const quoteSlide = (quote: string, context: string, citation: string, index: number, complete: boolean) => {
    const speaker = speakerIn(context, input.citedNames) ?? ''
    const topic = keyPhrases(quote)[0]?.text ?? 'the quotation'
    const title = slideTitle([{text: speaker ? `${speaker} on ${topic}` : `In their words: ${topic}`, score: 1}], used, 'Quotation')
    if (!complete) result.cutOff.push(index)
    const body = `${quote}${complete ? '' : ' […]'}`
    const attribution = [speaker, citation].filter(Boolean).join(' ')
    out.push(`## ${escapeMarkdown(title)}\n\n> ${render(body)}${attribution ? `\n>\n> — ${render(attribution)}` : ''}`)
    result.quotes++
    result.slides++
  }

  input.blocks.forEach((block, index) => {
    if (block.kind === 'heading') {
      out.push(`# ${render(block.text)}`)
      result.slides++
      return
    }
    const sentences = splitSentences(block.text)
    result.sentences.push(...sentences.map((sentence) => render(sentence.text)))
    // A paragraph right after `…stating:` is the quotation it announces.
    if (block.kind === 'quote' || previous.trimEnd().endsWith(':')) {
      const trailing = block.text.match(PLACEHOLDER)?.join(' ') ?? ''
      const quote = block.text.replace(PLACEHOLDER, '').trim().replace(/^“|”$/g, '')
      const complete = /[.!?…”"]$/.test(quote) && !/^“[^”]*$/.test(block.text.trim())
      quoteSlide(quote, previous, trailing, index, complete)
      out.push(notes(render(block.text)))
      previous = block.text
      return
    }
    // Quoted words are someone else's phrasing, not the paragraph's topic.
    const own = block.text.replace(/“[^”]*(?:”|$)/g, ' ')
    const title = slideTitle(keyPhrases(own, sentences[0]?.text), used, 'Key points')
    const bullets = sentences.map((sentence) => render(condense(sentence.text)))
    const chunks = chunk(bullets)
    chunks.forEach((items, n) => {
      out.push(`## ${escapeMarkdown(n === 0 ? title : `${title} (cont.)`)}\n\n${items.map((item) => `- ${item}`).join('\n')}`)
      if (n === 0) out.push(notes(render(block.text)))
      result.slides++
    })
    for (const quote of findQuotations(block.text)) {
      quoteSlide(quote.text, block.text.slice(0, quote.start), citationAfter(block.text, quote), index, quote.closed)
    }
    previous = block.text
  })
  out.push('## References\n\n::: {#refs}\n:::')
  result.slides++
  result.markdown = out.join('\n\n') + '\n'
  return result
}

/** The citation closing the quotation's sentence (`“…” (Hermes, 2001, p. 595)`). */
function citationAfter(text: string, quote: Quotation): string {
  const rest = text.slice(quote.end)
  const end = rest.search(/[.!?](?:\s|$)/)
  return (end < 0 ? rest : rest.slice(0, end)).match(PLACEHOLDER)?.join(' ') ?? ''
}

/** Splits bullets into slides of at most six, evenly (7 → 4 + 3). */
function chunk(bullets: string[]): string[][] {
  const count = Math.max(1, Math.ceil(bullets.length / MAX_BULLETS))
  const size = Math.ceil(bullets.length / count)
  return Array.from({length: count}, (_, i) => bullets.slice(i * size, (i + 1) * size))
}

function notes(text: string): string {
  return `::: notes\n${text}\n:::`
}

function frontMatter(header: Header): string {
  const lines = ['---']
  for (const field of ['title', 'author', 'date'] as const) {
    if (header[field]) lines.push(`${field}: ${JSON.stringify(header[field])}`)
  }
  lines.push('bibliography: references.json', '---')
  return lines.join('\n')
}
