/**
 * Part-of-speech tags for Spanish essays, from es-compromise (compromise's
 * Spanish model, shipped in the package: no network). English compromise
 * reads `Los propios autores reconocen` as a noun phrase; the Spanish model
 * knows `reconocen` is a verb, so a title stops before it. Loaded only for a
 * Spanish essay (it takes about half a second to load).
 */
import {isEnglish} from './noun-phrase.js'

export type WordTags = (text: string) => Map<string, string[]>

const SPANISH = /^(?:el|la|los|las|que|de|y|en|una|por|para|con|del|se|es)$/

/** True when `text` reads as Spanish. */
export function isSpanish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu)?.slice(0, 300) ?? []
  return !isEnglish(text) && words.filter((word) => SPANISH.test(word)).length >= words.length * 0.15
}

/** The language of `text` when citedeck knows it apart from English (`es`), else undefined. */
export function essayLanguage(text: string): string | undefined {
  return isSpanish(text) ? 'es' : undefined
}

/** A tagger for `text`'s language when compromise cannot tag it and a model ships for it; otherwise undefined. */
export async function taggerFor(text: string): Promise<WordTags | undefined> {
  if (!isSpanish(text)) return undefined
  const {default: nlp} = await import('es-compromise')
  return (paragraph) => {
    const tags = new Map<string, string[]>()
    for (const term of nlp(paragraph).terms().json() as Array<{terms: Array<{text: string; tags: string[]}>}>) {
      const word = term.terms[0]!.text.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
      // A Spanish verb ending in -ar, -er or -ir (-se) is an infinitive, whatever the model says (`inhibir`).
      const infinitive = term.terms[0]!.tags.includes('Verb') && /(?:ar|er|ir)(?:se|lo|la|los|las)?$/.test(word) && !term.terms[0]!.tags.includes('Infinitive')
      if (word && !tags.has(word)) tags.set(word, infinitive ? [...term.terms[0]!.tags, 'Infinitive'] : term.terms[0]!.tags)
    }
    return tags
  }
}
