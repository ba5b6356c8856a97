import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/index.js'

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

  // Found by the long fuzz (seed 322147027): citeproc keeps names in plain
  // objects, so a name part called `toString` found Object's method and threw.
  it.each(['apa', 'harvard', 'mla'])('name parts named like object methods (toString, constructor) are just names (%s)', async (csl) => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-load-'))
    const entry = (id: string, year: number) =>
      `- {"id": "${id}", "type": "book", "title": "T${year}", "author": [{"family": "constructor", "given": "toString"}, {"family": "hasOwnProperty", "given": "__proto__"}], "issued": {"raw": "${year}"}}`
    writeFileSync(join(dir, 'refs.yaml'), `references:\n${entry('a', 2000)}\n${entry('b', 2001)}\n`)
    writeFileSync(join(dir, 'deck.md'), `---\nbibliography: refs.yaml\ncsl: ${csl}\n---\n\n## Claims\n\n- One [@a].\n- Two [@b].\n`)
    const {file, deck} = await build(join(dir, 'deck.md'), {dryRun: true})
    expect(file.messages).toEqual([])
    expect(deck.html).toContain('constructor')
    expect(deck.html).not.toContain('cd-unresolved')
  })
})
