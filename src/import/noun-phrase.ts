/**
 * What makes a phrase a slide title: a noun phrase that names a topic, not
 * a fragment (`If smell`, `Readers uneasy`, `Bad that members`), not a bare
 * name (`Joseph Bazalgette`), not a vague one (`Same thing`). compromise tags
 * English; other languages get noun phrases from their articles
 * (`la ventaja bilingüe` → `ventaja bilingüe`), which mark where one starts.
 */

type Tags = Map<string, string[]>

// Words a title does not start with (subordinators, negation, conjunctions) or lead with as a vague modifier.
const LEADING = /^(?:(?:anything|everything|nothing|something|if|when|whenever|because|although|though|while|whereas|unless|until|since|as|than|not|and|or|but|so|yet|nor|then|even|just|only|also|same|other|whole|such|certain|various|own|main|different|many|few|several|all|both|most|some|more|much|every|each|any|another|next|last|first|new)\s+)+/i
const VAGUE_HEADS = 'point|points|example|examples|thing|things|way|ways|view|terms|summary|question|fact|lot|kind|sort|part|case|number|idea|issue|side|matter|aspect|deal|chance|picture|moment|situation|amount|time|times|day|days|place|places|end|start|beginning|top|bottom|middle|rest|front|edge|reason|reasons|answer|problem|problems'
const DETERMINER = new Set('the a an this that these those some any each every no'.split(' '))
// Articles of other languages: a noun phrase starts after one.
const ARTICLE = new Set(
  'el la los las un una unos unas del al su sus este esta estos estas ese esa le les une des du au aux ce cette ces il gli i uno o os as um uma umas uns der die das den dem des ein eine einen einem einer'.split(' ')
)
const CLITIC_BEFORE = /^(?:no|ne|n[’']|se|ya|nunca|me|te|nos|os)$/i
const LINKING = new Set('de di da do of du della del dos das'.split(' '))
const FUNCTION = new Set(
  'que y e o u ni en con por para sin sobre entre como más menos pero sino aunque porque si cuando donde se es son fue ser ha han muy no et ou mais dans pour par avec sur qui est sont pas ne à avant après moins plus très trop sous chez vers depuis pendant sans encore aussi souvent déjà und oder aber mit für von zu ist sind nicht che e non per con su è sono'.split(' ')
)
const ENGLISH = /^(?:the|and|of|to|is|in|that|it|was|for|with|as|are|this|by|on)$/

/** True when `text` reads as English (compromise's tags mean something). */
export function isEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu)?.slice(0, 300) ?? []
  return words.filter((word) => ENGLISH.test(word)).length >= words.length * 0.12
}

/**
 * A title-worthy form of a noun phrase, or undefined: leading subordinators
 * and vague modifiers and trailing adjectives or adverbs go; a phrase with a
 * number (but a year), a determiner or `that` inside, only names, or fewer
 * than two words is refused.
 */
export function refinePhrase(phrase: string, tags?: Tags): string | undefined {
  // `terms of the number`, `point of view`: a vague head before `of` says nothing.
  const bare = phrase.replace(LEADING, '').replace(new RegExp(String.raw`^(?:\p{L}+\s+)?(?:${VAGUE_HEADS})\s+of\s+(?:the\s+|a\s+|an\s+)?`, 'iu'), '')
  let words = bare.split(/\s+/).filter(Boolean)
  const tagsOf = (word: string) => tags?.get(word.toLowerCase().replace(/[’']s$|[^\p{L}\p{N}]/gu, '')) ?? []
  // `Strongest evidence for bans` → `Evidence for bans`: a title names the thing, not its rank.
  while (words.length > 2 && tags && tagsOf(words[0]!).includes('Superlative')) words = words.slice(1)
  // `Readers uneasy`, `titles available`: a predicate adjective is not part of the phrase.
  while (words.length > 1 && tags && isModifierOnly(tagsOf(words[words.length - 1]!))) words = words.slice(0, -1)
  if (words.length < 2) return undefined
  // `Fair point`, `Good example`: an adjective on a vague noun.
  if (new RegExp(`^(?:${VAGUE_HEADS})$`, 'i').test(words[words.length - 1]!) && (!tags || words.slice(0, -1).every((word) => isModifierOnly(tagsOf(word))))) return undefined
  if (words.some((word) => /\d/.test(word) && !/^\d{4}s?$/.test(word))) return undefined
  if (words.some((word, i) => i > 0 && DETERMINER.has(word.toLowerCase()) && !isLinkingWord(words[i - 1]!, tagsOf(words[i - 1]!)))) return undefined
  // A title names a thing: all capitalised words (`Joseph Bazalgette`, `Prince of Wales`) is a bare name, unless possessive.
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length
  const linking = words.filter((word) => /^(?:of|and|the|de|du|la|von|van)$/i.test(word)).length
  if (capitalised + linking === words.length && !words.some((word) => /[’']s$/.test(word))) return undefined
  // `the name Frankenstein`, `the physician John Snow`: a label before a name is the name, bare.
  if (/^\p{Ll}/u.test(words[0]!) && words.length <= 4 && words.slice(1).every((word) => /^\p{Lu}/u.test(word)) && !/[’']s$/.test(words[words.length - 1]!)) return undefined
  if (tags && tagsOf(words[words.length - 1]!).some((tag) => tag === 'Preposition' || tag === 'Conjunction' || tag === 'Determiner')) return undefined
  // `Fifty years millions`: a plural noun before another noun is two phrases run together.
  if (tags && words.some((word, i) => i < words.length - 1 && tagsOf(word).includes('Plural') && !/[’']s?$/.test(word) && tagsOf(words[i + 1]!).includes('Noun'))) return undefined
  return words.join(' ')
}

function isModifierOnly(tags: string[]): boolean {
  return ['Adjective', 'Adverb', 'Comparative', 'Superlative'].some((tag) => tags.includes(tag)) && !tags.includes('Noun')
}

/** `Critics of these studies`: a determiner may follow a preposition or a conjunction. */
function isLinkingWord(word: string, tags: string[]): boolean {
  return tags.includes('Preposition') || tags.includes('Conjunction') || /^(?:of|in|on|for|with|and|or|to|from|by|about)$/i.test(word)
}

/**
 * Noun phrases of a text in a language compromise does not tag: the words
 * after an article, up to a function word, punctuation or (with `tags` from
 * that language's model) a verb, joined by `de`.
 */
export function articlePhrases(text: string, tags?: Tags): string[] {
  const phrases: string[] = []
  const tokens = text.split(/\s+/)
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!ARTICLE.has(tokens[i]!.toLowerCase())) continue
    // `no la respalda`, `ne les voit`: after a negation or a clitic, an article is a pronoun and a verb follows.
    const nextTags = tags?.get(tokens[i + 1]!.toLowerCase().replace(/[^\p{L}]/gu, '')) ?? []
    if (CLITIC_BEFORE.test(tokens[i - 1] ?? '') && nextTags.includes('Verb') && !nextTags.includes('Noun')) continue
    const words: string[] = []
    for (let j = i + 1; j < tokens.length && words.length < 5; j++) {
      const token = tokens[j]!
      const word = token.replace(/^[«“"‘(¿¡]+|[»”"’),.;:!?]+$/gu, '')
      const lower = word.toLowerCase()
      // `qu’il`, `s’endormir`: an elided function word (French, Italian) ends the phrase too.
      if (!word || ARTICLE.has(lower) || FUNCTION.has(lower) || /^(?:qu|s|n|j|c|m|t)[’']/.test(lower) || /\d/.test(word)) break
      if (LINKING.has(lower) && words.length === 0) break
      // The word after the article is the noun, whatever a tagger says (`los programas`); a verb after it ends the phrase.
      const wordTags = tags?.get(lower) ?? []
      if (words.length > 0 && wordTags.includes('Verb') && !wordTags.some((tag) => tag === 'Noun' || tag === 'Adjective')) break
      words.push(word)
      if (word !== token && !/^[«“"‘(¿¡]/u.test(token)) break
    }
    while (words.length && LINKING.has(words[words.length - 1]!.toLowerCase())) words.pop()
    if (words.length) phrases.push(words.join(' '))
  }
  return phrases
}
