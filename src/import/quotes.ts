/**
 * Direct quotations that deserve a slide of their own: 25 words or more,
 * introduced by a colon, or a whole statement (starting with a capital) of a
 * named speaker. Short quoted phrases stay inside their bullet.
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

const QUOTED = /“([^“”]+)(”|$)/g
const HONORIFIC = /^(?:President|Premier|Prime Minister|Chairman|General|Senator|Secretary|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Professor|King|Queen|Pope|Sir)\s+/u

/** Quotations of `text` worth a quote slide, in order. */
export function findQuotations(text: string): Quotation[] {
  const found: Quotation[] = []
  for (const match of text.matchAll(QUOTED)) {
    const words = match[1]!.trim().split(/\s+/).length
    const before = text.slice(0, match.index).trimEnd()
    const statement = /^\p{Lu}/u.test(match[1]!) && words >= 6 && speakerIn(before, []) !== undefined
    if (words >= 25 || before.endsWith(':') || statement) {
      found.push({text: match[1]!.trim(), start: match.index, end: match.index + match[0].length, closed: match[2] === '”'})
    }
  }
  return found
}

/**
 * The person who said the words: the first person named in the clause before
 * the quotation who is not a cited author (`According to Roskin, Kennedy’s doctrine was to`).
 */
export function speakerIn(before: string, cited: string[]): string | undefined {
  const clause = before.split(/[.!?]\s+(?=\p{Lu})/u).pop() ?? before
  const people = nlp(clause).people().out('array') as string[]
  for (const person of people) {
    const name = person
      .replace(/[’']s?$|[’']s\b|[,;:)]+$/gu, '')
      .replace(HONORIFIC, '')
      .trim()
    if (name && !cited.some((author) => name.toLowerCase().includes(author.toLowerCase()))) return name
  }
  return undefined
}
