/**
 * What the rebuilds of one deck (`serve`, `build --watch`) keep from build to
 * build: parsed chunks and rendered slides. The deck's `Project` holds it
 * (`ProjectCaches.rebuild`), with the citations and measurements of all its decks.
 */
import type {ChunkStore} from '../parse/chunk-store.js'
import {ParseCache} from './parse-cache.js'
import {SlideCache} from './slide-cache.js'

export class RebuildCache {
  readonly parse: ParseCache
  /** Rendered slides; none for a one-off compile that is not fitted, which renders each slide once. */
  readonly slides: SlideCache | undefined

  /**
   * @param store parsed chunks kept on disk by earlier builds (default: none).
   * @param options.slides keep rendered slides (default: `true`).
   */
  constructor(store?: ChunkStore, options: {slides?: boolean} = {}) {
    this.parse = new ParseCache(store)
    this.slides = options.slides === false ? undefined : new SlideCache()
  }
}
