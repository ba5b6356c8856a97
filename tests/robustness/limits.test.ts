/**
 * Limits: inputs that overflowed the stack or stalled for minutes get one
 * sentence with the number, exit 1, no stack. Their timings are in
 * bench/limits.js, not here.
 */
import {execFileSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {deflateRawSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {MAX_UNPACKED, unpackedSize} from '../../src/io/zip-size.js'
import {runCli, tempDir} from './helpers.js'

const STACK = /\n\s+at .+:\d+:\d+|internal error|RangeError|URIError/
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

/** A one-entry zip whose entry is `data` deflated, as a .docx's document.xml would be. */
function zipOf(name: string, data: Buffer): Buffer {
  const packed = deflateRawSync(data)
  const fileName = Buffer.from(name)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(packed.length, 18)
  local.writeUInt32LE(data.length, 22)
  local.writeUInt16LE(fileName.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(packed.length, 20)
  central.writeUInt32LE(data.length, 24)
  central.writeUInt16LE(fileName.length, 28)
  const directoryAt = local.length + fileName.length + packed.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + fileName.length, 12)
  end.writeUInt32LE(directoryAt, 16)
  return Buffer.concat([local, fileName, packed, central, fileName, end])
}

async function build(markdown: string, ...flags: string[]) {
  const dir = tempDir('citedeck-limits-')
  writeFileSync(join(dir, 'deck.md'), markdown)
  writeFileSync(join(dir, '50%-off.png'), PNG)
  const result = await runCli('build', join(dir, 'deck.md'), '-o', join(dir, 'out'), '--no-fit', ...flags)
  expect(result.stderr).not.toMatch(STACK)
  return result
}

describe('limits', () => {
  it('an image named with a bare % is that file, not a URIError', async () => {
    const result = await build('## A\n\n![x](50%-off.png)\n')
    expect(result.code).toBe(0)
  })

  it.each([
    ['5,000 nested list markers', `## A\n\n${'- '.repeat(5000)}x\n`, /deck\.md:3:1: error: lists and block quotes nest deeper than 50 levels here \[limit\]/],
    ['5,000 nested block quotes', `## A\n\n${'> '.repeat(5000)}x\n`, /deck\.md:3:1: error: lists and block quotes nest deeper than 50 levels here \[limit\]/],
    ['5,000 nested emphasis markers', `## A\n\n${'*'.repeat(5000)}x${'*'.repeat(5000)}\n`, /deck\.md:3:1: error: emphasis nests deeper than 50 levels here \(2500\) \[limit\]/],
    ['a 300-level list', `## A\n\n${Array.from({length: 300}, (_, level) => `${'  '.repeat(level)}- x\n`).join('')}`, /deck\.md:53:1: error: lists and block quotes nest deeper than 50 levels here \(and 249 more such lines\)/],
    [
      '2,000 nested fenced divs',
      `## A\n\n${Array.from({length: 2000}, (_, level) => `${':'.repeat(2003 - level)} {.d}\n`).join('')}x\n${Array.from({length: 2000}, (_, level) => `${':'.repeat(level + 4)}\n`).join('')}`,
      /deck\.md:53:1: error: fenced divs nest deeper than 50 levels here \(and 1949 more such lines\)/
    ],
    ['a 1 MB line of 250,000 undefined links', `## A\n\n${'[a] '.repeat(250_000)}\n`, /deck\.md:3:1: error: paragraph over 20,000 characters here \(750,000 besides citations and spaces\) \[limit\]/],
    ['a 4,000-line paragraph', `## A\n\n${'The cat sat.\n'.repeat(4000)}`, /deck\.md:2003:1: error: paragraph over 20,000 characters here \(20,010 besides citations and spaces\) \[limit\]/],
    // micromark's costliest marks: each `_` tried against every `*` before it, each `]` looking back for its `[` (9 s and 19 s before their limit).
    ['a line of 2,500 `*a_`', `## A\n\n${'*a_ '.repeat(2500)}\n`, /deck\.md:3:1: error: paragraph with over 4,000 `\*`, `_` and `]` here \(5,000 besides citations\) \[limit\]/],
    ['a paragraph of 5,000 lines `]`', `## A\n\n${']\n'.repeat(5000)}`, /deck\.md:4003:1: error: paragraph with over 4,000 `\*`, `_` and `]` here \(4,001 besides citations\) \[limit\]/]
  ])('%s: one error with the limit, exit 1', async (_, markdown, message) => {
    const result = await build(markdown)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.split('\n').filter((line) => line.includes('[limit]'))).toHaveLength(1)
  })

  it('a line of 5,000 citations and a 2,000-row table, each over the paragraph limit in characters, build: citations, spaces and rows do not add up', async () => {
    const table = `a | b\n--- | ---\n${'cell *x* | cell y z\n'.repeat(2000)}`
    const result = await build(`---\nreferences:\n  - {id: known, type: book, title: T}\n---\n\n## A\n\n${'[@x] [see @known, p. 5] '.repeat(2500)}\n\n## B\n\n${table}`)
    expect(result.code).toBe(0)
    expect(result.stderr.match(/unknown citation key 'x', cited 2,500 times \[unknown-citation-key\]/g)).toHaveLength(1)
    expect(result.stderr).not.toMatch(/\[limit\]/)
  })

  it('a key cited 1,000 times is one warning with the count; other warnings are shown 20 a rule, then counted', async () => {
    const images = Array.from({length: 30}, (_, index) => `![r](https://example.org/${index}.png)`).join('\n\n')
    const result = await build(`---\nreferences:\n  - {id: known, type: book, title: T}\n---\n\n## A\n\n${'[@x] '.repeat(1000)}\n\n${images}\n`)
    expect(result.code).toBe(0)
    expect(result.stderr.match(/unknown citation key 'x', cited 1,000 times \[unknown-citation-key\]/g)).toHaveLength(1)
    expect(result.stderr.match(/\[remote-image\]/g)).toHaveLength(21)
    expect(result.stderr).toMatch(/deck\.md: warning: … and 10 more warnings like these \[remote-image\]/)
  })

  it('a .docx zip bomb is refused from its central directory, before anything is unpacked', async () => {
    const dir = tempDir('citedeck-limits-')
    const bomb = zipOf('word/document.xml', Buffer.alloc(MAX_UNPACKED + 1024 * 1024, 0x20))
    expect(bomb.length).toBeLessThan(1024 * 1024)
    expect(unpackedSize(bomb)).toBe(MAX_UNPACKED + 1024 * 1024)
    writeFileSync(join(dir, 'essay.docx'), bomb)
    for (const command of [['import', join(dir, 'essay.docx'), '-o', join(dir, 'out')], ['build', join(dir, 'essay.docx'), '-o', join(dir, 'deck'), '--no-fit']]) {
      const result = await runCli(...command)
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/essay\.docx: the document would unpack to 129 MB \(limit 128 MB\)/)
      expect(result.stderr).not.toMatch(STACK)
    }
  })

  it('an image that is a FIFO is an error, not a hang; a cite cache of the wrong shape is ignored', async () => {
    const dir = tempDir('citedeck-limits-')
    execFileSync('mkfifo', [join(dir, 'pipe.png')])
    writeFileSync(join(dir, 'deck.md'), '## A\n\n![p](pipe.png)\n')
    const fifo = await runCli('build', join(dir, 'deck.md'), '-o', join(dir, 'out'), '--no-fit')
    expect(fifo.code).toBe(1)
    expect(fifo.stderr).toMatch(/deck\.md:3:1: error: image is not a file: pipe\.png/)

    writeFileSync(join(dir, 'refs.json'), '[{"id":"a","type":"book","title":"T","issued":{"date-parts":[[2020]]}}]')
    writeFileSync(join(dir, 'deck.md'), '---\nbibliography: refs.json\n---\n\n## A\n\n[@a]\n')
    const memoPath = join(dir, '.out.citedeck-cite.json')
    expect((await runCli('build', join(dir, 'deck.md'), '-o', join(dir, 'out'), '--no-fit', '--quiet')).code).toBe(0)
    const keys = Object.keys((JSON.parse(readFileSync(memoPath, 'utf8')) as {groups: object}).groups)
    const withGroups = (value: unknown) => JSON.stringify({version: 1, groups: Object.fromEntries(keys.map((key) => [key, value]))})
    for (const memo of [withGroups('text'), withGroups({bibliography: '{'}), withGroups({bibliography: '[1]'}), withGroups([1]), '[1, 2]', 'null']) {
      writeFileSync(memoPath, memo)
      const result = await runCli('build', join(dir, 'deck.md'), '-o', join(dir, 'out'), '--no-fit', '--quiet')
      expect(result.stderr).not.toMatch(STACK)
      expect(result.code).toBe(0)
    }
  })
})
