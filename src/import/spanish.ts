/**
 * Part-of-speech tags for Spanish essays, from es-compromise (compromise's
 * Spanish model, shipped in the package: no network). English compromise
 * reads `Los propios autores reconocen` as a noun phrase; the Spanish model
 * knows `reconocen` is a verb, so a title stops before it. Loaded only for a
 * Spanish essay (it takes about half a second to load).
 */
import {createRequire} from 'node:module'
import type {Language} from './language.js'
import {neutralTagger} from './neutral-tags.js'

export type WordTags = (text: string) => Map<string, string[]>

/**
 * A tagger for an essay in `language` when compromise's English one does not
 * apply: Spanish's shipped model, or for languages without one the tags their
 * closed word classes give (`neutral-tags.ts`); undefined for English.
 */
export async function taggerFor(language: Language): Promise<WordTags | undefined> {
  if (language === 'en') return undefined
  if (language !== 'es') return neutralTagger(language)
  // Required, not imported: the bundled CLI compiles with a V8 code cache, and there a dynamic `import()` of a package has no loader (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING).
  const nlp = createRequire(import.meta.url)('es-compromise') as typeof import('es-compromise').default
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
