/**
 * A sample of fuzzed decks opened from `file://` in the shared Chromium:
 * Reveal gets ready, no page errors, and (author's remote images aside) no
 * request leaves the deck's folder. FUZZ_SEED picks the sample; its size is
 * FUZZ_RUNS (4 without it).
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import fc from 'fast-check'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {Project} from '../../src/index.js'
import {connectBrowser, describeBrowser} from '../browser/shared.js'
import {bibliography, citationKey, frontMatter, markdownBody} from './arbitraries.js'
import {fuzzSettings, tempDir} from './helpers.js'

describeBrowser('fuzz: a sample of decks in Chromium', () => {
  let browser: Browser
  // One project for the sample (a project per deck set up citeproc again each time); decks are opened as built, unfitted.
  const project = new Project({fit: false})
  beforeAll(async () => {
    browser = await connectBrowser()
  })
  afterAll(async () => {
    await project.close()
    await browser?.disconnect()
  })

  // FUZZ_RUNS decks (~0.3 s each), 4 in the suite.
  const {seed, numRuns: count, timeout} = fuzzSettings(1, 4)
  it(`opens with no page errors and no request outside the deck (${count} decks, seed ${seed})`, async () => {
    const root = tempDir('citedeck-fuzz-browser-')
    // Many generated decks are refused (broken front matter or bibliography): draw more than needed and open the first `count` that build.
    const cases = fc.sample(fc.tuple(frontMatter, markdownBody, bibliography(fc.array(citationKey, {minLength: 1, maxLength: 4}))), {seed, numRuns: count * 10})
    let opened = 0
    for (const [index, [matter, body, bib]] of cases.entries()) {
      if (opened === count) break
      const dir = join(root, `case-${index}`)
      mkdirSync(dir)
      writeFileSync(join(dir, `refs.${bib.format}`), bib.text)
      // Broken front matter, a broken bibliography or a NUL byte (the file is refused as binary) gives no deck to open; keep the sample to decks that build.
      const matterLines = matter && !matter.broken ? [matter.body.replace(/^theme: .*$/m, ''), `bibliography: refs.${bib.format}`] : []
      const text = body.text.replace(/!\[[^\]]*\]\((?:no\/such|pic)\.png\)/g, '').replace(/\0/g, '')
      const markdown = `${matterLines.length ? `---\n${matterLines.join('\n')}\n---\n\n` : ''}${text}`
      writeFileSync(join(dir, 'deck.md'), markdown)
      const result = await project.build(join(dir, 'deck.md'), {output: join(dir, 'out')})
      if (!result.output) continue
      opened++
      const page = await browser.newPage()
      const errors: string[] = []
      const outside: string[] = []
      page.on('pageerror', (error) => errors.push(String(error)))
      page.on('request', (request) => {
        const url = request.url()
        if (!url.startsWith(pathToFileURL(result.output!).href) && !url.startsWith('data:') && !url.startsWith('https://example.org/')) outside.push(url)
      })
      try {
        await page.goto(pathToFileURL(join(result.output, 'index.html')).href, {waitUntil: 'load'})
        await page.waitForFunction('window.Reveal && window.Reveal.isReady()', {timeout: 20_000})
      } finally {
        await page.close()
      }
      expect(errors, `page errors for\n${markdown}`).toEqual([])
      expect(outside, `requests outside the deck for\n${markdown}`).toEqual([])
    }
    expect(opened).toBe(count)
  }, timeout)
})
