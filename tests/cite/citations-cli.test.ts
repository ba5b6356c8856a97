import {mkdtempSync, readFileSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

// These tests are about citations; slide fitting (a browser) has its own tests.
import {run} from '../helpers/cli.js'

const BIB = `@book{roskin2010,
  author = {Roskin, Michael G. and Berry, Nicholas O.},
  title = {IR: The New World of International Relations},
  publisher = {Prentice Hall},
  year = {2010}
}
`

function deck(body: string, bib = BIB) {
  const dir = mkdtempSync(join(tmpdir(), 'citedeck-cite-'))
  writeFileSync(join(dir, 'refs.bib'), bib)
  writeFileSync(join(dir, 'deck.md'), `---\ntitle: T\nbibliography: refs.bib\n---\n\n${body}\n`)
  return {dir, path: join(dir, 'deck.md'), out: join(dir, 'out')}
}

describe('citations through the CLI', () => {
  it('puts the formatted citation and its footnote on the citing slide', async () => {
    const {path, out} = deck('## Castro\n\n- He turned to Moscow [@roskin2010, pp. 154-155]\n')
    expect((await run('build', path, '-o', out, '--no-fit')).code).toBe(0)
    const html = readFileSync(join(out, 'index.html'), 'utf8')
    const slide = html.slice(html.indexOf('<h2>Castro</h2>'), html.indexOf('</section>', html.indexOf('<h2>Castro</h2>')))
    expect(slide).toContain('(Roskin &#x26; Berry, 2010, pp. 154–155)<sup class="cd-mark">1</sup>')
    expect(slide).toMatch(/<footer class="cd-footnotes">.*Roskin, M\. G\., &#x26; Berry, N\. O\. \(2010\)\. <i>IR: The new world of international relations<\/i>/)
    expect(html).toContain('<h2>References</h2>')
  })

  it('warns about an unknown key with a suggestion, builds, and fails with --strict', async () => {
    const {path, out} = deck('## A\n\nA claim [@roskn2010].\n')
    const loose = await run('build', path, '-o', out, '--no-fit')
    expect(loose.code).toBe(0)
    expect(loose.stderr).toContain("deck.md:8:9: warning: unknown citation key 'roskn2010' (did you mean 'roskin2010'?) [unknown-citation-key]")
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<span class="cd-citation cd-unresolved">[@roskn2010]</span>')

    writeFileSync(path, readFileSync(path, 'utf8').replace('A claim', 'Another claim'))
    const strict = await run('build', path, '-o', out, '--strict', '--no-fit')
    expect(strict.code).toBe(1)
    expect(strict.stderr).toContain('not built because of warnings (--strict)')
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('A claim')
  })

  it('reports a bibliography that does not parse at its own line, exit 1', async () => {
    const {path, out} = deck('## A\n\n[@roskin2010]\n', '@book{roskin2010,\n  title = {Unclosed,\n')
    const result = await run('build', path, '-o', out, '--no-fit')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/refs\.bib:\d+:\d+: error: BibTeX does not parse/)
  })

  it('switches style with --csl', async () => {
    const {path, out} = deck('## A\n\nA claim [@roskin2010, p. 3].\n')
    expect((await run('build', path, '-o', out, '--csl', 'chicago-notes', '--no-fit')).code).toBe(0)
    const html = readFileSync(join(out, 'index.html'), 'utf8')
    expect(html).toContain('A claim <span class="cd-citation"><sup class="cd-mark">1</sup></span>.')
    expect(html).toContain('Michael G. Roskin and Nicholas O. Berry, <i>IR: The New World of International Relations</i> (Prentice Hall, 2010), 3.')
    expect(html).toContain('<h2>Bibliography</h2>')
  })

  it('picks up an edited bibliography on the next build', async () => {
    const {dir, path, out} = deck('## A\n\n[@roskin2010]\n')
    await run('build', path, '-o', out, '--no-fit')
    writeFileSync(join(dir, 'refs.bib'), BIB.replace('Prentice Hall', 'Longman'))
    // Same size and a later mtime, as an editor's save gives.
    const later = new Date(Date.now() + 5000)
    utimesSync(join(dir, 'refs.bib'), later, later)
    await run('build', path, '-o', out, '--no-fit')
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Longman')
  })
})
