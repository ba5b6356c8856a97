/**
 * Limits benchmark (issue 17): the hostile inputs that stalled or crashed a
 * build, each built with `--no-fit` in a fresh Node process: CPU time (user +
 * system, so a busy machine does not blur it) and peak memory, medians. Before
 * the limits: a 1 MB line of 100,000 citations took 210 s and 565 MB; a
 * 1,000-level list a minute then a stack; a 1 MB .docx zip bomb 54 s and 3.7 GB;
 * before the marks limit, a line of 6,600 `*a_` 9 s, 20,000 lines `]` 19 s.
 * The citation lines show the parse is linear in citations.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {createDeflateRaw} from 'node:zlib'
import {median, ms, printTable} from './stats.js'

const cli = fileURLToPath(new URL('../lib/cli.js', import.meta.url))
// Runs the CLI in-process in a child and reports its own CPU time and peak memory.
const probe = `const {citedeckCli} = await import(${JSON.stringify(cli)});
const quiet = {stdout: () => undefined, stderr: () => undefined};
const code = await citedeckCli(JSON.parse(process.env.CITEDECK_BENCH_ARGS), quiet);
const usage = process.resourceUsage();
console.log(JSON.stringify({code, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1000, rss: usage.maxRSS / 1024}))`

// `args(run)`: each run writes to an output of its own, or it would read the parsed chunks the run before kept beside it.
function measure(runs, args) {
  const results = Array.from({length: runs}, (_, run) => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', probe], {encoding: 'utf8', env: {...process.env, CITEDECK_BENCH_ARGS: JSON.stringify(args(run))}})))
  return {cpu: median(results.map((result) => result.cpu)), rss: median(results.map((result) => result.rss)), code: results[0].code}
}

function cases() {
  return [
    ['an empty deck (Node and citedeck starting)', '## A\n'],
    ['5,000 nested `- `', `## A\n\n${'- '.repeat(5000)}x\n`],
    ['5,000 nested `>`', `## A\n\n${'> '.repeat(5000)}x\n`],
    ['5,000 `[`', `## A\n\n${'['.repeat(5000)}x\n`],
    ['5,000 `*` each side', `## A\n\n${'*'.repeat(5000)}x${'*'.repeat(5000)}\n`],
    ['1,000-level list', `## A\n\n${Array.from({length: 1000}, (_, level) => `${'  '.repeat(level)}- x\n`).join('')}`],
    ['2,000 nested `:::` divs', `## A\n\n${Array.from({length: 2000}, (_, level) => `${':'.repeat(2003 - level)} {.d}\n`).join('')}x\n${Array.from({length: 2000}, (_, level) => `${':'.repeat(level + 4)}\n`).join('')}`],
    ...[10_000, 50_000, 100_000, 200_000].map((count) => [`one line of ${count.toLocaleString('en-US')} \`[@x]\``, `## A\n\n${'[@x] '.repeat(count)}\n`]),
    ['one line of 99,000 `[@x]` and 9,900 `\\*` (at the paragraph limit)', `## A\n\n${`${'[@x] '.repeat(10)}\\* `.repeat(9900)}\n`],
    ['1 MB line of 250,000 `[a]` (over the limit)', `## A\n\n${'[a] '.repeat(250_000)}\n`],
    // micromark tries each `_` against every `*` before it, and GFM footnotes look back from each `]` for its `[`: a limit of their own.
    ['one line of 2,000 `*a_` (4,000 marks, at the marks limit)', `## A\n\n${'*a_ '.repeat(2000)}\n`],
    ['a paragraph of 4,000 lines `]` (at the marks limit)', `## A\n\n${']\n'.repeat(4000)}`],
    ['one line of 6,600 `*a_` (over the marks limit)', `## A\n\n${'*a_ '.repeat(6600)}\n`],
    ['a paragraph of 20,000 lines `]` (over the marks limit)', `## A\n\n${']\n'.repeat(20_000)}`],
    ['40,000-line paragraph of prose (over the limit)', `## A\n\n${'The cat, sat on (the) mat.\n'.repeat(40_000)}`]
  ]
}

/** A zip of one deflated entry: a .docx whose document.xml unpacks to `size` spaces. */
async function zipBomb(size) {
  // Deflated a megabyte at a time: a 1 GB buffer here would count in every child's peak memory (Linux keeps it across fork and exec).
  const deflate = createDeflateRaw({level: 9})
  const parts = []
  deflate.on('data', (part) => parts.push(part))
  const done = new Promise((resolve) => deflate.on('end', resolve))
  const chunk = Buffer.alloc(1024 * 1024, 0x20)
  for (let written = 0; written < size; written += chunk.length) {
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await done
  const packed = Buffer.concat(parts)
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
    const {cpu, rss, code} = measure(runs, (run) => ['build', path, '-o', join(dir, `out-${rows.length}-${run}`), '--no-fit'])
    rows.push([label, ms(cpu), `${rss.toFixed(0)} MB`, String(code)])
  }
  const bomb = join(dir, 'bomb.docx')
  const zip = await zipBomb(1024 * 1024 * 1024)
  writeFileSync(bomb, zip)
  const {cpu, rss, code} = measure(runs, (run) => ['import', bomb, '-o', join(dir, `bomb-out-${run}`)])
  rows.push([`.docx unpacking to 1 GB (${Math.round(zip.length / 1024)} KB on disk), import`, ms(cpu), `${rss.toFixed(0)} MB`, String(code)])
  printTable('Limits: hostile inputs, build --no-fit, one process each (median)', ['input', 'CPU', 'peak memory', 'exit'], rows)
}
