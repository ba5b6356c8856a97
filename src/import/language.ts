/**
 * The essay's language, told from its commonest short words (articles,
 * prepositions, conjunctions): enough to choose which rules apply. English
 * gets compromise's tagger, Spanish its Spanish model (`spanish.ts`); French,
 * German, Italian and Portuguese get language-neutral methods only
 * (punctuation, that language's clause markers, noun phrases from articles
 * and capitals), never English rules.
 */
export type Language = 'en' | 'es' | 'fr' | 'de' | 'it' | 'pt'

// Words frequent in one language and rare in the others.
const STOPWORDS: Record<Language, Set<string>> = {
  en: new Set('the and of to is in that it was for with as are this by on'.split(' ')),
  es: new Set('el la los las que de y en una por para con del se es'.split(' ')),
  fr: new Set('le la les des du et est une que qui dans pour pas sur au aux ce ne'.split(' ')),
  de: new Set('der die das und ist nicht ein eine den dem des mit sich auf für auch wird'.split(' ')),
  it: new Set('il di che e la per non una sono gli della nel alla del le un è'.split(' ')),
  pt: new Set('o a os as de que e do da em um uma para com não no na dos das'.split(' '))
}

/** The language `text` is written in (English when none stands out). */
export function detectLanguage(text: string): Language {
  const words = text.toLowerCase().match(/\p{L}+/gu)?.slice(0, 600) ?? []
  let best: Language = 'en'
  let bestScore = 0
  for (const [language, stopwords] of Object.entries(STOPWORDS) as Array<[Language, Set<string>]>) {
    const score = words.filter((word) => stopwords.has(word)).length / Math.max(1, words.length)
    if (score > bestScore) [best, bestScore] = [language, score]
  }
  return bestScore >= 0.08 ? best : 'en'
}
