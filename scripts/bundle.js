/**
 * Bundles the command line after `tsc` (`npm run build`): the CLI becomes
 * one CommonJS file, `lib/bundle/cli.cjs`, instead of ~420 small ES modules
 * that Node resolves, reads and links one by one (half the CPU of starting
 * `citedeck build`: a one-slide build 0.4 s → 0.2 s). Its modules are still
 * evaluated only when first imported. `lib/cli.js` becomes the loader
 * (scripts/cli-loader.js), which compiles the bundle with a V8 code cache
 * made here by a sample build: the functions a build runs come compiled.
 * The library (`lib/index.js`) stays unbundled; `tsc` alone leaves a CLI
 * that works the same, unbundled.
 *
 * Left out of the bundle: packages that find files of their own beside
 * their code (browser driver, fonts, styles, locales, KaTeX, Mermaid,
 * reveal.js) or that only some commands load (citation-js, NLP, PowerPoint,
 * PDF writer, file watcher). The bundle sits two folders below the package
 * root, as every module in lib/ does, so paths written `../../` from a module
 * still name the same files; the citeproc worker is a bundle of its own
 * there. The parse cache's fingerprint of the bundled parser is written
 * beside them.
 */
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const LIB = join(ROOT, 'lib')
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

// A function compiled from V8's code cache loses the script's dynamic-import hook
// (Node 20: ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING at the first `import('katex')`),
// so the bundle's imports of the packages left outside it call the loader's own
// `import`, passed in as a parameter of the bundle's wrapper; run any other way
// (the worker, a bundle run by Node itself) they import as before.
const IMPORT = '__citedeckImport'
const LOADER_IMPORT = '__citedeckLoaderImport'
const EXTERNAL_PACKAGE = new RegExp(`^(?:${EXTERNAL.map((name) => name.replace(/[.]/g, '\\.').replace('*', '[^/]+')).join('|')})(?:/|$)`)
function throughLoaderImport(code) {
  return code.replace(/\bimport\((["'])([^"'\s]+)\1\)/g, (call, quote, specifier) => (EXTERNAL_PACKAGE.test(specifier) ? `${IMPORT}(${quote}${specifier}${quote})` : call))
}

let esbuild
try {
  esbuild = await import('esbuild')
} catch {
  console.warn('scripts/bundle.js: esbuild is not installed (a production install); the CLI stays unbundled')
  process.exit(0)
}
if (readFileSync(join(LIB, 'cli.js'), 'utf8') === readFileSync(join(ROOT, 'scripts', 'cli-loader.js'), 'utf8')) {
  console.error('scripts/bundle.js: lib/cli.js is the loader of an earlier bundle: run `npm run build` (tsc first)')
  process.exit(1)
}
rmSync(join(LIB, 'bundle'), {recursive: true, force: true})
await esbuild.build({
  entryPoints: {cli: join(LIB, 'cli.js'), worker: join(LIB, 'cite', 'worker.js')},
  outdir: join(LIB, 'bundle'),
  outExtension: {'.js': '.cjs'},
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // Each module's own URL was its file's; in the bundle it is the bundle's, which sits where the modules did (two folders down).
  define: {'import.meta.url': '__bundleUrl'},
  banner: {js: `var __bundleUrl = require('node:url').pathToFileURL(__filename).href;\nvar ${IMPORT} = typeof ${LOADER_IMPORT} === 'function' ? ${LOADER_IMPORT} : (specifier) => import(specifier);`},
  logLevel: 'warning'
})
// The loader wraps the bundle in a function, where cli.ts's `#!` line would be a syntax error.
const cli = join(LIB, 'bundle', 'cli.cjs')
writeFileSync(cli, throughLoaderImport(readFileSync(cli, 'utf8').replace(/^#!.*\n/, '')))
copyFileSync(join(ROOT, 'scripts', 'cli-loader.js'), join(LIB, 'cli.js'))

// The parse cache's key to the parser (src/parse/chunk-store.ts), hashed once here rather than on every build.
const {FINGERPRINT_FILE, hashParser} = await import(pathToFileURL(join(LIB, 'parse', 'chunk-store.js')).href)
writeFileSync(join(LIB, 'bundle', FINGERPRINT_FILE), hashParser(join(LIB, 'bundle')) + '\n')

// The code cache: what a build of a cited deck compiles (parse, citations in the worker's way, code, tables, render, write).
const sample = mkdtempSync(join(tmpdir(), 'citedeck-code-cache-'))
try {
  const {syntheticBibliography, syntheticMarkdown} = await import(pathToFileURL(join(ROOT, 'bench', 'synthetic.js')).href)
  const extra = ['## Code', '', '```js', 'const answer = (x) => x * 2 // a comment', '```', '', '## Table', '', '| a | b |', '|---|---|', '| 1 | 2 |', '']
  writeFileSync(join(sample, 'deck.md'), syntheticMarkdown({slides: 80, citations: 80, sources: 10}).replace('## References', `${extra.join('\n')}\n## References`))
  writeFileSync(join(sample, 'references.json'), JSON.stringify(syntheticBibliography(10)))
  execFileSync(process.execPath, [join(LIB, 'cli.js'), 'build', join(sample, 'deck.md'), '-o', join(sample, 'out'), '--no-fit', '-q'], {
    env: {...process.env, CITEDECK_WRITE_CODE_CACHE: '1'},
    stdio: 'inherit'
  })
} catch (error) {
  console.warn(`scripts/bundle.js: no code cache (${error.message}); the CLI compiles as it loads`)
} finally {
  rmSync(sample, {recursive: true, force: true})
}
