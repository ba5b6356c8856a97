/**
 * What the rebuilds of one deck (`serve`, `build --watch`) keep from build to
 * build: parsed chunks and rendered slides. The deck's `Project` holds it
 * (`ProjectCaches.rebuild`), with the citations and measurements of all its decks.
 */
import {ParseCache} from './parse-cache.js'
import {SlideCache} from './slide-cache.js'

export class RebuildCache {
  readonly parse = new ParseCache()
  readonly slides = new SlideCache()
}
