/**
 * PowerPoint benchmark (issue 15): `citedeck pptx` against `citedeck pdf` of
 * the same deck, the example and a 300-slide deck with 600 citations of 80
 * sources (footnotes on most slides, references continued over slides).
 * Each timing is a fresh process, browser launch included, after one warm-up
 * of each command (the fit step's measurement cache is then warm for both,
 * as in a second export in real use). Goal: pptx ≤ 1.5× pdf.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {medianOf, timeChild} from './pdf.js'
import {ms, printTable, ratio} from './stats.js'
import {writeSyntheticDeck} from './synthetic.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

export async function benchPptx({runs = Number(process.env.BENCH_RUNS ?? 3)} = {}) {
  const cases = [
    {name: 'example (14 slides)', deck: join(ROOT, 'slides/cuban-missile-crisis/deck.md')},
    {name: '300 slides, 600 citations', deck: writeSyntheticDeck({slides: 300, citations: 600, sources: 80})}
  ]
  const rows = []
  for (const {name, deck} of cases) {
    const work = mkdtempSync(join(tmpdir(), 'citedeck-bench-pptx-'))
    const pptx = () => timeChild('--cli', ['pptx', deck, '-o', join(work, 'deck.pptx'), '-q'], work)
    const pdf = () => timeChild('--cli', ['pdf', deck, '-o', join(work, 'deck.pdf'), '-q'], work)
    pptx()
    pdf()
    const [pptxTime, pptxRss] = medianOf(runs, pptx)
    const [pdfTime] = medianOf(runs, pdf)
    rows.push([name, ms(pptxTime), ms(pdfTime), ratio(pptxTime, pdfTime), `${pptxRss.toFixed(0)} MB`])
    rmSync(work, {recursive: true, force: true})
  }
  printTable(
    `pptx: median of ${runs} runs, each a fresh process (launch included); goal pptx / pdf ≤ 1.5×`,
    ['deck', 'citedeck pptx', 'citedeck pdf', 'pptx / pdf', 'pptx peak RSS'],
    rows
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchPptx()
