/**
 * Build benchmark (Foundation and Citations issues): synthetic decks of 50,
 * 300 and 1,000 slides through the API and the CLI, a citation-heavy deck
 * (1,000 citations, 500 sources), and pandoc on the same Markdown as the
 * baseline when it is installed. Reports medians and ratios.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from '../lib/index.js'
import {ms, printTable, ratio, timeRuns} from './stats.js'
import {writeSyntheticDeck} from './synthetic.js'

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'lib', 'cli.js')
const hasPandoc = spawnSync('pandoc', ['--version']).status === 0

export async function benchBuild({runs = 5} = {}) {
  const cases = [
    {name: '50 slides', slides: 50},
    {name: '300 slides', slides: 300},
    {name: '1,000 slides', slides: 1000},
    {name: '300 slides, 1,000 citations / 500 sources', slides: 300, citations: 1000, sources: 500}
  ]
  const rows = []
  for (const options of cases) {
    const deck = writeSyntheticDeck(options)
    const out = mkdtempSync(join(tmpdir(), 'citedeck-bench-out-'))
    await build(deck, {output: join(out, 'warm'), force: true})
    const api = await timeRuns(runs, () => build(deck, {output: join(out, 'api'), force: true}))
    const cli = await timeRuns(runs, async () => {
      execFileSync(process.execPath, [CLI, 'build', deck, '-o', join(out, 'cli'), '--force', '--quiet'])
    })
    let pandoc
    if (hasPandoc) {
      const citeproc = options.sources ? ['--citeproc'] : []
      pandoc = await timeRuns(runs, async () => {
        execFileSync('pandoc', [deck, '-s', '-t', 'revealjs', ...citeproc, '-o', join(out, 'pandoc.html')], {cwd: dirname(deck)})
      })
    }
    rows.push([options.name, ms(api), ms(cli), ms(pandoc), ratio(cli, pandoc)])
  }
  printTable(`build: median of ${runs} runs`, ['deck', 'API', 'CLI', 'pandoc -t revealjs', 'CLI / pandoc'], rows)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchBuild()
