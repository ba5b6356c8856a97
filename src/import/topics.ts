/**
 * Key phrases for titles: the noun phrases compromise finds, scored by how
 * often their head words recur and whether the topic sentence holds them.
 */
import nlp from 'compromise'

const MAX_WORDS = 8
const VAGUE = /^(?:it|he|she|they|them|we|us|you|i|this|that|these|those|which|who|one|something|things?|way|time|part|fact|lot|some|many|all|each|other|others|example|people)$/i
const DETERMINER = /^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|some|any|many|several|such|each|every)\s+/i

export interface Phrase {
  text: string
  score: number
}

/** Cleaned noun phrases of `text`, best first; `lead` is the topic sentence, weighted up. */
export function keyPhrases(text: string, lead = ''): Phrase[] {
  const clean = text.replace(/[\uE000-\uF8FF]\d*[\uE000-\uF8FF]?/gu, ' ')
  const counts = new Map<string, number>()
  for (const word of clean.toLowerCase().match(/\p{L}{4,}/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1)
  const seen = new Map<string, Phrase>()
  for (const raw of nlp(clean).nouns().out('array') as string[]) {
    const phrase = tidy(raw)
    const words = phrase.split(/\s+/)
    if (!phrase || words.length > 5 || VAGUE.test(phrase) || /^\d+$/.test(phrase)) continue
    const recurrence = words.reduce((sum, word) => sum + (counts.get(word.toLowerCase()) ?? 0), 0) / words.length
    const proper = /^\p{Lu}/u.test(phrase) ? 0.5 : 0
    const inLead = lead.includes(raw.trim()) ? 1 : 0
    const score = recurrence + proper + inLead + Math.min(words.length, 3) * 0.3
    const key = phrase.toLowerCase()
    if (!seen.has(key) || seen.get(key)!.score < score) seen.set(key, {text: phrase, score})
  }
  return [...seen.values()].sort((a, b) => b.score - a.score)
}

/** A noun phrase without determiners, possessive marks, brackets or trailing punctuation. */
function tidy(raw: string): string {
  return raw
    .replace(/[()[\]“”"‘]|[,;:.!?]+$/gu, '')
    .replace(/\b\d{4}\s+(?=\p{L})/gu, '')
    .replace(DETERMINER, '')
    .replace(/[’']s?$/u, '')
    .trim()
}

/** A slide title of at most eight words, distinct from those in `used`. */
export function slideTitle(phrases: Phrase[], used: Set<string>, fallback: string): string {
  const candidates = phrases.slice(0, 6)
  const options: string[] = []
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const [a, b] = [candidates[i]!.text, candidates[j]!.text]
      if (!a.toLowerCase().includes(b.toLowerCase()) && !b.toLowerCase().includes(a.toLowerCase())) options.push(`${a} and ${b}`)
    }
    options.push(candidates[i]!.text)
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

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
