/**
 * PDF benchmark (issues 6 and 18): `citedeck pdf deck.md` on the cited corpus
 * (one citation a slide over 40 sources) at 50, 300 and 1,000 slides against
 * the floor: a minimal puppeteer script that launches the same browser, opens
 * reveal's print layout of the same built deck from file:// and calls
 * `page.pdf()` once (tagged, with bookmarks, as citedeck's). Runs are paired
 * (each round runs every task, the order rotating) and each is a fresh
 * process, Node start-up included on both sides:
 *  - cold: a fresh folder (working directory and output) with no caches;
 *  - `--no-fit`: the same, without fitting;
 *  - warm: again to a PDF printed before, every cache present;
 *  - `--handout 3`, warm.
 * Medians (`BENCH_RUNS`, default 5), ratios, and the CLI's peak RSS (Node only).
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {citedDeck} from './build.js'
import {benchRuns, benchSizes, loadNote, median, ms, pairedRuns, printTable, ratio} from './stats.js'

// `BENCH_ROOT=<checkout>` benches another build of citedeck (before and after a change).
const ROOT = process.env.BENCH_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..')
const SELF = fileURLToPath(import.meta.url)
const PRINT_QUERY = 'print-pdf&margin=0&pdfMaxPagesPerSlide=1'

/** Child modes: run the CLI or the floor in this fresh process, then report peak RSS on stderr. */
async function child(mode, args) {
  if (mode === '--cli') {
    // The CLI as installed: its entry runs the command in process.argv (see scripts/cli-loader.js).
    const cli = join(ROOT, 'lib/cli.js')
    process.argv = [process.argv[0], cli, ...args]
    process.on('exit', () => process.stderr.write(`maxrss ${process.resourceUsage().maxRSS}\n`))
    await import(pathToFileURL(cli).href)
    return
  } else {
    const [folder, output] = args
    const puppeteer = (await import('puppeteer-core')).default
    // The finder alone, not citedeck's API: the floor loads nothing it does not need.
    const {findBrowser} = await import(pathToFileURL(join(ROOT, 'lib/export/browser-finder.js')).href)
    const browser = await puppeteer.launch({executablePath: findBrowser(), headless: true, pipe: true, args: ['--no-sandbox', '--disable-gpu']})
    const [page] = await browser.pages()
    await page.goto(`${pathToFileURL(join(folder, 'index.html')).href}?${PRINT_QUERY}`, {waitUntil: 'load'})
    await page.waitForFunction(() => document.querySelector('.pdf-page') !== null, {polling: 50})
    // The same output as citedeck's: tagged, with bookmarks.
    writeFileSync(output, await page.pdf({width: '1280px', height: '720px', printBackground: true, tagged: true, outline: true}))
    await browser.close()
  }
  process.stderr.write(`maxrss ${process.resourceUsage().maxRSS}\n`)
}

/** Runs `node bench/pdf.js <mode> …` and returns [milliseconds, peak RSS in MB]; `--cli` runs any citedeck command. */
export function timeChild(mode, args, cwd) {
  const start = performance.now()
  const result = spawnSync(process.execPath, [SELF, mode, ...args], {cwd, encoding: 'utf8'})
  const took = performance.now() - start
  if (result.status !== 0) throw new Error(`${mode} ${args.join(' ')} failed:\n${result.stderr}`)
  const rss = Number(/maxrss (\d+)/.exec(result.stderr)?.[1] ?? 0) / 1024
  return [took, rss]
}

export function medianOf(runs, task) {
  const values = Array.from({length: runs}, task)
  return Array.isArray(values[0]) ? values[0].map((_, index) => median(values.map((value) => value[index]))) : median(values)
}

export async function benchPdf({runs = benchRuns(), sizes = benchSizes()} = {}) {
  const {build} = await import(pathToFileURL(join(ROOT, 'lib/index.js')).href)
  const rows = []
  const before = await loadNote()
  for (const slides of sizes) {
    const deck = citedDeck(slides)
    const work = mkdtempSync(join(tmpdir(), 'citedeck-bench-pdf-'))
    const folder = join(work, 'built')
    await build(deck, {output: folder, force: true})
    const warm = join(work, 'warm')
    mkdirSync(warm)
    timeChild('--cli', ['pdf', deck, '-o', join(warm, 'deck.pdf'), '-q'], warm)
    timeChild('--cli', ['pdf', deck, '--handout', '3', '-o', join(warm, 'handout.pdf'), '-q'], warm)
    let fresh = 0
    const cold = (...flags) => {
      const dir = mkdtempSync(join(work, `cold-${fresh++}-`))
      return timeChild('--cli', ['pdf', deck, '-o', join(dir, 'deck.pdf'), '-q', ...flags], dir)
    }
    const rss = {}
    const timed = (name, run) => () => {
      const [took, peak] = run()
      ;(rss[name] ??= []).push(peak)
      return took
    }
    const median = await pairedTimes(runs, {
      floor: timed('floor', () => timeChild('--floor', [folder, join(work, 'floor.pdf')], work)),
      cold: timed('cold', () => cold()),
      noFit: timed('noFit', () => cold('--no-fit')),
      warm: timed('warm', () => timeChild('--cli', ['pdf', deck, '-o', join(warm, 'deck.pdf'), '-q'], warm)),
      handout: timed('handout', () => timeChild('--cli', ['pdf', deck, '--handout', '3', '-o', join(warm, 'handout.pdf'), '-q'], warm))
    })
    const peak = Math.max(...rss.cold, ...rss.warm)
    rows.push([
      slides.toLocaleString('en'),
      ms(median.floor),
      ms(median.cold),
      ratio(median.cold, median.floor),
      ms(median.noFit),
      ratio(median.noFit, median.floor),
      ms(median.warm),
      ratio(median.warm, median.floor),
      ms(median.handout),
      ratio(median.handout, median.floor),
      `${peak.toFixed(0)} MB`
    ])
    rmSync(work, {recursive: true, force: true})
    rmSync(dirname(deck), {recursive: true, force: true})
  }
  printTable(
    `pdf deck.md, one citation a slide over 40 sources: median of ${runs} paired runs, each a fresh process, launch included (${before} at the start, ${await loadNote()} at the end)`,
    ['slides', 'floor', 'cold', 'cold / floor', '--no-fit', '--no-fit / floor', 'warm', 'warm / floor', '--handout 3', 'handout / floor', 'CLI peak RSS'],
    rows
  )
}

/** `pairedRuns` for tasks that time themselves (a child process's own wall time). */
async function pairedTimes(runs, tasks) {
  const times = Object.fromEntries(Object.keys(tasks).map((name) => [name, []]))
  await pairedRuns(runs, Object.fromEntries(Object.entries(tasks).map(([name, task]) => [name, () => times[name].push(task())])))
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]))
}

const [mode, ...args] = process.argv.slice(2)
if (mode === '--cli' || mode === '--floor') await child(mode, args)
else if (process.argv[1] === SELF) await benchPdf()
