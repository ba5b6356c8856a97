/**
 * Condenses a sentence into a bullet of at most about twenty words, keeping
 * every citation of the sentence (they are placeholders here, see `index.ts`).
 */

const MAX_WORDS = 20
/** A citation placeholder: private-use marks around its number. */
export const PLACEHOLDER = /\uE000(\d+)\uE001/g
const CONNECTIVE = /^(?:However|Consequently|Therefore|Thus|Hence|Furthermore|Moreover|In addition|Additionally|Also|Indeed|Finally|Firstly|Secondly|Thirdly|First|Second|Third|Lastly|In conclusion|In summary|Overall|Nevertheless|Nonetheless|Meanwhile|As a result|For example|For instance|In fact|Similarly|Likewise|Ultimately|Of course|In other words),\s+/i

function wordCount(text: string): number {
  return text.replace(PLACEHOLDER, ' ').split(/\s+/).filter(Boolean).length
}

export function condense(sentence: string): string {
  let text = sentence.replace(CONNECTIVE, '').replace(/\.$|\.(?=\s*(?:\uE000\d+\uE001\s*)+$)/u, '')
  text = text.charAt(0).toUpperCase() + text.slice(1)
  if (wordCount(text) <= MAX_WORDS) return text.trim()
  const citations = text.match(PLACEHOLDER) ?? []
  // Asides in parentheses go first: the notes keep them.
  text = text.replace(/\s\([^()]*\)/g, '')
  if (wordCount(text) <= MAX_WORDS) return text.trim()
  const words = text.replace(PLACEHOLDER, '').split(/\s+/).filter(Boolean)
  let cut = MAX_WORDS
  // Prefer ending at a clause boundary, as long as the bullet keeps some substance.
  for (let i = MAX_WORDS - 1; i >= 8; i--) {
    if (/[,;:—]$/.test(words[i - 1]!)) {
      cut = i
      break
    }
  }
  const kept = words.slice(0, cut).join(' ').replace(/[,;:—]$/, '')
  return `${kept} …${citations.length > 0 ? ' ' + citations.join(' ') : ''}`
}
