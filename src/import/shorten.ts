/**
 * Shortening a sentence by dropping, in turn, what its claim does not need:
 * asides in parentheses or dashes, examples (`such as …`), inserts set off by
 * commas (appositives, `, which …,` clauses, participle phrases), a lead-in
 * phrase (`In the summer of 1858,`) and a trailing participle phrase. A part
 * holding a marker of contrast, condition, negation, limitation or
 * attribution, a citation of its own or half a quotation never goes.
 */
import {FUNCTION_END, MARKER, PREPOSITION, RELATIVE, SUBORDINATOR} from './clause-words.js'
import {MIN_WORDS, type Words, bare, capitalise, firstWord, insideQuote, lastWord, wordCount} from './bullet-words.js'

// A bullet this short stays whole: shortening stops there.
export const TARGET = 20

/** Drops optional parts, least needed first, until the text fits `target` words or nothing optional is left. */
export function reduce(text: string, words: Words, capital = true, target = TARGET): string {
  let result = text
  for (const step of [dropAsides, dropExamples, dropInserts, dropLeadIn, dropTrailing]) {
    if (wordCount(result) <= target) break
    const next = step(result, words)
    // A step that leaves too little, or a bullet ending on a function word, is not taken.
    if (wordCount(next) >= MIN_WORDS && !FUNCTION_END.has(lastWord(next))) result = next
  }
  return capital ? capitalise(result.trim()) : result.trim()
}

/** What a sentence claims, every optional part dropped: a slide's title names that, not an example or an aside. */
export function essentials(text: string, words: Words): string {
  return reduce(text, words, false, 0)
}

/** `(which was new)`, `— a first —`: asides in parentheses or dashes, unless they carry a marker or a citation. */
function dropAsides(text: string): string {
  return text
    .replace(/\s\(([^()]*)\)/g, (match, inner: string) => (MARKER.test(inner) || /\uE000/u.test(inner) ? match : ''))
    .replace(/\s[—–]\s?([^—–]+?)\s?[—–](?=\s)/g, (match, inner: string) => (MARKER.test(inner) || /\uE000|[“”]/u.test(inner) ? match : ''))
}

/**
 * `diseases such as cholera were spread` → `diseases were spread`; `…, including X, Y and Z`
 * goes to the next clause mark, through a list. Without a comma before it, the example ends
 * where the sentence's verb comes.
 */
function dropExamples(text: string, words: Words): string {
  const found = /(,?)\s+(such as|including|for example|for instance|e\.g\.,?|por ejemplo|como|incluidos?|par exemple|notamment|comme|zum Beispiel|z\.\s?B\.|beispielsweise|wie etwa|wie|ad esempio|per esempio|por exemplo)\s+/i.exec(text)
  // (`como`, `comme`, `wie` are examples only after a comma: `tan grande como`, `so groß wie`.)
  if (!found || (/^(?:como|comme|wie)$/i.test(found[2]!) && !found[1])) return text
  const start = found.index
  const rest = text.slice(start + found[0].length)
  let end = rest.search(/[;:]|,\s+(?!(?:and|or|y|o)\s)(?=\S+(?:\s+\S+){3})/)
  if (end < 0) end = rest.length
  if (!found[1]) {
    const verb = [...rest.slice(0, end).matchAll(/\S+/g)].find((word) => words.isFinite(word[0]))
    if (!verb) return text
    end = verb.index
  }
  const example = rest.slice(0, end)
  // An example with a verb of its own (`including a study where students scored lower`) is a finding: it stays.
  if (MARKER.test(example) || /\uE000|[“”]/u.test(example) || (found[1] && example.split(/\s+/).some((word) => words.isFinite(word)))) return text
  // `Clubs, such as the Michigan club, organised rides`: an example between a subject and its verb takes both its commas.
  // (`Others, such as Haney-Peritz, insist…`: with no verb before it, the example follows the subject whatever the next word's tag.)
  const between = found[1] && (words.isFinite(firstWord(rest.slice(end).replace(/^,\s*/, ''))) || !words.hasVerb(text.slice(0, start)))
  const after = rest.slice(end).replace(/^,(?=\s)/, found[1] && !between ? ',' : '')
  return (text.slice(0, start) + (found[1] || !after ? '' : ' ') + after).replace(/\s{2,}/g, ' ')
}

/** `Crossness, opened by the Prince of Wales in 1865, was decorated` → `Crossness was decorated`. */
function dropInserts(text: string, words: Words): string {
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
    if (/^(?:and|or|y|o|e|u)\s|^[^,;:]{1,40},\s+(?:and|or|y|o)\s/i.test(after) || wordCount(inner) < 2 || !optional(inner, all.slice(0, offset))) continue
    // `However, the studies that delayed classes show that…, even if…`: after a lone opener the part up to the next comma is the main clause,
    // and a part longer than the rest of the sentence is never an aside.
    const before = all.slice(0, offset)
    if ((wordCount(before) <= 2 && MARKER.test(before)) || wordCount(inner) * 2 > wordCount(all)) continue
    // An insert stands between a subject and its verb; with no verb after it, it is an item of a list (`…, es decir, la capacidad de atender, de inhibir…`).
    const rest = after.split(/[;:]/)[0]!
    // `Crossness, opened by the Prince of Wales, was decorated`: a past participle compromise reads as a past tense
    // (or, from another use in the paragraph, `the intended site`, an adjective), the sentence's verb right after it.
    const opening = firstWord(inner)
    const pastForm = words.has(opening, 'PastTense') || (words.has(opening, 'Adjective') && /(?:ed|en|wn)$/.test(opening))
    const participle = pastForm && words.isFinite(firstWord(rest)) && words.isPhrase(inner, {participle: true})
    if (!RELATIVE.test(inner) && !words.isPhrase(inner) && !participle) continue
    if (!rest.split(/\s+/).some((word) => words.isFinite(word)) && !words.has(firstWord(rest), 'Verb')) continue
    // `In October of 1962, during the war, a plane` keeps the comma closing its lead-in.
    const lead = all.slice(0, offset).split(/[,;:]\s+/).pop() ?? ''
    // So does a leading subordinate clause (`When the bicycle appeared in the 1880s, it was marketed…`).
    const leadIn = (PREPOSITION.has(firstWord(lead)) && !lead.split(/\s+/).some((word) => words.isFinite(word))) || (lead === all.slice(0, offset) && SUBORDINATOR.test(lead))
    all = all.slice(0, offset) + (leadIn ? ',' : '') + all.slice(offset + found[0].length)
  }
}

/** `In the summer of 1858, the Thames smelled` → `The Thames smelled`. */
function dropLeadIn(text: string, words: Words): string {
  const lead = /^([^,;:]+),\s+/.exec(text)
  // A date or number in the lead-in (`In October of 1962,`) is a fact the slide shows: it stays.
  if (!lead || wordCount(lead[1]!) > 14 || /\d/.test(lead[1]!) || !optional(lead[1]!, '')) return text
  const first = firstWord(lead[1]!)
  const rest = text.slice(lead[0].length)
  const opens = PREPOSITION.has(first) || words.has(first, 'Participle') || words.has(first, 'Gerund') || (words.has(first, 'Adverb') && wordCount(lead[1]!) <= 2)
  // `Within fifty years millions of books had been printed, far more than…` is the main clause, not a lead-in.
  const temporal = /^(?:when|whenever|once|cuando)$/.test(first)
  const finite = !temporal && lead[1]!.split(/\s+/).some((word) => words.isFinite(word))
  // `When cities budget for pruning, the benefits exceed the costs`: a when-clause not in the past is a condition of the claim; it stays.
  const condition = temporal && !lead[1]!.split(/\s+/).some((word) => words.has(bare(word), 'PastTense') && words.isFinite(word))
  return opens && !finite && !condition && words.hasVerb(rest) && wordCount(rest) >= MIN_WORDS ? capitalise(rest) : text
}

/** A final participle phrase: `…, losing a month of leisure a year` (a final `, which …` often carries the point: it stays). */
function dropTrailing(text: string, words: Words): string {
  const trail = /,\s+([^,;:]+)$/.exec(text)
  if (!trail || !optional(trail[1]!, text.slice(0, trail.index))) return text
  const inner = trail[1]!
  const first = firstWord(inner)
  // `…, including a study where students scored lower` is an example with a finding of its own: it stays.
  const participle = (words.has(first, 'Gerund') || words.has(first, 'Participle')) && !/^(?:including|incluidos?|incluidas?)$/.test(first)
  return participle && !inner.split(/\s+/).slice(1).some((word) => words.isFinite(word)) ? text.slice(0, trail.index) : text
}

/** A part may go when it holds no marker, no citation of its own and no half of a quotation. */
function optional(part: string, before: string): boolean {
  return !MARKER.test(part) && !/\uE000/u.test(part) && !insideQuote(before) && !/[“”]/.test(part)
}
