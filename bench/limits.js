/**
 * Limits benchmark (issue 17): the hostile inputs that stalled or crashed a
 * build, each built in-process with `--no-fit`, time and peak memory. Before
 * the limits: a 1 MB line of 100,000 citations took 210 s and 565 MB; a
 * 1,000-level list a minute then a stack; a 1 MB .docx zip bomb 54 s and 3.7 GB.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {deflateRawSync} from 'node:zlib'
import {citedeckCli} from '../lib/cli.js'
import {ms, printTable, timeRuns} from './stats.js'

const quiet = {stdout: () => undefined, stderr: () => undefined}

function cases() {
  return [
    ['5,000 nested `- `', `## A\n\n${'- '.repeat(5000)}x\n`],
    ['5,000 nested `>`', `## A\n\n${'> '.repeat(5000)}x\n`],
    ['5,000 `[`', `## A\n\n${'['.repeat(5000)}x\n`],
    ['5,000 `*` each side', `## A\n\n${'*'.repeat(5000)}x${'*'.repeat(5000)}\n`],
    ['1,000-level list', `## A\n\n${Array.from({length: 1000}, (_, level) => `${'  '.repeat(level)}- x\n`).join('')}`],
    ['2,000 nested `:::` divs', `## A\n\n${Array.from({length: 2000}, (_, level) => `${':'.repeat(2003 - level)} {.d}\n`).join('')}x\n${Array.from({length: 2000}, (_, level) => `${':'.repeat(level + 4)}\n`).join('')}`],
    ['1 MB line, 100,000 `[@x]`', `## A\n\n${'[@x] '.repeat(200_000)}\n`],
    ['4,000 `[@x]` on one line (under the limit)', `## A\n\n${'[@x] '.repeat(3999)}\n`]
  ]
}

/** A zip of one deflated entry: a .docx whose document.xml unpacks to `size` spaces. */
function zipBomb(size) {
  const data = Buffer.alloc(size, 0x20)
  const packed = deflateRawSync(data, {level: 9})
  const name = Buffer.from('word/document.xml')
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(packed.length, 18)
  local.writeUInt32LE(size, 22)
  local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(packed.length, 20)
  central.writeUInt32LE(size, 24)
  central.writeUInt16LE(name.length, 28)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + name.length, 12)
  end.writeUInt32LE(local.length + name.length + packed.length, 16)
  return Buffer.concat([local, name, packed, central, name, end])
}

export async function benchLimits({runs = 3} = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'citedeck-bench-limits-'))
  const rows = []
  for (const [label, markdown] of cases()) {
    const path = join(dir, `${rows.length}.md`)
    writeFileSync(path, markdown)
    let code
    const time = await timeRuns(runs, async () => {
      code = await citedeckCli(['build', path, '-o', join(dir, `out-${rows.length}`), '--no-fit'], quiet)
    })
    rows.push([label, ms(time), String(code)])
  }
  const bomb = join(dir, 'bomb.docx')
  const zip = zipBomb(1024 * 1024 * 1024)
  writeFileSync(bomb, zip)
  let code
  const time = await timeRuns(runs, async () => {
    code = await citedeckCli(['import', bomb, '-o', join(dir, 'bomb-out')], quiet)
  })
  rows.push([`.docx unpacking to 1 GB (${Math.round(zip.length / 1024)} KB on disk), import`, ms(time), String(code)])
  printTable('Limits: hostile inputs, build --no-fit in-process (median)', ['input', 'time', 'exit'], rows)
}
