/**
 * Starts the citeproc engine of a deck's style in the citeproc worker before
 * the deck is parsed, from its front matter alone: the style and the locale
 * are all an engine needs to start, and starting it is most of what citeproc
 * costs a cold build. A guess, made with the code the build itself uses
 * (front matter, config, style and locale), on a copy of the file whose
 * messages are dropped: when the build's own reading differs (it reports
 * what this one dropped), the engine it needs is simply made in the main
 * thread.
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

const readMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkFrontMatterData).freeze()

/** Starts the engine the deck's front matter names, when the cache has a worker and the deck has sources. */
export async function prewarmCitations(file: VFile, overrides: ConfigOverrides, cache: CitationCache): Promise<void> {
  const worker = cache.worker
  const head = FRONT_MATTER.exec(String(file.value ?? ''))?.[0]
  if (!worker || !head) return
  const copy = new VFile({path: file.path, value: head})
  copy.data.allowOutside = file.data.allowOutside
  const tree = readMatter.parse(copy)
  await readMatter.run(tree, copy)
  remarkDeckConfig(overrides)(tree, copy)
  const config = copy.data.config!
  if (config.bibliography.length === 0 && config.references.length === 0) return
  const {resolveStyleAndLocale} = await import('./styles.js')
  const {style, locale} = resolveStyleAndLocale(config.csl, config.lang, copy, cache.styles)
  worker.start(style.xml, locale)
}
