/**
 * Scale benchmark (robustness issue): synthetic decks of 50, 300, 1,000 and
 * 3,000 slides (one citation a slide, 200 sources) built through the API,
 * each size in its own child process so peak memory (`maxRSS`) is that
 * size's alone. Reports the median time, peak memory and t(1000)/t(300),
 * which should stay near 1000/300 ≈ 3.3 (linear), at most ~4.
 * Fitting is off: it measures in Chromium, which bench/check covers.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {median, ms, printTable} from './stats.js'
import {writeSyntheticDeck} from './synthetic.js'

const SIZES = [50, 300, 1000, 3000]

export async function benchScale({runs = Number(process.env.SCALE_RUNS ?? 3)} = {}) {
  const results = new Map()
  for (const slides of SIZES) {
    const output = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(slides), String(runs)], {encoding: 'utf8', maxBuffer: 1 << 20})
    results.set(slides, JSON.parse(output.trim().split('\n').pop()))
  }
  const rows = SIZES.map((slides) => {
    const {time, cpu, maxRSS, built} = results.get(slides)
    return [slides.toLocaleString('en'), built, ms(time), ms(cpu), `${(maxRSS / 1024).toFixed(0)} MB`, `${(time / slides).toFixed(2)} ms`]
  })
  printTable(`scale: median of ${runs} builds, each size in its own process`, ['slides', 'built', 'wall', 'CPU', 'peak RSS', 'wall / slide'], rows)
  const ratio = (key) => results.get(1000)[key] / results.get(300)[key]
  console.log(`t(1000)/t(300): ${ratio('time').toFixed(2)}× wall, ${ratio('cpu').toFixed(2)}× CPU (linear: 3.33×, goal ≤ ~4×)`)
  return results
}

/** In the child: build one size `runs` times after a warm-up; print JSON on the last line. */
async function child(slides, runs) {
  const {build} = await import('../lib/index.js')
  const deck = writeSyntheticDeck({slides, citations: slides, sources: 200})
  const out = mkdtempSync(join(tmpdir(), 'citedeck-scale-out-'))
  const options = {output: join(out, 'deck'), force: true, fit: false}
  await build(deck, options)
  const times = []
  const cpus = []
  let built = 0
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage()
    const start = performance.now()
    const result = await build(deck, options)
    times.push(performance.now() - start)
    const used = process.cpuUsage(cpu)
    cpus.push((used.user + used.system) / 1000)
    built = result.deck.slideCount
  }
  console.log(JSON.stringify({time: median(times), cpu: median(cpus), maxRSS: process.resourceUsage().maxRSS, built}))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--child') await child(Number(process.argv[3]), Number(process.argv[4]))
  else await benchScale()
}
