/**
 * Edge inputs, one test each; tests/robustness/README.md tables what each
 * does. CLI builds pass --no-fit: measuring in Chromium is not what is tested.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/index.js'
import {syntheticBibliography} from '../../bench/synthetic.js'
import {elements, hasClass, parseHtml, runCli, tempDir} from './helpers.js'

const STACK = /\n\s+at .+:\d+:\d+|internal error/

function deck(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir('citedeck-edge-')
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), {recursive: true})
    writeFileSync(join(dir, name), content)
  }
  return dir
}

const html = (text: string) => parseHtml(text).tree
const slides = (text: string) => elements(html(text), (node) => node.tagName === 'section' && hasClass(node, 'cd-slide'))

/** CPU time of `task` in ms: wall time means little on a shared machine. */
async function cpuTime<T>(task: () => Promise<T>): Promise<{result: T; ms: number}> {
  const start = process.cpuUsage()
  const result = await task()
  const used = process.cpuUsage(start)
  return {result, ms: (used.user + used.system) / 1000}
}

describe('edge inputs', () => {
  it('empty file: one empty slide and an empty-document warning, exit 0', async () => {
    const dir = deck({'deck.md': ''})
    const result = await runCli('build', join(dir, 'deck.md'), '-o', join(dir, 'out'), '--no-fit')
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/warning: the document is empty.*\[empty-document\]/)
  })

  it('only front matter: a title slide', async () => {
    const dir = deck({'deck.md': '---\ntitle: Only a title\nauthor: Ann\n---\n'})
    const {deck: built, file} = await build(join(dir, 'deck.md'), {dryRun: true})
    expect(file.messages.filter((message) => message.fatal)).toEqual([])
    expect(built.slideCount).toBe(1)
    expect(built.html).toContain('<h1>Only a title</h1>')
  })

  it('UTF-8 byte-order mark: dropped, front matter still read', async () => {
    const dir = deck({'deck.md': '\uFEFF---\ntitle: With BOM\n---\n\n## A\n'})
    const {deck: built} = await build(join(dir, 'deck.md'), {dryRun: true})
    expect(built.html).toContain('<title>With BOM</title>')
    expect(built.html).not.toContain('\uFEFF')
  })

  it('CRLF line endings: the same deck as LF', async () => {
    const text = '---\ntitle: Lines\n---\n\n## One\n\n- a\n- b\n\n::: notes\nSaid\n:::\n\n## Two\n'
    const dir = deck({'lf.md': text, 'crlf.md': text.replace(/\n/g, '\r\n')})
    const lf = await build(join(dir, 'lf.md'), {dryRun: true})
    const crlf = await build(join(dir, 'crlf.md'), {dryRun: true})
    expect(crlf.deck.html).toBe(lf.deck.html.replace(/\blf\b/g, 'crlf'))
    expect(crlf.deck.html).not.toContain('\r')
  })

  it('Latin-1 file: "not UTF-8 text", exit 1 (a content problem), no output', async () => {
    const dir = deck({'deck.md': Buffer.from('## Caf\xe9 cr\xe8me\n', 'latin1')})
    const result = await runCli('build', join(dir, 'deck.md'), '-o', join(dir, 'out'), '--no-fit')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/deck\.md: not UTF-8 text\n  hint: save the file as UTF-8/)
    expect(result.stderr).not.toMatch(STACK)
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  it('binary file (a PNG renamed .md): "not text", exit 1', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
    const dir = deck({'deck.md': png})
    const result = await runCli('build', join(dir, 'deck.md'), '-o', join(dir, 'out'), '--no-fit')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/deck\.md: not (?:UTF-8 )?text/)
    expect(result.stderr).not.toMatch(STACK)
  })

  it('5 MB essay: a "too long" error within seconds, not a hang', async () => {
    const paragraph = 'The crisis began when missiles were found in Cuba (Roskin, 2010, p. 5). '.repeat(20)
    const essay = `${(paragraph + '\n\n').repeat(Math.ceil(5_000_000 / (paragraph.length + 2)))}References\n\nRoskin, M. (2010). Crisis. Press.\n`
    const dir = deck({'essay.txt': essay})
    const started = Date.now()
    const result = await runCli('build', join(dir, 'essay.txt'), '-o', join(dir, 'out'), '--no-fit')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/too long to import \(\d+k characters; limit \d+k\) \[import-too-large\]/)
    expect(Date.now() - started).toBeLessThan(30_000)
  })

  it('right-to-left text: <html lang="ar" dir="rtl">, reveal in rtl mode; Hebrew too', async () => {
    const dir = deck({
      'ar.md': '---\ntitle: أزمة الصواريخ الكوبية\nlang: ar\n---\n\n## الأسباب\n\n- نص عربي\n',
      'he.md': '---\nlang: he-IL\n---\n\n## שלום\n\nטקסט\n'
    })
    const ar = (await build(join(dir, 'ar.md'), {dryRun: true})).deck.html
    expect(ar).toMatch(/<html lang="ar" dir="rtl">/)
    expect(ar).toContain('"rtl":true')
    expect(ar).toContain('<h2>الأسباب</h2>')
    expect((await build(join(dir, 'he.md'), {dryRun: true})).deck.html).toMatch(/<html lang="he-IL" dir="rtl">/)
  })

  it('CJK text: lang kept, left to right, characters intact', async () => {
    const dir = deck({'deck.md': '---\ntitle: 古巴导弹危机\nlang: zh-Hans\n---\n\n## 原因\n\n- 日本語のテキスト、한국어 텍스트\n'})
    const built = (await build(join(dir, 'deck.md'), {dryRun: true})).deck.html
    expect(built).toMatch(/<html lang="zh-Hans">/)
    expect(built).toContain('日本語のテキスト、한국어 텍스트')
  })

  it('10,000 citations: every one rendered, none reported, in bounded time', async () => {
    const sources = 100
    const lines = Array.from({length: 10_000}, (_, index) => `- claim [@source${index % sources}, p. ${index + 1}]`)
    const parts: string[] = []
    for (let index = 0; index < lines.length; index += 20) parts.push(`## Slide ${index / 20 + 1}\n\n${lines.slice(index, index + 20).join('\n')}\n`)
    const dir = deck({
      'deck.md': `---\nbibliography: refs.json\n---\n\n${parts.join('\n')}\n## References\n\n::: {#refs}\n:::\n`,
      'refs.json': JSON.stringify(syntheticBibliography(sources))
    })
    const {result, ms} = await cpuTime(() => build(join(dir, 'deck.md'), {dryRun: true}))
    expect(result.file.messages.map(String)).toEqual([])
    const tree = html(result.deck.html)
    expect(elements(tree, (node) => node.tagName === 'span' && hasClass(node, 'cd-citation') && !hasClass(node, 'cd-unresolved'))).toHaveLength(10_000)
    console.log(`10,000 citations / ${sources} sources: ${result.deck.slideCount} slides, ${ms.toFixed(0)} ms CPU`)
    expect(ms).toBeLessThan(120_000)
  }, 600_000)

  it('5,000-entry bibliography: loads and cites in bounded time', async () => {
    const dir = deck({
      'deck.md': '---\nbibliography: refs.json\n---\n\n## A\n\nClaims [@source1; @source4999, p. 3].\n\n## References\n\n::: {#refs}\n:::\n',
      'refs.json': JSON.stringify(syntheticBibliography(5000))
    })
    const {result, ms} = await cpuTime(() => build(join(dir, 'deck.md'), {dryRun: true}))
    expect(result.file.messages.map(String)).toEqual([])
    expect(slides(result.deck.html)).toHaveLength(2)
    console.log(`5,000-entry bibliography: ${ms.toFixed(0)} ms CPU`)
    expect(ms).toBeLessThan(30_000)
  }, 300_000)

  it('keys with pandoc punctuation (@my:key-2020/x, a.b#c$d%e&f+g?h<i>j~k) resolve from CSL-JSON and BibTeX', async () => {
    const keys = ['my:key-2020/x', 'a.b#c$d%e&f+g?h~k', 'doe_2020']
    const dir = deck({
      'deck.md': `---\nbibliography: [refs.json, refs.bib]\n---\n\n## A\n\n${keys.map((key) => `- [@${key}, p. 2] and @${key}`).join('\n')}\n- [@bib:key/2001]\n`,
      'refs.json': JSON.stringify(keys.map((id) => ({id, type: 'book', title: `Book ${id}`, author: [{family: 'Doe'}], issued: {'date-parts': [[2020]]}}))),
      'refs.bib': '@book{bib:key/2001, title = {A BibTeX book}, author = {Roe, Rita}, year = {2001}}\n'
    })
    const result = await build(join(dir, 'deck.md'), {dryRun: true})
    expect(result.file.messages.map(String)).toEqual([])
    expect(elements(html(result.deck.html), (node) => hasClass(node, 'cd-unresolved'))).toEqual([])
  })

  it('broken YAML (an unclosed list, an alias without anchor): error at its line, exit 1', async () => {
    for (const [yaml, line] of [['title: Good\nauthor: [broken', 3], ['title: *alias', 2]] as const) {
      const dir = deck({'deck.md': `---\n${yaml}\n---\n\n## A\n`})
      const result = await runCli('build', join(dir, 'deck.md'), '-o', join(dir, 'out'), '--no-fit')
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(new RegExp(`deck\\.md:${line}:\\d+: error: broken YAML front matter`))
      expect(result.stderr).not.toMatch(STACK)
    }
  })

  it('missing bibliography: error at the front-matter line, exit 1', async () => {
    const dir = deck({'deck.md': '---\ntitle: T\nbibliography: gone.bib\n---\n\n## A\n\n[@x]\n'})
    const result = await runCli('build', join(dir, 'deck.md'), '-o', join(dir, 'out'), '--no-fit')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/deck\.md:3:1: error: bibliography not found: gone\.bib \[missing-bibliography\]/)
  })

  it('missing image: error at its line and column, exit 1', async () => {
    const dir = deck({'deck.md': '## A\n\nSee ![map](img/map.png).\n'})
    const result = await runCli('build', join(dir, 'deck.md'), '-o', join(dir, 'out'), '--no-fit')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/deck\.md:3:5: error: image not found: img\/map\.png \[missing-image\]/)
  })

  it('unwritable output folder (a path below a file): one-line error, exit 2, no stack', async () => {
    const dir = deck({'deck.md': '## A\n', 'notes.txt': 'not a folder'})
    for (const flags of [['-o', join(dir, 'notes.txt', 'out')], ['--embed', '-o', join(dir, 'notes.txt', 'out.html')]]) {
      const result = await runCli('build', join(dir, 'deck.md'), ...flags, '--no-fit')
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/^citedeck: error: cannot write .*notes\.txt\/out(?:\.html)? \((?:ENOTDIR|EEXIST)\)\n  hint: part of the path is a file/)
      expect(result.stderr).not.toMatch(STACK)
    }
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('not a folder')
  })

  describe('control characters (C0 but tab and line breaks, DEL, C1, lone surrogates)', () => {
    const CONTROL = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
    const controlErrors = (text: string) => parseHtml(text).errors.filter((error) => error.startsWith('control-character'))

    it('in a deck: a warning at each one\'s line and column, left out of the HTML (a form feed becomes a space), exit 0', async () => {
      const dir = deck({'deck.md': '---\ntitle: "Bell\\x07"\n---\n\n## Page\x0cbreak\n\nA bell\x07 and a \x1b[31mcolour\x1b[0m, DEL\x7f, C1\x85.\n'})
      const result = await runCli('build', join(dir, 'deck.md'), '-o', join(dir, 'out'), '--no-fit')
      expect(result.code).toBe(0)
      const lines = result.stderr.split('\n').filter((line) => line.includes('warning'))
      expect(lines.map((line) => line.replace(/^.*deck\.md:/, ''))).toEqual([
        '2:1: warning: control character U+0007 (bell) in `title` dropped [control-character]',
        '5:8: warning: control character U+000C (form feed) replaced by a space [control-character]',
        '7:7: warning: control character U+0007 (bell) dropped [control-character]',
        '7:15: warning: control character U+001B (escape) dropped [control-character]',
        '7:26: warning: control character U+001B (escape) dropped [control-character]',
        '7:35: warning: control character U+007F (delete) dropped [control-character]',
        '7:40: warning: control character U+0085 (a control character) replaced by a space [control-character]'
      ])
      expect(result.stderr).toContain('hint: HTML cannot hold it')
      const page = readFileSync(join(dir, 'out', 'index.html'), 'utf8')
      expect(page).not.toMatch(CONTROL)
      expect(controlErrors(page)).toEqual([])
      expect(page).toContain('<h2>Page break</h2>')
      expect(page).toContain('A bell and a [31mcolour[0m, DEL, C1 .')
    })

    it('in bibliography fields (CSL-JSON escapes, BibTeX as written): a warning at the entry, left out of notes and references', async () => {
      const dir = deck({
        'deck.md': '---\nbibliography: [refs.json, refs.bib]\n---\n\n## A\n\nCited [@roskin2010; @hermes2001].\n',
        'refs.json': '[{"id": "roskin2010", "type": "book", "title": "Cri\\u0007sis \\ud800", "author": [{"family": "Roskin", "given": "M\\u0008."}], "issued": {"date-parts": [[2010]]}}]\n',
        'refs.bib': '@article{hermes2001,\n  title = {Bell\x07 title},\n  author = {Hermes, A.},\n  year = {2001}\n}\n'
      })
      const result = await runCli('build', join(dir, 'deck.md'), '-o', join(dir, 'out'), '--no-fit')
      expect(result.code).toBe(0)
      expect(result.stderr).toContain("refs.json:1:3: warning: 2 control characters (U+0007 (bell), …) in `title` of 'roskin2010' left out [control-character]")
      expect(result.stderr).toContain("refs.json:1:3: warning: control character U+0008 (backspace) in `author.0.given` of 'roskin2010' dropped [control-character]")
      expect(result.stderr).toMatch(/refs\.bib:1:1: warning: control character U\+0007 \(bell\) in `title` of 'hermes2001' dropped \[control-character\]/)
      const page = readFileSync(join(dir, 'out', 'index.html'), 'utf8')
      expect(page).not.toMatch(CONTROL)
      expect(page).toContain('Crisis')
      expect(controlErrors(page)).toEqual([])
    })

    it('in an imported essay: warnings at the essay\'s lines; the outline and its references are clean', async () => {
      const dir = deck({
        'essay.txt': 'The Crisis\n\nThe first page ends.\x0cThe second begins (Roskin, 2010). A bell\x07 rings.\n\nReferences\n\nRoskin, M. (2010). Cri\x08sis. Press.\n'
      })
      const result = await runCli('import', join(dir, 'essay.txt'), '-o', join(dir, 'slides'), '-q')
      expect(result.code).toBe(0)
      expect(result.stderr.split('\n').filter((line) => line.includes('warning')).map((line) => line.replace(/^.*essay\.txt:/, ''))).toEqual([
        '3:21: warning: control character U+000C (form feed) replaced by a space [control-character]',
        '3:62: warning: control character U+0007 (bell) dropped [control-character]',
        '7:23: warning: control character U+0008 (backspace) dropped [control-character]'
      ])
      const outline = readFileSync(join(dir, 'slides', 'deck.md'), 'utf8')
      expect(outline).toContain('The first page ends. The second begins')
      expect(outline + readFileSync(join(dir, 'slides', 'references.json'), 'utf8')).not.toMatch(CONTROL)
    })

    it('thousands of them: ten warnings, then one that counts the rest', async () => {
      const dir = deck({'deck.md': `## A\n\n${'x\x07'.repeat(5000)}\n`})
      const {file, deck: built} = await build(join(dir, 'deck.md'), {dryRun: true})
      expect(file.messages.map((message) => message.reason).slice(-2)).toEqual(['control character U+0007 (bell) dropped', '4990 more control characters left out'])
      expect(file.messages).toHaveLength(11)
      expect(built.html).toContain('x'.repeat(5000))
    })
  })
})
