/**
 * Turns a sentence into one or two bullets of at most about twenty words
 * without ever cutting mid-clause: asides in parentheses go, a run-on
 * sentence splits into its independent clauses, and a long one loses whole
 * introductory or trailing phrases (cut where a comma, preposition or
 * subordinate clause starts). Every citation of the sentence stays on its
 * bullet (they are placeholders here, see `index.ts`); the speaker notes keep
 * the full text.
 */
import nlp from 'compromise'

const MAX_WORDS = 20
// A bullet shorter than this says too little to stand alone.
const MIN_WORDS = 6
/** A citation placeholder: private-use marks around its number. */
export const PLACEHOLDER = /\uE000(\d+)\uE001/g
const CONNECTIVE = /^(?:However|Consequently|Therefore|Thus|Hence|Furthermore|Moreover|In addition|Additionally|Also|Indeed|Finally|Firstly|Secondly|Thirdly|First|Second|Third|Lastly|In conclusion|In summary|Overall|Nevertheless|Nonetheless|Meanwhile|As a result|For example|For instance|In fact|Similarly|Likewise|Ultimately|Of course|In other words|On the other hand|In contrast|By contrast|Instead|Still|Yet|So|And|But),?\s+/i
// Where a phrase or clause may start: the text before it is still a sentence.
const PHRASE_START = new Set(
  'in on at by with for from during after before against into onto over under through without within between among across toward towards upon about around behind beyond despite except near off since until via amid throughout instead because although though while whereas if unless when whenever where wherever which who whom whose as once'.split(' ')
)
// A bullet may not end on these: they need what follows them.
const SUBORDINATOR = new Set('because although though while whereas if unless when whenever where wherever which who whom whose'.split(' '))
const DANGLING = new Set(
  'the a an this that these those his her its their our my your some any each every no and or but nor so yet to of not is are was were be been being have has had do does did will would shall should can could may might must very more most than as which who whom whose where when while because if such'.split(' ')
)
const SUBJECT_START = /^(?:he|she|they|it|we|i|you|this|these|those|there)\s/i
const QUOTE_OPEN = /“/g
const QUOTE_CLOSE = /”/g

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean)
}

function wordCount(text: string): number {
  return words(text.replace(PLACEHOLDER, ' ')).length
}

/**
 * One or two bullets for `sentence` (with citation placeholders);
 * `parenthetical` tells which placeholders may be repeated at a bullet's end
 * (a narrative `@key` is part of the sentence, not a tag).
 */
export function toBullets(sentence: string, parenthetical: (placeholder: string) => boolean = () => true, tags?: Map<string, string[]>): string[] {
  const citations = (sentence.match(PLACEHOLDER) ?? []).filter(parenthetical)
  let text = tidy(sentence)
  if (wordCount(text) <= MAX_WORDS) return [finish(text, citations)]
  // Asides in parentheses go first: the notes keep them.
  text = text.replace(/\s\((?![\uE000])[^()]*\)/g, '')
  if (wordCount(text) <= MAX_WORDS) return [finish(text, citations)]
  // Tagged in the context of the whole sentence or paragraph (alone, `strong` in `a strong,` passes for a noun).
  tagged = tags ?? wordTags(nlp(text.replace(PLACEHOLDER, ' ')))
  const clauses = independentClauses(text)
  if (clauses.length > 1) return clauses.map((clause) => finish(shorten(clause), citations))
  return [finish(shorten(text), citations)]
}

/** Part-of-speech tags of the words of the sentence being shortened, by lower-case word. */
let tagged = new Map<string, string[]>()

/** The tags of each word of a compromise document, by lower-case word (the first use wins). */
export function wordTags(doc: ReturnType<typeof nlp>): Map<string, string[]> {
  const tags = new Map<string, string[]>()
  for (const term of doc.docs.flat()) {
    const word = bare(term.text)
    if (word && !tags.has(word)) tags.set(word, [...(term.tags ?? [])])
  }
  return tags
}

function tagsOf(token: string): string[] {
  return tagged.get(bare(token)) ?? []
}

function bare(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase()
}

/** Drops a leading connective (`However,`) and the final full stop or colon; capitalises. */
function tidy(sentence: string): string {
  const text = sentence
    .trim()
    .replace(CONNECTIVE, '')
    .replace(/\s+(?:stating|saying|writing|declaring|noting|explaining|as follows)?\s*:$/i, '')
    .replace(/[.;:]$|[.;:](?=\s*(?:\uE000\d+\uE001\s*)+$)/u, '')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Adds the sentence's citations that the shortened text lost, and closes a quotation it cut. */
function finish(text: string, citations: string[]): string {
  let result = text.trim().replace(/[,;:]$/, '')
  const opened = (result.match(QUOTE_OPEN) ?? []).length - (result.match(QUOTE_CLOSE) ?? []).length
  if (opened > 0) result = result.replace(/(\s*(?:\uE000\d+\uE001\s*)*)$/u, '”$1')
  // A bullet cut out of a cited sentence still carries the sentence's sources.
  const missing = [...new Set(citations.filter((citation) => !result.includes(citation)))]
  if (missing.length > 0) result = [result, ...missing].join(' ')
  return result.charAt(0).toUpperCase() + result.slice(1)
}

/**
 * `In 1959, Castro led a war, he turned to Moscow` or `…; …`: clauses that
 * each have a subject and a verb become bullets of their own.
 */
function independentClauses(text: string): string[] {
  const parts: string[] = []
  let rest = text
  for (;;) {
    const split = /;\s+|,\s+(?:and|but|so|yet)\s+|,\s+(?=(?:he|she|they|it|we|i|this|these|there)\s)/gi
    let cut: {at: number; after: number} | undefined
    for (const match of rest.matchAll(split)) {
      const before = rest.slice(0, match.index)
      const after = rest.slice(match.index + match[0].length)
      if (insideQuote(before) || wordCount(before) < MIN_WORDS || wordCount(after) < 4) continue
      // `…, and by 1500 there were presses` has its own subject; `…, and turned to Moscow` shares the first one.
      const ownSubject = SUBJECT_START.test(after) || (/\s(?:and|but|so|yet)\s+$/.test(match[0]) && !startsWithVerb(after) && !/^(?:that|which|who|whom|whose|to|if|whether)\s/i.test(after))
      if (!/;/.test(match[0]) && !(ownSubject && hasVerb(before) && hasVerb(after))) continue
      cut = {at: match.index, after: match.index + match[0].length}
      break
    }
    if (!cut) break
    parts.push(rest.slice(0, cut.at))
    rest = rest.slice(cut.after)
    rest = rest.charAt(0).toUpperCase() + rest.slice(1)
  }
  return [...parts, rest]
}

/**
 * The best shortening of a clause: drop introductory or inserted phrases set
 * off by commas and cut trailing phrases at their start, keeping as many
 * words as fit; the whole clause when no clean cut exists.
 */
function shorten(text: string): string {
  if (wordCount(text) <= MAX_WORDS) return text
  const segments = text.split(/(?<=,)\s+/)
  // Phrases set off by commas that open with a preposition or subordinator may go.
  const optional = segments
    .map((segment, index) => {
      const inQuote = insideQuote(segments.slice(0, index).join(' ')) || insideQuote(segment)
      const opener = firstWord(segment)
      // `Within fifty years millions of books had been printed,` is the main clause, not an aside.
      const aside = SUBORDINATOR.has(opener) || (PHRASE_START.has(opener) && !hasVerb(segment))
      return index < segments.length - 1 && !inQuote && aside ? index : -1
    })
    .filter((index) => index >= 0)
    .slice(0, 4)
  const candidates: Array<{text: string; dropped: number}> = []
  for (let mask = 0; mask < 1 << optional.length; mask++) {
    const dropped = (index: number) => optional.some((drop, bit) => drop === index && mask & (1 << bit))
    // `Castro, who had won, turned` → `Castro turned`; `In 1962, during the war, a plane` → `In 1962, a plane`.
    const kept = segments.flatMap((segment, index) => {
      if (dropped(index)) return []
      const next = segments.findIndex((_, later) => later > index && !dropped(later))
      const gap = next > index + 1 && !PHRASE_START.has(firstWord(segment))
      return [gap ? segment.replace(/,$/, '') : segment]
    })
    const joined = kept.join(' ')
    const trimmed = trimTrailing(joined.charAt(0).toUpperCase() + joined.slice(1))
    if (trimmed) candidates.push({text: trimmed, dropped: bitCount(mask) + (trimmed === joined ? 0 : 0.5)})
  }
  candidates.sort((a, b) => worth(b.text) - worth(a.text) || a.dropped - b.dropped)
  return candidates.find((candidate) => hasVerb(candidate.text))?.text ?? text
}

/**
 * The longest start of `text` that fits and ends where a phrase starts,
 * preferring a comma or subordinate clause to a preposition; undefined when none.
 */
function trimTrailing(text: string): string | undefined {
  if (wordCount(text) <= MAX_WORDS) return text
  const tokens = text.split(/(\s+)/)
  const tags = tokens.filter((_, i) => i % 2 === 0).map(tagsOf)
  const cuts: Array<{text: string; count: number; strong: boolean}> = []
  let count = 0
  for (let i = 0; i < tokens.length && count <= MAX_WORDS; i += 2) {
    const token = tokens[i]!
    const isCitation = /^\uE000\d+\uE001[.,;:]?$/u.test(token)
    if (count >= MIN_WORDS && !isCitation) {
      const previous = tokens[i - 2] ?? ''
      const bare = token.replace(/^[“‘(]+/, '').toLowerCase()
      const kept = tokens.slice(0, i - 1).join('')
      const strong = /[,;:—]$/.test(previous) || SUBORDINATOR.has(bare)
      if ((strong || PHRASE_START.has(bare)) && !DANGLING.has(lastWord(kept)) && !/^\(/.test(token) && !endsInModifier(tags, i / 2)) {
        cuts.push({text: kept, count, strong})
      }
    }
    if (!isCitation) count++
  }
  const latest = [...cuts].reverse()
  const ordered = [...latest.filter((cut) => cut.strong && cut.count >= 12), ...latest]
  return ordered.find((cut) => lastClauseComplete(cut.text))?.text
}

/** `…, so the people` lacks the verb of its clause: a cut there leaves half a clause. */
function lastClauseComplete(text: string): boolean {
  const clauses = text.split(/[,;]\s+(?=(?:so|and|but|yet|or|while|which|who|because|although|though|whereas|when|where)\s)|\s(?=that\s)/i)
  return clauses.length === 1 || hasVerb(clauses[clauses.length - 1]!)
}

/** What a shortened bullet keeps: its words, and numbers (dates, amounts) count extra as the facts a slide shows. */
function worth(text: string): number {
  return wordCount(text) + 2 * (text.replace(PLACEHOLDER, ' ').match(/\d+/g) ?? []).length
}

function firstWord(text: string): string {
  return (/^[“‘(]?([\p{L}’']+)/u.exec(text)?.[1] ?? '').toLowerCase()
}

function lastWord(text: string): string {
  return (/([\p{L}’']+)[^\p{L}]*$/u.exec(text.replace(PLACEHOLDER, ''))?.[1] ?? '').toLowerCase()
}

function insideQuote(text: string): boolean {
  return (text.match(QUOTE_OPEN) ?? []).length > (text.match(QUOTE_CLOSE) ?? []).length
}

/** `give a strong,` before `presumptive advice`: the kept words (before `cut`) end on an adjective without its noun. */
function endsInModifier(tags: string[][], cut: number): boolean {
  const last = tags[cut - 1] ?? []
  const before = tags[cut - 2] ?? []
  return last.includes('Adjective') && (before.includes('Determiner') || before.includes('Adjective'))
}

function startsWithVerb(text: string): boolean {
  return tagsOf(words(text)[0] ?? '').includes('Verb')
}

function hasVerb(text: string): boolean {
  return words(text.replace(PLACEHOLDER, ' ')).some((word) => tagsOf(word).includes('Verb'))
}

function bitCount(mask: number): number {
  let count = 0
  for (let rest = mask; rest; rest >>= 1) count += rest & 1
  return count
}
