/**
 * Security: text from bibliography fields and from imported prose is always
 * escaped (the author's own raw HTML in a deck is kept: it is their deck);
 * citeproc's links cannot carry attributes; themes, CSL files,
 * bibliographies and images from outside the deck's project folder need
 * --allow-outside, and a theme must be CSS; front matter cannot end the
 * Reveal.initialize script.
 */
import {mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/index.js'
import fc from 'fast-check'
import {eventHandlers, fuzzSettings, parseHtml, runCli, scriptCount, tempDir} from './helpers.js'

const fuzz = fuzzSettings(2)

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

async function baseScripts(dir: string): Promise<number> {
  writeFileSync(join(dir, 'plain.md'), '## Plain\n')
  return scriptCount((await build(join(dir, 'plain.md'), {dryRun: true})).deck.html)
}

describe('security', () => {
  it('a <script> or onerror in bibliography fields is shown as text, in every format', async () => {
    const dir = tempDir('citedeck-sec-')
    const scripts = await baseScripts(dir)
    writeFileSync(join(dir, 'refs.bib'), '@book{evil, title = {<script>alert(1)</script> Title}, author = {<img src=x onerror=alert(1)>, Eve}, year = {2020}}\n')
    writeFileSync(join(dir, 'refs.yaml'), 'references:\n  - id: evil2\n    type: book\n    title: "<script>alert(2)</script>"\n    publisher: "<svg onload=alert(2)>"\n    issued: 2020\n')
    for (const style of ['apa', 'chicago-notes', 'ieee']) {
      writeFileSync(join(dir, 'deck.md'), `---\nbibliography: [refs.bib, refs.yaml]\ncsl: ${style}\n---\n\n## A\n\nClaims [@evil; @evil2].\n\n## References\n\n::: {#refs}\n:::\n`)
      const {deck, file} = await build(join(dir, 'deck.md'), {dryRun: true})
      expect(file.messages.filter((message) => message.fatal)).toEqual([])
      expect(scriptCount(deck.html)).toBe(scripts)
      expect(eventHandlers(parseHtml(deck.html).tree)).toEqual([])
      // Shown, escaped (BibTeX titles are sentence-cased, so only the tag is checked).
      expect(deck.html).toMatch(/&#x3C;script>/i)
    }
  })

  it('a URL or DOI with quotes (citeproc writes them into href as they are) gives no attribute, in every style', async () => {
    const dir = tempDir('citedeck-sec-')
    writeFileSync(
      join(dir, 'refs.json'),
      JSON.stringify([
        {id: 'u', type: 'webpage', title: 'Page', author: [{family: 'Doe'}], issued: {'date-parts': [[2020]]}, URL: 'https://x" onmouseover="alert(1)" style="position:fixed;inset:0'},
        {id: 'd', type: 'article-journal', title: 'Paper', author: [{family: 'Roe'}], issued: {'date-parts': [[2021]]}, DOI: '10.1/x" autofocus onfocus="alert(1)" x="'},
        {id: 'j', type: 'webpage', title: 'Script', author: [{family: 'Poe'}], issued: {'date-parts': [[2022]]}, URL: 'javascript:alert(1)'}
      ])
    )
    for (const style of ['apa', 'mla', 'chicago-notes', 'ieee']) {
      writeFileSync(join(dir, 'deck.md'), `---\nbibliography: refs.json\ncsl: ${style}\n---\n\n## A\n\nClaims [@u; @d; @j].\n\n## References\n\n::: {#refs}\n:::\n`)
      const {deck} = await build(join(dir, 'deck.md'), {dryRun: true})
      const {tree} = parseHtml(deck.html)
      expect(eventHandlers(tree)).toEqual([])
      expect(deck.html).not.toMatch(/\sstyle="position|href="javascript:/)
      expect(deck.html).toContain('href="https://doi.org/10.1/x%22%20autofocus%20onfocus=%22alert(1)%22%20x=%22"')
    }
  })

  it('a <script> in an imported essay is text in the outline and in the deck', async () => {
    const dir = tempDir('citedeck-sec-')
    const scripts = await baseScripts(dir)
    const essay = join(dir, 'essay.txt')
    writeFileSync(
      essay,
      'Kennedy acted fast (Smith, 2021, p. 3). <script>alert("essay")</script> <img src=x onerror=alert(1)> Nguyen (1945) argued that it mattered.\n\n<script>alert(1)</script> (1901) argued so too.\n\nReferences\n\nSmith, J. (2021). A <script>alert("ref")</script> book. Press.\nNguyen, A. (1945). Another book. Press.\n'
    )
    const {deck} = await build(essay, {dryRun: true})
    expect(scriptCount(deck.html)).toBe(scripts)
    expect(eventHandlers(parseHtml(deck.html).tree)).toEqual([])
    expect(deck.html).toContain('&#x3C;script>alert(“essay”)&#x3C;/script>')

    const result = await runCli('import', essay, '-o', join(dir, 'outline'), '--quiet')
    expect(result.code).toBe(0)
    const built = await build(join(dir, 'outline', 'deck.md'), {dryRun: true})
    expect(scriptCount(built.deck.html)).toBe(scripts)
    expect(eventHandlers(parseHtml(built.deck.html).tree)).toEqual([])
  })

  it('an image outside the deck\'s folder (../, absolute, a symlink out) is refused unless --allow-outside', async () => {
    const root = tempDir('citedeck-sec-')
    mkdirSync(join(root, 'deck'))
    mkdirSync(join(root, 'private'))
    writeFileSync(join(root, 'private', 'secret.png'), PNG)
    writeFileSync(join(root, 'deck', 'inside.png'), PNG)
    symlinkSync(join(root, 'private', 'secret.png'), join(root, 'deck', 'link.png'))
    const deck = join(root, 'deck', 'deck.md')
    writeFileSync(deck, `## A\n\n![ok](inside.png) ![up](../private/secret.png) ![abs](${join(root, 'private', 'secret.png')}) ![link](link.png)\n`)
    const refused = await runCli('build', deck, '-o', join(root, 'out'), '--no-fit')
    expect(refused.code).toBe(1)
    expect(refused.stderr.match(/deck\.md:3:\d+: error: image outside the deck's project folder: .* \[outside-project\]/g)).toHaveLength(3)
    expect(refused.stderr).toMatch(/hint: the project folder is .*; copy the file into it, or pass --allow-outside/)
    for (const flag of ['--allow-outside', '--allow-outside-images']) {
      const allowed = await runCli('build', deck, '-o', join(root, 'out'), '--no-fit', flag)
      expect(allowed.code).toBe(0)
    }
  })

  it('one rule for theme, CSL, bibliography and images: inside the project folder (the nearest with .git or package.json)', async () => {
    const outside = tempDir('citedeck-sec-')
    writeFileSync(join(outside, 'secret.css'), 'body{}')
    writeFileSync(join(outside, 'style.csl'), readFileSync(new URL('../../styles/ieee.csl', import.meta.url)))
    writeFileSync(join(outside, 'refs.json'), '[{"id":"a","type":"book","title":"T","issued":{"date-parts":[[2020]]}}]')
    writeFileSync(join(outside, 'pic.png'), PNG)
    const root = tempDir('citedeck-sec-')
    writeFileSync(join(root, 'package.json'), '{}')
    mkdirSync(join(root, 'images'))
    mkdirSync(join(root, 'talks', 'week1'), {recursive: true})
    writeFileSync(join(root, 'images', 'map.png'), PNG)
    writeFileSync(join(root, 'shared.css'), 'body{}')
    writeFileSync(join(root, 'refs.json'), '[{"id":"b","type":"book","title":"U","issued":{"date-parts":[[2021]]}}]')
    const deck = join(root, 'talks', 'week1', 'deck.md')
    // Above the deck's folder but inside the project: copied.
    writeFileSync(deck, '---\ntheme: ../../shared.css\nbibliography: ../../refs.json\n---\n\n## A\n\n![map](../../images/map.png) [@b]\n')
    const inside = await runCli('build', deck, '-o', join(root, 'out'), '--no-fit', '--quiet')
    expect(inside.stderr).toBe('')
    expect(inside.code).toBe(0)
    expect(readFileSync(join(root, 'out', 'media', 'map.png')).equals(PNG)).toBe(true)

    writeFileSync(
      deck,
      `---\ntheme: ${join(outside, 'secret.css')}\ncsl: ${join(outside, 'style.csl')}\nbibliography: ${join(outside, 'refs.json')}\n---\n\n## A\n\n![pic](${join(outside, 'pic.png')}) [@a]\n`
    )
    const refused = await runCli('build', deck, '-o', join(root, 'out'), '--no-fit')
    expect(refused.code).toBe(1)
    for (const [line, what] of [[2, 'theme'], [3, 'citation style'], [4, 'bibliography'], [9, 'image']] as const) {
      expect(refused.stderr).toMatch(new RegExp(`deck\\.md:${line}:\\d+: error: ${what} outside the deck's project folder: `))
    }
    expect(refused.stderr).not.toMatch(/\n\s+at /)
    expect((await runCli('build', deck, '-o', join(root, 'out'), '--no-fit', '--allow-outside', '--quiet')).code).toBe(0)
  })

  it('a theme must be CSS: /etc/passwd, an image or a missing name is refused at the front-matter line; names in any case', async () => {
    const dir = tempDir('citedeck-sec-')
    writeFileSync(join(dir, 'package.json'), '{}')
    writeFileSync(join(dir, 'binary.css'), PNG)
    const deck = join(dir, 'deck.md')
    const cases: Array<[string, RegExp]> = [
      ['../../../../../../etc/passwd', /deck\.md:2:1: error: a theme must be a CSS file \(\.css\): \.\.\/.*etc\/passwd \[unknown-theme\]/],
      ['binary.css', /deck\.md:2:1: error: a theme must be a CSS file: binary.css is not text/],
      ['nope', /deck\.md:2:1: error: unknown theme 'nope'/]
    ]
    for (const [theme, message] of cases) {
      writeFileSync(deck, `---\ntheme: ${theme}\n---\n\n## A\n`)
      const result = await runCli('build', deck, '-o', join(dir, 'out'), '--no-fit')
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(message)
    }
    writeFileSync(deck, '---\ntheme: Chalkboard\n---\n\n## A\n')
    expect((await runCli('build', deck, '-o', join(dir, 'out'), '--no-fit', '--quiet')).code).toBe(0)
    expect(readFileSync(join(dir, 'out', 'theme.css'), 'utf8')).toBe(readFileSync(new URL('../../themes/chalkboard.css', import.meta.url), 'utf8'))
    // An unknown style in front matter is an error like an unknown theme, cited or not (it was silent in a deck citing nothing).
    writeFileSync(deck, '---\ncsl: nope\n---\n\n## A\n')
    const style = await runCli('build', deck, '-o', join(dir, 'out'), '--no-fit')
    expect(style.code).toBe(1)
    expect(style.stderr).toMatch(/deck\.md:2:1: error: unknown citation style 'nope' \[unknown-style\]/)

    // On the command line, an unknown theme or style is a usage error (2), without a place in the deck.
    writeFileSync(deck, '## A\n')
    for (const flags of [['--theme', 'nope'], ['--csl', 'nope'], ['--csl', 'gone.csl'], ['--theme', 'binary.css']]) {
      const result = await runCli('build', deck, '-o', join(dir, 'out'), '--no-fit', ...flags)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/^citedeck: error: /)
    }
  })

  it('a malformed .csl is an error at the csl: line', async () => {
    const dir = tempDir('citedeck-sec-')
    writeFileSync(join(dir, 'cut.csl'), readFileSync(new URL('../../styles/ieee.csl', import.meta.url), 'utf8').slice(0, 3000))
    writeFileSync(join(dir, 'refs.json'), '[{"id":"a","type":"book","title":"T","issued":{"date-parts":[[2020]]}}]')
    writeFileSync(join(dir, 'deck.md'), '---\nbibliography: refs.json\ncsl: cut.csl\n---\n\n## A\n\n[@a]\n')
    const result = await runCli('build', join(dir, 'deck.md'), '-o', join(dir, 'out'), '--no-fit')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/deck\.md:3:1: error: 'cut.csl' is not a CSL style \[unknown-style\]/)
  })

  it('--safe / safe: true leaves out raw HTML, javascript: links and on… attributes, one warning each', async () => {
    const dir = tempDir('citedeck-sec-')
    const scripts = await baseScripts(dir)
    const body = '## A\n\n<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and [link](javascript:alert(1)).\n\n::: {.note onmouseover="alert(2)"}\nx\n:::\n'
    for (const [matter, options] of [['', {safe: true}], ['---\nsafe: true\n---\n\n', {}]] as const) {
      writeFileSync(join(dir, 'deck.md'), matter + body)
      const {deck, file} = await build(join(dir, 'deck.md'), {dryRun: true, ...options})
      expect(scriptCount(deck.html)).toBe(scripts)
      expect(eventHandlers(parseHtml(deck.html).tree)).toEqual([])
      expect(deck.html).not.toMatch(/javascript:|onerror/)
      expect(file.messages.filter((message) => message.ruleId === 'safe').map((message) => message.reason)).toEqual([
        'raw HTML left out',
        'raw HTML left out',
        'script link `javascript:alert(1)` left out'
      ])
      // A Markdown attribute that is not HTML's becomes an inert data- attribute, as in pandoc.
      expect(deck.html).not.toMatch(/\sonmouseover=/)
      expect(file.messages.filter((message) => message.ruleId === 'unknown-key')).toEqual([])
    }
  })

  it(`fuzz: no URL or DOI made of hostile pieces gives an attribute or a script link (seed ${fuzz.seed})`, async () => {
    const dir = tempDir('citedeck-sec-')
    const piece = fc.constantFrom('"', "'", '<', '>', ' ', 'onfocus=alert(1)', 'autofocus', '`', 'javascript:', 'https://x', '10.1/x', '&quot;', '\\', '%22', '/', '#', '?a=b&c', 'é')
    const field = fc.array(piece, {minLength: 1, maxLength: 8}).map((pieces) => pieces.join(''))
    await fc.assert(
      fc.asyncProperty(field, field, fc.constantFrom('apa', 'mla', 'ieee', 'chicago-notes'), async (url, doi, style) => {
        writeFileSync(join(dir, 'refs.json'), JSON.stringify([{id: 'a', type: 'article-journal', title: 'T', author: [{family: 'Doe'}], issued: {'date-parts': [[2020]]}, URL: url, DOI: doi}]))
        writeFileSync(join(dir, 'deck.md'), `---\nbibliography: refs.json\ncsl: ${style}\n---\n\n## A\n\n[@a]\n\n## References\n\n::: {#refs}\n:::\n`)
        const {deck} = await build(join(dir, 'deck.md'), {dryRun: true})
        const {tree} = parseHtml(deck.html)
        expect(eventHandlers(tree)).toEqual([])
        expect(deck.html).not.toMatch(/href="\s*javascript:/i)
      }),
      {seed: fuzz.seed, numRuns: fuzz.numRuns}
    )
  }, fuzz.timeout)

  it('front matter cannot end the Reveal.initialize script', async () => {
    const dir = tempDir('citedeck-sec-')
    const scripts = await baseScripts(dir)
    writeFileSync(join(dir, 'deck.md'), '---\nslide-number: "</script><script>alert(1)//"\n---\n\n## A\n')
    const {deck} = await build(join(dir, 'deck.md'), {dryRun: true})
    expect(scriptCount(deck.html)).toBe(scripts)
    expect(deck.html).toContain('Reveal.initialize(')
  })

  it('the author\'s own raw HTML is kept: it is their deck', async () => {
    const dir = tempDir('citedeck-sec-')
    writeFileSync(join(dir, 'deck.md'), '## A\n\n<div class="mine">raw <em>HTML</em></div>\n')
    const {deck} = await build(join(dir, 'deck.md'), {dryRun: true})
    expect(deck.html).toContain('<div class="mine">raw <em>HTML</em></div>')
  })
})
