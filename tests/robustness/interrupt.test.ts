/**
 * Ctrl-C end to end: `citedeck build` and `citedeck import` run as a user's
 * do (`node lib/cli.js`, their own browser), get SIGINT mid-work, and must
 * end at once with the signal, print no stack, keep the previous output byte
 * for byte (or leave none on a first run), leave no temporary beside it and
 * no Chromium of theirs running. Each run gets a TMPDIR of its own, where its
 * browser profile is made, so its processes are told apart from any other.
 * (`citedeck pdf` has the same test in tests/export/pdf-cli.test.ts.)
 */
import {type ChildProcess, spawn} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {describeBrowser} from '../browser/shared.js'
import {tempDir} from './helpers.js'
import {processesUsing} from '../helpers/processes.js'

const ROOT = new URL('../../', import.meta.url).pathname
const CLI = join(ROOT, 'lib/cli.js')

interface Child {
  process: ChildProcess
  stderr: () => string
  /** The signal that ended it, else its exit code. */
  exited: Promise<NodeJS.Signals | number | null>
  running: () => boolean
}

function start(args: string[], cwd: string, tmp: string): Child {
  const child = spawn(process.execPath, [CLI, ...args], {cwd, stdio: ['ignore', 'ignore', 'pipe'], env: {...process.env, TMPDIR: tmp}})
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  let running = true
  const exited = new Promise<NodeJS.Signals | number | null>((done) =>
    child.on('exit', (code, signal) => {
      running = false
      done(signal ?? code)
    })
  )
  return {process: child, stderr: () => stderr, exited, running: () => running}
}

/** Every file below `folder` (hidden ones too) with its bytes. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else files[relative(folder, path)] = readFileSync(path).toString('base64')
    }
  }
  if (existsSync(folder)) walk(folder)
  return files
}

/** Seconds of CPU a process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return 0
  }
}

async function until(check: () => boolean, what: string, child: Child, limit = 60_000) {
  const end = Date.now() + limit
  while (!check()) {
    if (!child.running()) throw new Error(`the process ended before ${what}: ${child.stderr()}`)
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Interrupted as by Ctrl-C: ended by the signal (a shell shows 130), nothing printed but, at most, messages. */
async function expectInterrupted(child: Child) {
  child.process.kill('SIGINT')
  expect([130, 'SIGINT']).toContain(await child.exited)
  expect(child.stderr()).not.toMatch(/\n\s+at |internal error/)
}

function longDeck(dir: string): string {
  const slides = Array.from({length: 300}, (_, index) => `## Slide ${index}\n\n- A point about ${index}\n- Another point\n`)
  // A code block, which the fit step's estimate cannot bound: the slides are measured in Chromium.
  const code = '## Code\n\n```\nlet x = 1\n```\n'
  writeFileSync(join(dir, 'long.md'), `---\ntitle: Long\n---\n\n${slides.join('\n')}\n${code}`)
  return join(dir, 'long.md')
}

describe.runIf(process.platform === 'linux')('Ctrl-C', () => {
  describeBrowser('build', () => {
    it('while slides are measured in Chromium: the previous deck stays, byte for byte', async () => {
      const dir = tempDir()
      const deck = longDeck(dir)
      const tmp = tempDir('citedeck-tmp-')
      const previous = start(['build', deck, '-o', 'out/long', '--no-fit', '-q'], dir, tmp)
      expect(await previous.exited).toBe(0)
      const before = snapshot(join(dir, 'out'))
      expect(Object.keys(before)).toContain('long/index.html')
      // The same deck changed, so no slide is in a measurement cache.
      writeFileSync(deck, readFileSync(deck, 'utf8').replaceAll('Another point', 'A changed point'))

      const child = start(['build', deck, '-o', 'out/long'], dir, tmp)
      await until(() => processesUsing(tmp).length > 0, 'Chromium started', child)
      await expectInterrupted(child)

      expect(processesUsing(tmp)).toEqual([])
      expect(readdirSync(tmp)).toEqual([])
      expect(snapshot(join(dir, 'out'))).toEqual(before)
    })

    it('during a first build: no output at all', async () => {
      const dir = tempDir()
      const deck = longDeck(dir)
      const tmp = tempDir('citedeck-tmp-')
      const child = start(['build', deck, '-o', 'out/long'], dir, tmp)
      await until(() => processesUsing(tmp).length > 0, 'Chromium started', child)
      await expectInterrupted(child)

      expect(processesUsing(tmp)).toEqual([])
      expect(readdirSync(tmp)).toEqual([])
      expect(readdirSync(dir)).toEqual(['long.md'])
    })

    it('while `build --pdf` prints: the deck is built, the previous PDF stays, no partial one', async () => {
      const dir = tempDir()
      const deck = longDeck(dir)
      const tmp = tempDir('citedeck-tmp-')
      const out = join(dir, 'out')
      const previous = start(['build', deck, '-o', out, '--no-fit', '-q'], dir, tmp)
      expect(await previous.exited).toBe(0)
      writeFileSync(join(out, 'long.pdf'), '%PDF the previous one')
      const written = statSync(join(out, 'index.html')).ino
      writeFileSync(deck, readFileSync(deck, 'utf8').replace('title: Long', 'title: Longer'))

      const child = start(['build', deck, '-o', out, '--no-fit', '--pdf'], dir, tmp)
      // The deck is written (a new folder swapped in) before its PDF is printed.
      await until(() => existsSync(join(out, 'index.html')) && statSync(join(out, 'index.html')).ino !== written, 'the deck written', child)
      await expectInterrupted(child)

      expect(processesUsing(tmp)).toEqual([])
      expect(readdirSync(tmp)).toEqual([])
      // Besides what the first build kept for the next one (its parsed chunks).
      expect(readdirSync(dir).filter((name) => !name.startsWith('.out.citedeck-')).sort()).toEqual(['long.md', 'out'])
      expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([])
      expect(readFileSync(join(out, 'long.pdf'), 'utf8')).toBe('%PDF the previous one')
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Longer')
    })
  })

  describe('import', () => {
    // About 400 KB of prose citing 240 sources: seconds of work for the importer.
    const names = ['Roskin', 'Berry', 'Hermes', 'Okafor', 'Smith', 'Nguyen', 'Garcia', 'Kowalski']
    function largeEssay(dir: string): string {
      const paragraphs: string[] = ['The Long Essay']
      for (let index = 0; paragraphs.join('\n\n').length < 400_000; index++) {
        const [a, b] = [names[index % 8], names[(index + 1) % 8]]
        paragraphs.push(
          `Governments responded to pressure in varied ways, and historians such as ${a} (${1990 + (index % 30)}) argue that the crisis shaped later policy. ` +
            `Diplomacy mattered more than force in several cases (${b}, ${1990 + ((index + 1) % 30)}, p. ${(index % 300) + 1}). ` +
            'Public opinion shifted as the press reported events, which changed how leaders framed their choices.'
        )
      }
      const references = names.flatMap((name) => Array.from({length: 30}, (_, year) => `${name}, A. (${1990 + year}). A study of crisis politics. University Press.`))
      writeFileSync(join(dir, 'essay.txt'), `${paragraphs.join('\n\n')}\n\nReferences\n\n${references.join('\n\n')}\n`)
      return join(dir, 'essay.txt')
    }

    async function interruptImport(dir: string, args: string[]) {
      const essay = largeEssay(dir)
      const text = readFileSync(essay)
      const child = start(['import', essay, ...args], dir, tempDir('citedeck-tmp-'))
      // Well into the import (reading and parsing take a fraction of this), whatever the machine's load.
      await until(() => cpuSeconds(child.process.pid!) >= 1, 'a second of work', child)
      await expectInterrupted(child)
      expect(readFileSync(essay).equals(text)).toBe(true)
    }

    it('replacing an outline (--force): the previous deck.md and references.json stay, byte for byte', async () => {
      const dir = tempDir()
      const out = join(dir, 'slides')
      mkdirSync(out)
      writeFileSync(join(out, 'deck.md'), '## My edited outline\n')
      writeFileSync(join(out, 'references.json'), '[]\n')
      const before = snapshot(out)
      await interruptImport(dir, ['-o', out, '--force'])
      expect(snapshot(out)).toEqual(before)
    })

    it('a first import: no folder, no file', async () => {
      const dir = tempDir()
      await interruptImport(dir, ['-o', join(dir, 'slides')])
      expect(readdirSync(dir)).toEqual(['essay.txt'])
    })
  })
})
