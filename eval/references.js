/**
 * Essays of `corpus/essays/` against their gold files: reference entries fully
 * right (first author, year, title, container, volume, issue, pages, DOI/URL,
 * type), junk and missing entries, and in-text citations linked to the right
 * source, to a wrong one, or not at all. `EVAL_VERBOSE=1` lists each miss.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {importEssay} from '../lib/import/index.js'
import {readEssay} from '../lib/import/read-essay.js'
import {ratio} from './compare.js'
import {scoreEssay} from './essay-score.js'

export async function evaluate(corpus) {
  const dir = join(corpus, 'essays')
  const verbose = process.env.EVAL_VERBOSE === '1'
  const totals = {entries: 0, fully: 0, junk: 0, missing: 0, cites: 0, right: 0, wrong: 0, unlinked: 0, spurious: 0}
  const fields = {}
  const lines = []
  const details = []
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.expected.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(dir, name), 'utf8'))
    const file = await readEssay(join(dir, gold.file))
    const score = scoreEssay(gold, await importEssay(file))
    for (const key of Object.keys(totals)) totals[key] += score[key]
    for (const [field, {right, total}] of Object.entries(score.fields)) {
      fields[field] ??= {right: 0, total: 0}
      fields[field].right += right
      fields[field].total += total
    }
    details.push(...score.details)
    const essay = gold.file.replace(/\.[^.]+$/, '')
    lines.push(`${ratio(`essays.${essay}.references.fully_right`, score.fully, score.entries)}  junk ${score.junk}; ${ratio('citations.linked_right', score.right, score.cites)}`)
  }
  lines.push(ratio('essays.references.fully_right', totals.fully, totals.entries))
  lines.push(`essays.references.junk ${totals.junk}`)
  lines.push(`essays.references.missing ${totals.missing}`)
  for (const [field, {right, total}] of Object.entries(fields)) lines.push(ratio(`essays.references.field.${field}`, right, total))
  lines.push(ratio('essays.citations.linked_right', totals.right, totals.cites))
  lines.push(`essays.citations.linked_wrong ${totals.wrong}`)
  lines.push(`essays.citations.unlinked ${totals.unlinked}`)
  lines.push(`essays.citations.spurious ${totals.spurious}`)
  if (verbose) lines.push(...details)
  return lines
}
