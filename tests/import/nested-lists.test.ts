/**
 * Lists nested in an essay stay nested on its slides: a Word list's levels,
 * an indented Markdown or plain-text item, `○` under `●`.
 */
import {Document, HeadingLevel, Packer, Paragraph} from 'docx'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {importEssay} from '../../src/import/index.js'

const LEAD = 'Schools have tried several ways to limit phones in class, and each of them has its critics (Lee, 2020).'
const REFERENCES = 'Lee, J. (2020). Phone-free schools. Journal of School Practice, 14(3), 201–219.'

/** The slide lines of a deck (speaker notes left out). */
function slideLines(markdown: string): string[] {
  return markdown.replace(/::: notes[\s\S]*?\n:::/g, '').split('\n')
}

describe('nested lists', () => {
  it('keeps a Markdown essay’s second-level items under their item', async () => {
    const essay = `# Phones in Class\n\n${LEAD} The main arguments against bans are these:\n\n- Parents want to reach their children\n  - especially in an emergency\n- Students hide their phones anyway\n\n## References\n\n${REFERENCES}\n`
    const {markdown} = await importEssay(new VFile({path: 'essay.md', value: essay}))
    const lines = slideLines(markdown)
    expect(lines).toContain('- Parents want to reach their children')
    expect(lines).toContain('  - Especially in an emergency')
    expect(lines).toContain('- Students hide their phones anyway')
  })

  it('keeps the levels of a plain-text list whatever its indent step', async () => {
    const essay = `Phones in Class\n\n${LEAD} Here are the main arguments against bans:\n●  Parents want to reach their children in an emergency\n●  Students just hide the phone and use it anyway\n      ○  this was the most common answer in the survey\n●  Bans can be enforced unfairly\n\nReferences\n\n${REFERENCES}\n`
    const {markdown} = await importEssay(new VFile({path: 'essay.txt', value: essay}))
    const lines = slideLines(markdown)
    expect(lines).toContain('- Students just hide the phone and use it anyway')
    expect(lines).toContain('  - This was the most common answer in the survey')
  })

  it('keeps a Word list’s levels', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({text: 'Phones in Class', heading: HeadingLevel.TITLE}),
            new Paragraph(LEAD),
            new Paragraph({text: 'Parents want to reach their children', bullet: {level: 0}}),
            new Paragraph({text: 'especially in an emergency', bullet: {level: 1}}),
            new Paragraph({text: 'References', heading: HeadingLevel.HEADING_1}),
            new Paragraph(REFERENCES)
          ]
        }
      ]
    })
    const bytes = new Uint8Array(await Packer.toBuffer(document))
    const {markdown} = await importEssay(new VFile({path: 'essay.docx', value: bytes}))
    const lines = slideLines(markdown)
    expect(lines).toContain('- Parents want to reach their children')
    expect(lines).toContain('  - Especially in an emergency')
  })
})
