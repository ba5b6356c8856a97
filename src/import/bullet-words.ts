/**
 * What the bullet stages ask of a sentence's words: their part-of-speech
 * tags (from compromise, tagged once a paragraph) and small text helpers
 * that count and trim words around citation placeholders.
 */
import type nlp from 'compromise'
import {PREPOSITION, RELATIVE} from './clause-words.js'

/** A citation placeholder: private-use marks around its number. */
export const PLACEHOLDER = /\uE000(\d+)\uE001/g
// A clause shorter than this says too little to be a bullet of its own.
export const MIN_WORDS = 5

export type Tags = Map<string, string[]>

/**
 * The tags of each word of a compromise document, by lower-case word: the
 * first use's, or with `every`, those of all its uses (`novel` is a noun
 * somewhere in the paragraph even where compromise reads an adjective).
 */
export function wordTags(doc: ReturnType<typeof nlp>, {every = false} = {}): Tags {
  const tags: Tags = new Map()
  for (const term of doc.docs.flat()) {
    const word = bare(term.text)
    if (!word) continue
    if (!tags.has(word)) tags.set(word, [...(term.tags ?? [])])
    else if (every) tags.set(word, [...new Set([...tags.get(word)!, ...(term.tags ?? [])])])
  }
  return tags
}

/** Grammatical questions about a sentence's words, answered from the paragraph's tags. */
export class Words {
  constructor(private readonly tags: Tags) {}

  /**
   * A phrase without a finite verb: an appositive (`a biologist who…` aside), a participle or prepositional phrase;
   * with `participle`, also one opening with a word the caller knows is a past participle.
   */
  isPhrase(text: string, {participle = false} = {}): boolean {
    const words = text.split(/\s+/)
    const first = bare(words[0] ?? '')
    if (this.has(first, 'Participle') || this.has(first, 'Gerund') || PREPOSITION.has(first) || this.has(first, 'Determiner') || participle) {
      // `a biologist who had worked for the Service`: the verbs of a relative clause inside do not count.
      const relative = words.findIndex((word, i) => i > 0 && RELATIVE.test(`${word} `))
      return !words.slice(1, relative < 0 ? undefined : relative).some((word) => this.isFinite(word))
    }
    return false
  }

  hasOwnSubject(text: string): boolean {
    if (/^that\s+(?:is|was|has|had|means|meant|makes|made|would|will|can|could|may|might|seems|seemed)\s/i.test(text)) return true
    // `after the war it was sprayed…`, `on current trends such a week is…`: a short phrase of time or place before the subject.
    const framed = /^(?:after|before|during|since|in|on|at|by|within|for)\s+(?:\S+\s+){1,3}?(?=(?:he|she|it|they|we|i|this|these|those|there|the|a|an|such|his|her|their|its|our)\s)/i.exec(text)
    if (framed) return this.hasVerb(text.slice(framed[0].length))
    const first = bare(text.split(/\s+/)[0] ?? '')
    return !this.has(first, 'Verb') && !PREPOSITION.has(first) && !/^(?:to|that|which|who|whom|whose|if|whether)$/.test(first) && this.hasVerb(text)
  }

  hasVerb(text: string): boolean {
    return text.replace(PLACEHOLDER, ' ').split(/\s+/).some((word) => this.isFinite(word) || this.has(bare(word), 'Verb'))
  }

  isFinite(word: string): boolean {
    const tags = this.tags.get(bare(word)) ?? []
    return tags.includes('Verb') && !tags.includes('Participle') && !tags.includes('Gerund') && !tags.includes('Infinitive')
  }

  has(word: string, tag: string): boolean {
    return (this.tags.get(bare(word)) ?? []).includes(tag)
  }
}

export function wordCount(text: string): number {
  return text.replace(PLACEHOLDER, ' ').split(/\s+/).filter(Boolean).length
}

export function bare(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase()
}

export function firstWord(text: string): string {
  return bare(text.trim().split(/\s+/)[0] ?? '')
}

export function lastWord(text: string): string {
  const words = text.replace(PLACEHOLDER, ' ').trim().split(/\s+/)
  return bare(words[words.length - 1] ?? '')
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function insideQuote(text: string): boolean {
  return (text.match(/“/g) ?? []).length > (text.match(/”/g) ?? []).length
}
