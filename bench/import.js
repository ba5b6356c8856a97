/**
 * Import benchmark (Import issue): the median time to import the sample
 * essay, a 10,000-word essay with 60 references (goal < 1 s), and synthetic
 * essays of 100 KB and 1 MB, as wall time and as this process's CPU time
 * (`process.cpuUsage`: on a machine others load, CPU time is what the code
 * costs). For the 10,000-word essay also the share of reading its reference
 * list (split and read, warm) and one cold `citedeck import` in a fresh
 * process (module loading, regular-expression compilation, the NLP
 * lexicon), as a user runs it. (A 5 MB essay is refused: the importer's limit
 * is 2M characters.)
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {VFile} from 'vfile'
import {importEssay} from '../lib/import/index.js'
import {findReferenceSection} from '../lib/import/reference-section.js'
import {buildReferences} from '../lib/import/references.js'
import {median, ms, printTable} from './stats.js'

const SAMPLE = new URL('../tests/import/fixtures/cuban-missile-crisis/essay.txt', import.meta.url)

const SENTENCES = [
  'In {year} the council of {place} began planting trees along its hottest streets, after a study showed that shade lowered summer temperatures by several degrees ({author}, {year}).',
  'Residents who lived near the new parks reported fewer heat-related illnesses, although the effect was smaller in neighborhoods with older housing.',
  'According to {author} ({year}), “the cheapest cooling in any city is the shade of a mature tree, which costs nothing to run once it has grown” (p. {page}).',
  'Critics argued that the programme moved money away from public transport, but the city kept it because voters supported it strongly.',
  'Similar projects followed in other cities, and by the end of the decade most large councils had a plan of their own ({author} & {other}, {year}).'
]

/** A synthetic essay of about `characters` characters with `references` entries. */
export function syntheticEssay(characters, references = 60) {
  const authors = Array.from({length: references}, (_, i) => ({family: `Author${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) || ''}`, year: 1990 + (i % 30)}))
  const paragraphs = []
  let length = 0
  for (let p = 0; length < characters; p++) {
    const sentences = SENTENCES.map((sentence, s) => {
      const a = authors[(p * 5 + s) % references]
      const b = authors[(p * 5 + s + 1) % references]
      return sentence
        .replaceAll('{author}', a.family)
        .replaceAll('{other}', b.family)
        .replaceAll('{year}', String(a.year))
        .replaceAll('{place}', `Town ${p}`)
        .replaceAll('{page}', String(10 + s))
    })
    const paragraph = sentences.join(' ')
    paragraphs.push(paragraph)
    length += paragraph.length + 2
  }
  const list = authors.map((a, i) => `${a.family}, B., & ${authors[(i + 1) % references].family}, C. (${a.year}). A study of city heat number ${i + 1}. Journal of Urban Climate, ${i + 1}(2), 10-20.`)
  return `Shade and the City\n\n${paragraphs.join('\n\n')}\n\nReferences\n${list.join('\n')}\n`
}

/** Median wall and CPU milliseconds of `runs` calls of `task`, after one warm-up call. */
async function timeCpu(runs, task) {
  await task()
  const wall = []
  const cpu = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    const before = process.cpuUsage()
    await task()
    const used = process.cpuUsage(before)
    cpu.push((used.user + used.system) / 1000)
    wall.push(performance.now() - started)
  }
  return {wall: median(wall), cpu: median(cpu)}
}

const CLI = fileURLToPath(new URL('../lib/cli.js', import.meta.url))

/** Wall and CPU milliseconds of one `citedeck import` of `text` in a fresh Node process, as that process counts them. */
function coldImport(text) {
  const dir = mkdtempSync(join(tmpdir(), 'citedeck-bench-import-'))
  try {
    writeFileSync(join(dir, 'essay.txt'), text)
    // The CLI's own process counts from its first line: loading, compiling and importing.
    const script = [
      'const before = process.cpuUsage(); const started = performance.now();',
      "process.on('exit', () => { const used = process.cpuUsage(before); process.stdout.write(`#cold ${(used.user + used.system) / 1000} ${performance.now() - started}\\n`) });",
      `process.argv.splice(1, 0, ${JSON.stringify(CLI)}); await import(${JSON.stringify(pathToFileURL(CLI).href)});`
    ].join('\n')
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, 'import', join(dir, 'essay.txt'), '-o', join(dir, 'out'), '-q'], {encoding: 'utf8'})
    const line = /#cold (\S+) (\S+)/.exec(child.stdout ?? '')
    return line ? {cpu: Number(line[1]), wall: Number(line[2])} : undefined
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

export async function benchImport({runs = 5} = {}) {
  const sample = readFileSync(SAMPLE, 'utf8')
  const tenThousandWords = syntheticEssay(62_000)
  const cases = [
    ['sample essay (cuban-missile-crisis.txt)', sample, runs],
    [`10,000 words, 60 references (${tenThousandWords.split(/\s+/).length.toLocaleString('en')} words)`, tenThousandWords, runs],
    ['100 KB synthetic essay', syntheticEssay(100_000), runs],
    ['1 MB synthetic essay', syntheticEssay(1_000_000), 3]
  ]
  const rows = []
  for (const [name, text, count] of cases) {
    const time = await timeCpu(count, () => importEssay(new VFile({path: 'essay.txt', value: text})))
    rows.push([name, `${Math.round(text.length / 1000)} KB`, ms(time.wall), ms(time.cpu), String(count)])
  }
  // The reference list alone: found, split into its 60 entries and read.
  const list = await timeCpu(runs, () => buildReferences(findReferenceSection(tenThousandWords)?.entries ?? []))
  rows.push(['  of which: reading its reference list', '', ms(list.wall), ms(list.cpu), String(runs)])
  const cold = coldImport(tenThousandWords)
  rows.push(['10,000 words: one cold `citedeck import`', '', ms(cold?.wall), ms(cold?.cpu), '1'])
  printTable('import: median time (API, in memory; CPU = this process)', ['essay', 'size', 'wall', 'CPU', 'runs'], rows)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchImport()
