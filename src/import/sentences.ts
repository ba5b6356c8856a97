/**
 * Sentence splitting with compromise, corrected where essays trip it: initials
 * (`J. F. Kennedy`), abbreviations (`U.S.`, `e.g.`), and a quotation that ends
 * a sentence (`… expansion.” Then`).
 */
// The tokenizer alone: sentence bounds need no part-of-speech tagging, which costs twenty times more.
import nlp from 'compromise/tokenize'

export interface Sentence {
  text: string
  /** Offset in the paragraph text. */
  start: number
}

// A sentence may not end on these: the full stop belongs to an abbreviation.
const ABBREVIATION_END = /(?:^|[\s(])(?:\p{Lu}|(?:\p{Lu}\.)+\p{Lu}|e\.g|i\.e|etc|vs|cf|pp?|Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|No|Vol|ed|Gen|Sen|Rev|Col|Lt|Capt|Gov|Pres)\.$/u
const QUOTE_END = /[.!?][”’]\s+(?=[“‘]?\p{Lu})/gu
const PAREN_END = /[)\]][.!?]\s+(?=[«“‘(¿¡]?\p{Lu})|[.!?][”’]?(?:\uE000\d+\uE001)+\s+(?=[«“‘(¿¡]?\p{Lu})/gu

// A quotation longer than this is no longer read as one sentence (a closing mark is missing).
const MAX_QUOTED_WORDS = 120

function openQuote(text: string): boolean {
  return (text.match(/“/g) ?? []).length > (text.match(/”/g) ?? []).length
}

export function splitSentences(original: string): Sentence[] {
  // A citation placeholder opening a sentence hides the sentence start from compromise: show it a capitalised word of the same length.
  const text = original.replace(/\uE000\d+\uE001/g, (match) => 'C' + 'x'.repeat(match.length - 1))
  const raw: Sentence[] = []
  for (const sentence of nlp.tokenize(text).json({offset: true}) as Array<{offset: {start: number; length: number}}>) {
    const {start, length} = sentence.offset
    // compromise does not split after a closing quotation mark.
    let from = start
    for (const match of text.slice(start, start + length).matchAll(QUOTE_END)) {
      const cut = start + match.index + 2
      raw.push({text: text.slice(from, cut), start: from})
      from = start + match.index + match[0].length
    }
    raw.push({text: text.slice(from, start + length), start: from})
  }
  const merged: Sentence[] = []
  for (const sentence of raw) {
    const previous = merged[merged.length - 1]
    // A quotation of several sentences (`“I’ve got out at last. And I’ve pulled off…”`) is one sentence of the essay.
    // So is a citation left alone after a quotation's closing mark (`…put me back!” (Gilman 656).`).
    const citationOnly = /^(?:\uE000\d+\uE001\s*)+[.!?]?$/u.test(original.slice(sentence.start, sentence.start + sentence.text.length).trim())
    const quoting = previous && (citationOnly || openQuote(previous.text)) && previous.text.split(/\s+/).length + sentence.text.split(/\s+/).length <= MAX_QUOTED_WORDS && previous.text.split(/\s+/).length + sentence.text.split(/\s+/).length <= MAX_QUOTED_WORDS
    if (previous && (ABBREVIATION_END.test(previous.text.trimEnd()) || /^[\p{Ll}\d]/u.test(sentence.text) || quoting)) {
      previous.text = text.slice(previous.start, sentence.start + sentence.text.length)
    } else if (sentence.text.trim()) {
      merged.push({...sentence})
    }
  }
  // A citation closing a sentence (`… (p. 12). Then`, `… sewers.¹ Then`) hides the sentence end from compromise.
  const split = merged.flatMap((sentence) => {
    const pieces: Sentence[] = []
    let from = 0
    // (A note mark after the full stop, `sewers.¹ Historians`, ends the sentence after the mark.)
    for (const match of original.slice(sentence.start, sentence.start + sentence.text.length).matchAll(PAREN_END)) {
      const cut = match.index + match[0].trimEnd().length
      pieces.push({text: sentence.text.slice(from, cut), start: sentence.start + from})
      from = match.index + match[0].length
    }
    pieces.push({text: sentence.text.slice(from), start: sentence.start + from})
    return pieces
  })
  return split.map((sentence) => {
    const lead = sentence.text.length - sentence.text.trimStart().length
    let start = sentence.start + lead
    // compromise leaves an opening mark before a sentence's first word out of it (`“The Yellow Wallpaper” does not…`).
    while (start > 0 && /[“‘«„(¿¡]/u.test(original[start - 1]!) && (start === 1 || /\s/.test(original[start - 2]!))) start--
    return {text: original.slice(start, start + sentence.text.trim().length), start}
  })
}
