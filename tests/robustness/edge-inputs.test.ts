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
    expect(crlf.deck.html).toBe(lf.deck.html.replace('lf', 'crlf'))
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
})
