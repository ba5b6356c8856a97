/**
 * Bundles the command line after `tsc` (`npm run build`): `lib/cli.js`
 * becomes one entry file whose modules load from a few chunks in
 * `lib/bundle/`, split at the CLI's own lazy imports, instead of ~420 small
 * ES modules that Node resolves, reads and links one by one. That is half
 * the CPU of starting `citedeck build` (a one-slide build: 0.4 s → 0.2 s).
 * The library (`lib/index.js`) stays unbundled; `tsc` alone leaves a CLI
 * that works the same, unbundled.
 *
 * Left out of the bundle: packages that find files of their own beside
 * their code (browser driver, fonts, styles, locales, KaTeX, Mermaid,
 * reveal.js) or that only some commands load (citation-js, NLP, PowerPoint,
 * PDF writer, file watcher). Chunks sit two folders below the package root,
 * as every module in lib/ does, so paths written `../../` from a module still
 * name the same files; the citeproc worker is an entry of its own there.
 */
import {rmSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const LIB = join(dirname(fileURLToPath(import.meta.url)), '..', 'lib')
const EXTERNAL = [
  '@citation-js/*',
  '@fontsource/*',
  'chokidar',
  'citeproc',
  'citeproc-locales',
  'compromise',
  'es-compromise',
  'jszip',
  'katex',
  'mammoth',
  'mermaid',
  'pdf-lib',
  'pptxgenjs',
  'puppeteer-core',
  'reveal.js'
]

let esbuild
try {
  esbuild = await import('esbuild')
} catch {
  console.warn('scripts/bundle.js: esbuild is not installed (a production install); the CLI stays unbundled')
  process.exit(0)
}
rmSync(join(LIB, 'bundle'), {recursive: true, force: true})
await esbuild.build({
  entryPoints: {cli: join(LIB, 'cli.js'), 'bundle/worker': join(LIB, 'cite', 'worker.js')},
  outdir: LIB,
  chunkNames: 'bundle/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  allowOverwrite: true,
  // Bundled CommonJS packages (commander, yaml's dependencies…) call `require` for Node's own modules.
  banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
  logLevel: 'warning'
})
