/**
 * The bundled CLI (scripts/bundle.js): `lib/cli.js` loads `lib/bundle/cli.cjs`
 * with the V8 code cache made at `npm run build`. A cache V8 refuses or one
 * older than the bundle must change nothing but speed, and the parse cache
 * must be keyed by the fingerprint the bundle step wrote. Run on a copy of
 * the bundle in a package folder of its own, so lib/ is never touched.
 */
import {execFile} from 'node:child_process'
import {copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'

const ROOT = new URL('..', import.meta.url).pathname
const bundled = existsSync(join(ROOT, 'lib', 'bundle', 'cli.cjs'))

describe.runIf(bundled)('the bundled CLI', () => {
  it('writes the same deck with its code cache, a refused one and a stale one; the parse cache is keyed by its fingerprint', async () => {
    const root = mkdtempSync(join(tmpdir(), 'citedeck-bundle-'))
    // The package's own files (themes, styles, assets, its packages) as they are; lib/ of its own.
    for (const name of readdirSync(ROOT)) if (name !== 'lib' && !name.startsWith('.')) symlinkSync(join(ROOT, name), join(root, name))
    cpSync(join(ROOT, 'lib', 'bundle'), join(root, 'lib', 'bundle'), {recursive: true})
    copyFileSync(join(ROOT, 'lib', 'cli.js'), join(root, 'lib', 'cli.js'))
    cpSync(join(ROOT, 'tests', 'fixtures', 'cite-ieee'), join(root, 'work'), {recursive: true})
    const cache = join(root, 'lib', 'bundle', 'cli.cjs.cache')
    expect(existsSync(cache)).toBe(true)
    const build = async (output: string) => {
      await promisify(execFile)(process.execPath, [join(root, 'lib', 'cli.js'), 'build', join(root, 'work', 'input.md'), '-o', join(root, output), '--no-fit', '-q'])
      return readFileSync(join(root, output, 'index.html'), 'utf8')
    }

    const expected = await build('cached')
    writeFileSync(cache, 'not a code cache')
    expect(await build('refused')).toBe(expected)
    // An older cache than the bundle (a bundle rebuilt without its cache) is not even read.
    utimesSync(cache, new Date(0), new Date(0))
    expect(await build('stale')).toBe(expected)

    const fingerprint = join(root, 'lib', 'bundle', 'parser-fingerprint')
    const stored = () => JSON.parse(readFileSync(join(root, '.cached.citedeck-parse.json'), 'utf8')).parser
    expect(stored()).toBe(readFileSync(fingerprint, 'utf8').trim())
    // Another parser (another citedeck version): the chunks parsed by the last one are not used, and are replaced.
    writeFileSync(fingerprint, 'another parser\n')
    expect(await build('cached')).toBe(expected)
    expect(stored()).toBe('another parser')
    rmSync(root, {recursive: true, force: true})
  }, 60_000)

  // A function compiled from the code cache has no dynamic-import hook in Node 20: every package the bundle imports lazily must come through the loader.
  it('loads the packages it imports lazily (KaTeX for math) from a cached compile', async () => {
    const bundle = readFileSync(join(ROOT, 'lib', 'bundle', 'cli.cjs'), 'utf8')
    expect(bundle.match(/\bimport\((["'])[^"'.][^"']*\1\)/g) ?? []).toEqual([])
    const root = mkdtempSync(join(tmpdir(), 'citedeck-bundle-math-'))
    writeFileSync(join(root, 'deck.md'), '---\ntitle: Math\n---\n\n## Euler\n\n$e^{i\\pi} + 1 = 0$\n')
    await promisify(execFile)(process.execPath, [join(ROOT, 'lib', 'cli.js'), 'build', join(root, 'deck.md'), '-o', join(root, 'out'), '--no-fit', '-q'])
    expect(readFileSync(join(root, 'out', 'index.html'), 'utf8')).toContain('class="katex')
    rmSync(root, {recursive: true, force: true})
  }, 60_000)
})
