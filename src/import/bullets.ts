/**
 * Turns a sentence into bullets that keep its meaning. A short sentence
 * stays whole. A long one loses, in turn, what its claim does not need:
 * asides in parentheses or dashes, examples (`such as …`), inserts set off by
 * commas (appositives, `, which …,` clauses, participle phrases), a lead-in
 * phrase (`In the summer of 1858,`) and a trailing `, which …` or participle
 * phrase. A part holding a marker of contrast, condition, negation,
 * limitation or attribution (`but`, `only if`, `until`, `not`, `although`,
 * `critics argue`) is never dropped. Still too long, it splits into its
 * coordinated clauses (`…; …`, `…, but …` keeps its `But`); a clause that is
 * still long becomes a bullet and, under it, its subordinate part with the
 * word that opens it (`…the key to the whole book` / `because Victor fails…`).
 * Nothing is ever cut off mid-phrase.
 *
 * Citations are placeholders here (see `index.ts`): a citation inside a part
 * that goes goes with it; those closing the sentence stay on every bullet
 * made from it. The speaker notes keep the full text.
 */
import nlp from 'compromise'
import {CONNECTIVE, FUNCTION_END, MARKER, PREPOSITION, RELATIVE} from './clause-words.js'

/** A citation placeholder: private-use marks around its number. */
export const PLACEHOLDER = /\uE000(\d+)\uE001/g
// A bullet this short stays whole; one up to LIMIT is short enough once shortened.
const TARGET = 20
const LIMIT = 25
// A clause shorter than this says too little to be a bullet of its own.
const MIN_WORDS = 5

type Tags = Map<string, string[]>

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

/** A bullet, and its level: 2 for the subordinate part of a long sentence, under the bullet before it. */
export interface Bullet {
  text: string
  level: number
}

// A sentence opening with one of these starts with a subordinate clause.
const SUBORDINATOR = /^(?:if|when|whenever|while|although|though|because|since|as|once|unless|until|whether|after|before|si|cuando|aunque|porque|mientras)\s/i

// Where a long clause's subordinate part starts: a reason, concession, contrast, time, relative or participle clause.
const SUBORDINATE =
  /,\s+(?=(?:because|since|although|though|while|whereas|even though|even when|even if|when|which|who|where|so that|only to|as if|rather than|not by|arguing|noting|suggesting|proposing|meaning|claiming|until|unless|particularly|especially|porque|aunque|mientras|cuando|lo que|ya que|sino|hasta)\s)|\s+(?=because\s)|\s+and\s+(?=(?:found|showed|reported|concluded|argued|noted|suggested|added|realizes|realized|realised)\s)|\s+y\s+(?=(?:encontraron|sugirieron|concluyeron|mostraron)\s)/giu

/**
 * The bullets for `sentence` (with citation placeholders); `parenthetical`
 * tells which placeholders are tags to repeat on each bullet (a narrative
 * `@key` is part of the sentence); `tags` come from tagging the paragraph.
 */
export function toBullets(sentence: string, parenthetical: (placeholder: string) => boolean = () => true, tags?: Tags): Bullet[] {
  return new Shortener(tags ?? wordTags(nlp(sentence.replace(PLACEHOLDER, ' ')))).bullets(sentence, parenthetical)
}

class Shortener {
  constructor(private readonly tags: Tags) {}

  bullets(sentence: string, parenthetical: (placeholder: string) => boolean): Bullet[] {
    const whole = tidy(sentence)
    // Citations closing the sentence stand for all of it: every bullet made from it keeps them.
    const tail = /(?:\s*\uE000\d+\uE001)+$/u.exec(whole)?.[0] ?? ''
    const core = whole.slice(0, whole.length - tail.length)
    const closing = (tail.match(PLACEHOLDER) ?? []).filter(parenthetical)
    // A clause with a citation of its own keeps that one, not the sentence's closing ones (`…concreto (AEB, s.f.), y los efectos… (De Bruin…)`).
    const done = (text: string, level = 1): Bullet => ({text: level === 1 && !/\uE000\d+\uE001\s*$/u.test(text.trim()) ? finish(text, closing) : finish(text, [], level === 1), level})
    if (wordCount(core) <= TARGET) return [done(core)]
    const reduced = this.reduce(core)
    if (wordCount(reduced) <= LIMIT) return [done(reduced)]
    return this.clauses(reduced).flatMap((clause) => {
      if (clause.level > 1) return [done(this.reduce(clause.text, false), clause.level)]
      const short = this.reduce(clause.text)
      const parts = wordCount(short) > LIMIT ? this.subordinate(short) : undefined
      return parts ? [done(this.reduce(parts[0])), done(this.reduce(parts[1], false), 2)] : [done(short)]
    })
  }

  /**
   * A long clause cut where its subordinate part starts, nearest the middle:
   * the main clause (with a verb, eight words or more) and the part, which
   * keeps the word that opens it (`because`, `although`, `which`, `found`).
   */
  private subordinate(text: string): [string, string] | undefined {
    let best: [string, string] | undefined
    let balance = Infinity
    for (const match of text.matchAll(SUBORDINATE)) {
      const before = text.slice(0, match.index)
      const after = text.slice(match.index + match[0].length)
      if (insideQuote(before) || wordCount(before) < 8 || wordCount(after) < 5 || !this.hasVerb(before) || FUNCTION_END.has(lastWord(before))) continue
      // `wild bees, which get far less attention, appear…`: a relative clause closed by a comma is an insert; the sentence goes on after it.
      if (/^(?:which|who|where|que)\s/i.test(after) && /,\s/.test(after)) continue
      const difference = Math.abs(wordCount(before) - wordCount(after))
      if (difference < balance) [best, balance] = [[before, after], difference]
    }
    return best
  }

  /** Drops optional parts, least needed first, until the text fits TARGET or nothing optional is left. */
  private reduce(text: string, capital = true): string {
    let result = text
    for (const step of [dropAsides, (t: string) => this.dropExamples(t), (t: string) => this.dropInserts(t), (t: string) => this.dropLeadIn(t), (t: string) => this.dropTrailing(t)]) {
      if (wordCount(result) <= TARGET) break
      const next = step(result)
      // A step that leaves too little, or a bullet ending on a function word, is not taken.
      if (wordCount(next) >= MIN_WORDS && !FUNCTION_END.has(lastWord(next))) result = next
    }
    return capital ? capitalise(result.trim()) : result.trim()
  }

  /**
   * `diseases such as cholera were spread` → `diseases were spread`; `…, including X, Y and Z`
   * goes to the next clause mark, through a list. Without a comma before it, the example ends
   * where the sentence's verb comes.
   */
  private dropExamples(text: string): string {
    const found = /(,?)\s+(such as|including|for example|for instance|e\.g\.,?|por ejemplo|como|incluidos?)\s+/i.exec(text)
    if (!found || (found[2]!.toLowerCase() === 'como' && !found[1])) return text
    const start = found.index
    const rest = text.slice(start + found[0].length)
    let end = rest.search(/[;:]|,\s+(?!(?:and|or|y|o)\s)(?=\S+(?:\s+\S+){3})/)
    if (end < 0) end = rest.length
    if (!found[1]) {
      const words = [...rest.slice(0, end).matchAll(/\S+/g)]
      const verb = words.find((word) => this.isFinite(word[0]))
      if (!verb) return text
      end = verb.index
    }
    const example = rest.slice(0, end)
    // An example with a verb of its own (`including a study where students scored lower`) is a finding: it stays.
    if (MARKER.test(example) || /\uE000|[“”]/u.test(example) || (found[1] && example.split(/\s+/).some((word) => this.isFinite(word)))) return text
    const after = rest.slice(end).replace(/^,(?=\s)/, found[1] ? ',' : '')
    return (text.slice(0, start) + (found[1] || !after ? '' : ' ') + after).replace(/\s{2,}/g, ' ')
  }

  /** `Crossness, opened by the Prince of Wales in 1865, was decorated` → `Crossness was decorated`. */
  private dropInserts(text: string): string {
    let all = text
    // Each comma may open an insert, also the one closing the part before (`…every year, and wild bees, which…,`).
    for (let from = 0; ; ) {
      const match = /,\s+([^,;:]+?),(?=\s)/g
      match.lastIndex = from
      const found = match.exec(all)
      if (!found) return all
      const offset = found.index
      const inner = found[1]!
      const after = all.slice(offset + found[0].length).trimStart()
      from = offset + 1
      // `diphtheria, scrofula, and cholera`, `narrowed the river, reclaimed land, and created roads`: a list, not an insert.
      if (/^(?:and|or|y|o|e|u)\s|^[^,;:]{1,40},\s+(?:and|or|y|o)\s/i.test(after) || wordCount(inner) < 2 || !this.optional(inner, all.slice(0, offset))) continue
      if (!RELATIVE.test(inner) && !this.isPhrase(inner)) continue
      // An insert stands between a subject and its verb; with no verb after it, it is an item of a list (`…, es decir, la capacidad de atender, de inhibir…`).
      const rest = after.split(/[;:]/)[0]!
      if (!rest.split(/\s+/).some((word) => this.isFinite(word)) && !this.has(firstWord(rest), 'Verb')) continue
      // `In October of 1962, during the war, a plane` keeps the comma closing its lead-in.
      const lead = all.slice(0, offset).split(/[,;:]\s+/).pop() ?? ''
      const leadIn = PREPOSITION.has(firstWord(lead)) && !lead.split(/\s+/).some((word) => this.isFinite(word))
      all = all.slice(0, offset) + (leadIn ? ',' : '') + all.slice(offset + found[0].length)
    }
  }

  /** `In the summer of 1858, the Thames smelled` → `The Thames smelled`. */
  private dropLeadIn(text: string): string {
    const lead = /^([^,;:]+),\s+/.exec(text)
    // A date or number in the lead-in (`In October of 1962,`) is a fact the slide shows: it stays.
    if (!lead || wordCount(lead[1]!) > 14 || /\d/.test(lead[1]!) || !this.optional(lead[1]!, '')) return text
    const first = firstWord(lead[1]!)
    const rest = text.slice(lead[0].length)
    const opens = PREPOSITION.has(first) || this.has(first, 'Participle') || this.has(first, 'Gerund') || (this.has(first, 'Adverb') && wordCount(lead[1]!) <= 2)
    // `Within fifty years millions of books had been printed, far more than…` is the main clause, not a lead-in.
    const finite = !/^(?:when|whenever|once|cuando)$/.test(first) && lead[1]!.split(/\s+/).some((word) => this.isFinite(word))
    return opens && !finite && this.hasVerb(rest) && wordCount(rest) >= MIN_WORDS ? capitalise(rest) : text
  }

  /** A final participle phrase: `…, losing a month of leisure a year` (a final `, which …` often carries the point: it stays). */
  private dropTrailing(text: string): string {
    const trail = /,\s+([^,;:]+)$/.exec(text)
    if (!trail || !this.optional(trail[1]!, text.slice(0, trail.index))) return text
    const inner = trail[1]!
    const first = firstWord(inner)
    // `…, including a study where students scored lower` is an example with a finding of its own: it stays.
    const participle = (this.has(first, 'Gerund') || this.has(first, 'Participle')) && !/^(?:including|incluidos?|incluidas?)$/.test(first)
    return participle && !inner.split(/\s+/).slice(1).some((word) => this.isFinite(word)) ? text.slice(0, trail.index) : text
  }

  /**
   * Coordinated clauses of a sentence with their own subject: split at `;`
   * and at `, and`, `, but`, `, yet`, `, so` (the contrast word opens the
   * next bullet); `…, but that …` inside a reported claim becomes `But …`.
   */
  private clauses(text: string): Bullet[] {
    const parts: Bullet[] = []
    let rest = text
    let level = 1
    for (;;) {
      let cut: {at: number; next: string; level: number} | undefined
      // `…, he turned to Moscow`: a comma splice before a pronoun subject is a clause boundary too.
      // (`…, and that is a monster…`: a `that` before a verb is the subject, not a reported claim.)
      for (const match of rest.matchAll(/;\s+|,\s+(and|but|yet|so|y|pero|sino)\s+(?:that\s+(?!(?:is|was|has|had|means|meant|makes|made|would|will|can|could|may|might|seems|seemed)\s)|que\s+)?|,\s+(?=(?:he|she|they|it|we|i|this|these|there)\s)/gi)) {
        const before = rest.slice(0, match.index)
        const after = rest.slice(match.index + match[0].length)
        if (insideQuote(before) || wordCount(before) < MIN_WORDS || wordCount(after) < MIN_WORDS) continue
        // `If there is a monster in Frankenstein, it is…`: a clause opening with a subordinator is not a sentence of its own.
        if (!/^[,;]\s+(?:and|but|yet|so|y|pero|sino)\s/i.test(match[0]) && !/^;/.test(match[0]) && SUBORDINATOR.test(before) && !/[,;]/.test(before)) continue
        const joiner = (match[1] ?? '').toLowerCase()
        const reported = /\s(?:that|que)\s+$/i.test(match[0])
        if (!/^;/.test(match[0]) && !reported && !(this.hasVerb(before) && this.hasOwnSubject(after))) continue
        // `the Victoria, Albert, and Chelsea Embankments`: the last item of a list, not a clause.
        const item = /,\s*([^,;:]+)$/.exec(before)?.[1]
        if (joiner && !reported && ((item && wordCount(item) <= 3 && !this.hasVerb(item)) || !this.hasVerb(after.split(/[,;:]/)[0]!))) continue
        // `X showed that A, and that B`: B is X's claim too, under the bullet that names X.
        if (reported && /^(?:and|y)$/.test(joiner)) {
          cut = {at: match.index, next: match[0].replace(/^,\s+/, '') + after, level: 2}
          break
        }
        const keep = joiner && !/^(?:and|y)$/.test(joiner) ? `${capitalise(joiner)} ` : ''
        cut = {at: match.index, next: keep + (keep ? after : capitalise(after)), level: 1}
        break
      }
      if (!cut) break
      parts.push({text: rest.slice(0, cut.at), level})
      rest = cut.next
      level = cut.level
    }
    return [...parts, {text: rest, level}]
  }

  /** A part may go when it holds no marker, no citation of its own and no half of a quotation. */
  private optional(part: string, before: string): boolean {
    return !MARKER.test(part) && !/\uE000/u.test(part) && !insideQuote(before) && !/[“”]/.test(part)
  }

  /** A phrase without a finite verb: an appositive (`a biologist who…` aside), a participle or prepositional phrase. */
  private isPhrase(text: string): boolean {
    const words = text.split(/\s+/)
    const first = bare(words[0] ?? '')
    if (this.has(first, 'Participle') || this.has(first, 'Gerund') || PREPOSITION.has(first) || this.has(first, 'Determiner')) {
      // `a biologist who had worked for the Service`: the verbs of a relative clause inside do not count.
      const relative = words.findIndex((word, i) => i > 0 && RELATIVE.test(`${word} `))
      return !words.slice(1, relative < 0 ? undefined : relative).some((word) => this.isFinite(word))
    }
    return false
  }

  private hasOwnSubject(text: string): boolean {
    if (/^that\s+(?:is|was|has|had|means|meant|makes|made|would|will|can|could|may|might|seems|seemed)\s/i.test(text)) return true
    const first = bare(text.split(/\s+/)[0] ?? '')
    return !this.has(first, 'Verb') && !PREPOSITION.has(first) && !/^(?:to|that|which|who|whom|whose|if|whether)$/.test(first) && this.hasVerb(text)
  }

  private hasVerb(text: string): boolean {
    return text.replace(PLACEHOLDER, ' ').split(/\s+/).some((word) => this.isFinite(word) || this.has(bare(word), 'Verb'))
  }

  private isFinite(word: string): boolean {
    const tags = this.tags.get(bare(word)) ?? []
    return tags.includes('Verb') && !tags.includes('Participle') && !tags.includes('Gerund') && !tags.includes('Infinitive')
  }

  private has(word: string, tag: string): boolean {
    return (this.tags.get(bare(word)) ?? []).includes(tag)
  }
}

function wordCount(text: string): number {
  return text.replace(PLACEHOLDER, ' ').split(/\s+/).filter(Boolean).length
}

function bare(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase()
}

function firstWord(text: string): string {
  return bare(text.trim().split(/\s+/)[0] ?? '')
}

function lastWord(text: string): string {
  const words = text.replace(PLACEHOLDER, ' ').trim().split(/\s+/)
  return bare(words[words.length - 1] ?? '')
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function insideQuote(text: string): boolean {
  return (text.match(/“/g) ?? []).length > (text.match(/”/g) ?? []).length
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

/** `(which was new)`, `— a first —`: asides in parentheses or dashes, unless they carry a marker or a citation. */
function dropAsides(text: string): string {
  return text
    .replace(/\s\(([^()]*)\)/g, (match, inner: string) => (MARKER.test(inner) || /\uE000/u.test(inner) ? match : ''))
    .replace(/\s[—–]\s?([^—–]+?)\s?[—–](?=\s)/g, (match, inner: string) => (MARKER.test(inner) || /\uE000|[“”]/u.test(inner) ? match : ''))
}

/** Closes the bullet: trailing punctuation off, closing citations back on, capitalised (a subordinate part is not). */
function finish(text: string, citations: string[], capital = true): string {
  let result = text.trim().replace(/[,;:]$/, '')
  const opened = (result.match(/“/g) ?? []).length - (result.match(/”/g) ?? []).length
  if (opened > 0) result += '”'
  const missing = [...new Set(citations.filter((citation) => !result.includes(citation)))]
  if (missing.length > 0) result = [result, ...missing].join(' ')
  return capital ? capitalise(result) : result
}
