/**
 * Starts citeproc's work in the citeproc worker before the deck is parsed:
 * the engine of the style and locale the front matter names, then the
 * citations a line-by-line reading of the text finds (cited sources,
 * clusters, the bibliography), so the worker formats while the main thread
 * parses. A guess, made with the code the build itself uses (front matter,
 * config, style and locale, citation syntax, the resolve walk), on a copy of
 * the file whose messages are dropped: the build's own walk asks the worker
 * only for what the guess missed, and when the guess names another engine,
 * the one the build needs is made in the main thread.
 */
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {type ConfigOverrides, remarkDeckConfig} from '../config.js'
import {remarkFrontMatterData} from '../parse/front-matter.js'
import type {CitationCache} from './cache.js'

// The YAML block that opens a deck, if any: only its text is parsed here.
const FRONT_MATTER = /^---[ \t]*\r?\n(?:[^\n]*\n)*?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/

// A shorter deck parses faster than a worker starts: its citations are formatted in the main thread, as before.
const WORTH_A_WORKER = 16 * 1024

const readMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkFrontMatterData).freeze()

/** Starts the engine the deck's front matter names, when the cache has a worker and the deck is long and has sources. */
export async function prewarmCitations(file: VFile, overrides: ConfigOverrides, cache: CitationCache): Promise<void> {
  const worker = cache.worker
  const text = String(file.value ?? '')
  const head = FRONT_MATTER.exec(text)?.[0]
  if (!worker || !head || text.length < WORTH_A_WORKER) return
  const copy = new VFile({path: file.path, value: head})
  copy.data.allowOutside = file.data.allowOutside
  const tree = readMatter.parse(copy)
  await readMatter.run(tree, copy)
  remarkDeckConfig(overrides)(tree, copy)
  const config = copy.data.config!
  if (config.bibliography.length === 0 && config.references.length === 0) return
  // Outputs kept from an earlier build (a rebuild after an edit) may cover the deck: then no engine starts unless one is missing.
  const rebuilding = !cache.memo.empty
  // The thread starts and loads citeproc while citation-js loads here to give the style.
  if (!rebuilding) worker.boot()
  const {resolveStyleAndLocale} = await import('./styles.js')
  const {style, locale} = resolveStyleAndLocale(config.csl, config.lang, copy, cache.styles)
  worker.start(style.xml, locale, rebuilding)
  // The citations found in the text, formatted while the deck parses: most of them are the ones the build asks for.
  const [{guessCitations}, {speculateCitations}] = await Promise.all([import('../parse/citations.js'), import('./resolve.js')])
  const guessed = guessCitations(text)
  if (guessed.length > 0) await speculateCitations(copy, config, {cache, used: new Set()}, guessed)
}
