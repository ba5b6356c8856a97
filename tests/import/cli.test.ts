import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Document, Packer, Paragraph} from 'docx'
import {describe, expect, it} from 'vitest'
import {run} from '../helpers/cli.js'

const SAMPLE = new URL('./fixtures/vaccine-hesitancy/essay.txt', import.meta.url).pathname

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'citedeck-import-'))
}

describe('citedeck import', () => {
  it('writes deck.md and references.json and prints the fidelity report', async () => {
    const dir = tempDir()
    const result = await run('import', SAMPLE, '-o', join(dir, 'talk'))
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Sentences:    13/13 in slides or notes')
    expect(result.stdout).toContain('References:   6/6 parsed')
    expect(result.stderr).toMatch(/essay\.txt:9:583: warning: Citation `Larsen et al\., 2016` matched `Larson et al\. \(2016\)` only approximately \[import-fuzzy-citation\]/)
    const deck = readFileSync(join(dir, 'talk/deck.md'), 'utf8')
    expect(deck).toMatch(/^---\ntitle: "Why Parents Delay Vaccines"\nauthor: "Maria Lopez"\ndate: "March 3, 2024"\nbibliography: references\.json\nnocite: "@\*"\n---/)
    const references = JSON.parse(readFileSync(join(dir, 'talk/references.json'), 'utf8')) as Array<{id: string}>
    expect(references.map((item) => item.id)).toEqual(['centers_nd', 'dube2013', 'hendricks2018', 'larson2016', 'macdonald2015', 'world2019'])
  })

  it('keeps on the slide a source the reference list lacks, as written, beside the sources it has', async () => {
    const dir = tempDir()
    const essay = readFileSync(SAMPLE, 'utf8')
    const edited = essay
      .replace('(MacDonald, 2015)', '(MacDonald, 2015; Nobody, 1999)')
      .replace(
        'Schools, doctors and public health agencies need to work together to rebuild that trust (Hendricks & Osei, 2018).',
        'Schools, doctors and public health agencies, which parents often trust more than officials, need to work together over many years to rebuild that trust (Somebody, 2001).'
      )
    writeFileSync(join(dir, 'essay.txt'), edited)
    const result = await run('import', join(dir, 'essay.txt'), '-o', join(dir, 'talk'))
    expect(result.stderr).toMatch(/warning: Citation `Nobody, 1999` matches no entry of the reference list \[import-unresolved-citation\]/)
    const bullets = readFileSync(join(dir, 'talk/deck.md'), 'utf8').split('\n').filter((line) => line.startsWith('- '))
    expect(bullets).toContainEqual(expect.stringMatching(/\[@macdonald2015\] \(Nobody, 1999\)$/))
    // A long sentence shortened for its bullet keeps the unknown citation as its tag.
    expect(bullets).toContainEqual(expect.stringMatching(/^- Schools, doctors .* \(Somebody, 2001\)$/))
  })

  it('refuses to overwrite an outline without --force (exit 2), replaces it with --force', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'deck.md'), 'my edits')
    const refused = await run('import', SAMPLE, '-o', dir)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('deck.md already exists')
    expect(refused.stderr).toContain('hint: pass --force')
    expect(readFileSync(join(dir, 'deck.md'), 'utf8')).toBe('my edits')
    const forced = await run('import', SAMPLE, '-o', dir, '--force', '-q')
    expect(forced.code).toBe(0)
    expect(forced.stdout).toBe('')
    expect(readFileSync(join(dir, 'deck.md'), 'utf8')).toContain('## ')
  })

  it('never writes over the essay, even with --force', async () => {
    const dir = tempDir()
    const essay = join(dir, 'deck.md')
    writeFileSync(essay, readFileSync(new URL('./fixtures/urban-heat/essay.md', import.meta.url), 'utf8'))
    const result = await run('import', essay, '-o', dir, '--force')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('would overwrite the essay')
  })

  it('takes --title and prints the report as --json', async () => {
    const dir = tempDir()
    const result = await run('import', SAMPLE, '-o', dir, '--title', 'Trust and Vaccines', '--json')
    expect(JSON.parse(result.stdout)).toMatchObject({paragraphs: 4, references: {entries: 6, parsed: 6}, citations: {found: 11, resolved: 11}})
    expect(readFileSync(join(dir, 'deck.md'), 'utf8')).toContain('title: "Trust and Vaccines"')
  })

  it('rejects binary, empty and missing files with one clear line, writing nothing', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]))
    const binary = await run('import', join(dir, 'photo.txt'), '-o', join(dir, 'out'))
    expect(binary.code).toBe(1)
    expect(binary.stderr).toMatch(/^citedeck: error: .*photo\.txt: not (?:UTF-8 text|text \(binary data\))\n  hint: /)
    writeFileSync(join(dir, 'empty.txt'), '  \n')
    const empty = await run('import', join(dir, 'empty.txt'), '-o', join(dir, 'out'))
    expect(empty.code).toBe(1)
    expect(empty.stderr).toContain('error: The essay is empty [import-empty]')
    const missing = await run('import', join(dir, 'nope.txt'))
    expect(missing.code).toBe(2)
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  it('imports a .docx made with Word', async () => {
    const dir = tempDir()
    const lines = readFileSync(SAMPLE, 'utf8').split('\n').filter(Boolean)
    const document = new Document({sections: [{children: lines.map((line) => new Paragraph(line))}]})
    writeFileSync(join(dir, 'essay.docx'), await Packer.toBuffer(document))
    const result = await run('import', join(dir, 'essay.docx'), '-o', join(dir, 'out'))
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('References:   6/6 parsed')
    expect(result.stdout).toContain('Citations:    11/11 resolved')
    expect(readFileSync(join(dir, 'out/deck.md'), 'utf8')).toContain('title: "Why Parents Delay Vaccines"')
  })

  it('warns and still writes an outline for an essay without references or citations', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'plain.txt'), 'Bees matter.\nBees pollinate a third of the crops people eat, and their numbers have fallen in many countries over the last twenty years.\n')
    const result = await run('import', join(dir, 'plain.txt'), '-o', join(dir, 'out'))
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('[import-no-references]')
    expect(result.stderr).toContain('[import-no-citations]')
    expect(existsSync(join(dir, 'out/deck.md'))).toBe(true)
  })
})

describe('citedeck build essay.txt', () => {
  it('imports in memory and builds a deck with footnoted citations and a reference list', async () => {
    const dir = tempDir()
    const result = await run('build', SAMPLE, '-o', join(dir, 'deck'))
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/built .*deck \(\d+ slides\)/)
    const html = readFileSync(join(dir, 'deck/index.html'), 'utf8')
    expect(html).toContain('Why Parents Delay Vaccines')
    expect(html).toContain('Confidence in vaccines differs a lot between countries')
    expect(html).toContain('class="notes"')
    expect(html).toContain('Vaccine hesitancy: An overview')
    // Nothing written next to the essay: no outline, no references.json.
    expect(existsSync(join(dir, 'deck/deck.md'))).toBe(false)
    // Import warnings point at the essay's own lines.
    expect(result.stderr).toMatch(/essay\.txt:9:583: warning: .*\[import-fuzzy-citation\]/)
  })
})
