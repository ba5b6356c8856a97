/**
 * The titles of an imported deck's slides: a paragraph's topic as a noun
 * phrase (read from its first sentence and a thesis statement), the essay's
 * own headings, and quote slides titled by who speaks on what.
 */
import type nlp from 'compromise'
import {wordTags} from './bullet-words.js'
import type {Labels} from './labels.js'
import type {WordTags} from './spanish.js'
import {type PhraseOptions, contentWords, keyPhrases, slideTitle} from './topics.js'

/** What the titles are chosen against: every paragraph, and the names never to use as titles. */
export interface TitleContext {
  blocks: Array<{kind: string; text: string}>
  citedNames: string[]
  tagWords?: WordTags
  /** The essay's language when not English. */
  language?: string
}

/**
 * Titles for a quote slide, best first: the speaker on what the quotation is
 * about (`Kennedy on nuclear weapons`), what its introduction names
 * (`Kennedy’s doctrine`), whoever it is from (speaker, person named before it,
 * or the cited author) on that or on the paragraph's topic (`Carson on the
 * prosperous American town`), and at least whose words they are.
 */
export function quoteTitles(quote: string, intro: string, speaker: string | undefined, who: string | undefined, paragraphTitle: string | undefined, options: PhraseOptions, labels: Labels): string[] {
  // `Kennedy on nuclear weapons` says more than `Kennedy on United States`: common nouns first.
  const phrases = keyPhrases(quote, options)
  const found = (phrases.find((phrase) => /^\p{Ll}\S*\s/u.test(phrase.text)) ?? phrases.find((phrase) => /^\p{Ll}/u.test(phrase.text)) ?? phrases.find((phrase) => phrase.text.includes(' ')))?.text
  const topic = found && quote.includes(lowerFirst(found)) ? lowerFirst(found) : found
  const introTopic = keyPhrases(intro, options).find((phrase) => phrase.text.includes(' '))?.text
  // A title's capital is a title's, unless the phrase starts with a name (`Kennedy’s doctrine`, `UK pilot`).
  const first = paragraphTitle?.split(/\s+/)[0] ?? ''
  const named = !/^\p{Lu}\p{Ll}/u.test(first) || /\s\p{Lu}/u.test(paragraphTitle ?? '') || new RegExp(String.raw`[\p{Ll},;]\s+${first.replace(/[’']s$/, '')}`, 'u').test(`${intro} ${quote}`)
  const about = paragraphTitle && paragraphTitle !== labels.keyPoints && paragraphTitle !== labels.conclusion ? (named ? paragraphTitle : lowerFirst(paragraphTitle)) : undefined
  const on = (person: string | undefined, what: string | undefined) => (person && what ? labels.on(person, what) : undefined)
  return [on(speaker, topic), introTopic, on(who, topic), topic, on(who, about), who && labels.words(who)].filter((text): text is string => Boolean(text))
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/** The paragraph's topic as a noun phrase; quoted words are someone else's phrasing, not its topic. */
export function topicTitle(text: string, doc: ReturnType<typeof nlp>, lead: string | undefined, options: PhraseOptions, used: Set<string>, fallback = 'Key points', tags = wordTags(doc)): string {
  const own = text.replace(/“[^”]*(?:”|$)/g, ' ')
  const nouns = (doc.nouns().out('array') as string[]).filter((noun) => own.includes(noun.replace(/[,;:.!?]+$/, '')))
  const phrases = keyPhrases(own, {...options, lead, nouns, tags: options.english === false ? options.tagWords?.(own) : tags})
  return slideTitle(phrases, used, fallback)
}

// A sentence stating the essay's thesis names what an introduction is about.
const THESIS = /\b(?:this (?:essay|paper|report|article)|I (?:will )?(?:argue|show|examine|look at|explore)|en este (?:trabajo|ensayo|artículo)|defiendo que)\b/i

/** The sentences a paragraph's topic is read from: its first, and a thesis statement. */
export function topicSentences(sentences: string[]): string {
  return [sentences[0] ?? '', ...sentences.slice(1).filter((sentence) => THESIS.test(sentence))].join(' ')
}

/** A title given by the essay (its heading, or `Conclusion`), marked as used. */
export function takeTitle(title: string, used: Set<string>): string {
  used.add(title.toLowerCase())
  return title
}

/** Word frequencies over all paragraphs, and the names never to use as titles. */
export function phraseContext(input: TitleContext): PhraseOptions {
  const counts = new Map<string, number>()
  const paragraphs = input.blocks.filter((block) => block.kind !== 'heading')
  for (const block of paragraphs) for (const word of new Set(contentWords(block.text))) counts.set(word, (counts.get(word) ?? 0) + 1)
  const english = input.language === undefined || input.language === 'en'
  return {exclude: new Set(input.citedNames.map((name) => name.toLowerCase())), frequency: {counts, paragraphs: paragraphs.length}, english, ...(input.language ? {language: input.language} : {}), ...(input.tagWords ? {tagWords: input.tagWords} : {})}
}
