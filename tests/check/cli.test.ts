/**
 * `citedeck check` and the fit step through the CLI: the JSON report's shape,
 * exit codes (1 on errors, or warnings with --strict; 2 without a browser),
 * and a build without a browser that still builds and says so once.
 */
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {describeBrowser} from '../browser/shared.js'
import {run} from '../helpers/cli.js'

const LINT = new URL('fixtures/lint/deck.md', import.meta.url).pathname

function tempDeck(markdown: string): {dir: string; deck: string} {
  const dir = mkdtempSync(join(tmpdir(), 'citedeck-check-'))
  writeFileSync(join(dir, 'deck.md'), markdown)
  return {dir, deck: join(dir, 'deck.md')}
}

const LONG = `## Too long\n\n${Array.from({length: 14}, (_, index) => `- Bullet ${index + 1}`).join('\n')}\n`

describeBrowser('citedeck check', () => {
  it('prints a JSON report of slides and messages, and exits 1 on an error', async () => {
    const result = await run('check', LINT, '--format', 'json')
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as Record<string, unknown>
    expect(Object.keys(report).sort()).toEqual(['file', 'messages', 'slides', 'summary'])
    expect(report.summary).toEqual({errors: 1, warnings: 4, infos: 2})
    const slides = report.slides as Array<Record<string, unknown>>
    expect(slides[1]).toEqual({
      number: 2,
      title: 'A quotation',
      kind: 'quote',
      line: 20,
      overflow: 0,
      overflowRight: 0,
      smallestText: null,
      brokenImages: []
    })
    const messages = report.messages as Array<Record<string, unknown>>
    for (const message of messages) {
      expect(Object.keys(message).sort()).toEqual(['column', 'file', 'line', 'message', 'note', 'rule', 'severity', 'slide'])
      expect(['error', 'warning', 'info']).toContain(message.severity)
      expect(typeof message.line).toBe('number')
      expect(String(message.file)).toMatch(/deck\.md$/)
    }
    expect(messages.find((message) => message.rule === 'duplicate-title')).toMatchObject({line: 37, column: 1, severity: 'error'})
  })

  it('reports an overflow as file:line:col: warning, exit 0, or 1 with --strict', async () => {
    const {deck} = tempDeck(LONG)
    const plain = await run('check', deck)
    expect(plain.code).toBe(0)
    expect(plain.stdout).toMatch(/deck\.md:1:1: warning: slide 1 "Too long" overflows by \d+ px \[overflow\]/)
    expect(plain.stderr).toMatch(/checked 1 slide: 0 errors, 1 warning, 0 infos/)
    expect((await run('check', deck, '--strict')).code).toBe(1)
  })

  it('builds with fit on by default, and not with --no-fit or fit: false', async () => {
    const {dir, deck} = tempDeck(LONG)
    expect((await run('build', deck, '-o', join(dir, 'out'))).code).toBe(0)
    const html = readFileSync(join(dir, 'out/index.html'), 'utf8')
    expect(html).toContain('Too long (cont.)')
    expect(existsSync(join(dir, '.out.citedeck-measure.json'))).toBe(true)
    expect((await run('build', deck, '-o', join(dir, 'out'), '--no-fit')).code).toBe(0)
    expect(readFileSync(join(dir, 'out/index.html'), 'utf8')).not.toContain('(cont.)')
    writeFileSync(deck, `---\nfit: false\n---\n\n${LONG}`)
    expect((await run('build', deck, '-o', join(dir, 'out'))).code).toBe(0)
    expect(readFileSync(join(dir, 'out/index.html'), 'utf8')).not.toContain('(cont.)')
  })
})

describe('without a browser', () => {
  const saved = process.env.CITEDECK_BROWSER
  afterEach(() => {
    if (saved === undefined) delete process.env.CITEDECK_BROWSER
    else process.env.CITEDECK_BROWSER = saved
  })

  // Decks of their own: a deck measured earlier in the process is in the memory cache and needs no browser.
  it('check exits 2 with a clear message', async () => {
    process.env.CITEDECK_BROWSER = '/nonexistent/chromium'
    const {deck} = tempDeck('## Never measured\n\nText.\n')
    const result = await run('check', deck)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/citedeck: error: CITEDECK_BROWSER is \/nonexistent\/chromium, which is not an executable file/)
  })

  it('build still builds, says once that it did not measure, and passes --strict', async () => {
    process.env.CITEDECK_BROWSER = '/nonexistent/chromium'
    const {dir, deck} = tempDeck(`${LONG}- Not measured before\n`)
    const result = await run('build', deck, '-o', join(dir, 'out'), '--strict')
    expect(result.code).toBe(0)
    const infos = result.stderr.split('\n').filter((line) => line.includes('[fit-no-browser]'))
    expect(infos).toHaveLength(1)
    expect(infos[0]).toMatch(/info: slides were not measured: no browser to lay them out in/)
  })
})
