/**
 * PDF benchmark (issue 6): `citedeck pdf` on the example deck and on
 * synthetic decks of 50 and 300 slides, slides and 3-up handouts, against the
 * floor measured in the same run on the same built deck:
 *  - a minimal puppeteer script: launch the same browser, open the print
 *    layout from file://, one `page.pdf()` (tagged, with bookmarks, as
 *    citedeck's), close;
 *  - bare Chromium: `chromium --headless --print-to-pdf` of the same page;
 *  - decktape, when it is installed.
 * Every timing is a fresh process (Node start-up included on both sides);
 * medians and ratios are printed, with the CLI's peak memory (Node only).
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {median, ms, printTable, ratio} from './stats.js'
import {writeSyntheticDeck} from './synthetic.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const SELF = fileURLToPath(import.meta.url)
const PRINT_QUERY = 'print-pdf&margin=0&pdfMaxPagesPerSlide=1'

/** Child modes: run the CLI or the floor in this fresh process, then report peak RSS on stderr. */
async function child(mode, args) {
  if (mode === '--cli') {
    const {citedeckCli} = await import(pathToFileURL(join(ROOT, 'lib/cli.js')).href)
    const quiet = {stdout: () => undefined, stderr: (text) => process.stderr.write(text + '\n')}
    process.exitCode = await citedeckCli(args, quiet)
  } else {
    const [folder, output] = args
    const puppeteer = (await import('puppeteer-core')).default
    const {findBrowser} = await import(pathToFileURL(join(ROOT, 'lib/index.js')).href)
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

function timeCommand(command, args) {
  const start = performance.now()
  const result = spawnSync(command, args, {encoding: 'utf8', timeout: 300_000})
  if (result.status !== 0) throw new Error(`${command} failed:\n${result.stderr}`)
  return performance.now() - start
}

export function medianOf(runs, task) {
  const values = Array.from({length: runs}, task)
  return Array.isArray(values[0]) ? values[0].map((_, index) => median(values.map((value) => value[index]))) : median(values)
}

export async function benchPdf({runs = Number(process.env.BENCH_RUNS ?? 3)} = {}) {
  const {build, findBrowser} = await import(pathToFileURL(join(ROOT, 'lib/index.js')).href)
  const chromium = findBrowser()
  const hasDecktape = spawnSync('decktape', ['--version']).status === 0
  const cases = [
    {name: 'example (14 slides)', deck: join(ROOT, 'slides/cuban-missile-crisis/deck.md')},
    {name: '50 slides', deck: writeSyntheticDeck({slides: 50})},
    {name: '300 slides', deck: writeSyntheticDeck({slides: 300})}
  ]
  const rows = []
  const handoutRows = []
  for (const {name, deck} of cases) {
    const work = mkdtempSync(join(tmpdir(), 'citedeck-bench-pdf-'))
    const folder = join(work, 'built')
    await build(deck, {output: folder, force: true})
    const out = (file) => join(work, file)
    // Warm up the OS caches and the fit step's measurement cache, as a second export in real use would.
    timeChild('--cli', ['pdf', deck, '-o', out('warm.pdf'), '-q'], work)

    const [cli, rss] = medianOf(runs, () => timeChild('--cli', ['pdf', deck, '-o', out('cli.pdf'), '-q'], work))
    const [handout] = medianOf(runs, () => timeChild('--cli', ['pdf', deck, '--handout', '3', '-o', out('handout.pdf'), '-q'], work))
    const [floor] = medianOf(runs, () => timeChild('--floor', [folder, out('floor.pdf')], work))
    const page = `${pathToFileURL(join(folder, 'index.html')).href}?${PRINT_QUERY}`
    const bare = medianOf(runs, () =>
      timeCommand(chromium, [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        `--user-data-dir=${join(work, 'profile')}`,
        '--run-all-compositor-stages-before-draw',
        '--virtual-time-budget=10000',
        '--no-pdf-header-footer',
        `--print-to-pdf=${out('bare.pdf')}`,
        page
      ])
    )
    let decktape
    if (hasDecktape) {
      decktape = medianOf(runs, () =>
        timeCommand('decktape', ['reveal', '--chrome-path', chromium, '--chrome-arg=--no-sandbox', '-s', '1280x720', page.replace(/\?.*/, ''), out('decktape.pdf')])
      )
    }
    rows.push([name, ms(cli), ms(floor), ratio(cli, floor), ms(bare), ratio(cli, bare), ms(decktape), ratio(decktape, cli), `${rss.toFixed(0)} MB`])
    handoutRows.push([name, ms(handout), ms(floor), ratio(handout, floor)])
    rmSync(work, {recursive: true, force: true})
  }
  printTable(
    `pdf: median of ${runs} runs, each a fresh process (launch included)`,
    ['deck', 'citedeck pdf', 'floor (puppeteer)', 'CLI / floor', 'chromium --print-to-pdf', 'CLI / chromium', 'decktape', 'decktape / CLI', 'CLI peak RSS'],
    rows
  )
  printTable('pdf --handout 3', ['deck', 'citedeck pdf --handout 3', 'floor (puppeteer)', 'handout / floor'], handoutRows)
  if (!hasDecktape) console.log('(decktape is not installed: its columns are empty)')
}

const [mode, ...args] = process.argv.slice(2)
if (mode === '--cli' || mode === '--floor') await child(mode, args)
else if (process.argv[1] === SELF) await benchPdf()
