/** Progress lines: on a terminal only for a step that lasts a second, every step with --verbose, none with -q or off a terminal. */
import {afterEach, beforeEach, expect, it, vi} from 'vitest'
import {progressPrinter} from '../../src/cli/progress.js'

const io = (isTTY: boolean) => {
  const lines: string[] = []
  return {lines, io: {isTTY, stdout: () => undefined, stderr: (text: string) => lines.push(text)}}
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

it('on a terminal, says what a step does once it has lasted a second, and nothing of short steps', () => {
  const {lines, io: tty} = io(true)
  const printer = progressPrinter(tty)!
  printer('deck.md', 'compile')
  vi.advanceTimersByTime(300)
  printer('deck.md', 'measure', 12)
  vi.advanceTimersByTime(1500)
  printer('deck.md', 'print', 1)
  printer('other.md', 'load')
  vi.advanceTimersByTime(1000)
  printer('deck.md', 'write')
  printer.done()
  vi.advanceTimersByTime(5000)
  expect(lines).toEqual(['citedeck: deck.md: measuring 12 slides…', 'citedeck: deck.md: printing 1 slide…', 'citedeck: other.md: loading…'])
})

it('with --verbose, says every step as it starts, with the seconds since the start, on a terminal or not', () => {
  const {lines, io: pipe} = io(false)
  const printer = progressPrinter(pipe, {verbose: true})!
  printer('deck.md', 'launch')
  printer('deck.md', 'compile')
  expect(lines).toEqual([expect.stringMatching(/^citedeck: starting the browser… \(\d+\.\d s\)$/), expect.stringMatching(/^citedeck: deck\.md: compiling… \(\d+\.\d s\)$/)])
})

it('is quiet with -q, and off a terminal', () => {
  expect(progressPrinter(io(true).io, {quiet: true})).toBeUndefined()
  expect(progressPrinter(io(true).io, {quiet: true, verbose: true})).toBeUndefined()
  expect(progressPrinter(io(false).io)).toBeUndefined()
})
