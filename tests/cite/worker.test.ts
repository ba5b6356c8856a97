/**
 * The CLI formats citations in a worker thread (src/cite/worker-client.ts),
 * started on the front matter's style while the deck parses (decks of 16 KB
 * or more). The decks it writes must be the ones formatting in the main
 * thread writes: each citation style's class (author-date, numeric, note),
 * narrative citations, footnotes with citations, speaker notes, a source
 * cited again slides later. Fixtures are repeated to that length. The API
 * compiled from the TypeScript sources has no worker, so it is the reference.
 */
import {execFile} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/index.js'

const bin = new URL('../../lib/cli.js', import.meta.url).pathname
const FIXTURES = ['cite-ieee', 'cite-chicago-notes', 'fragment-footnotes']

/** The deck with its slides repeated past the length that gets a worker. */
function longer(deck: string): string {
  const body = deck.indexOf('\n---\n', 4) + 5
  let text = deck
  while (text.length < 20_000) text += '\n' + deck.slice(body)
  return text
}

describe('citeproc worker', () => {
  it('writes the decks formatting in the main thread writes', async () => {
    expect(existsSync(new URL('../../lib/cite/worker.js', import.meta.url))).toBe(true)
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-worker-'))
    const built = await Promise.all(
      FIXTURES.map(async (name) => {
        const folder = join(dir, name)
        cpSync(new URL(`../fixtures/${name}`, import.meta.url), folder, {recursive: true})
        writeFileSync(join(folder, 'input.md'), longer(readFileSync(join(folder, 'input.md'), 'utf8')))
        await promisify(execFile)(process.execPath, [bin, 'build', join(folder, 'input.md'), '-o', join(folder, 'cli'), '--no-fit', '-q'])
        await build(join(folder, 'input.md'), {output: join(folder, 'api'), fit: false})
        return folder
      })
    )
    for (const folder of built) {
      const cli = readFileSync(join(folder, 'cli', 'index.html'), 'utf8')
      expect(cli).toContain('cd-footnotes')
      expect(cli).toBe(readFileSync(join(folder, 'api', 'index.html'), 'utf8'))
    }
  }, 120_000)
})
