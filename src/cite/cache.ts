/**
 * What formatting citations keeps from build to build, for one `Project`:
 * parsed bibliographies, read styles, citeproc engines, citeproc's outputs (the memo saved
 * beside the output) and citeproc's HTML parsed to hast. Nothing here is
 * shared between projects, so two decks built at once with different
 * bibliographies or styles cannot see each other's.
 *
 * A build gets a `CitationScope`: this cache, and the memo groups it used.
 */
import type {ElementContent} from 'hast'
import {BibliographyCache} from './bibliography-cache.js'
import type {CiteEngine} from './engine.js'
import type {Bibliography, Parsed} from './load.js'
import {CitationMemo} from './memo.js'
import type {Style} from './styles.js'
import {CiteprocWorker} from './worker-client.js'

// A few decks at a time (a watch session, a batch); the oldest engine goes first.
const ENGINE_LIMIT = 8

export class CitationCache {
  readonly bibliographies = new BibliographyCache<Parsed>()
  readonly memo = new CitationMemo()
  /** Styles by name or path, read (see styles.ts). */
  readonly styles = new Map<string, Style>()
  /** citeproc's HTML parsed and sanitised, by the HTML (see `toHast` in engine.ts). */
  readonly hast = new Map<string, ElementContent[]>()
  private readonly engines = new Map<string, CiteEngine>()
  /** citeproc in a thread of its own (see worker-client.ts), when asked for and possible. */
  readonly worker: CiteprocWorker | undefined

  /** @param options.worker format in a citeproc worker (default: `false`: all in this thread). */
  constructor(options: {worker?: boolean} = {}) {
    this.worker = options.worker && CiteprocWorker.available() ? new CiteprocWorker() : undefined
  }

  /** The engine for a style, locale and bibliography version; `make` creates it (citeproc loads only then). */
  engine(style: Style, lang: string, bibliography: Bibliography, make: (memo: CitationMemo) => CiteEngine): CiteEngine {
    const key = `${style.name}\u0000${style.xml.length}\u0000${lang}\u0000${bibliography.version}`
    let engine = this.engines.get(key)
    if (!engine) {
      if (this.engines.size >= ENGINE_LIMIT) this.engines.delete(this.engines.keys().next().value!)
      engine = make(this.memo)
      this.engines.set(key, engine)
    }
    return engine
  }
}

/** One build's view of a project's citation cache: the memo groups it used are the ones saved beside its output. */
export interface CitationScope {
  cache: CitationCache
  used: Set<string>
}

/** A scope of its own, for a compile outside any project (nothing kept). */
export function freshScope(): CitationScope {
  return {cache: new CitationCache(), used: new Set()}
}
