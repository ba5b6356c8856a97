/**
 * Direct quotations that deserve a slide of their own (25 words or more,
 * introduced by a colon, or a whole statement of six words or more starting
 * with a capital), and who the quoted words belong to.
 *
 * Students quote in two ways. `Kennedy wrote: “…”` or `Kennedy said, “…”`
 * gives a person's own words, found in the cited source. `Kennedy made it
 * clear that the “United States would …” (Hermes, 2001)` weaves the source's
 * words into the student's sentence: the words are Hermes's, even though the
 * sentence is about Kennedy. Attributing them to Kennedy would misquote both.
 */
import nlp from 'compromise'

export interface Quotation {
  /** The quoted words, without the quotation marks. */
  text: string
  /** Offsets in the paragraph text of the opening and (after) closing marks. */
  start: number
  end: number
  /** False when the closing mark is missing (a quotation cut off). */
  closed: boolean
}

export interface Attribution {
  /** The person whose own words these are; undefined when they are the cited source's. */
  speaker?: string
  /** The clause that introduces the quotation (`According to Roskin, Kennedy’s doctrine was to`). */
  intro: string
  /** A person (not a cited author) named in the part of that clause right before the quotation, direct speech or not. */
  near?: string
}

const QUOTED = /“([^“”]+)(”|$)/g
const SPEECH =
  /\b(?:say|says|said|saying|write|writes|wrote|writing|written|state|states|stated|stating|declare|declares|declared|declaring|announce|announces|announced|tell|tells|told|ask|asks|asked|reply|replies|replied|warn|warns|warned|argue|argues|argued|insist|insists|insisted|proclaim|proclaimed|explain|explains|explained|add|adds|added|remark|remarked|recall|recalls|recalled|promise|promised|exclaim|exclaimed|admit|admitted|put it|in (?:his|her|their) (?:own )?words)\b/i

/** Quotations of `text` worth a quote slide, in order. */
export function findQuotations(text: string): Quotation[] {
  const found: Quotation[] = []
  for (const match of text.matchAll(QUOTED)) {
    const words = match[1]!.trim().split(/\s+/).length
    const before = text.slice(0, match.index).trimEnd()
    const statement = /^\p{Lu}/u.test(match[1]!) && words >= 6
    if (words >= 25 || before.endsWith(':') || statement) {
      found.push({text: match[1]!.trim(), start: match.index, end: match.index + match[0].length, closed: match[2] === '”'})
    }
  }
  return found
}

/**
 * Who said the words quoted after `before`: a person named in the introducing
 * clause who is not a cited author, when that clause introduces direct speech
 * (a colon, or a verb of saying right before the quotation).
 */
export function attribute(before: string, cited: string[]): Attribution {
  const intro = introClause(before)
  // The speaker is named in the clause that leads to the quotation: in `When the creature meets Victor…, he makes his case:` it is `he`, not Victor.
  const near = personIn(intro.replace(/[,:]\s*$/, '').split(/,\s+/).pop() ?? intro, cited)
  const found = {intro, ...(near ? {near} : {})}
  const direct = /[:,]$/.test(intro) || (SPEECH.test(intro) && new RegExp(`(?:\\bthat|${SPEECH.source})$`, 'i').test(intro))
  if (!direct || /\bthe$|\ba$|\ban$|\bthat the$/i.test(intro)) return found
  return {...found, ...(near ? {speaker: near} : {})}
}

/** The sentence part before a quotation, from the last sentence end. */
function introClause(before: string): string {
  return (before.trimEnd().split(/[.!?][”’"]?\s+(?=[“\p{Lu}\uE000])/u).pop() ?? before).trim()
}

/** The first person named in `clause` who is not a cited author, with a title such as `President`. */
export function personIn(clause: string, cited: string[]): string | undefined {
  const people = nlp(clause.replace(/[\uE000-\uF8FF]\d*[\uE000-\uF8FF]?/gu, ' ')).people().out('array') as string[]
  for (const person of people) {
    const name = person.replace(/[’']s?$|[’']s\b|[,;:)]+$/gu, '').trim()
    const folded = name.toLowerCase()
    if (name && /^\p{Lu}/u.test(name) && !cited.some((author) => author && folded.includes(author.toLowerCase()))) return name
  }
  return undefined
}

// A quotation this long is shown whole on its quote slide; the bullet of its sentence, this long too, quotes only its start.
const LONG_QUOTATION = 25
const LONG_SENTENCE = 25
const FUNCTION_END = /^(?:the|a|an|of|to|in|on|at|by|for|with|and|or|but|that|which|is|are|was|were|be|his|her|their|its|own|el|la|los|las|un|una|de|del|y|o|que|en|con|por|para|le|les|des|du|et|à|der|die|das|und|zu|von|mit|il|di|e|os|as|do|da)$/i
// Words that open a clause or phrase inside a quotation: its start may end before one.
const CLAUSE_OPENER = /^(?:who|which|that|because|and|but|when|where|while|if|as|to|so|qui|que|dont|où|et|mais|car|dass|weil|und|aber|wenn|die|der|das|y|pero|porque|cuando|donde|che|ma|perché)$/i

/**
 * `sentence` with each long quotation that has a quote slide cut to its
 * start and marked as shortened (`«no basta con regar mejor […]»`): the
 * slide after shows the whole quotation, the bullet says who says what.
 */
export function elideLongQuotations(sentence: string, quotations: Quotation[]): string {
  if (sentence.split(/\s+/).length <= LONG_SENTENCE) return sentence
  let text = sentence
  for (const quote of quotations) {
    if (quote.text.split(/\s+/).length < LONG_QUOTATION || !text.includes(quote.text)) continue
    text = text.replace(quote.text, quotationStart(quote.text))
  }
  return text
}

/** The quotation's first clause when short, else its words before a clause opener (4–12 words in), never ending on a function word, with `[…]`. */
function quotationStart(quote: string): string {
  const all = quote.trim().split(/\s+/)
  const clause = (/^[^,;:.!?]+/.exec(quote)?.[0] ?? quote).trim().split(/\s+/)
  let words = clause
  if (clause.length > 12) {
    const opener = all.slice(4, 13).map((word) => word.replace(/[^\p{L}]/gu, '')).findLastIndex((word) => CLAUSE_OPENER.test(word))
    words = all.slice(0, opener >= 0 ? opener + 4 : 10)
  }
  while (words.length > 3 && FUNCTION_END.test(words[words.length - 1]!.replace(/[^\p{L}]/gu, ''))) words = words.slice(0, -1)
  return `${words.join(' ')} […]`
}
