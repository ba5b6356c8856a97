/**
 * Key phrases for titles: the noun phrases compromise finds, scored by how
 * often their head words recur and whether the topic sentence holds them.
 */
import nlp from 'compromise'
import {articlePhrases, refinePhrase} from './noun-phrase.js'

const MAX_WORDS = 8
const VAGUE = /^(?:it|he|she|they|them|we|us|you|i|this|that|these|those|which|who|one|something|things?|way|time|part|fact|lot|some|many|all|each|other|others|example|people)$/i
const DETERMINER = /^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|some|any|many|several|such|each|every)\s+/i

export interface Phrase {
  text: string
  score: number
  /** A name: capitalised inside a sentence, not just at its start. */
  proper?: boolean
  /** One common noun (`pilots`): a title only paired with another. */
  single?: boolean
}

export interface PhraseOptions {
  /** The topic sentence: its phrases weigh more. */
  lead?: string
  /** Folded names never used as a title on their own (cited authors: `roskin`). */
  exclude?: Set<string>
  /** Noun phrases already found in `text` (saves tagging it again). */
  nouns?: string[]
  /** How many of the essay's paragraphs use a word, and how many there are: common words say less. */
  frequency?: {counts: Map<string, number>; paragraphs: number}
  /** The essay is in English (compromise tags it); otherwise noun phrases come from articles. Default true. */
  english?: boolean
  /** Part-of-speech tags of the text's words (by lower-case word), to tell a noun phrase from a fragment. */
  tags?: Map<string, string[]>
}

/** Cleaned noun phrases of `text`, best first. */
export function keyPhrases(text: string, options: PhraseOptions = {}): Phrase[] {
  const {lead = '', exclude = new Set<string>(), frequency, nouns, tags, english = true} = options
  // Citations, `[WHO]` abbreviations and page references left as written (`(Brooks 595)`) are references, not topics.
  const clean = text.replace(/[\uE000-\uF8FF]\d*[\uE000-\uF8FF]?|\s\[[^\]]*\]|\([^()]*\d[^()]*\)/gu, ' ')
  const counts = new Map<string, number>()
  for (const word of contentWords(clean)) counts.set(word, (counts.get(word) ?? 0) + 1)
  // Inverse paragraph frequency: a word in every paragraph (the essay's subject) tells slides apart least.
  const rarity = (word: string) => (frequency ? Math.log((frequency.paragraphs + 1) / ((frequency.counts.get(word) ?? 0) + 0.5)) + 0.5 : 1)
  const seen = new Map<string, Phrase>()
  const candidates = english ? (nouns ?? (nlp(clean).nouns().out('array') as string[])) : articlePhrases(clean)
  for (const raw of candidates) {
    const tidied = tidy(raw)
    const refined = refinePhrase(tidied, english ? tags : undefined)
    // One common noun may still pair with another (`Pilots and productivity`); a lone name never.
    const single = !refined && /^\p{Ll}[\p{L}-]{3,}$/u.test(tidied.replace(LEADING_VAGUE, '')) ? tidied.replace(LEADING_VAGUE, '') : undefined
    const phrase = refined ?? single ?? ''
    const words = phrase.split(/\s+/)
    if (!phrase || words.length > 5 || VAGUE.test(phrase) || !/\p{L}{2}/u.test(phrase) || MONTH.test(phrase)) continue
    if (/^\d/.test(phrase) || words.every((word) => exclude.has(word.toLowerCase().replace(/[’']s$/, '')))) continue
    if ([...exclude].some((name) => name.includes(' ') && name.includes(phrase.toLowerCase()))) continue
    const weights = words.map((word) => word.toLowerCase()).filter((word) => word.length >= 4)
    const recurrence = weights.reduce((sum, word) => sum + (counts.get(word) ?? 0) * rarity(word), 0) / Math.max(1, weights.length)
    const capital = /^\p{Lu}/u.test(phrase) ? 0.3 : 0
    const inLead = lead.includes(raw.trim()) ? 0.8 : 0
    const score = recurrence + capital + inLead + Math.min(words.length, 3) * 0.4
    const key = phrase.toLowerCase()
    const proper = /^\p{Lu}/u.test(phrase) && new RegExp(String.raw`[\p{Ll}\d,;]\s+${escapeRegExp(phrase)}`, 'u').test(clean)
    if (!seen.has(key) || seen.get(key)!.score < score) seen.set(key, {text: phrase, score, proper, ...(single ? {single: true} : {})})
  }
  return [...seen.values()].sort((a, b) => b.score - a.score)
}

/** Lower-case words of four letters or more, for frequencies. */
export function contentWords(text: string): string[] {
  return text.toLowerCase().match(/\p{L}{4,}/gu) ?? []
}

const LEADING_VAGUE = /^(?:same|other|whole|such|certain|various|own|main|many|few|several|all|both|most|some|more|new)\s+/i
const MONTH = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d+)?$/i

/** A noun phrase without determiners, possessive marks, brackets or stray punctuation at either end. */
function tidy(raw: string): string {
  return raw
    .replace(/[()[\]“”"‘…]/gu, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}’']+$/gu, '')
    .replace(/\b\d{4}\s+(?=\p{L})/gu, '')
    .replace(DETERMINER, '')
    .replace(/^(?:(?:of|in|on|at|by|and|or|against|with|for|from|to|into|about|over|under|during|after|before|between|through)\s+)+/i, '')
    .replace(DETERMINER, '')
    .replace(/[’']s?$/u, '')
    .replace(/\s+(?:most|more|less|least|too|also|only|even|again|all)$/i, '')
    .trim()
}

/**
 * A slide title of at most eight words, distinct from those in `used`: the
 * best phrase when it has two words or more, else the two best joined.
 */
export function slideTitle(phrases: Phrase[], used: Set<string>, fallback: string): string {
  const top = phrases.slice(0, 5)
  const options: string[] = []
  const overlaps = (a: string, b: string) => a.toLowerCase().includes(b.toLowerCase()) || b.toLowerCase().includes(a.toLowerCase())
  // Names alone never make a title; nor do two nouns paired at random.
  const pairable = (phrase: Phrase) => phrase.single === true && phrase.proper === true
  for (let i = 0; i < top.length; i++) {
    const a = top[i]!
    if (a.text.split(/\s+/).length > 1) options.push(a.text)
    for (let j = i + 1; j < Math.min(top.length, 3); j++) {
      const b = top[j]!
      if (pairable(a) && pairable(b) && !overlaps(a.text, b.text) && `${a.text} ${b.text}`.split(/\s+/).length <= MAX_WORDS - 1) options.push(`${a.text} and ${b.text}`)
    }
  }
  options.push(fallback)
  for (const option of options) {
    const title = capitalize(option.split(/\s+/).slice(0, MAX_WORDS).join(' '))
    if (!used.has(title.toLowerCase())) {
      used.add(title.toLowerCase())
      return title
    }
  }
  let n = 2
  while (used.has(`${fallback} ${n}`.toLowerCase())) n++
  used.add(`${fallback} ${n}`.toLowerCase())
  return `${fallback} ${n}`
}

/** The essay's topic when it has no title line: the best phrase over the body and the reference titles. */
export function essayTopic(body: string, referenceTitles: string[]): string | undefined {
  const phrases = keyPhrases(`${body}\n${referenceTitles.join('. ')}`).filter((phrase) => phrase.text.split(/\s+/).length > 1)
  const best = phrases[0]
  return best ? capitalize(best.text) : undefined
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
