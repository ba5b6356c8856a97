import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {replaceFolder, writeFileAtomic} from '../../src/io/write-output.js'

// A process id no process has (Linux pids stay below 2^22).
const DEAD_PID = 4_194_999

describe('write-output', () => {
  it('removes what an interrupted build left, and keeps what a running one is writing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-io-'))
    const stale = join(dir, `.citedeck-tmp-deck-${DEAD_PID}-0123abcd`)
    const running = join(dir, `.citedeck-tmp-deck-${process.pid}-89abcdef`)
    const other = join(dir, `.citedeck-tmp-deck-2-${DEAD_PID}-0123abcd`)
    for (const folder of [stale, running, other]) mkdirSync(folder)
    writeFileSync(join(stale, 'index.html'), 'half a deck')

    await replaceFolder(join(dir, 'deck'), async (folder) => writeFileSync(join(folder, 'index.html'), 'whole deck'))

    expect(readFileSync(join(dir, 'deck', 'index.html'), 'utf8')).toBe('whole deck')
    expect(existsSync(stale)).toBe(false)
    expect(existsSync(running)).toBe(true)
    // Another output's temporary (`deck-2`) is not this one's to remove.
    expect(existsSync(other)).toBe(true)
  })

  it('writes a file atomically, sweeping a stale temporary of the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-io-'))
    writeFileSync(join(dir, `.citedeck-tmp-deck.pdf-${DEAD_PID}-0123abcd`), '%PDF half')
    await writeFileAtomic(join(dir, 'deck.pdf'), '%PDF whole')
    expect(readdirSync(dir)).toEqual(['deck.pdf'])
  })
})
