import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

const CLI = new URL('../../lib/cli.js', import.meta.url).pathname

describe('loading bibliographies', () => {
  // Found by the long fuzz (two cases): citeproc never returned (Harvard, MLA)
  // when two sources of one author and year had a given name starting with
  // punctuation. A hang in citeproc blocks the thread, so the build runs in a
  // child process that a generous guard can stop: a regression fails instead of hanging the suite.
  it.each([
    ['harvard', ' ,U'],
    ['mla', '.toa!{o'],
    ['harvard', '!.u']
  ])('a given name starting with punctuation does not hang citeproc (%s, "%s")', (csl, given) => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-load-'))
    const entry = (id: string, title: string) =>
      `- {"id": "${id}", "type": "book", "title": "${title}", "author": [{"family": "Fam", "given": ${JSON.stringify(given)}}], "issued": {"raw": "2010"}}`
    writeFileSync(join(dir, 'refs.yaml'), `references:\n${entry('a', 'First')}\n${entry('b', 'Second')}\n`)
    writeFileSync(join(dir, 'deck.md'), `---\nbibliography: refs.yaml\ncsl: ${csl}\n---\n\n## Claims\n\n- One [@a].\n- Two [@b].\n`)
    const result = spawnSync(process.execPath, [CLI, 'build', join(dir, 'deck.md'), '-o', join(dir, 'out'), '--no-fit', '-q'], {timeout: 120_000, encoding: 'utf8'})
    expect({status: result.status, signal: result.signal, stderr: result.stderr}).toEqual({status: 0, signal: null, stderr: ''})
    expect(readFileSync(join(dir, 'out', 'index.html'), 'utf8')).toMatch(/Fam, .*First.*Fam, .*Second/)
  })
})
