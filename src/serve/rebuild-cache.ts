/**
 * What the rebuilds of one deck (`serve`, `build --watch`) keep from build to
 * build: parsed chunks and rendered slides. Bibliographies and citeproc
 * engines are cached in `cite/` for every build of the process.
 */
import {ParseCache} from './parse-cache.js'
import {SlideCache} from './slide-cache.js'

export class RebuildCache {
  readonly parse = new ParseCache()
  readonly slides = new SlideCache()
}
