/**
 * What makes a phrase a slide title: a noun phrase that names a topic, not
 * a fragment (`If smell`, `Readers uneasy`, `Bad that members`), not a bare
 * name (`Joseph Bazalgette`), not a vague one (`Same thing`). compromise tags
 * English; other languages get noun phrases from their articles
 * (`la ventaja bilingüe` → `ventaja bilingüe`), which mark where one starts,
 * and German from its capitalised nouns (`die zulässige Höchstgeschwindigkeit`).
 */

type Tags = Map<string, string[]>

// Words a title does not start with (subordinators, negation, conjunctions) or lead with as a vague modifier.
const LEADING = /^(?:(?:second|third|fourth|fifth|final|autre|autres|même|mêmes|plusieurs|certains|certaines|otro|otra|otros|otras|mismo|misma|varios|varias|andere|anderen|anderer|gleiche|gleichen|altro|altra|altri|outro|outra|outros|anything|everything|nothing|something|if|when|whenever|because|although|though|while|whereas|unless|until|since|as|than|not|and|or|but|so|yet|nor|then|even|just|only|also|same|other|whole|such|certain|various|own|main|different|many|few|several|all|both|most|some|more|much|every|each|any|another|next|last|first|new)\s+)+/i
const VAGUE_HEADS = 'claim|claims|argument|arguments|point|points|example|examples|thing|things|way|ways|view|terms|summary|question|fact|lot|kind|sort|part|case|number|idea|issue|side|matter|aspect|deal|chance|picture|moment|situation|amount|time|times|day|days|place|places|end|start|beginning|top|bottom|middle|rest|front|edge|reason|reasons|answer|problem|problems'
const DETERMINER = new Set('the a an this that these those some any each every no'.split(' '))
// Articles of other languages: a noun phrase starts after one.
const ARTICLE = new Set(
  'el la los las un una unos unas del al su sus este esta estos estas ese esa le les l’ une des du au aux ce cette ces il gli i uno o os as um uma umas uns der die das den dem des ein eine einen einem einer'.split(' ')
)
const CLITIC_BEFORE = /^(?:no|ne|n[’']|se|ya|nunca|me|te|nos|os)$/i
const LINKING = new Set('de di da do of du della del dos das'.split(' '))
const FUNCTION = new Set(
  'que y e o u ni en con por para sin sobre entre como más menos pero sino aunque porque si cuando donde se es son fue ser ha han muy no et ou mais dans pour par avec sur qui est sont pas ne à avant après moins plus très trop sous chez vers depuis pendant sans encore aussi souvent déjà on je tu nous vous ils elles toute tout tous toutes là ici aquí allí ahí hier dort qui und oder aber mit für von zu ist sind nicht che e non per con su è sono'.split(' ')
)
/**
 * A title-worthy form of a noun phrase, or undefined: leading subordinators
 * and vague modifiers and trailing adjectives or adverbs go; a phrase with a
 * number (but a year), a determiner or `that` inside, only names, or fewer
 * than two words is refused.
 */
export function refinePhrase(phrase: string, tags?: Tags, {capitalisedNouns = false} = {}): string | undefined {
  // `terms of the number`, `point of view`: a vague head before `of` says nothing.
  const bare = phrase.replace(LEADING, '').replace(new RegExp(String.raw`^(?:\p{L}+\s+)?(?:${VAGUE_HEADS})\s+of\s+(?:the\s+|a\s+|an\s+)?`, 'iu'), '')
  // `second reading more convincing`: a comparison after the noun is a predicate, not part of the phrase.
  let words = bare.replace(/\s+(?:more|less|most|least|so|too|very)\s+\S+$/i, '').split(/\s+/).filter(Boolean)
  const tagsOf = (word: string) => tags?.get(word.toLowerCase().replace(/[’']s$|[^\p{L}\p{N}]/gu, '')) ?? []
  // `Strongest evidence for bans` → `Evidence for bans`: a title names the thing, not its rank.
  while (words.length > 2 && tags && tagsOf(words[0]!).includes('Superlative')) words = words.slice(1)
  // `Readers uneasy`, `titles available`: a predicate adjective is not part of the phrase.
  while (words.length > 1 && tags && isModifierOnly(tagsOf(words[words.length - 1]!))) words = words.slice(0, -1)
  if (words.length < 2) return undefined
  // `spite of`, `part de`: a phrase never ends on a function word, tagged or not.
  if (/^(?:of|to|in|on|for|with|by|from|at|as|and|or|the|a|an)$/i.test(words[words.length - 1]!) || FUNCTION.has(words[words.length - 1]!.toLowerCase()) || LINKING.has(words[words.length - 1]!.toLowerCase())) return undefined
  // `Fair point`, `Good example`: an adjective on a vague noun.
  if (new RegExp(`^(?:${VAGUE_HEADS})$`, 'i').test(words[words.length - 1]!) && (!tags || words.slice(0, -1).every((word) => isModifierOnly(tagsOf(word))))) return undefined
  if (words.some((word) => /\d/.test(word) && !/^\d{4}s?$/.test(word))) return undefined
  if (words.some((word, i) => i > 0 && DETERMINER.has(word.toLowerCase()) && !isLinkingWord(words[i - 1]!, tagsOf(words[i - 1]!)))) return undefined
  // A title names a thing: all capitalised words (`Joseph Bazalgette`, `Prince of Wales`) is a bare name, unless possessive.
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length
  const linking = words.filter((word) => /^(?:of|and|the|de|du|la|von|van)$/i.test(word)).length
  // (German capitalises every noun: there a capital tells no name.)
  if (!capitalisedNouns && capitalised + linking === words.length && !words.some((word) => /[’']s$/.test(word))) return undefined
  // `the name Frankenstein`, `the physician John Snow`: a label before a name is the name, bare.
  if (!capitalisedNouns && /^\p{Ll}/u.test(words[0]!) && words.length <= 4 && words.slice(1).every((word) => /^\p{Lu}/u.test(word)) && !/[’']s$/.test(words[words.length - 1]!)) return undefined
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
 * that language's model) a verb, joined by `de`/`du`/`del` to the next noun
 * (`manque de sommeil des adolescents`); a word right before another article
 * is a verb taking its object (`el caso de Doñana muestra las…`). German, whose nouns are
 * capitalised: adjectives and a noun, with a genitive or one prepositional
 * phrase after it (`Wirkung auf die Umwelt`).
 */
export function articlePhrases(text: string, tags?: Tags, language?: string): string[] {
  // `l’usage`, `d’un réseau`: an elided article or `de` is a word of its own.
  const tokens = text.replace(/(?<![\p{L}])([ldLD])[’'](?=\p{L})/gu, '$1’ ').split(/\s+/)
  if (language === 'de') return germanPhrases(tokens)
  const phrases: string[] = []
  const clean = (token: string) => token.replace(/^[«“"‘(¿¡]+|[»”"’),.;:!?]+$/gu, '')
  const tagsOf = (word: string) => tags?.get(word.toLowerCase().replace(/[^\p{L}]/gu, '')) ?? []
  const content = (token: string | undefined) => {
    const word = clean(token ?? '').toLowerCase()
    return Boolean(word) && word === clean(token ?? '').toLowerCase() && !ARTICLE.has(word) && !FUNCTION.has(word) && !LINKING.has(word) && !/\d/.test(word) && !isVerbOnly(tagsOf(word))
  }
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!ARTICLE.has(tokens[i]!.toLowerCase())) continue
    // `no la respalda`, `ne les voit`: after a negation or a clitic, an article is a pronoun and a verb follows.
    const nextTags = tagsOf(tokens[i + 1]!)
    if (CLITIC_BEFORE.test(tokens[i - 1] ?? '') && nextTags.includes('Verb') && !nextTags.includes('Noun')) continue
    const words: string[] = []
    for (let j = i + 1; j < tokens.length && words.length < 6; j++) {
      const token = tokens[j]!
      const word = clean(token)
      const lower = word.toLowerCase()
      // `de la continuité`, `du réseau`: a linking word and its article join the next noun to the phrase.
      if (words.length > 0 && (LINKING.has(lower) || CONTRACTED.has(lower)) && word === token) {
        const article = LINKING.has(lower) && ARTICLE.has((tokens[j + 1] ?? '').toLowerCase()) ? 1 : 0
        if (!content(tokens[j + 1 + article])) break
        words.push(word, ...tokens.slice(j + 1, j + 1 + article))
        j += article
        continue
      }
      // `caso de Doñana muestra las consecuencias`, `lumière bleue retarde encore`: a noun is not followed by an article or an adverb; a verb is.
      if (words.length >= 2 && word === token && (ARTICLE.has(lower) || AFTER_VERB.has(lower)) && !LINKING.has(words[words.length - 1]!.toLowerCase())) {
        words.pop()
        break
      }
      // `qu’il`, `s’endormir`: an elided function word (French, Italian) ends the phrase too.
      // (`-mente` ends an adverb in Spanish, Italian and Portuguese.)
      if (!word || ARTICLE.has(lower) || FUNCTION.has(lower) || /^(?:qu|s|n|j|c|m|t)[’']/.test(lower) || /\d/.test(word) || /\p{L}{3}mente$/u.test(lower)) break
      if (LINKING.has(lower) && words.length === 0) break
      // The word after the article is the noun, whatever a tagger says (`los programas`); a verb after it ends the phrase.
      if (words.length > 0 && isVerbOnly(tagsOf(lower))) break
      words.push(word)
      if (word !== token && !/^[«“"‘(¿¡]/u.test(token)) break
    }
    while (words.length && (LINKING.has(words[words.length - 1]!.toLowerCase()) || CONTRACTED.has(words[words.length - 1]!.toLowerCase()) || ARTICLE.has(words[words.length - 1]!.toLowerCase()))) words.pop()
    if (words.length) phrases.push(words.join(' ').replace(/([ldLD]’) /g, '$1'))
  }
  return phrases
}

function isVerbOnly(tags: string[]): boolean {
  return tags.includes('Verb') && !tags.some((tag) => tag === 'Noun' || tag === 'Adjective')
}

// Adverbs that follow a verb, not a noun.
const AFTER_VERB = new Set('encore aussi souvent déjà toujours jamais plus moins très trop bien pas ya también siempre nunca todavía muy anche sempre già ainda também sempre já'.split(' '))

// Contracted article + `de` (`du`, `del`, `della`, `do`): links two nouns like `de`.
const CONTRACTED = new Set('du des del della dello delle dei degli do da dos das d’'.split(' '))
const GERMAN_GENITIVE = new Set('des der eines einer'.split(' '))
const GERMAN_PREPOSITION = new Set('auf für gegen über von mit bei nach zwischen unter vor in an aus'.split(' '))

/** German noun phrases: article, lower-case adjectives, a capitalised noun, and a genitive or one prepositional phrase after it. */
function germanPhrases(tokens: string[]): string[] {
  const phrases: string[] = []
  const clean = (token: string | undefined) => (token ?? '').replace(/^[«»„“"‘(]+|[«»“”"’),.;:!?]+$/gu, '')
  // Adjectives then a noun, from `at`: the words and where they end, or undefined.
  const nounGroup = (at: number): {words: string[]; end: number} | undefined => {
    const words: string[] = []
    for (let j = at; j < tokens.length && words.length < 4; j++) {
      const word = clean(tokens[j])
      if (!word || /\d/.test(word) || FUNCTION.has(word.toLowerCase())) return undefined
      words.push(word)
      if (/^\p{Lu}/u.test(word)) return {words, end: j + 1}
      // Punctuation after an adjective ends the phrase without a noun.
      if (word !== tokens[j]) return undefined
    }
    return undefined
  }
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!ARTICLE.has(tokens[i]!.toLowerCase())) continue
    const head = nounGroup(i + 1)
    if (!head) continue
    let words = head.words
    const last = tokens[head.end - 1]!
    const next = (tokens[head.end] ?? '').toLowerCase()
    if (last === clean(last)) {
      if (GERMAN_GENITIVE.has(next)) {
        const genitive = nounGroup(head.end + 1)
        if (genitive) words = [...words, tokens[head.end]!, ...genitive.words]
      } else if (GERMAN_PREPOSITION.has(next)) {
        const article = ARTICLE.has((tokens[head.end + 1] ?? '').toLowerCase()) || /^(?:ihre[nmrs]?|seine[nmrs]?|diese[nmrs]?)$/i.test(tokens[head.end + 1] ?? '') ? 1 : 0
        const object = nounGroup(head.end + 1 + article)
        if (object) words = [...words, tokens[head.end]!, ...tokens.slice(head.end + 1, head.end + 1 + article), ...object.words]
      }
    }
    phrases.push(words.join(' '))
  }
  return phrases
}
