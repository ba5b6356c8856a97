import {existsSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {citedeckCli} from '../../src/cli.js'

/** Runs `citedeck …` until it prints a line starting with `ready` (or matching it), then stops it as Ctrl-C would. */
async function runUntil(ready: string | RegExp, argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  let started: () => void
  const serving = new Promise<void>((done) => (started = done))
  const running = citedeckCli(argv, {
    stdout: (text) => {
      out.push(text)
      if (typeof ready === 'string' ? text.startsWith(ready) : ready.test(text)) started()
    },
    stderr: (text) => err.push(text)
  })
  await Promise.race([serving, running])
  process.emit('SIGINT')
  const code = await running
  return {code, stdout: out.join('\n'), stderr: err.join('\n')}
}

const serveUntilReady = (...argv: string[]) => runUntil('serving', ['serve', ...argv])

describe('citedeck serve', () => {
  it('serves on 127.0.0.1, prints the address and stops on Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-serve-cli-'))
    writeFileSync(join(dir, 'deck.md'), '## One\n\n![missing](gone.png)\n')
    const result = await serveUntilReady(join(dir, 'deck.md'), '--port', '0')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^serving .*deck\.md at http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl-C to stop\)$/m)
    expect(result.stdout).toMatch(/^stopped$/m)
    // The first build's problems are printed like build's.
    expect(result.stderr).toMatch(/deck\.md:3:1: error: image not found: gone\.png \[missing-image\]/)
  })

  it('measures and fits slides once the first build is shown, and still stops cleanly on Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-serve-cli-'))
    const bullets = Array.from({length: 25}, (_, index) => `- Point ${index + 1} with enough words to take a whole line on the slide`)
    writeFileSync(join(dir, 'deck.md'), `## Long list\n\n${bullets.join('\n')}\n`)
    const result = await runUntil(/measured and fitted/, ['serve', join(dir, 'deck.md'), '--port', '0'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/measured and fitted, [2-9] slides/)
    expect(result.stdout).toMatch(/^stopped$/m)
    expect(result.stderr.match(/deck\.md:1:1: info: slide "Long list" did not fit: split into \d slides \[fit-split\]/g)).toHaveLength(1)
  })

  it('warns when the deck is shown to the network', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-serve-cli-'))
    writeFileSync(join(dir, 'deck.md'), '## One\n')
    const result = await serveUntilReady(join(dir, 'deck.md'), '--port', '0', '--host', '0.0.0.0')
    expect(result.stderr).toContain('other computers on the network can see the deck')
  })

  it('refuses a port that is not a number, and a missing deck', async () => {
    expect(await citedeckCli(['serve', 'deck.md', '--port', 'eighty'], {stdout: () => {}, stderr: () => {}})).toBe(2)
    expect(await citedeckCli(['serve', join(tmpdir(), 'no-such-deck.md'), '--port', '0'], {stdout: () => {}, stderr: () => {}})).toBe(2)
  })
})

describe('citedeck build --watch', () => {
  it('builds, watches, and stops on Ctrl-C, its measuring browser too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-watch-cli-'))
    writeFileSync(join(dir, 'deck.md'), '## One\n\nText\n')
    const result = await runUntil('watching', ['build', join(dir, 'deck.md'), '-o', join(dir, 'out'), '--watch'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/built .*out \(1 slide\)/)
    expect(result.stdout).toMatch(/^stopped$/m)
    expect(existsSync(join(dir, 'out/index.html'))).toBe(true)
  })
})
