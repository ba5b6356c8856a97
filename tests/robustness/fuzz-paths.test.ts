/**
 * fast-check: theme names and paths, CSL style paths, bibliography paths and
 * image paths spelled every way a path can climb out of a deck's project
 * folder (`..`, absolute, encoded, backslashes, `~`, `file://`, symlinks to a
 * file or a folder outside). Every file outside the project holds a marker
 * (the theme a rule, the style a citation prefix, the bibliography a title,
 * the image its bytes): whatever the path, the marker never reaches the
 * output, and the CLI answers with a sentence, never a stack.
 */
import {mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {expect, it} from 'vitest'
import {fuzzSettings, runCli, tempDir} from './helpers.js'

const fuzz = fuzzSettings(8)
const MARKER = 'ZQSECRET'
const STACK = /\n\s+at .+:\d+:\d+|internal error/
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

/** A project (`package.json`) with a deck two folders down, and a folder of marked files beside it. */
function setUp() {
  const top = tempDir('citedeck-fuzz-paths-')
  const outside = join(top, 'outside')
  const project = join(top, 'project')
  mkdirSync(outside)
  mkdirSync(join(project, 'talks', 'week1'), {recursive: true})
  writeFileSync(join(project, 'package.json'), '{}')
  const ieee = readFileSync(new URL('../../styles/ieee.csl', import.meta.url), 'utf8')
  const marked = {
    css: `body::before { content: "${MARKER}"; }\n`,
    csl: ieee.replace('<layout delimiter=", ">', `<layout delimiter=", " prefix="${MARKER}">`),
    json: JSON.stringify([{id: 'a', type: 'book', title: MARKER, issued: {'date-parts': [[2020]]}}]),
    png: Buffer.concat([PNG, Buffer.from(MARKER)])
  }
  for (const [extension, content] of Object.entries(marked)) {
    writeFileSync(join(outside, `secret.${extension}`), content)
    writeFileSync(join(outside, `secret.${extension.toUpperCase()}`), content)
  }
  writeFileSync(join(project, 'shared.css'), 'body { color: #111; }\n')
  writeFileSync(join(project, 'refs.json'), JSON.stringify([{id: 'a', type: 'book', title: 'Inside', issued: {'date-parts': [[2021]]}}]))
  writeFileSync(join(project, 'pic.png'), PNG)
  for (const extension of Object.keys(marked)) symlinkSync(join(outside, `secret.${extension}`), join(project, `link.${extension}`))
  symlinkSync(outside, join(project, 'talks', 'week1', 'linkdir'))
  return {top, outside, project, deck: join(project, 'talks', 'week1', 'deck.md')}
}

/** Every file under `dir`, dotfiles and symlinked ones included, as bytes. */
function filesUnder(dir: string): Buffer[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)))
}

it(`fuzz: no theme, CSL, bibliography or image path reads a file from outside the project folder (seed ${fuzz.seed})`, async () => {
  const {top, outside, project, deck} = setUp()
  // The markers are seen when the files are let in: the property below can fail.
  const front = `theme: ${outside}/secret.css\ncsl: ${outside}/secret.csl\nbibliography: ${outside}/secret.json`
  writeFileSync(deck, `---\n${front}\n---\n\n## A\n\n![x](${outside}/secret.png) [@a]\n\n## References\n\n::: {#refs}\n:::\n`)
  const allowed = join(tempDir('citedeck-fuzz-paths-out-'), 'out')
  expect((await runCli('build', deck, '-o', allowed, '--no-fit', '--quiet', '--allow-outside')).code).toBe(0)
  expect(filesUnder(allowed).filter((file) => file.includes(MARKER))).toHaveLength(3)
  const name = fc.constantFrom('secret', 'SECRET', 'link', 'shared', 'refs', 'pic', 'white', 'Chalkboard', 'none', '')
  const extension = fc.constantFrom('.css', '.csl', '.json', '.png', '.CSS', '', '.css ', '.css?x', '.css#y', '.css\u0000')
  const step = fc.constantFrom('..', '.', 'outside', 'linkdir', 'talks', 'week1', '%2e%2e', '..%2f', '..\\', '~', '', 'é', 'a'.repeat(300))
  const head = fc.constantFrom('', '/', `${top}/`, `${outside}/`, `${project}/`, 'file://', `file://${outside}/`, '~/', 'C:\\', '\\\\server\\share\\', './')
  const path = fc.tuple(head, fc.array(step, {maxLength: 6}), name, extension).map(([start, steps, base, ext]) => start + [...steps, base + ext].join('/'))
  const field = fc.constantFrom('theme', 'csl', 'bibliography', 'image', 'all')
  let run = 0
  await fc.assert(
    fc.asyncProperty(field, path, async (which, target) => {
      const front = [
        `theme: ${JSON.stringify(which === 'theme' || which === 'all' ? target : '../../shared.css')}`,
        `csl: ${JSON.stringify(which === 'csl' || which === 'all' ? target : 'apa')}`,
        `bibliography: ${JSON.stringify(which === 'bibliography' || which === 'all' ? target : '../../refs.json')}`
      ]
      const image = which === 'image' || which === 'all' ? target : '../../pic.png'
      writeFileSync(deck, `---\n${front.join('\n')}\n---\n\n## A\n\n![x](<${image.replace(/[<>\n]/g, '')}>) [@a]\n`)
      const out = join(tempDir('citedeck-fuzz-paths-out-'), `out-${run++}`)
      const result = await runCli('build', deck, '-o', out, '--no-fit', '--quiet')
      expect([0, 1, 2]).toContain(result.code)
      expect(result.stderr).not.toMatch(STACK)
      expect(result.stderr).not.toContain(MARKER)
      const parent = join(out, '..')
      for (const file of filesUnder(parent)) expect(file.includes(MARKER)).toBe(false)
    }),
    {seed: fuzz.seed, numRuns: fuzz.numRuns}
  )
}, fuzz.timeout)
