/**
 * The live preview in a real Chromium: edits show on the same slide, errors
 * show over the last good deck and go away when fixed, stylesheets swap in
 * place. One browser and one page for the whole file, in order.
 *
 * Not the suite's shared browser: it resolves no host at all (PDF export must
 * not reach the network), and the preview is on http://127.0.0.1.
 */
import {appendFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import puppeteer, {type Browser, type Page} from 'puppeteer-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {findBrowser} from '../../src/export/browser-finder.js'
import {type Preview, serve} from '../../src/index.js'
import {describeBrowser} from '../browser/shared.js'

function deckText(third: string, title = 'Live deck') {
  return [
    '---',
    `title: ${title}`,
    '---',
    '',
    '## Second',
    '',
    'The second slide.',
    '',
    '## Third',
    '',
    `- ${third}`,
    '',
    '. . .',
    '',
    '- After the pause',
    '',
    '::: notes',
    'Notes for the third slide.',
    ':::',
    '',
    '## Fourth',
    '',
    'The end.',
    ''
  ].join('\n')
}

describeBrowser('serve: in the browser', () => {
  let dir: string
  let deck: string
  let preview: Preview
  let browser: Browser
  let page: Page
  let profile: string

  /** Runs `change`, then waits for the page's next `citedeck:reloaded` (surviving a page load). */
  async function afterReload(change: () => void): Promise<string> {
    await page.evaluate(() => {
      const w = window as unknown as {reloaded?: Promise<string>}
      w.reloaded = new Promise((done) =>
        document.addEventListener('citedeck:reloaded', (event) => done((event as CustomEvent<{mode: string}>).detail.mode), {once: true})
      )
    })
    change()
    return page.evaluate(() => (window as unknown as {reloaded: Promise<string>}).reloaded)
  }

  const indices = () => page.evaluate(() => (window as unknown as {Reveal: {getState(): object}}).Reveal.getState())
  const currentText = () =>
    page.evaluate(() => (window as unknown as {Reveal: {getCurrentSlide(): HTMLElement}}).Reveal.getCurrentSlide().textContent)
  const overlay = () => page.$eval('#citedeck-problems', (node) => (node as HTMLElement).innerText).catch(() => undefined)

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'citedeck-serve-browser-'))
    deck = join(dir, 'deck.md')
    writeFileSync(join(dir, 'look.css'), ':root { --cd-accent: #0645ad; }\n')
    writeFileSync(deck, deckText('Original text').replace('title: Live deck', 'title: Live deck\ntheme: look.css'))
    profile = mkdtempSync(join(tmpdir(), 'citedeck-chromium-'))
    ;[preview, browser] = await Promise.all([
      serve(deck, {port: 0, fit: false}),
      puppeteer.launch({
        executablePath: findBrowser(),
        userDataDir: profile,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']
      })
    ])
    page = await browser.newPage()
    await page.goto(preview.url)
    await page.waitForFunction(() => (window as unknown as {Reveal?: {isReady(): boolean}}).Reveal?.isReady())
    // Wait for the event stream, so no edit happens before the page listens.
    await page.waitForNetworkIdle({idleTime: 100})
  })

  afterAll(async () => {
    await browser?.close()
    await preview?.close()
    rmSync(profile, {recursive: true, force: true})
  })

  const write = (third: string, title?: string, notes?: string) => () =>
    writeFileSync(
      deck,
      deckText(third, title)
        .replace(/^title: (.*)$/m, 'title: $1\ntheme: look.css')
        .replace('Notes for the third slide.', notes ?? 'Notes for the third slide.')
    )

  it('the preview page has no RTCPeerConnection and may connect only to its own server', async () => {
    const other = preview.port + 1
    const found = await page.evaluate(async (port) => {
      const refused: string[] = []
      document.addEventListener('securitypolicyviolation', (event) => refused.push(event.effectiveDirective))
      const sent = await fetch(`http://127.0.0.1:${port}/x`).then(
        () => true,
        () => false
      )
      await new Promise((done) => setTimeout(done, 20))
      // Refused twice: by the server's header and by the page's own policy.
      return {peer: typeof (window as unknown as {RTCPeerConnection?: unknown}).RTCPeerConnection, sent, refused: [...new Set(refused)]}
    }, other)
    expect(found).toEqual({peer: 'undefined', sent: false, refused: ['connect-src']})
  })

  it('shows an edit on the same slide and fragment, without loading the page again', async () => {
    await page.evaluate(() => {
      const w = window as unknown as {Reveal: {slide(h: number, v: number, f: number): void}; marker: number}
      w.Reveal.slide(2, 0, 0)
      w.marker = 1
    })
    expect(await indices()).toMatchObject({indexh: 2, indexv: 0, indexf: 0})
    expect(await currentText()).toContain('Original text')

    expect(await afterReload(write('Edited text'))).toBe('slides')
    expect(await currentText()).toContain('Edited text')
    expect(await indices()).toMatchObject({indexh: 2, indexv: 0, indexf: 0})
    expect(await page.$$eval('.slides section.present .fragment.visible', (nodes) => nodes.length)).toBe(1)
    expect(await page.evaluate(() => (window as unknown as {marker?: number}).marker)).toBe(1)
  })

  it('shows a broken front matter over the last good deck, and clears it on the next good save', async () => {
    writeFileSync(deck, deckText('Broken').replace('title: Live deck', 'title: [unclosed\nauthor: x'))
    await page.waitForSelector('#citedeck-problems')
    expect(await overlay()).toMatch(/deck\.md:\d+:\d+: error: broken YAML front matter/)
    expect(await currentText()).toContain('Edited text')

    expect(await afterReload(write('Fixed text'))).toBe('slides')
    expect(await overlay()).toBeUndefined()
    expect(await currentText()).toContain('Fixed text')
    expect(await indices()).toMatchObject({indexh: 2, indexv: 0})
  })

  it('keeps the speaker view connected and shows the new notes', async () => {
    const opened = new Promise<Page | null>((done) => page.once('popup', done))
    await page.keyboard.press('s')
    const speaker = (await opened)!
    const notes = () => speaker.$eval('.speaker-controls-notes .value', (node) => node.textContent ?? '')
    await speaker.waitForFunction(() => document.querySelector('.speaker-controls-notes .value')?.textContent?.includes('Notes for'))
    await afterReload(write('Fixed text', undefined, 'Rewritten notes.'))
    await speaker.waitForFunction(() => document.querySelector('.speaker-controls-notes .value')?.textContent?.includes('Rewritten'))
    expect(await notes()).toContain('Rewritten notes.')
    await speaker.close()
  })

  it('swaps a changed stylesheet without touching the slides', async () => {
    const mode = await afterReload(() => writeFileSync(join(dir, 'look.css'), ':root { --cd-accent: rgb(200, 0, 0); }\n'))
    expect(mode).toBe('styles')
    const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--cd-accent').trim())
    expect(accent).toBe('rgb(200, 0, 0)')
    expect(await page.evaluate(() => (window as unknown as {marker?: number}).marker)).toBe(1)
  })

  it('replaces all slides when one is added, staying on the same slide', async () => {
    expect(await afterReload(() => appendFileSync(deck, '\n## Fifth\n\nAdded at the end.\n'))).toBe('replace')
    expect(await page.$$eval('.slides > section', (nodes) => nodes.length)).toBe(5)
    expect(await indices()).toMatchObject({indexh: 2, indexv: 0})
    expect(await currentText()).toContain('Fixed text')
    expect(await page.evaluate(() => (window as unknown as {marker?: number}).marker)).toBe(1)
  })

  it('loads the page again when more than the slides changes, and comes back to the same slide', async () => {
    const reloaded = page.waitForNavigation()
    write('Fixed text', 'A new title')()
    await reloaded
    await page.waitForFunction(() => (window as unknown as {Reveal?: {isReady(): boolean}}).Reveal?.isReady())
    await page.waitForFunction(() => (window as unknown as {Reveal: {getState(): {indexh: number}}}).Reveal.getState().indexh === 2)
    expect(await page.title()).toBe('A new title')
    expect(await currentText()).toContain('Fixed text')
    expect(await page.evaluate(() => (window as unknown as {marker?: number}).marker)).toBeUndefined()
  })
})
