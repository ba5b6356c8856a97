/**
 * What a fitted build keeps beside its output for the next one (measurements
 * and the fit plan it ended with; see check/cache.ts and fit.ts): a build with
 * them writes what a build without them writes, in one compile and without
 * the browser when nothing changed, and a damaged or stale file is not trusted.
 */
import {cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {build, exportPdf} from '../../src/index.js'
import {connectBrowser, describeBrowser} from '../browser/shared.js'

const DENSE = new URL('fixtures/dense', import.meta.url).pathname

describeBrowser('the fit step with what the last build kept', () => {
  let browser: Browser
  let folder: string
  let fresh: {html: string; messages: string[]}
  const deck = () => join(folder, 'deck.md')
  const buildInto = async (output: string) => {
    const result = await build(deck(), {output: join(folder, output), force: true, fit: {browser}})
    return {html: readFileSync(join(result.output!, 'index.html'), 'utf8'), messages: result.file.messages.map(String), fitted: result.file.data.fitted}
  }

  beforeAll(async () => {
    browser = await connectBrowser()
    folder = mkdtempSync(join(tmpdir(), 'citedeck-fit-cache-'))
    cpSync(DENSE, folder, {recursive: true})
    const {html, messages} = await buildInto('kept')
    fresh = {html, messages}
  })
  afterAll(async () => {
    await browser?.disconnect()
  })

  it('builds an unchanged deck again in one compile, without the browser, to the same deck and messages', async () => {
    const again = await buildInto('kept')
    expect(again.fitted).toMatchObject({rounds: 1, measured: 0})
    expect(again.html).toBe(fresh.html)
    expect(again.messages).toEqual(fresh.messages)
  })

  it('does not trust a plan its measurements do not hold, nor measurements of the wrong shape', async () => {
    const file = join(folder, '.kept.citedeck-measure.json')
    const data = JSON.parse(readFileSync(file, 'utf8'))
    const [key, saved] = Object.entries(data.plans)[0] as [string, {plan: {scales: Record<string, number>}}]
    // Every slide shown at 90 %: slides never measured so, so the plan is dropped and the deck fitted afresh.
    const scales = Object.fromEntries(Object.keys(data.slides).map((_, index) => [index * 10, 0.9]))
    writeFileSync(file, JSON.stringify({...data, plans: {[key]: {...saved, plan: {...saved.plan, scales}}}}))
    const stale = await buildInto('kept')
    expect(stale.html).toBe(fresh.html)
    expect(stale.messages).toEqual(fresh.messages)
    const entries = Object.fromEntries(Object.keys(data.slides).map((slide) => [slide, {overflowY: 'a lot'}]))
    writeFileSync(file, JSON.stringify({...data, slides: entries, plans: {[key]: {...saved, added: 'many'}}}))
    const damaged = await buildInto('kept')
    expect(damaged.fitted?.measured).toBeGreaterThan(0)
    expect(damaged.html).toBe(fresh.html)
  })

  it('keeps a PDF export\'s caches beside the PDF, and prints the same deck with them', async () => {
    const small = join(folder, 'small.md')
    const points = Array.from({length: 16}, (_, index) => `- Point ${index}`).join('\n')
    writeFileSync(small, `---\ntitle: Small\nbibliography: references.yaml\n---\n\n## One\n\n${points}\n\n## Two\n\n- Cited [@allison1960]\n`)
    const pdf = join(folder, 'print', 'talk.pdf')
    const first = await exportPdf(small, {output: pdf, browser})
    for (const what of ['measure', 'cite', 'parse']) expect(existsSync(join(folder, 'print', `.talk.pdf.citedeck-${what}.json`))).toBe(true)
    expect(existsSync(join(folder, 'dist'))).toBe(false)
    const second = await exportPdf(small, {output: pdf, browser})
    expect(second.file.data.fitted).toMatchObject({rounds: 1, measured: 0})
    expect(second.deck.html).toBe(first.deck.html)
    expect(second.file.messages.map(String)).toEqual(first.file.messages.map(String))
  })
})
