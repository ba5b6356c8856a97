/**
 * Fixture essays: `fixtures/<case>/essay.{txt,md}` → `deck.md`,
 * `references.json` and `messages.txt`. A missing expectation, or any when
 * `UPDATE_FIXTURES=1`, is written from the actual output: review the diff.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {formatMessages} from '../../src/cli/format.js'
import {importEssay} from '../../src/import/index.js'
import {readEssay} from '../../src/import/read-essay.js'

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname

function expected(dir: string, name: string, actual: string): string {
  const path = join(dir, name)
  if (process.env.UPDATE_FIXTURES === '1' || !existsSync(path)) writeFileSync(path, actual)
  return readFileSync(path, 'utf8')
}

async function imported(name: string) {
  const dir = join(FIXTURES, name)
  const essay = readdirSync(dir).find((file) => file.startsWith('essay.'))!
  const file = await readEssay(join(dir, essay))
  const result = await importEssay(file)
  return {dir, file, result, messages: formatMessages(file, dir).join('\n') + '\n'}
}

describe('fixture essays → deck.md, references.json, messages', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, async () => {
      const {dir, result, messages} = await imported(name)
      expect(result.markdown).toBe(expected(dir, 'deck.md', result.markdown))
      const references = JSON.stringify(result.references, null, 2) + '\n'
      expect(references).toBe(expected(dir, 'references.json', references))
      expect(messages).toBe(expected(dir, 'messages.txt', messages))
      // Nothing lost: every sentence is on a slide or in the notes.
      expect(result.report.sentences.inOutline).toBe(result.report.sentences.total)
      expect(result.report.references.parsed).toBe(result.report.references.entries)
    })
  }
})

describe('the sample essay', () => {
  it('has exactly 8 references with the right first authors and years', async () => {
    const {result} = await imported('cuban-missile-crisis')
    const firsts = result.references.map((item) => `${item.author?.[0]?.family ?? item.author?.[0]?.literal ?? item.title} ${JSON.stringify(item.issued ?? 'n.d.')}`)
    expect(firsts).toEqual([
      'Blight {"date-parts":[[2002]]}',
      'Correll {"date-parts":[[2005]]}',
      'Cuban Missile Crisis "n.d."',
      'Hermes {"date-parts":[[2001]]}',
      'Nuclear Test Ban Treaty "n.d."',
      'Roskin {"date-parts":[[2010]]}',
      'U.S. Department of State, Office of the Historian {"date-parts":[[1996]]}',
      'Wiersma {"date-parts":[[1997]]}'
    ])
  })

  it('resolves every in-text citation and normalises the locator', async () => {
    const {result} = await imported('cuban-missile-crisis')
    expect(result.report.citations.found).toBe(6)
    expect(result.report.citations.resolved).toBe(6)
    expect(result.markdown).toContain('[@roskin2010, pp. 154–155]')
    expect(result.markdown).toContain('“Respond flexibly to communist expansion, especially to guerrilla warfare” [@roskin2010, p. 58]')
  })

  it('makes the quotations quote slides, attributed to whose words they are', async () => {
    const {result} = await imported('cuban-missile-crisis')
    expect(result.report.quotes).toBe(3)
    // Woven into the student's sentence, the words are the source's, not Kennedy's.
    expect(result.markdown).toContain('> — Roskin and Berry [-@roskin2010, p. 58]')
    expect(result.markdown).toContain('> — Hermes [-@hermes2001, p. 595]')
    // Introduced by `Kennedy wrote a letter … stating:`, they are Kennedy's own.
    expect(result.markdown).toMatch(/> I think we should recognize.*may not \\\[…\\\]\n>\n> — President Kennedy\n/)
  })

  it('never ends a bullet mid-sentence with an ellipsis, and keeps titles short', async () => {
    for (const name of readdirSync(FIXTURES)) {
      const {result} = await imported(name)
      const bullets = result.markdown.split('\n').filter((line) => line.startsWith('- '))
      for (const bullet of bullets) expect(bullet).not.toMatch(/…(?:\s*\[@[^\]]*\])*$/)
      const titles = result.markdown.split('\n').filter((line) => line.startsWith('## '))
      for (const title of titles) {
        expect(title.split(/\s+/).length).toBeLessThanOrEqual(9)
        expect(title).not.toMatch(/\s[,;:]|\s{2}/)
      }
      expect(new Set(titles).size).toBe(titles.length)
      // A section slide shows its heading: the slide after it is titled by its own topic.
      const headings = result.markdown.split('\n').filter((line) => /^#{1,2} /.test(line))
      expect(headings.filter((line, i) => line.startsWith('# ') && headings[i + 1] === `#${line}`)).toEqual([])
    }
  })
})
