import {AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun} from 'docx'
import {beforeAll, describe, expect, it} from 'vitest'
import {type DocxDocument, documentText, readDocx} from '../../src/import/docx.js'

/** A Word file with every structure the reader knows, built once for all assertions. */
async function sample(): Promise<Uint8Array> {
  const document = new Document({
    footnotes: {
      1: {children: [new Paragraph({children: [new TextRun('Stephen Halliday, '), new TextRun({text: 'The Great Stink', italics: true}), new TextRun(' (Stroud: Sutton, 1999), 42.')]})]},
      2: {children: [new Paragraph('Ibid., 43.')]}
    },
    sections: [
      {
        children: [
          new Paragraph({text: 'Owen Fairbairn', alignment: AlignmentType.CENTER}),
          new Paragraph({text: 'Sewers and Smells', heading: HeadingLevel.TITLE}),
          new Paragraph({text: 'A River of Sewage', heading: HeadingLevel.HEADING_1}),
          new Paragraph({
            children: [
              new TextRun('The river '),
              new TextRun({text: 'stank', italics: true}),
              new TextRun(' and '),
              new TextRun({text: 'Parliament', bold: true}),
              new TextRun(' acted.'),
              new FootnoteReferenceRun(1),
              new TextRun(' Then it paid.'),
              new FootnoteReferenceRun(2)
            ]
          }),
          new Paragraph({text: 'It was a spring without voices.', indent: {left: 720}}),
          new Paragraph({text: 'Hanging entry, 1999.', indent: {left: 720, hanging: 720}}),
          new Paragraph({text: 'First point', bullet: {level: 0}}),
          new Paragraph({text: 'Sub point', bullet: {level: 1}}),
          new Table({rows: [new TableRow({children: [new TableCell({children: [new Paragraph('Year')]}), new TableCell({children: [new Paragraph('Deaths')]})]}), new TableRow({children: [new TableCell({children: [new Paragraph('1866')]}), new TableCell({children: [new Paragraph('5,596')]})]})]})
        ]
      }
    ]
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

describe('readDocx', () => {
  let doc: DocxDocument
  beforeAll(async () => {
    doc = await readDocx(await sample())
  })

  it('reads Title and Heading styles, centred lines and indented quotations', () => {
    expect(doc.blocks.slice(0, 3).map((block) => [block.kind, block.text, block.level])).toEqual([
      ['paragraph', 'Owen Fairbairn', undefined],
      ['title', 'Sewers and Smells', undefined],
      ['heading', 'A River of Sewage', 1]
    ])
    expect(doc.blocks[0]!.centered).toBe(true)
    expect(doc.blocks.find((block) => block.kind === 'quote')?.text).toBe('It was a spring without voices.')
    // A hanging indent is a reference entry, not a quotation.
    expect(doc.blocks.find((block) => block.text.startsWith('Hanging'))?.kind).toBe('paragraph')
  })

  it('keeps footnote marks in place and the note texts with where they stand', () => {
    const paragraph = doc.blocks.findIndex((block) => block.text.startsWith('The river'))
    expect(doc.blocks[paragraph]!.text).toBe('The river stank and Parliament acted.[^1] Then it paid.[^2]')
    expect(doc.footnotes.map((note) => [note.n, note.text, note.at.block])).toEqual([
      [1, 'Stephen Halliday, The Great Stink (Stroud: Sutton, 1999), 42.', paragraph],
      [2, 'Ibid., 43.', paragraph]
    ])
    expect(doc.blocks[paragraph]!.text.slice(doc.footnotes[1]!.at.offset)).toBe('[^2]')
    expect(doc.footnotes[0]!.spans).toEqual([{start: 18, end: 33, style: 'italic'}])
  })

  it('keeps italics and bold as spans', () => {
    const block = doc.blocks.find((candidate) => candidate.text.startsWith('The river'))!
    expect(block.spans.map((span) => [block.text.slice(span.start, span.end), span.style])).toEqual([
      ['stank', 'italic'],
      ['Parliament', 'bold']
    ])
  })

  it('reads lists with their level and tables by cell', () => {
    expect(doc.blocks.filter((block) => block.kind === 'list-item').map((block) => [block.text, block.level])).toEqual([
      ['First point', 1],
      ['Sub point', 2]
    ])
    expect(doc.blocks.find((block) => block.kind === 'table')?.rows).toEqual([
      ['Year', 'Deaths'],
      ['1866', '5,596']
    ])
  })

  it('writes the text the importer reads, structure as Markdown marks and no footnote marks', () => {
    expect(documentText(doc)).toBe(
      'Owen Fairbairn\n# Sewers and Smells\n## A River of Sewage\nThe river stank and Parliament acted. Then it paid.\n> It was a spring without voices.\nHanging entry, 1999.\n- First point\n  - Sub point\nYear\tDeaths\n1866\t5,596\n'
    )
  })

  it('rejects bytes that are not a Word document', async () => {
    await expect(readDocx(new TextEncoder().encode('not a zip'))).rejects.toThrow()
  })
})
