import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {replaceFolder, writeFileAtomic, writeFilesAtomic} from '../../src/io/write-output.js'

const WRITE_OUTPUT = new URL('../../lib/io/write-output.js', import.meta.url).href

/**
 * A node process that replaces `target` with a folder holding a new
 * index.html, and stops half-way (the temporary folder filled, the swap not
 * made) until it gets a signal. `handler` adds a listener of its own to
 * SIGINT, as `build --watch` and `serve` do to stop cleanly.
 */
function halfWrite(target: string, {handler = false} = {}) {
  const script = `
    import {writeFileSync} from 'node:fs'
    import {join} from 'node:path'
    import {replaceFolder} from ${JSON.stringify(WRITE_OUTPUT)}
    ${handler ? "process.on('SIGINT', () => { console.log('stopping'); release() })" : ''}
    let release
    const keepAlive = setInterval(() => undefined, 1000)
    await replaceFolder(${JSON.stringify(target)}, async (folder) => {
      writeFileSync(join(folder, 'index.html'), 'the new deck')
      console.log('filled')
      await new Promise((done) => (release = done))
    })
    console.log('written')
    clearInterval(keepAlive)
  `
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {stdio: ['ignore', 'pipe', 'inherit']})
  let stdout = ''
  const filled = new Promise<void>((done) =>
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (stdout.includes('filled')) done()
    })
  )
  const exited = new Promise<NodeJS.Signals | number | null>((done) => child.on('exit', (code, signal) => done(signal ?? code)))
  return {child, filled, exited, stdout: () => stdout}
}

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

  it('writes files that belong together, and when one cannot be written, none of them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-io-'))
    writeFileSync(join(dir, 'deck.md'), 'old outline')
    writeFileSync(join(dir, 'a-file'), '')
    await expect(
      writeFilesAtomic([
        {path: join(dir, 'deck.md'), data: 'new outline'},
        {path: join(dir, 'a-file', 'references.json'), data: '[]'}
      ])
    ).rejects.toThrow(/cannot write .*a-file\/references\.json \((ENOTDIR|EEXIST)\)/)
    expect(readFileSync(join(dir, 'deck.md'), 'utf8')).toBe('old outline')
    expect(readdirSync(dir).sort()).toEqual(['a-file', 'deck.md'])
  })

  describe.runIf(process.platform !== 'win32')('interrupted (the module as compiled in lib/)', () => {
    it('Ctrl-C half-way through replacing a folder: the previous folder stays and no temporary is left', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'citedeck-io-'))
      mkdirSync(join(dir, 'deck'))
      writeFileSync(join(dir, 'deck', 'index.html'), 'the previous deck')
      writeFileSync(join(dir, 'deck', 'deck.pdf'), 'the previous PDF')
      const writing = halfWrite(join(dir, 'deck'))
      await writing.filled
      expect(readdirSync(dir)).toHaveLength(2)
      writing.child.kill('SIGINT')
      expect(await writing.exited).toBe('SIGINT')
      expect(readdirSync(dir)).toEqual(['deck'])
      expect(readdirSync(join(dir, 'deck')).sort()).toEqual(['deck.pdf', 'index.html'])
      expect(readFileSync(join(dir, 'deck', 'index.html'), 'utf8')).toBe('the previous deck')
    })

    it('leaves the signal to a program that handles it (a watch that stops cleanly): the write ends', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'citedeck-io-'))
      const writing = halfWrite(join(dir, 'deck'), {handler: true})
      await writing.filled
      writing.child.kill('SIGINT')
      expect(await writing.exited).toBe(0)
      expect(writing.stdout()).toBe('filled\nstopping\nwritten\n')
      expect(readdirSync(dir)).toEqual(['deck'])
      expect(readFileSync(join(dir, 'deck', 'index.html'), 'utf8')).toBe('the new deck')
    })
  })
})
