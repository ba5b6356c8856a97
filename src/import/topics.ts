/**
 * Key phrases for titles: the noun phrases compromise finds, scored by how
 * often their head words recur and whether the topic sentence holds them.
 */
import nlp from 'compromise'
import {articlePhrases, refinePhrase} from './noun-phrase.js'

const MAX_WORDS = 8
const VAGUE = /^(?:it|he|she|they|them|we|us|you|i|this|that|these|those|which|who|one|something|things?|way|time|part|fact|lot|some|many|all|both|each|other|others|example|people)$/i
const PRONOUN_START = /^(?:us|we|them|they|him|he|she|it|you|me|i)\s/i
const DETERMINER = /^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|some|any|many|several|such|each|every)\s+/i

export interface Phrase {
  text: string
  score: number
  /** A name: capitalised inside a sentence, not just at its start. */
  proper?: boolean
  /** One common noun (`pilots`): a title only paired with another. */
  single?: boolean
  /** A single noun two or more of the paragraph's sentences use: it may pair with another (`… and …`, English only). */
  recurs?: boolean
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
  /** The essay's language when not English (`de` reads noun phrases from capitals). */
  language?: string
  /** Tags words of a text in a language compromise does not tag (Spanish). */
  tagWords?: (text: string) => Map<string, string[]>
}

/**
 * Cleaned noun phrases of `text`, best first. A paragraph's topic is what
 * its sentences keep coming back to: a phrase scores by how many of the
 * paragraph's sentences use its words (plurals folded), weighed down a
 * little for words every paragraph uses, and up when the topic sentence
 * holds it. A word used once is incidental (`Bell rings`, `Specific moment`).
 * Two recurring nouns with no phrase joining them pair up (`Phones and schools`).
 */
export function keyPhrases(text: string, options: PhraseOptions = {}): Phrase[] {
  const {lead = '', exclude = new Set<string>(), frequency, nouns, english = true} = options
  // A text of a language compromise does not tag (a quotation, a table's intro) is tagged by that language's tagger.
  const tags = options.tags ?? (english ? undefined : options.tagWords?.(text))
  // Citations, `[WHO]` abbreviations and page references left as written (`(Brooks 595)`) are references, not topics.
  // (A numbered paragraph's number, `3. The strongest evidence…`, is not part of its first phrase.)
  const clean = text.replace(/^\d{1,2}[.)]\s+/, '').replace(/[\uE000-\uF8FF]\d*[\uE000-\uF8FF]?|\s\[[^\]]*\]|\([^()]*\d[^()]*\)/gu, ' ')
  const spread = new Map<string, number>()
  for (const sentence of clean.split(/(?<=[.!?…])\s+/u)) for (const word of new Set(contentWords(sentence))) spread.set(word, (spread.get(word) ?? 0) + 1)
  // A word every paragraph uses (the essay's subject) tells slides apart less, but still names the topic.
  const rarity = (word: string) => (frequency ? 1 / (1 + (frequency.counts.get(word) ?? 0) / Math.max(1, frequency.paragraphs)) : 1)
  const weight = (word: string) => (spread.get(word) ?? 0) * rarity(word)
  const subject = subjectsOf(lead, english ? tags : undefined)
  const seen = new Map<string, Phrase>()
  const candidates = english ? joinedPhrases(nouns ?? (nlp(clean).nouns().out('array') as string[]), clean) : articlePhrases(clean, tags, options.language)
  const tagsOf = (word: string) => tags?.get(word.toLowerCase().replace(/[’']s$|[^\p{L}\p{N}]/gu, '')) ?? []
  for (const raw of candidates) {
    const tidied = tidy(raw)
    // `each queen founds`, `a translator faces`: a singular determiner before a plural means the plural is a verb.
    if (english && /^(?:a|an|each|every|one|this|that)\s+\S+\s+\p{Ll}+[^s’'\s]s[,.;:]?$/iu.test(raw.trim())) continue
    const refined = refinePhrase(tidied, english ? tags : undefined, {capitalisedNouns: options.language === 'de'})
    // One common noun may still pair with another (`Pilots and productivity`); a lone name never.
    const lone = tidied.replace(LEADING_VAGUE, '')
    const noun = !tags || !english || (tagsOf(lone).includes('Noun') && !tagsOf(lone).some((tag) => tag === 'Adjective' || tag === 'Verb'))
    const single = !refined && /^\p{Ll}[\p{L}-]{3,}$/u.test(lone) && noun ? lone : undefined
    const phrase = refined ?? single ?? ''
    const words = phrase.split(/\s+/)
    if (!phrase || words.length > 5 || VAGUE.test(phrase) || !/\p{L}{2}/u.test(phrase) || MONTH.test(phrase)) continue
    // `us less about medicine` (from `tell us less about medicine`): an object pronoun opens a verb's complement, not a noun phrase.
    if (PRONOUN_START.test(phrase)) continue
    if (/^\d/.test(phrase) || words.every((word) => exclude.has(word.toLowerCase().replace(/[’']s$/, '')))) continue
    if ([...exclude].some((name) => name.includes(' ') && name.includes(phrase.toLowerCase()))) continue
    // `the Chinese researcher He Jiankui`: a label before a person's name names the person, not the topic.
    if (/^\p{Ll}/u.test(phrase.split(/\s+/).pop()!) && new RegExp(String.raw`${escapeRegExp(phrase)}\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(?![\p{L}])`, 'u').test(clean)) continue
    const weights = contentWords(phrase)
    const recurrence = weights.reduce((sum, word) => sum + weight(word), 0) / Math.max(1, weights.length)
    const capital = /^\p{Lu}/u.test(phrase) ? 0.3 : 0
    const inLead = lead.includes(raw.trim()) ? 0.8 : 0
    // The topic sentence's subject names what the paragraph is about (`The scale of the losses is…`).
    const isSubject = subject.includes(tidied.toLowerCase()) ? 0.8 : 0
    const score = recurrence + capital + inLead + isSubject + Math.min(words.length, 3) * 0.3
    const key = phrase.toLowerCase()
    const proper = /^\p{Lu}/u.test(phrase) && new RegExp(String.raw`[\p{Ll}\d,;]\s+${escapeRegExp(phrase)}`, 'u').test(clean)
    if (!seen.has(key) || seen.get(key)!.score < score) seen.set(key, {text: phrase, score, proper, ...(single ? {single: true, recurs: english && (spread.get(stem(key)) ?? 0) >= 2} : {})})
  }
  return [...seen.values()].sort((a, b) => b.score - a.score)
}

// Words opening a lead-in clause or phrase before a sentence's subject (`When most people hear…, they`).
const LEAD_IN = /^(?:if|when|whenever|while|although|though|because|since|as|after|before|once|until|unless|from|in|on|at|by|during|for|with|within|between|among|despite|according|rereading|cuando|si|aunque|porque|como|en|desde|durante|tras|según|para)\b/i

// A claim reported with one of these (`I will argue that the real monster…`) has a subject of its own.
const REPORTED = /\b(?:argue|argues|argued|show|shows|showed|suggest|suggests|claim|claims|conclude|concludes|find|finds|found|defiendo|sostiene|muestra)\s+(?:that|que)\s+/i

/**
 * The subjects of the topic sentences, lower-cased: for each, the words of
 * its main clause before the verb (`The scale of the losses` is…), and of a
 * reported claim's (`…argue that the real monster of the novel is…`).
 * Without tags (a language compromise does not tag), the clause's first seven words.
 */
function subjectsOf(lead: string, tags?: Map<string, string[]>): string {
  const subjects: string[] = []
  for (const sentence of lead.split(/(?<=[.!?…])\s+/u)) {
    let main = sentence.replace(/[\uE000-\uF8FF]\d*[\uE000-\uF8FF]?/gu, ' ').trim()
    while (LEAD_IN.test(main) && main.includes(', ')) main = main.slice(main.indexOf(', ') + 2)
    const claim = REPORTED.exec(main)
    for (const clause of [main, ...(claim ? [main.slice(claim.index + claim[0].length)] : [])]) {
      const words = clause.split(/\s+/)
      const verb = tags ? words.findIndex((word, i) => i > 0 && isVerb(tags.get(word.toLowerCase().replace(/[^\p{L}’']/gu, '')) ?? [])) : -1
      subjects.push(words.slice(0, verb > 0 ? verb : 7).join(' ').toLowerCase())
    }
  }
  return subjects.join(' | ')
}

function isVerb(tags: string[]): boolean {
  return tags.includes('Verb') && !tags.some((tag) => tag === 'Noun' || tag === 'Adjective' || tag === 'Gerund' || tag === 'Participle')
}

/**
 * compromise's noun phrases, and each two of them the text joins with a
 * preposition (`confidence` + `vaccines` → `confidence in vaccines`): the
 * joined phrase often names a paragraph's topic better than either half.
 */
function joinedPhrases(nouns: string[], text: string): string[] {
  const joined: string[] = []
  for (let i = 0; i + 1 < nouns.length; i++) {
    const a = nouns[i]!.trim()
    const b = nouns[i + 1]!.trim()
    if (/[,;:.]$/.test(a)) continue
    const found = new RegExp(String.raw`${escapeRegExp(a)}\s+(?:of|in|for|against|on|about|between|among|from|with)\s+${escapeRegExp(b)}(?!\s+of\s)`, 'u').exec(text)
    // (`Embankments on top` of the sewer: a second noun with its own `of` after it would be cut mid-phrase.)
    if (found) joined.push(found[0])
  }
  return [...nouns, ...joined]
}

/** Lower-case words of four letters or more, plurals folded (`phones` → `phone`), for frequencies. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).map(stem)
}

/** A plural's singular, roughly and in English or Spanish: enough to tell that two words are one. */
function stem(word: string): string {
  return word.replace(/(?<=\p{L}{3})(?:ies)$/u, 'y').replace(/(?<=\p{L}{3}(?:ss|sh|ch|x|z|ón|or|al|ad|es))es$/u, '').replace(/(?<=\p{L}{3}[^s])s$/u, '')
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
    .replace(/^(?:(?:of|in|on|at|by|and|or|against|with|for|from|to|into|about|over|under|during|after|before|between|through|beyond|within|without|across|toward|towards|among|upon|around|behind|near|despite)\s+)+/i, '')
    .replace(DETERMINER, '')
    .replace(/[’']s?$/u, '')
    .replace(/\s+(?:most|more|less|least|too|also|only|even|again|all|today|now|then|here|there|anyway|ago|himself|herself|itself|themselves)$/i, '')
    .trim()
}

/**
 * A slide title of at most eight words, distinct from those in `used`: the
 * best phrase when it has two words or more, else the two best joined.
 */
export function slideTitle(phrases: Phrase[], used: Set<string>, fallback: string): string {
  const top = phrases.slice(0, 5)
  const options: Array<{text: string; score: number}> = []
  const overlaps = (a: string, b: string) => a.includes(b) || b.includes(a)
  // Names alone never make a title; nor do two nouns paired at random: both recur in the paragraph.
  const pairable = (phrase: Phrase) => phrase.single === true && phrase.recurs === true
  // A phrase of two words or more may rank below single nouns that pair with nothing (`insecticides`, `plant`): it is still a title.
  for (const phrase of phrases.slice(0, 12)) if (phrase.text.split(/\s+/).length > 1) options.push(phrase)
  for (let i = 0; i < top.length; i++) {
    const a = top[i]!
    for (let j = i + 1; j < top.length; j++) {
      const b = top[j]!
      // A pair says less than a phrase the essay wrote: it ranks a little below its members.
      if (pairable(a) && pairable(b) && !overlaps(stemOf(a.text), stemOf(b.text))) options.push({text: `${a.text} and ${b.text}`, score: (a.score + b.score) / 2 - 0.8})
    }
  }
  options.sort((a, b) => b.score - a.score)
  // A longer phrase is skipped, never cut (`…on conversation in the exam`).
  for (const option of [...options.map((candidate) => candidate.text).filter((text) => text.split(/\s+/).length <= MAX_WORDS), fallback]) {
    const title = capitalize(option)
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
  const named = namedSubject(body, referenceTitles)
  if (named) return named
  const phrases = keyPhrases(`${body}\n${referenceTitles.join('. ')}`).filter((phrase) => phrase.text.split(/\s+/).length > 1)
  const best = phrases[0]
  return best ? capitalize(best.text) : undefined
}

/**
 * A name the essay and its sources share (`Cuban Missile Crisis` in the body
 * and in two or more reference titles): what the essay is about, better than
 * any common noun phrase. Never a person's name.
 */
function namedSubject(body: string, referenceTitles: string[]): string | undefined {
  let best: {name: string; count: number} | undefined
  for (const match of body.matchAll(/(?<=[\p{Ll},;]\s+(?:the\s+)?)\p{Lu}[\p{L}’'-]+(?:\s+(?:of\s+)?\p{Lu}[\p{L}’'-]+)+/gu)) {
    const name = match[0]
    const count = referenceTitles.filter((title) => title.toLowerCase().includes(name.toLowerCase())).length
    if (count >= 2 && (!best || count > best.count) && !(nlp(name).people().found as boolean)) best = {name, count}
  }
  return best?.name
}

function stemOf(text: string): string {
  return contentWords(text).join(' ') || text.toLowerCase()
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
