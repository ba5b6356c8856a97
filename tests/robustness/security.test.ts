/**
 * Security: text from bibliography fields and from imported prose is always
 * escaped (the author's own raw HTML in a deck is kept: it is their deck);
 * images from outside the deck's folder need --allow-outside-images; front
 * matter cannot end the Reveal.initialize script.
 */
import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/index.js'
import {eventHandlers, parseHtml, runCli, scriptCount, tempDir} from './helpers.js'

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

  it('an image outside the deck\'s folder (../, absolute, a symlink out) is refused unless --allow-outside-images', async () => {
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
    expect(refused.stderr.match(/error: image outside the deck's folder: .* \[image-outside-deck\]/g)).toHaveLength(3)
    expect(refused.stderr).toContain('hint: copy it into the deck\'s folder, or pass --allow-outside-images')
    const allowed = await runCli('build', deck, '-o', join(root, 'out'), '--no-fit', '--allow-outside-images')
    expect(allowed.code).toBe(0)
  })

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
