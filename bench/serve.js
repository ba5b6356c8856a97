/**
 * Live preview benchmark (issue 7): the time from writing the deck to the
 * browser's `citedeck:reloaded` event, median over 20 edits of one slide, for
 * decks of 50 and 300 slides, with the server's share (rebuild) beside it;
 * then the Node process's memory after 200 edits. Goals: < 150 ms at 300
 * slides, < 20 MB growth.
 *
 * Wall time depends on what else the machine runs, so the CPU time spent per
 * edit is reported beside it: the Node process's, and the page's main thread
 * (Chromium's TaskDuration). On an idle machine the wall time is about their
 * sum plus the watcher's 20 ms debounce.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {fileURLToPath} from 'node:url'
import puppeteer from 'puppeteer-core'
import {findBrowser} from '../lib/export/browser-finder.js'
import {serve} from '../lib/index.js'
import {median, ms, printTable} from './stats.js'
import {writeSyntheticDeck} from './synthetic.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc')
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export async function benchServe({edits = 20, memoryEdits = 200} = {}) {
  // Not the PDF launcher: it blocks every host, and the preview is on 127.0.0.1.
  const profile = mkdtempSync(join(tmpdir(), 'citedeck-chromium-'))
  const browser = await puppeteer.launch({
    executablePath: findBrowser(),
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']
  })
  try {
    const rows = []
    const decks = [
      {name: '50 slides', slides: 50},
      {name: '300 slides', slides: 300},
      {name: '300 slides, 300 citations of 100 sources', slides: 300, citations: 300, sources: 100}
    ]
    for (const deck of decks) {
      const result = await editLoop(browser, deck, edits)
      rows.push([deck.name, ms(result.reload), ms(result.build), ms(result.nodeCpu), ms(result.pageCpu), ms(20 + result.nodeCpu + result.pageCpu)])
    }
    printTable(
      `serve: write → browser reloaded, median of ${edits} edits of one slide`,
      ['deck', 'save → reloaded', 'of which rebuild', 'Node CPU', 'page CPU', 'idle estimate (20 + CPU)'],
      rows
    )
    const memory = await editLoop(browser, {slides: 300}, memoryEdits, {memory: true})
    printTable(
      `serve: Node process memory over ${memoryEdits} edits (300 slides, after GC)`,
      ['', 'heap used', 'RSS'],
      [
        ['after 10 edits', mb(memory.before.heapUsed), mb(memory.before.rss)],
        [`after ${memoryEdits + 10} edits`, mb(memory.after.heapUsed), mb(memory.after.rss)],
        ['growth', mb(memory.after.heapUsed - memory.before.heapUsed), mb(memory.after.rss - memory.before.rss)]
      ]
    )
  } finally {
    await browser.close()
    rmSync(profile, {recursive: true, force: true})
  }
}

/** Serves a synthetic deck, opens it on a middle slide, and edits that slide `edits` times. */
async function editLoop(browser, {slides, citations = 0, sources = 0}, edits, {memory = false} = {}) {
  const deck = writeSyntheticDeck({slides, citations, sources})
  const original = readFileSync(deck, 'utf8')
  const target = Math.floor(slides / 2) + 2
  const heading = `## Slide ${target}: a point worth making`
  let builds = []
  const preview = await serve(deck, {port: 0, fit: false, onUpdate: (update) => builds.push(update.duration)})
  const page = await browser.newPage()
  try {
    await page.goto(preview.url)
    await page.waitForFunction(() => window.Reveal?.isReady())
    await page.waitForNetworkIdle({idleTime: 100})
    await page.evaluate((title) => {
      const slide = [...document.querySelectorAll('.slides section')].find((node) => node.querySelector('h2')?.textContent.startsWith(title))
      const {h, v} = window.Reveal.getIndices(slide)
      window.Reveal.slide(h, v)
    }, `Slide ${target}:`)

    const cpu = () => {
      const {user, system} = process.cpuUsage()
      return (user + system) / 1000
    }
    const pageCpu = async () => (await page.metrics()).TaskDuration * 1000
    const edit = async (index) => {
      await page.evaluate(() => {
        window.reloaded = new Promise((done) => document.addEventListener('citedeck:reloaded', done, {once: true}))
      })
      const [startPage, startCpu, start] = [await pageCpu(), cpu(), performance.now()]
      writeFileSync(deck, original.replace(heading, `## Slide ${target}: edit number ${index}`))
      await page.evaluate(() => window.reloaded)
      const time = performance.now() - start
      return {time, nodeCpu: cpu() - startCpu, pageCpu: (await pageCpu()) - startPage}
    }

    if (memory) {
      for (let index = 0; index < 10; index++) await edit(index)
      gc()
      const before = process.memoryUsage()
      for (let index = 10; index < edits + 10; index++) await edit(index)
      gc()
      return {before, after: process.memoryUsage()}
    }
    // Two edits to warm up the JIT and the caches, as a user's first saves would.
    for (let index = 0; index < 2; index++) await edit(index)
    builds = []
    const runs = []
    for (let index = 2; index < edits + 2; index++) runs.push(await edit(index))
    const of = (key) => median(runs.map((run) => run[key]))
    return {reload: of('time'), build: median(builds), nodeCpu: of('nodeCpu'), pageCpu: of('pageCpu')}
  } finally {
    await page.close()
    await preview.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchServe()
