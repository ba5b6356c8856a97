/**
 * Everything a `Project` keeps from one build to the next, in one place:
 * formatted citations (with parsed bibliographies and citeproc engines),
 * slide measurements, drawn diagrams, and per deck the parsed chunks and rendered slides of
 * its rebuilds. Owned by one project, so two projects never share state.
 */
import type {Cache, MeasureCache} from '../check/cache.js'
import {CitationCache, type CitationScope} from '../cite/cache.js'
import type {Drawn} from '../render/mermaid-page.js'
import {RebuildCache} from '../serve/rebuild-cache.js'

export class ProjectCaches {
  /** Bibliographies, citeproc engines and outputs, citeproc's HTML as hast. */
  readonly citations: CitationCache
  /** Slide measurements by the slide's HTML and the deck's styles (see check/measure.ts). */
  readonly measurements: MeasureCache = new Map()
  /** Mermaid drawings by source and theme (see render/diagrams.ts). */
  readonly diagrams: Cache<Drawn> = new Map()
  private readonly decks = new Map<string, RebuildCache>()

  /** @param options.citeprocWorker format citations in a worker thread (default: `false`). */
  constructor(options: {citeprocWorker?: boolean} = {}) {
    this.citations = new CitationCache({worker: options.citeprocWorker})
  }

  /**
   * Parsed chunks and rendered slides of one deck (by absolute path), for
   * rebuilds of it (`serve`, `build --watch`). A one-off build does without:
   * the cache pays off only when most of the deck comes back unchanged.
   */
  rebuild(path: string): RebuildCache {
    let cache = this.decks.get(path)
    if (!cache) {
      cache = new RebuildCache()
      this.decks.set(path, cache)
    }
    return cache
  }

  /** A build's use of the citation cache: the memo groups it used are the ones saved beside its output. */
  citationScope(): CitationScope {
    return {cache: this.citations, used: new Set()}
  }
}
