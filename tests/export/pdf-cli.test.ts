/**
 * `citedeck pdf` and `build --pdf` from the command line, each launching its
 * own browser as a user's run does; and what is left behind when an export
 * fails or is interrupted: no Chromium process, no profile, no partial PDF.
 * Other tests and programs may run browsers meanwhile, so ours are told apart
 * by a temp folder of their own (TMPDIR, where the profile is made).
 */
import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'
import {expect, it} from 'vitest'
import {CitedeckError, exportPdf} from '../../src/index.js'
import {describeBrowser} from '../browser/shared.js'
import {readPdf} from './read-pdf.js'
import {run} from '../helpers/cli.js'
import {processesUsing} from '../helpers/processes.js'

const ROOT = new URL('../../', import.meta.url).pathname
const EXAMPLE = join(ROOT, 'slides/cuban-missile-crisis/deck.md')

function tempDeck(markdown: string, name = 'deck'): string {
  const dir = mkdtempSync(join(tmpdir(), 'citedeck-pdf-cli-'))
  writeFileSync(join(dir, `${name}.md`), markdown)
  return join(dir, `${name}.md`)
}

/** A fresh TMPDIR: the browser profile of an export started under it is made there. */
function freshTmp(): string {
  return mkdtempSync(join(tmpdir(), 'citedeck-tmp-'))
}

async function underTmp<T>(folder: string, task: () => Promise<T>): Promise<T> {
  const saved = process.env.TMPDIR
  process.env.TMPDIR = folder
  try {
    return await task()
  } finally {
    if (saved === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = saved
  }
}

/** The files in `folder`, less what exports keep beside their PDFs for the next one (`.deck.pdf.citedeck-measure.json`). */
const outputs = (folder: string) => readdirSync(folder).filter((name) => !/^\..*\.citedeck-[a-z]+\.json$/.test(name)).sort()

async function eventually(check: () => boolean, timeout = 10_000) {
  const end = Date.now() + timeout
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 100))
}

describeBrowser('citedeck pdf', () => {
  it('writes the slides PDF and says so', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'citedeck-pdf-cli-out-')), 'talk.pdf')
    const result = await run('pdf', EXAMPLE, '-o', out)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^wrote .*talk\.pdf \(14 pages\)$/)
    expect((await readPdf(out)).pages).toHaveLength(14)
  })

  it('prints the slides as written with --no-fit, and says each step with --verbose: nothing measured', async () => {
    const long = Array.from({length: 24}, (_, index) => `- point ${index}`).join('\n')
    const deck = tempDeck(`---\ntitle: As written\n---\n\n## Long\n\n${long}\n\n## Short\n\n- one\n`)
    const out = join(mkdtempSync(join(tmpdir(), 'citedeck-pdf-cli-out-')), 'as-written.pdf')
    const result = await run('pdf', deck, '--no-fit', '--verbose', '-o', out)
    expect(result.code).toBe(0)
    // The title slide, then the long slide on one page (not split), then the short one.
    expect((await readPdf(out)).pages).toHaveLength(3)
    const steps = result.stderr.split('\n').map((line) => /^citedeck: (?:.*deck\.md: )?(.*?)… \(\d+\.\d s\)$/.exec(line)?.[1]).filter(Boolean)
    expect(steps).toEqual(['starting the browser', 'compiling', 'loading', 'laying out', 'printing 3 slides', 'writing'])
  })

  it('exports several decks through one browser into a folder, two at a time', async () => {
    const one = tempDeck('---\ntitle: One\n---\n\n## A\n\nText\n', 'one')
    const two = tempDeck('---\ntitle: Two\nlang: de-DE\n---\n\n## B\n\nText\n\n## C\n\nMore\n', 'two')
    const out = mkdtempSync(join(tmpdir(), 'citedeck-pdf-batch-'))
    const result = await run('pdf', one, two, '--handout', '2', '--concurrency', '2', '-o', out, '-q')
    expect(result).toMatchObject({code: 0, stdout: ''})
    expect(outputs(out)).toEqual(['one-handout.pdf', 'two-handout.pdf'])
    // A4 for a German deck, Letter for the default en-US.
    expect((await readPdf(join(out, 'two-handout.pdf'))).pages[0]!.width).toBeLessThan(600)
    expect((await readPdf(join(out, 'one-handout.pdf'))).pages[0]!.width).toBeGreaterThan(610)
  })

  it('builds the deck and writes its PDF and handout next to index.html', async () => {
    const deck = tempDeck('---\ntitle: Built\n---\n\n## A\n\nText\n\n## B\n\nMore\n')
    const out = join(mkdtempSync(join(tmpdir(), 'citedeck-build-pdf-')), 'talk')
    const result = await run('build', deck, '-o', out, '--pdf', '--handout', '3')
    expect(result.code).toBe(0)
    const name = basename(join(deck, '..'))
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['index.html', `${name}.pdf`, `${name}-handout.pdf`]))
    expect(result.stdout).toContain(`${name}-handout.pdf (1 pages)`)
  })

  it('refuses bad options with exit 2', async () => {
    expect((await run('pdf', EXAMPLE, '--handout', '5')).stderr).toContain('--handout 5: not a handout size')
    expect((await run('pdf', EXAMPLE, '--notes', '--handout', '3')).code).toBe(2)
    expect((await run('pdf', EXAMPLE, '--handout', '4', '--handout-notes')).stderr).toContain('--handout-notes needs --handout 1 or 3')
    expect((await run('pdf', EXAMPLE, '--paper', 'a3', '--handout', '2')).stderr).toContain('use a4 or letter')
    expect((await run('pdf', EXAMPLE, EXAMPLE, '-o', 'both.pdf')).stderr).toContain('several decks need a folder')
    expect((await run('build', EXAMPLE, '--handout', '6', '--handout-notes')).code).toBe(2)
  })

  it('exits 2 naming the variable when CITEDECK_BROWSER is wrong', async () => {
    const saved = process.env.CITEDECK_BROWSER
    process.env.CITEDECK_BROWSER = '/no/such/chrome'
    try {
      const result = await run('pdf', EXAMPLE, '-o', join(tmpdir(), 'never.pdf'))
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('CITEDECK_BROWSER is /no/such/chrome, which is not an executable file')
    } finally {
      if (saved === undefined) delete process.env.CITEDECK_BROWSER
      else process.env.CITEDECK_BROWSER = saved
    }
  })

  it('leaves no Chromium process, profile or partial PDF after a failing export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-pdf-fail-'))
    const output = join(dir, 'deck.pdf')
    writeFileSync(output, 'the previous PDF')
    const tmp = freshTmp()
    let done = false
    const exporting = underTmp(tmp, () => exportPdf(EXAMPLE, {output, timeout: 300}).catch((caught: unknown) => caught)).finally(() => (done = true))
    let seen = 0
    while (!done) {
      seen = Math.max(seen, processesUsing(tmp).length)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    const error = await exporting
    expect(error).toBeInstanceOf(CitedeckError)
    expect((error as CitedeckError).code).toBe('TIMEOUT')
    expect(seen).toBeGreaterThan(0)
    expect(processesUsing(tmp)).toEqual([])
    expect(readdirSync(tmp)).toEqual([])
    expect(outputs(dir)).toEqual(['deck.pdf'])
    expect(readFileSync(output, 'utf8')).toBe('the previous PDF')
  })

  it.runIf(process.platform === 'linux')('kills Chromium and removes its profile on Ctrl-C', async () => {
    const deck = tempDeck(
      Array.from({length: 300}, (_, index) => `## Slide ${index}\n\n- A point\n- Another point\n`).join('\n'),
      'long'
    )
    const output = join(mkdtempSync(join(tmpdir(), 'citedeck-pdf-sigint-')), 'long.pdf')
    const tmp = freshTmp()
    const child = spawn(process.execPath, [join(ROOT, 'lib/cli.js'), 'pdf', deck, '-o', output], {stdio: 'ignore', env: {...process.env, TMPDIR: tmp}})
    const exited = new Promise<NodeJS.Signals | number | null>((done) => child.on('exit', (code, signal) => done(signal ?? code)))
    await eventually(() => processesUsing(tmp).length > 0, 30_000)
    expect(processesUsing(tmp).length).toBeGreaterThan(0)
    child.kill('SIGINT')
    expect(await exited).toBe('SIGINT')
    await eventually(() => processesUsing(tmp).length === 0, 3_000)
    expect(processesUsing(tmp)).toEqual([])
    expect(readdirSync(tmp)).toEqual([])
    expect(existsSync(output)).toBe(false)
  })
})
