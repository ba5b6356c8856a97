/**
 * Turns a sentence into bullets that keep its meaning. A short sentence
 * stays whole. A long one is shortened (`shorten.ts`: asides, examples,
 * inserts, lead-ins and trailing phrases go, never a part holding a marker
 * of contrast, condition, negation, limitation or attribution such as
 * `but`, `only if`, `until`, `not`, `although`, `critics argue`). Still too
 * long, it is cut into its clauses (`clauses.ts`). Nothing is ever cut off
 * mid-phrase.
 *
 * Citations are placeholders here (see `index.ts`): a citation inside a part
 * that goes goes with it; those closing the sentence stay on every bullet
 * made from it. The speaker notes keep the full text.
 */
import nlp from 'compromise'
import {CONNECTIVE} from './clause-words.js'
import {PLACEHOLDER, type Tags, Words, capitalise, wordCount, wordTags} from './bullet-words.js'
import {clauses, subordinate} from './clauses.js'
import {TARGET, reduce} from './shorten.js'

// A bullet up to this long is short enough once shortened.
const LIMIT = 25

/** A bullet, and its level: 2 for the subordinate part of a long sentence, under the bullet before it. */
export interface Bullet {
  text: string
  level: number
}

/**
 * The bullets for `sentence` (with citation placeholders); `parenthetical`
 * tells which placeholders are tags to repeat on each bullet (a narrative
 * `@key` is part of the sentence); `tags` come from tagging the paragraph.
 */
export function toBullets(sentence: string, parenthetical: (placeholder: string) => boolean = () => true, tags?: Tags): Bullet[] {
  const words = new Words(tags ?? wordTags(nlp(sentence.replace(PLACEHOLDER, ' '))))
  const whole = tidy(sentence)
  // Citations closing the sentence stand for all of it: every bullet made from it keeps them.
  const tail = /(?:\s*\uE000\d+\uE001)+$/u.exec(whole)?.[0] ?? ''
  const core = whole.slice(0, whole.length - tail.length)
  const closing = (tail.match(PLACEHOLDER) ?? []).filter(parenthetical)
  // A clause with a citation of its own keeps that one, not the sentence's closing ones (`…concreto (AEB, s.f.), y los efectos… (De Bruin…)`).
  const done = (text: string, level = 1): Bullet => ({text: level === 1 && !/\uE000\d+\uE001\s*$/u.test(text.trim()) ? finish(text, closing) : finish(text, [], level === 1), level})
  if (wordCount(core) <= TARGET) return [done(core)]
  const reduced = reduce(core, words)
  if (wordCount(reduced) <= LIMIT) return [done(reduced)]
  return clauses(reduced, words).flatMap((clause) => {
    if (clause.level > 1) return [done(reduce(clause.text, words, false), clause.level)]
    const short = reduce(clause.text, words)
    const parts = wordCount(short) > LIMIT ? subordinate(short, words) : undefined
    return parts ? [done(reduce(parts[0], words)), done(reduce(parts[1], words, false), 2)] : [done(short)]
  })
}

/** Drops a linking opener (`Furthermore,`) and the final full stop or colon. */
function tidy(sentence: string): string {
  const text = sentence
    .trim()
    // `3. The strongest evidence…`: a numbered paragraph's number is not part of its point.
    .replace(/^\d{1,2}[.)]\s+(?=\p{Lu})/u, '')
    .replace(CONNECTIVE, '')
    .replace(/\s+(?:stating|saying|writing|declaring|noting|explaining|as follows)?\s*:$/i, '')
    .replace(/[.;:]$|[.;:](?=\s*(?:\uE000\d+\uE001\s*)+$)/u, '')
  return capitalise(text)
}

/** Closes the bullet: trailing punctuation off, closing citations back on, capitalised (a subordinate part is not). */
function finish(text: string, citations: string[], capital = true): string {
  let result = text.trim().replace(/[,;:]$|,(?=[”"]$)/, '')
  const opened = (result.match(/“/g) ?? []).length - (result.match(/”/g) ?? []).length
  if (opened > 0) result += '”'
  const missing = [...new Set(citations.filter((citation) => !result.includes(citation)))]
  if (missing.length > 0) result = [result, ...missing].join(' ')
  return capital ? capitalise(result) : result
}
