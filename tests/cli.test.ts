import {execFile} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'
import {run} from './helpers/cli.js'

function tempDeck(markdown: string): {dir: string; deck: string} {
  const dir = mkdtempSync(join(tmpdir(), 'citedeck-cli-'))
  const deck = join(dir, 'deck.md')
  writeFileSync(deck, markdown)
  return {dir, deck}
}

describe('citedeck build', () => {
  it('builds a deck folder and reports the slide count', async () => {
    const {dir, deck} = tempDeck('## One\n\nText\n\n## Two\n\nMore\n')
    const result = await run('build', deck, '-o', join(dir, 'out'))
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/built .*out \(2 slides\)/)
    expect(readFileSync(join(dir, 'out/index.html'), 'utf8')).toContain('<h2>One</h2>')
    expect(existsSync(join(dir, 'out/reveal/reveal.js'))).toBe(true)
    expect(existsSync(join(dir, 'out/theme.css'))).toBe(true)
  })

  it('keeps a PDF printed by an earlier build, and says it is from that build', async () => {
    const {dir, deck} = tempDeck('## One\n\nText\n')
    expect((await run('build', deck, '-o', join(dir, 'out'), '--no-fit')).code).toBe(0)
    writeFileSync(join(dir, 'out/talk.pdf'), '%PDF-1.7 printed earlier')
    utimesSync(join(dir, 'out/talk.pdf'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
    const result = await run('build', deck, '-o', join(dir, 'out'), '--no-fit')
    expect(result.code).toBe(0)
    expect(readFileSync(join(dir, 'out/talk.pdf'), 'utf8')).toBe('%PDF-1.7 printed earlier')
    expect(result.stderr).toMatch(/note: .*out\/talk\.pdf is from an earlier build; add --pdf or --handout n to print it from this one/)
  })

  it('writes one self-contained file with --embed', async () => {
    const {dir, deck} = tempDeck('## Embedded\n\nText\n')
    const result = await run('build', deck, '--embed', '-o', join(dir, 'talk.html'))
    expect(result.code).toBe(0)
    const html = readFileSync(join(dir, 'talk.html'), 'utf8')
    expect(html).not.toMatch(/<script src=|<link rel="stylesheet"/)
    expect(html).toContain('Reveal.initialize')
  })

  it('exits 2 with a one-line error for a missing input file', async () => {
    const result = await run('build', '/nonexistent/deck.md')
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('citedeck: error: /nonexistent/deck.md: no such file\n  hint: check the path and the current folder')
  })

  it('exits 2 and lists the themes for an unknown --theme', async () => {
    const {deck} = tempDeck('## A\n')
    const result = await run('build', deck, '--theme', 'neon')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("unknown theme 'neon'")
    expect(result.stderr).toContain('chalkboard, classroom')
  })

  it('reports an unknown front-matter theme at its line and exits 1', async () => {
    const {dir, deck} = tempDeck('---\ntitle: T\ntheme: neon\n---\n\n## A\n')
    const result = await run('build', deck, '-o', join(dir, 'out'))
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/deck\.md:3:1: error: unknown theme 'neon' \[unknown-theme\]/)
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  it('reports broken YAML with the file line, keeps the last good output, exits 1', async () => {
    const {dir, deck} = tempDeck('---\ntitle: Good\n---\n\n## Good slide\n')
    const out = join(dir, 'out')
    expect((await run('build', deck, '-o', out)).code).toBe(0)
    writeFileSync(deck, '---\ntitle: [broken\n---\n\n## Broken slide\n')
    const result = await run('build', deck, '-o', out)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/deck\.md:\d+:\d+: error: broken YAML front matter/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Good slide')
  })

  it('reports a missing image at file:line:col', async () => {
    const {dir, deck} = tempDeck('## Picture\n\nSee ![a map](img/map.png) here.\n')
    const result = await run('build', deck, '-o', join(dir, 'out'))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('deck.md:3:5: error: image not found: img/map.png [missing-image]')
  })

  it('copies local images into media/', async () => {
    const {dir, deck} = tempDeck('## Picture\n\n![a dot](dot.svg)\n')
    writeFileSync(join(dir, 'dot.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    expect((await run('build', deck, '-o', join(dir, 'out'))).code).toBe(0)
    expect(readFileSync(join(dir, 'out/index.html'), 'utf8')).toContain('src="media/dot.svg"')
    expect(existsSync(join(dir, 'out/media/dot.svg'))).toBe(true)
  })

  it('copies the images of raw HTML <img> tags too, and reports a missing one; with --safe the HTML and its images are left out', async () => {
    const {dir, deck} = tempDeck('## Picture\n\n<img src="dot.svg" width="30%">\n\n<img src=\'gone.png\'>\n')
    writeFileSync(join(dir, 'dot.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    const missing = await run('build', deck, '-o', join(dir, 'out'), '--no-fit')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('deck.md:5:1: error: image not found: gone.png [missing-image]')
    writeFileSync(deck, '## Picture\n\n<img src="dot.svg" width="30%">\n')
    expect((await run('build', deck, '-o', join(dir, 'out'), '--no-fit')).code).toBe(0)
    expect(readFileSync(join(dir, 'out/index.html'), 'utf8')).toContain('<img src="media/dot.svg" width="30%">')
    expect(existsSync(join(dir, 'out/media/dot.svg'))).toBe(true)
    writeFileSync(deck, '## Picture\n\n<img src="gone.png">\n')
    const safe = await run('build', deck, '-o', join(dir, 'safe'), '--no-fit', '--safe')
    expect(safe.code).toBe(0)
    expect(safe.stderr).not.toContain('missing-image')
  })

  it('lists the footnotes of speaker notes at the notes\' end, numbered apart from the slide\'s', async () => {
    const {dir, deck} = tempDeck('## Slide\n\nText[^a].\n\n[^a]: On the slide.\n\n::: notes\nSay it[^b].\n\n[^b]: For the speaker.\n:::\n')
    const result = await run('build', deck, '-o', join(dir, 'out'), '--no-fit', '--strict')
    expect(result).toMatchObject({code: 0, stderr: ''})
    const html = readFileSync(join(dir, 'out/index.html'), 'utf8')
    expect(html).toContain(
      '<aside class="notes"><p>Say it<sup class="cd-mark">1</sup>.</p><footer class="cd-note-footnotes"><hr><ol><li>For the speaker.</li></ol></footer></aside>'
    )
    expect(html).toContain('<li><span class="cd-note-label">1 </span>On the slide.</li>')
    expect(html).not.toMatch(/\[\^b\]|user-content-fn/)
  })

  it('warns on an empty document but still builds, and fails with --strict', async () => {
    const {dir, deck} = tempDeck('')
    const ok = await run('build', deck, '-o', join(dir, 'out'))
    expect(ok.code).toBe(0)
    expect(ok.stderr).toContain('warning: the document is empty')
    const strict = await run('build', deck, '-o', join(dir, 'strict'), '--strict')
    expect(strict.code).toBe(1)
    expect(existsSync(join(dir, 'strict'))).toBe(false)
  })

  it('refuses to replace a folder it did not make, or one holding the source', async () => {
    const {dir, deck} = tempDeck('## A\n')
    mkdirSync(join(dir, 'mine'))
    writeFileSync(join(dir, 'mine/thesis.docx'), 'precious')
    const other = await run('build', deck, '-o', join(dir, 'mine'))
    expect(other.code).toBe(2)
    expect(other.stderr).toContain('was not made by citedeck')
    expect(readFileSync(join(dir, 'mine/thesis.docx'), 'utf8')).toBe('precious')
    const self = await run('build', deck, '-o', dir, '--force')
    expect(self.code).toBe(2)
    expect(self.stderr).toContain('contains the source')
  })

  it('exits 2 on an unknown option and prints usage help', async () => {
    const result = await run('build', 'x.md', '--frobnicate')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("unknown option '--frobnicate'")
  })

  it('prints --version and --help with exit 0', async () => {
    expect((await run('--version')).stdout).toMatch(/^\d+\.\d+\.\d+$/)
    const help = await run('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('build [options] <input>')
  })
})

describe('the installed bin', () => {
  it('runs as a process with the same exit codes', async () => {
    const bin = new URL('../lib/cli.js', import.meta.url).pathname
    const result = await promisify(execFile)(process.execPath, [bin, '--version'])
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    await expect(promisify(execFile)(process.execPath, [bin, 'build', '/missing.md'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no such file')
    })
  })
})
