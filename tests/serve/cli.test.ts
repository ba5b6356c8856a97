import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {citedeckCli} from '../../src/cli.js'

/** Runs `citedeck serve …` until it prints its address, then stops it as Ctrl-C would. */
async function serveUntilReady(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  let ready: () => void
  const serving = new Promise<void>((done) => (ready = done))
  const running = citedeckCli(['serve', ...argv], {
    stdout: (text) => {
      out.push(text)
      if (text.startsWith('serving')) ready()
    },
    stderr: (text) => err.push(text)
  })
  await Promise.race([serving, running])
  process.emit('SIGINT')
  const code = await running
  return {code, stdout: out.join('\n'), stderr: err.join('\n')}
}

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

  it('warns when the deck is shown to the network', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-serve-cli-'))
    writeFileSync(join(dir, 'deck.md'), '## One\n')
    const result = await serveUntilReady(join(dir, 'deck.md'), '--port', '0', '--host', '0.0.0.0')
    expect(result.stderr).toContain('other computers on the network can see the deck')
  })

  it('refuses a port that is not a number, and a missing deck', async () => {
    expect(await citedeckCli(['serve', 'deck.md', '--port', 'eighty'], {stdout: () => {}, stderr: () => {}})).toBe(2)
    expect(await citedeckCli(['serve', join(tmpdir(), 'no-such-deck.md'), '--port', '0'], {stdout: () => {}, stderr: () => {}})).toBe(2)
    const err: string[] = []
    expect(await citedeckCli(['serve', 'essay.docx', '--port', '0'], {stdout: () => {}, stderr: (text) => err.push(text)})).toBe(2)
    expect(err.join('\n')).toContain('run citedeck import essay.docx first')
  })
})
