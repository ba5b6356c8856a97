#!/usr/bin/env node
/**
 * The bundled CLI's entry (`scripts/bundle.js` copies it to `lib/cli.js`):
 * compiles the one-file bundle `lib/bundle/cli.cjs` with V8's code cache
 * `lib/bundle/cli.cjs.cache`, made at `npm run build` by a sample build, so
 * the functions a build runs are not parsed and compiled again in every
 * process (Node 20 has no compile cache of its own; `vm.Script` takes one).
 * A cache V8 refuses (another Node or V8 flags) or one older than the bundle
 * is ignored: the bundle compiles as any script would.
 *
 * `CITEDECK_WRITE_CODE_CACHE=1` writes the cache after the run (the build step).
 */
import {readFileSync, statSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import vm from 'node:vm'

const here = dirname(fileURLToPath(import.meta.url))
const bundle = join(here, 'bundle', 'cli.cjs')
const cachePath = `${bundle}.cache`

function freshCache() {
  try {
    return statSync(cachePath).mtimeMs >= statSync(bundle).mtimeMs ? readFileSync(cachePath) : undefined
  } catch {
    return undefined
  }
}

const argv = process.argv.slice(2)
// `--version` alone needs none of the bundle (what commander prints for it).
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(`${JSON.parse(readFileSync(join(here, '..', 'package.json'), 'utf8')).version}\n`)
  process.exit(0)
}

const writing = process.env.CITEDECK_WRITE_CODE_CACHE === '1'
// Node's module wrapper with one parameter more: the `import` of this ES module, which the bundle's
// imports of packages outside it call (scripts/bundle.js says why).
const wrapped = `(function (exports, require, module, __filename, __dirname, __citedeckLoaderImport) {${readFileSync(bundle, 'utf8')}\n})`
const script = new vm.Script(wrapped, {
  filename: bundle,
  cachedData: writing ? undefined : freshCache()
})
const module = {exports: {}}
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle), (specifier) => import(specifier))
await module.exports.runCliProcess(argv)
if (writing) writeFileSync(cachePath, script.createCachedData())
