import {spawn} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {recoverFolder, replaceFolder, writeFileAtomic, writeFilesAtomic} from '../../src/io/write-output.js'
import {run} from '../helpers/cli.js'

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

  it('a kill -9 after any step of the swap leaves the old or the new output whole, the carried PDF included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-io-'))
    const target = join(dir, 'work', 'deck')
    mkdirSync(join(target, 'media'), {recursive: true})
    writeFileSync(join(target, 'index.html'), 'old deck')
    writeFileSync(join(target, 'deck.pdf'), 'old pdf')
    writeFileSync(join(target, 'notes.pdf'), 'old notes')
    writeFileSync(join(target, 'media', 'a.png'), 'a')
    const oldOutput = tree(target)
    // The disk as a kill -9 would leave it after each step: a copy of the whole folder.
    const images: string[] = []
    await replaceFolder(
      target,
      async (folder) => {
        mkdirSync(join(folder, 'media'))
        writeFileSync(join(folder, 'index.html'), 'new deck')
        writeFileSync(join(folder, 'media', 'b.png'), 'b')
      },
      {
        onStep: (step) => {
          const image = join(dir, 'images', `${images.length}-${step}`)
          cpSync(join(dir, 'work'), image, {recursive: true})
          images.push(image)
        }
      }
    )
    const newOutput = tree(target)
    expect(newOutput).toEqual({'index.html': 'new deck', 'media/b.png': 'b', 'deck.pdf': 'old pdf', 'notes.pdf': 'old notes'})
    expect(images.map((image) => image.replace(/.*\//, ''))).toEqual(['0-filled', '1-old-set-aside', '2-new-in-place', '3-carried', '4-carried', '5-done'])
    for (const image of images) {
      // The next run: every process that wrote there is gone.
      recoverFolder(join(image, 'deck'), () => false)
      const recovered = tree(join(image, 'deck'))
      expect([oldOutput, newOutput], image).toContainEqual(recovered)
      expect(readdirSync(image), image).toEqual(['deck'])
    }
  })

  it('a real SIGKILL between the two renames: the next build, even a failing one, puts the old output back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-io-'))
    const target = join(dir, 'deck')
    mkdirSync(target)
    writeFileSync(join(target, 'index.html'), '<meta name="generator" content="citedeck"> old deck')
    writeFileSync(join(target, 'deck.pdf'), 'old pdf')
    const before = tree(target)
    const script = `
      import {writeFileSync} from 'node:fs'
      import {join} from 'node:path'
      import {replaceFolder} from ${JSON.stringify(WRITE_OUTPUT)}
      await replaceFolder(${JSON.stringify(target)}, async (folder) => writeFileSync(join(folder, 'index.html'), 'new deck'), {
        onStep: (step) => { if (step === 'old-set-aside') process.kill(process.pid, 'SIGKILL') }
      })
    `
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {stdio: 'inherit'})
    const signal = await new Promise((done) => child.on('exit', (_, signal) => done(signal)))
    expect(signal).toBe('SIGKILL')
    expect(existsSync(target)).toBe(false)
    const deck = join(dir, 'talk.md')
    writeFileSync(deck, '## A\n\n![gone](gone.png)\n')
    const result = await run('build', deck, '-o', target, '--no-fit')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('the previous output was kept')
    expect(tree(target)).toEqual(before)
    // the parse cache kept beside the output may be there: it is not output
    expect(readdirSync(dir).filter((name) => !name.startsWith('.deck.citedeck-')).sort()).toEqual(['deck', 'talk.md'])
  })
})

/** Every file under `folder` by its path inside it, with its text. */
function tree(folder: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const entry of readdirSync(folder, {recursive: true, withFileTypes: true})) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name)
      files[path.slice(folder.length + 1)] = readFileSync(path, 'utf8')
    }
  }
  return files
}
