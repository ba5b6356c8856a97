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
