/**
 * Check and fit benchmark (Layout and lint issue): on synthetic decks of 50
 * and 300 slides, the measurement alone (browser start included, nothing
 * cached), `citedeck check` through the API, and `build` with fit: cold (no
 * cache), rebuilt unchanged (cache file beside the output: no browser), and
 * rebuilt after editing one slide (only that slide is measured again).
 * Goal: measuring 300 slides in under 3 s including the browser start.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build, check, compileDeck, Project, readSource} from '../lib/index.js'
import {measureDeck} from '../lib/check/measure.js'
import {ms, printTable, timeRuns} from './stats.js'
import {writeSyntheticDeck} from './synthetic.js'

export async function benchCheck({runs = 3} = {}) {
  const rows = []
  for (const slides of [50, 300]) {
    const path = writeSyntheticDeck({slides, citations: slides, sources: 40})
    const deck = await compileDeck(await readSource(path))
    // A project each run: its browser launches for the measurement, as a cold `check` does.
    const measure = await timeRuns(runs, async () => {
      const project = new Project()
      try {
        await measureDeck(deck, {browser: () => project.browser(), cache: new Map()})
      } finally {
        await project.close()
      }
    })
    const checkTime = await timeRuns(runs, async () => {
      const copy = writeSyntheticDeck({slides, citations: slides, sources: 40})
      writeFileSync(copy, readFileSync(copy, 'utf8').replace('title: Synthetic', `title: Run ${Math.random()} synthetic`))
      await check(copy)
    })

    const out = mkdtempSync(join(tmpdir(), 'citedeck-bench-fit-'))
    const counts = {}
    const fitBuild = (label, prepare) =>
      timeRuns(runs, async () => {
        const copy = prepare()
        const result = await build(copy, {output: join(out, 'deck'), force: true})
        counts[label] = result.file.data.fitted?.measured
      })
    let fresh
    const cold = await fitBuild('cold', () => {
      rmSync(join(out, '.deck.citedeck-measure.json'), {force: true})
      fresh = writeSyntheticDeck({slides, citations: slides, sources: 40})
      writeFileSync(fresh, readFileSync(fresh, 'utf8').replace('title: Synthetic', `title: Cold ${Math.random()} synthetic`))
      return fresh
    })
    const unchanged = await fitBuild('unchanged', () => fresh)
    let edit = 0
    const oneSlide = await fitBuild('one slide edited', () => {
      writeFileSync(fresh, readFileSync(fresh, 'utf8').replace(/Bullet 1 with \*emphasis\*[^\n]*/, `Bullet 1, edited ${++edit}`))
      return fresh
    })
    rows.push([`${slides} slides`, ms(measure), ms(checkTime), ms(cold), ms(unchanged), `${ms(oneSlide)} (${counts['one slide edited']} measured)`])
  }
  printTable(
    `check and fit: median of ${runs} runs`,
    ['deck', 'measure (browser start incl.)', 'check (API)', 'build, fit cold', 'rebuild unchanged', 'rebuild, 1 slide edited'],
    rows
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchCheck()
