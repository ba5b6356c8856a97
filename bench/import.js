/**
 * Import benchmark (Import issue): median time to import the sample essay, a
 * 10,000-word essay with 60 references (goal < 1 s), and synthetic essays of
 * 100 KB and 1 MB. (A 5 MB essay is refused: the importer's limit is 2M characters.)
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {importEssay} from '../lib/import/index.js'
import {ms, printTable, timeRuns} from './stats.js'

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

async function timeImport(text, runs) {
  await importEssay(new VFile({path: 'essay.txt', value: text}))
  return timeRuns(runs, () => importEssay(new VFile({path: 'essay.txt', value: text})))
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
  for (const [name, text, count] of cases) rows.push([name, `${Math.round(text.length / 1000)} KB`, ms(await timeImport(text, count)), String(count)])
  printTable('import: median time (API, in memory)', ['essay', 'size', 'median', 'runs'], rows)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchImport()
