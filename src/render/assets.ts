/**
 * The files a deck needs beside its `index.html`: reveal.js and its plugins,
 * copied from the npm package (never a CDN), the base layout and the theme
 * (fonts: see fonts.ts). Paths are relative to the output folder.
 */
import {createRequire} from 'node:module'
import {dirname, join, resolve} from 'node:path'
import {PACKAGE_ROOT} from './theme.js'

export interface Asset {
  /** Path inside the output folder, with `/` separators. */
  href: string
  /** Absolute path of the source file. */
  source: string
  /** The text to inline with `--embed`, when it is not the file's (a stylesheet whose fonts become data URLs). */
  inline?: () => string
}

const require = createRequire(import.meta.url)
const REVEAL = dirname(require.resolve('reveal.js/package.json'))

/** Stylesheets in cascade order: reveal, citedeck's layout (code colours included), then the theme last so it wins. */
export function styleAssets(themePath: string): Asset[] {
  return [
    {href: 'reveal/reset.css', source: join(REVEAL, 'dist/reset.css')},
    {href: 'reveal/reveal.css', source: join(REVEAL, 'dist/reveal.css')},
    {href: 'citedeck/layout.css', source: resolve(PACKAGE_ROOT, 'assets/layout.css')},
    {href: 'theme.css', source: themePath}
  ]
}

/** Scripts and the global each defines. Code is highlighted at build time, so the highlight plugin is not loaded. */
export const SCRIPT_ASSETS: Array<Asset & {global?: string}> = [
  {href: 'reveal/reveal.js', source: join(REVEAL, 'dist/reveal.js')},
  {href: 'reveal/plugin/notes/notes.js', source: join(REVEAL, 'plugin/notes/notes.js'), global: 'RevealNotes'},
  {href: 'reveal/plugin/search/search.js', source: join(REVEAL, 'plugin/search/search.js'), global: 'RevealSearch'},
  {href: 'reveal/plugin/zoom/zoom.js', source: join(REVEAL, 'plugin/zoom/zoom.js'), global: 'RevealZoom'}
]
