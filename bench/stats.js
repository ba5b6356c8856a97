/** Timing helpers shared by the benchmarks: medians over repeated runs. */
import {performance} from 'node:perf_hooks'

export async function timeRuns(runs, task) {
  const times = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    await task()
    times.push(performance.now() - start)
  }
  return median(times)
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

export const ms = (value) => (value === undefined ? '—' : `${value.toFixed(0)} ms`)
export const ratio = (value, base) => (value === undefined || base === undefined ? '—' : `${(value / base).toFixed(2)}×`)

export function printTable(title, header, rows) {
  console.log(`\n${title}`)
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => String(row[index]).length)))
  const line = (cells) => '| ' + cells.map((cell, index) => String(cell).padEnd(widths[index])).join(' | ') + ' |'
  console.log(line(header))
  console.log('|' + widths.map((width) => '-'.repeat(width + 2)).join('|') + '|')
  for (const row of rows) console.log(line(row))
}

/**
 * Runs every task once a round, `runs` rounds, the order turned by one each
 * round, so that load from other work on the machine falls on all of them
 * alike; returns each task's median, by name.
 */
export async function pairedRuns(runs, tasks) {
  const names = Object.keys(tasks)
  const times = Object.fromEntries(names.map((name) => [name, []]))
  for (let round = 0; round < runs; round++) {
    for (let index = 0; index < names.length; index++) {
      const name = names[(index + round) % names.length]
      const start = performance.now()
      await tasks[name]()
      times[name].push(performance.now() - start)
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(times[name])]))
}

/** Runs of each benchmark: `BENCH_RUNS`, else `fallback`. */
export const benchRuns = (fallback = 5) => Number(process.env.BENCH_RUNS ?? fallback)

/** Deck sizes to bench: `BENCH_SLIDES=50,300`, else `fallback`. */
export const benchSizes = (fallback = [50, 300, 1000]) => (process.env.BENCH_SLIDES ? process.env.BENCH_SLIDES.split(',').map(Number) : fallback)

/** `0.9, 1.1 (load 1.2)`: the load average, to say how quiet the machine was. */
export const loadNote = async () => {
  const {loadavg} = await import('node:os')
  return `load average ${loadavg().map((value) => value.toFixed(2)).join(', ')}`
}
