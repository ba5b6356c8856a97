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
  readonly slides = new SlideCache()

  /** @param store parsed chunks kept on disk by earlier builds (default: none). */
  constructor(store?: ChunkStore) {
    this.parse = new ParseCache(store)
  }
}
