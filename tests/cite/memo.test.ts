/**
 * citeproc's outputs kept beside the output: a second build in a new process
 * takes them from the file, and any change of sources or style formats again.
 * Builds run as separate processes, as users run the CLI.
 */
import {execFile} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'
import {build as apiBuild} from '../../src/index.js'

const bin = new URL('../../lib/cli.js', import.meta.url).pathname
const source = (title: string) => JSON.stringify([{id: 'doe', type: 'book', title, author: [{family: 'Doe', given: 'Jane'}], issued: {'date-parts': [[2001]]}}])
const deck = (style: string) => `---\nbibliography: refs.json\ncsl: ${style}\n---\n\n## Claim\n\nA claim [@doe, p. 4].\n`

async function build(dir: string) {
  await promisify(execFile)(process.execPath, [bin, 'build', join(dir, 'deck.md'), '-o', join(dir, 'out'), '--no-fit', '-q'])
  return readFileSync(join(dir, 'out/index.html'), 'utf8')
}

describe('citation outputs kept between builds', () => {
  it('reuses them in a new process, and formats again when a source or the style changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-memo-'))
    writeFileSync(join(dir, 'deck.md'), deck('apa'))
    writeFileSync(join(dir, 'refs.json'), source('A first title'))
    const first = await build(dir)
    expect(first).toContain('A first title')
    const memo = join(dir, '.out.citedeck-cite.json')

    // Proof that the next build reads the file: an output changed in it shows in the deck.
    writeFileSync(memo, readFileSync(memo, 'utf8').replaceAll('A first title', 'Taken from the memo'))
    expect(await build(dir)).toContain('Taken from the memo')

    writeFileSync(join(dir, 'refs.json'), source('A corrected title'))
    const corrected = await build(dir)
    expect(corrected).toContain('A corrected title')
    expect(corrected).not.toContain('Taken from the memo')

    writeFileSync(join(dir, 'deck.md'), deck('ieee'))
    expect(await build(dir)).toMatch(/\[1\]/)
  })
})

describe('citation outputs kept, with the citeproc worker (decks of 16 KB or more)', () => {
  // Long enough for the worker; the engine starts in it only when an output is missing from the kept ones.
  const long = (page: (index: number) => number) =>
    `---\nbibliography: refs.json\n---\n\n${Array.from({length: 200}, (_, index) => `## Slide ${index}\n\n- A claim about topic number ${index} that a source backs [@doe, p. ${page(index)}].\n`).join('\n')}\n## References\n\n::: {#refs}\n:::\n`

  it('rebuilds from them, and formats in a worker started then what an edit adds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-memo-worker-'))
    writeFileSync(join(dir, 'refs.json'), source('A long title'))
    writeFileSync(join(dir, 'deck.md'), long((index) => index + 1))
    const first = await build(dir)
    expect(await build(dir)).toBe(first)
    // One slide cites a page no build formatted: the kept outputs miss it.
    writeFileSync(join(dir, 'deck.md'), long((index) => (index === 7 ? 999 : index + 1)))
    const edited = await build(dir)
    expect(edited).toContain('p. 999')
    await apiBuild(join(dir, 'deck.md'), {output: join(dir, 'api'), fit: false})
    expect(edited).toBe(readFileSync(join(dir, 'api', 'index.html'), 'utf8'))
  }, 60_000)
})
