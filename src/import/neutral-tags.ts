/**
 * Part-of-speech tags for essays in a language without a shipped tagger
 * (French, German, Italian, Portuguese), from what any grammar book lists:
 * the closed word classes (articles, prepositions, conjunctions, pronouns),
 * the commonest finite verbs, and forms only a verb takes (French `-aient`,
 * a word after a subject pronoun or `ne`; German lower-case words, since its
 * nouns are capitalised). Coarse, but it tells a verb from a noun well enough
 * for titles to stop before the verb and for clauses to be told apart; no
 * English rule is applied to these languages.
 */
import type {Language} from './language.js'

type Tags = Map<string, string[]>

interface Lexicon {
  determiners: string
  prepositions: string
  conjunctions: string
  pronouns: string
  /** Finite verbs common in essays (auxiliaries, modals, reporting verbs). */
  verbs: string
  /** Endings only a finite verb has. */
  verbEnding?: RegExp
  /** Past participles (also adjectives). */
  participle?: RegExp
  /** Words after which the next word is a verb (subject pronouns, `ne`). */
  beforeVerb: string
}

const LEXICONS: Partial<Record<Language, Lexicon>> = {
  fr: {
    determiners: 'le la les l un une des du au aux ce cet cette ces mon ma mes son sa ses leur leurs notre nos votre vos chaque plusieurs certains certaines',
    prepositions: 'à de d dans pour par avec sans sur sous entre vers chez depuis pendant avant après selon malgré contre parmi dès en jusqu',
    conjunctions: 'et ou mais donc car ni or que qu si comme lorsque quand puisque alors tandis bien',
    pronouns: 'il elle ils elles on je j nous vous qui se s lui y en ce cela ceci',
    verbs: 'est sont était étaient sera seront serait seraient a ont avait avaient aura auront aurait auraient fut peut peuvent pourrait pourraient doit doivent devrait devraient fait font va vont reste restent semble semblent montre montrent permet permettent dépend dépendent existe existent explique expliquent affirme affirment souligne soulignent résume suggère suggèrent propose proposent reconnaît reconnaissent joue jouent',
    verbEnding: /^\p{L}{2,}(?:aient|ait|èrent|eraient|erait|eront|ront|iez|ions)$/u,
    // (Not `-té`: `société`, `continuité` are nouns.)
    participle: /^\p{L}{3,}(?<!t)(?:é|ée|és|ées)$/u,
    beforeVerb: 'il elle ils elles on je nous vous qui ne n se s'
  },
  de: {
    determiners: 'der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner sein seine seinen ihr ihre ihren dieser diese dieses diesen jede jeder jedes viele alle',
    prepositions: 'in an auf aus bei mit nach von zu über unter vor hinter neben zwischen durch für gegen ohne um seit bis trotz während wegen laut im am vom zum zur beim ins ans',
    conjunctions: 'und oder aber denn sondern doch dass weil obwohl wenn falls als ob sodass damit jedoch',
    pronouns: 'er sie es wir ihr ich man sich',
    verbs: 'ist sind war waren hat haben hatte hatten wird werden wurde wurden kann können konnte muss müssen musste soll sollen sollte sollten darf dürfen gibt geht liegt zeigt zeigen bleibt steht stehen sinkt sank steigt stieg hängt',
    participle: /^ge\p{Ll}{3,}(?:t|en)$/u,
    beforeVerb: 'er sie es wir ich man'
  },
  it: {
    determiners: 'il lo la i gli le un uno una del dello della dei degli delle al allo alla ai agli alle questo questa questi queste',
    prepositions: 'di a da in con su per tra fra nel nella nei negli nelle sul sulla secondo contro senza verso',
    conjunctions: 'e o ma però che se come quando perché mentre anche',
    pronouns: 'lui lei loro noi voi io si ci',
    verbs: 'è sono era erano sarà saranno ha hanno aveva avevano può possono deve devono fa fanno sembra sembrano mostra mostrano',
    verbEnding: /^\p{L}{3,}(?:avano|evano|ivano|ano|ono)$/u,
    beforeVerb: 'lui lei loro noi voi io si non'
  },
  pt: {
    determiners: 'o a os as um uma uns umas do da dos das no na nos nas ao aos este esta estes estas esse essa',
    prepositions: 'de em para por com sem sobre entre até desde segundo contra',
    conjunctions: 'e ou mas porém que se como quando porque enquanto',
    pronouns: 'ele ela eles elas nós se lhe',
    verbs: 'é são era eram será serão tem têm tinha tinham pode podem deve devem faz fazem parece parecem mostra mostram há',
    verbEnding: /^\p{L}{3,}(?:avam|iam|aram|eram|iram)$/u,
    beforeVerb: 'ele ela eles elas nós se não'
  }
}

const words = (list: string) => new Set(list.split(' '))

/** A tagger for `language` from its closed word classes, or undefined when none is listed. */
export function neutralTagger(language: Language): ((text: string) => Tags) | undefined {
  const lexicon = LEXICONS[language]
  if (!lexicon) return undefined
  const classes: Array<[Set<string>, string[]]> = [
    [words(lexicon.determiners), ['Determiner']],
    [words(lexicon.prepositions), ['Preposition']],
    [words(lexicon.conjunctions), ['Conjunction']],
    [words(lexicon.pronouns), ['Pronoun']],
    [words(lexicon.verbs), ['Verb', 'PresentTense']]
  ]
  const beforeVerb = words(lexicon.beforeVerb)
  const determiners = classes[0]![0]
  return (text) => {
    const tags: Tags = new Map()
    const tokens = text.split(/[\s’']+/)
    tokens.forEach((token, i) => {
      const bare = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
      const word = bare.toLowerCase()
      if (!word || tags.has(word)) return
      const previous = (tokens[i - 1] ?? '').toLowerCase().replace(/[^\p{L}]/gu, '')
      const closed = classes.find(([set]) => set.has(word))
      if (closed) return tags.set(word, closed[1])
      if (lexicon.participle?.test(word)) return tags.set(word, ['Participle', 'Adjective'])
      if (language === 'de') return tags.set(word, germanTags(bare, determiners.has(previous) || classes[1]![0].has(previous)))
      const verb = lexicon.verbEnding?.test(word) || beforeVerb.has(previous) || (language === 'fr' && isFrenchPlural(word) && !determiners.has(previous))
      tags.set(word, verb ? ['Verb', 'PresentTense'] : ['Noun'])
    })
    return tags
  }
}

// `-ent` ends a plural verb (`dorment`, `commencent`) but for adverbs and nouns in `-ement`, `-emment`… and a few common words.
const NOT_VERBS = /(?:ement|amment|emment|ument|ément|iment)$|^(?:souvent|moment|parent|accident|argent|président|client|agent|patient|talent|continent|différent|récent|fréquent|excellent|urgent|intelligent|évident|absent|présent|compétent|équivalent|violent|adolescent|innocent|serpent|comment|pourcent)$/u

function isFrenchPlural(word: string): boolean {
  return word.length >= 5 && word.endsWith('ent') && !NOT_VERBS.test(word)
}

/** German nouns are capitalised; a lower-case word after an article or preposition is an adjective, otherwise most often a verb. */
function germanTags(word: string, afterArticle: boolean): string[] {
  if (/^\p{Lu}/u.test(word)) return ['Noun']
  if (afterArticle || /(?:ig|lich|isch|bar|sam|los|iert)$/u.test(word)) return ['Adjective']
  return /(?:t|en|te|ten|st|ert|elt)$/u.test(word) ? ['Verb', 'PresentTense'] : ['Adverb']
}
