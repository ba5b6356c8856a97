/**
 * Build benchmark (issue 18): the cited corpus (one citation a slide over 40
 * sources) at 50, 300 and 1,000 slides, `citedeck build` from the CLI against
 * pandoc `-s -t revealjs --citeproc` on the same Markdown, paired (every
 * round runs each in turn, the order rotating). Each citedeck run is a fresh
 * process:
 *  - cold: a fresh output folder with no caches beside it;
 *  - `--no-fit`: the same, without measuring in the browser;
 *  - warm: again into an output built before, every cache present.
 * Medians (`BENCH_RUNS`, default 5), ratios to pandoc, and t(1,000)/t(300).
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {benchRuns, benchSizes, loadNote, ms, pairedRuns, printTable, ratio} from './stats.js'
import {writeSyntheticDeck} from './synthetic.js'

// `BENCH_ROOT=<checkout>` benches another build of citedeck (before and after a change).
const CLI = join(process.env.BENCH_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..'), 'lib', 'cli.js')
const hasPandoc = spawnSync('pandoc', ['--version']).status === 0

/** The cited corpus of the speed issue: one citation a slide, 40 sources. */
export const citedDeck = (slides) => writeSyntheticDeck({slides, citations: slides, sources: 40})

export async function benchBuild({runs = benchRuns(), sizes = benchSizes()} = {}) {
  const rows = []
  const cold = new Map()
  const before = await loadNote()
  for (const slides of sizes) {
    const deck = citedDeck(slides)
    const work = mkdtempSync(join(tmpdir(), 'citedeck-bench-build-'))
    const citedeck = (output, ...flags) => execFileSync(process.execPath, [CLI, 'build', deck, '-o', output, '--force', '--quiet', ...flags])
    // Each cold run gets a folder of its own: no output, and no cache beside it.
    let fresh = 0
    const freshOutput = () => join(mkdtempSync(join(work, `cold-${fresh++}-`)), 'deck')
    citedeck(join(work, 'warm', 'deck'))
    const tasks = {
      cold: () => citedeck(freshOutput()),
      noFit: () => citedeck(freshOutput(), '--no-fit'),
      warm: () => citedeck(join(work, 'warm', 'deck'))
    }
    if (hasPandoc) tasks.pandoc = () => execFileSync('pandoc', [deck, '-s', '-t', 'revealjs', '--citeproc', '-o', join(work, 'pandoc.html')], {cwd: dirname(deck)})
    const median = await pairedRuns(runs, tasks)
    cold.set(slides, median.cold)
    rows.push([
      slides.toLocaleString('en'),
      ms(median.pandoc),
      ms(median.cold),
      ratio(median.cold, median.pandoc),
      ms(median.noFit),
      ratio(median.noFit, median.pandoc),
      ms(median.warm),
      ratio(median.warm, median.pandoc)
    ])
    rmSync(work, {recursive: true, force: true})
    rmSync(dirname(deck), {recursive: true, force: true})
  }
  printTable(
    `build, one citation a slide over 40 sources: median of ${runs} paired runs, each a fresh process (${before} at the start, ${await loadNote()} at the end)`,
    ['slides', 'pandoc --citeproc', 'cold', 'cold / pandoc', '--no-fit', '--no-fit / pandoc', 'warm', 'warm / pandoc'],
    rows
  )
  if (cold.has(300) && cold.has(1000)) console.log(`t(1,000) / t(300), cold: ${ratio(cold.get(1000), cold.get(300))}`)
  if (!hasPandoc) console.log('(pandoc is not installed: its columns are empty)')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchBuild()
