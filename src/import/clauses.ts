/**
 * Cutting a long sentence into clauses a bullet each: its coordinated
 * clauses (`…; …`, `…, but …` keeps its `But`), and a still-long clause's
 * subordinate part, which keeps the word that opens it
 * (`…the key to the whole book` / `because Victor fails…`).
 */
import {FUNCTION_END, SUBORDINATOR} from './clause-words.js'
import {MIN_WORDS, type Words, capitalise, insideQuote, lastWord, wordCount} from './bullet-words.js'

/** A piece of a sentence, and its level: 2 for a part that goes under the bullet before it. */
export interface Clause {
  text: string
  level: number
}

// Where a long clause's subordinate part starts: a reason, concession, contrast, time, relative or participle clause.
// (A comma closing a quotation comes before its mark: `…“bunny lover,” suggesting…`.) `: a being who…`: what a colon announces.
const SUBORDINATE =
  /(?<=,[”"]?)\s+(?=(?:because|since|although|though|while|whereas|even though|even when|even if|when|which|who|where|in which|of which|by which|through which|so that|only to|as if|rather than|not by|arguing|noting|suggesting|proposing|meaning|claiming|until|unless|particularly|especially|porque|aunque|mientras|cuando|lo que|ya que|sino|hasta|en el que|en la que|en los que|en las que|qui|où|dont|alors que|bien que|même si|parce que|car|si bien que|tandis que|lorsque|ce qui|weil|obwohl|während|wenn|dass|wobei|sodass|perché|mentre|anche se|embora|enquanto)\s)|\s+(?=because\s)|:\s+(?=\p{L})|\s+and\s+(?=(?:found|finds|showed|shows|reported|reports|concluded|concludes|argued|argues|noted|notes|suggested|suggests|added|adds|realizes|realized|realised)\s)|\s+y\s+(?=(?:encontraron|sugirieron|concluyeron|mostraron|encontró|sugirió|concluyó|mostró|defiendo|sostengo|propongo|muestro)\s)|\s+(?=(?:in|of|by|through|on) which\s|(?:en|de|con|por) (?:el|la|los|las) que\s)/giu

/**
 * A long clause cut where its subordinate part starts, nearest the middle:
 * the main clause (with a verb, six words or more) and the part, which
 * keeps the word that opens it (`because`, `although`, `which`, `found`).
 */
export function subordinate(text: string, words: Words): [string, string] | undefined {
  let best: [string, string] | undefined
  let balance = Infinity
  for (const match of text.matchAll(SUBORDINATE)) {
    const before = text.slice(0, match.index)
    const after = text.slice(match.index + match[0].length)
    if (insideQuote(before) || wordCount(before) < 6 || wordCount(after) < 5 || !words.hasVerb(before) || FUNCTION_END.has(lastWord(before))) continue
    // `wild bees, which get far less attention, appear…`: a relative clause closed by a comma is an insert; the sentence goes on after it.
    if (/^(?:which|who|where|que)\s/i.test(after) && /,\s/.test(after)) continue
    const difference = Math.abs(wordCount(before) - wordCount(after))
    if (difference < balance) [best, balance] = [[before, after], difference]
  }
  return best
}

/**
 * Coordinated clauses of a sentence with their own subject: split at `;`
 * and at `, and`, `, but`, `, yet`, `, so` (the contrast word opens the
 * next bullet); `…, but that …` inside a reported claim becomes `But …`.
 */
export function clauses(text: string, words: Words): Clause[] {
  const parts: Clause[] = []
  let rest = text
  let level = 1
  for (;;) {
    let cut: {at: number; next: string; level: number} | undefined
    // `…, he turned to Moscow`: a comma splice before a pronoun subject is a clause boundary too.
    // (`…, and that is a monster…`: a `that` before a verb is the subject, not a reported claim.)
    for (const match of rest.matchAll(/;\s+|,\s+(and|but|yet|so|y|pero|sino|mais|et|car|donc|aber|doch|sondern|denn|und|ma|e|però|mas|porém)\s+(?:that\s+(?!(?:is|was|has|had|means|meant|makes|made|would|will|can|could|may|might|seems|seemed)\s)|que\s+)?|,\s+(?=(?:he|she|they|it|we|i|this|these|there)\s)/gi)) {
      const before = rest.slice(0, match.index)
      let after = rest.slice(match.index + match[0].length)
      if (insideQuote(before) || wordCount(before) < MIN_WORDS || wordCount(after) < MIN_WORDS) continue
      // `If there is a monster in Frankenstein, it is…`: a clause opening with a subordinator is not a sentence of its own.
      if (!/^[,;]\s+(?:and|but|yet|so|y|pero|sino|mais|et|car|donc|aber|doch|sondern|denn|und|ma|e|però|mas|porém)\s/i.test(match[0]) && !/^;/.test(match[0]) && SUBORDINATOR.test(before) && !/[,;]/.test(before)) continue
      const joiner = (match[1] ?? '').toLowerCase()
      // `…, and that freedom threatened…` after no `that` clause: `that` is a determiner of the next clause's subject.
      const thatTaken = /\s(?:that|que)\s+$/i.test(match[0])
      const reported = thatTaken && /(?<![\p{L}])(?:that|que)\s/iu.test(before)
      if (thatTaken && !reported) after = /(?:that|que)\s+$/i.exec(match[0])![0] + after
      if (!/^;/.test(match[0]) && !reported && !(words.hasVerb(before) && words.hasOwnSubject(thatTaken ? after.replace(/^(?:that|que)\s+/i, '') : after))) continue
      // `…, dass Tempo 30 die Sicherheit verbessert, aber nur dann keinen Stau erzeugt, wenn…`: an adverb, then the verb last, continues the clause before.
      if (joiner && verbFinalContinuation(after, words)) continue
      // `the Victoria, Albert, and Chelsea Embankments`: the last item of a list, not a clause.
      const item = /,\s*([^,;:]+)$/.exec(before)?.[1]
      if (joiner && !reported && ((item && wordCount(item) <= 3 && !words.hasVerb(item)) || !words.hasVerb(after.split(/[,;:]/)[0]!))) continue
      // `X showed that A, and that B`: B is X's claim too, under the bullet that names X.
      if (reported && /^(?:and|y|et|und|e)$/.test(joiner)) {
        cut = {at: match.index, next: match[0].replace(/^,\s+/, '') + after, level: 2}
        break
      }
      const keep = joiner && !/^(?:and|y|et|und|e)$/.test(joiner) ? `${capitalise(joiner)} ` : ''
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

/** A clause opening with an adverb whose only verb closes it (German word order of a subordinate clause): no subject of its own. */
function verbFinalContinuation(text: string, words: Words): boolean {
  const part = text.split(/[,;:]/)[0]!.trim().split(/\s+/)
  if (part.length < 4 || !words.has(part[0]!, 'Adverb') || words.has(part[0]!, 'Noun')) return false
  const verbs = part.map((word, i) => (words.hasVerb(word) ? i : -1)).filter((i) => i >= 0)
  return verbs.length === 1 && verbs[0] === part.length - 1
}
