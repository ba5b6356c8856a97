/**
 * The one place the unified chain is assembled: Markdown → slides (mdast) →
 * hast. The processor is frozen and shared; per-deck settings travel in
 * `file.data.config`, so rebuilds reuse it.
 */
import type {Root as HastRoot} from 'hast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {remarkLint} from './check/lint.js'
import {remarkPaginateReferences} from './check/reference-pages.js'
import {remarkFit} from './check/split.js'
import type {CitationScope} from './cite/cache.js'
import {remarkResolveCitations} from './cite/resolve.js'
import {type ConfigOverrides, remarkDeckConfig} from './config.js'
import {remarkChunkedParse} from './parse/chunked-parse.js'
import {remarkCitations} from './parse/citations.js'
import {remarkFragments} from './parse/fragments.js'
import {remarkFrontMatterData} from './parse/front-matter.js'
import {remarkImages} from './parse/images.js'
import {remarkPandoc} from './parse/pandoc/index.js'
import {remarkQuotes} from './parse/quotes.js'
import {remarkSafe, type SafeOptions} from './parse/safe.js'
import {remarkSlides} from './parse/slides.js'
import {handlers} from './render/handlers.js'
import {rehypeCodeLines} from './render/code-lines.js'
import {rehypeFigures} from './render/figures.js'
import {rehypeHighlightCode} from './render/highlight.js'
import {remarkSourceLimits} from './io/source-limits.js'
import {remarkTypesetMath} from './render/math.js'
import {remarkParseCache} from './serve/parse-cache.js'
import type {RebuildCache} from './serve/rebuild-cache.js'
import {cachedHandlers} from './serve/slide-cache.js'

export interface PipelineOptions extends ConfigOverrides, SafeOptions {
  /** Parsed chunks and rendered slides kept between rebuilds of one deck (`serve`, `build --watch`); default: none. */
  cache?: RebuildCache
  /** The project's citation cache and this build's use of it (default: one kept for this build only). */
  citations?: CitationScope
}

export function createProcessor(overrides: PipelineOptions = {}) {
  return unified()
    .use(remarkParse)
    // `~~x~~` only, as pandoc: a single `~` is part of citation keys (`@a~b`) and pandoc's subscript.
    .use(remarkGfm, {singleTilde: false})
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkMath)
    .use(remarkPandoc)
    .use(remarkTypesetMath)
    .use(remarkParseCache, {cache: overrides.cache?.parse})
    .use(remarkChunkedParse)
    // Last, so it wraps the parsers above: over-limit lines are blanked before anything parses them.
    .use(remarkSourceLimits)
    .use(remarkFrontMatterData)
    .use(remarkDeckConfig, overrides)
    .use(remarkImages, overrides)
    .use(remarkCitations)
    .use(remarkSlides)
    .use(remarkFragments)
    .use(remarkQuotes)
    .use(remarkLint)
    .use(remarkFit)
    .use(remarkResolveCitations, {citations: overrides.citations})
    .use(remarkPaginateReferences)
    .use(remarkSafe, overrides)
    .use(remarkRehype, {handlers: overrides.cache?.slides ? cachedHandlers(overrides.cache.slides) : handlers, allowDangerousHtml: true})
    .use(rehypeFigures)
    .use(rehypeHighlightCode)
    .use(rehypeCodeLines)
    .freeze()
}

/** Runs the chain on a file; the result is the slides as hast, settings in `file.data.config`. */
export async function toSlides(file: VFile, overrides: PipelineOptions = {}): Promise<HastRoot> {
  const processor = createProcessor(overrides)
  const citations = overrides.citations?.cache
  // With a citeproc worker, its engine starts on the front matter's style while the deck parses.
  if (citations?.worker) await (await import('./cite/prewarm.js')).prewarmCitations(file, overrides, citations)
  return processor.run(processor.parse(file), file)
}
