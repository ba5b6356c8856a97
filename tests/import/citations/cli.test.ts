/**
 * In-text citations read through `citedeck import`, with small essays of
 * our own for what the shared corpus does not exercise: APA's `(Lee, 2020a,
 * 2020b)`, `et. al`, `y`/`und`, `as cited in`; Harvard's `1931: 369`; MLA's
 * bare `(45)` after a source named before it and `("Short Title" 3)`;
 * Chicago's Word footnotes (`Ibid., 74.`, a note with two sources, a note
 * with none). And the import's diagnostics, once each at the essay's line:col.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun} from 'docx'
import {beforeAll, describe, expect, it} from 'vitest'
import {run} from '../../helpers/cli.js'

const APA = `Reading on Screens

Students now read more on screens than on paper (Lee, 2020a, 2020b). Mangen et al. (2013) found weaker recall of plot order after reading on a tablet, and Delgado et. al (2018) reached the same result across many studies. Comprehension drops most under time pressure (García y Moreno, 2019), and German classrooms show it too (Müller und Schmidt, 2017, p. 12).

Attention spans are a separate question (Baron, 2015, as cited in Clinton, 2019). Gates (2011) argued that screens would replace books within a decade. Mangan (2013) has been cited widely since. Nobody (2001) has studied younger readers, and reading time can be modelled (Ward, 2017).

References
Clinton, V. (2019). Reading from paper compared to screens: A systematic review and meta-analysis. Journal of Research in Reading, 42(2), 288–325. https://doi.org/10.1111/1467-9817.12269
Delgado, P., Vargas, C., Ackerman, R., & Salmerón, L. (2018). Don't throw away your printed books: A meta-analysis on the effects of reading media on reading comprehension. Educational Research Review, 25, 23–38.
García, L., & Moreno, P. (2019). La lectura en pantalla. Revista de Educación, 385, 9–30.
Gates, B. (2010). The road ahead revisited. Viking.
Lee, J. (2020a). Screens and students. Routledge.
Lee, J. (2020b). Screens and teachers. Routledge.
Mangen, A., Walgermo, B. R., & Brønnick, K. (2013). Reading linear texts on paper versus computer screen: Effects on reading comprehension. International Journal of Educational Research, 58, 61–68.
Müller, H., & Schmidt, K. (2017). Lesen am Bildschirm. Zeitschrift für Pädagogik, 63(1), 1–20.
Unused, A. (2000). A book nobody cites. Penguin.
Ward, A. (2017). Computational methods for reading time. Technical Report 11, Murray Hill, NJ: Bell Laboratories, Statistics Department.
`

const HARVARD = `Working Hours

Keynes (1931: 369) predicted a fifteen-hour week for his grandchildren. Leisure time has not grown as he expected (Schor, 1991: 29), although some firms now trial a four-day week (Autonomy, 2023).

References
Autonomy (2023) The results are in: the UK's four-day week pilot. Available at: https://autonomy.work/portfolio/uk4dwpilotresults/ (Accessed: 3 March 2024).
Keynes, J.M. (1931) Essays in persuasion. London: Macmillan.
Schor, J.B. (1991) The overworked American: the unexpected decline of leisure. New York: Basic Books.
`

const MLA = `Smith 1

The Monster's Voice

Anne K. Mellor argues that the creature learns language before it learns fear (45). Critics have long read the novel as a birth myth (Gilbert and Gubar 224). Gilbert and Gubar call the creature a reader. It reads Milton first (230). One anonymous reviewer called it a book "of no common power" ("Frankenstein Reviewed" 3).

Works Cited
Gilbert, Sandra M., and Susan Gubar. The Madwoman in the Attic. Yale UP, 1979.
Mellor, Anne K. Mary Shelley: Her Life, Her Fiction, Her Monsters. Routledge, 1988.
"Frankenstein Reviewed." The Edinburgh Magazine, vol. 2, 1818, pp. 249–53.
`

async function chicagoDocx(): Promise<Uint8Array> {
  const note = (text: string) => ({children: [new Paragraph(text)]})
  const document = new Document({
    footnotes: {
      1: note('Stephen Halliday, The Great Stink of London (Stroud: Sutton, 1999), 42.'),
      2: note('Ibid., 74.'),
      3: note('Halliday, Great Stink, 50; Dale H. Porter, The Thames Embankment (Akron: University of Akron Press, 1998), 12.'),
      4: note('The smell was worst in June.'),
      5: note('Porter, Thames Embankment, 30.')
    },
    sections: [
      {
        children: [
          new Paragraph({text: 'The Great Stink', heading: HeadingLevel.TITLE}),
          new Paragraph('A summer of 1858'),
          new Paragraph({children: [new TextRun('In the summer of 1858 the Thames smelled so badly that Parliament fled its rooms.'), new FootnoteReferenceRun(1), new TextRun(' The engineers had plans ready for years, and the heat gave them the money and the votes they had lacked.'), new FootnoteReferenceRun(2), new TextRun(' Work began within months.')]}),
          new Paragraph({children: [new TextRun('Bazalgette built the sewers and the embankments together.'), new FootnoteReferenceRun(3), new TextRun(' Nobody forgot the heat.'), new FootnoteReferenceRun(4), new TextRun(' The river was narrowed.'), new FootnoteReferenceRun(5)]}),
          new Paragraph('Bibliography'),
          new Paragraph('Halliday, Stephen. The Great Stink of London: Sir Joseph Bazalgette and the Cleansing of the Victorian Metropolis. Stroud: Sutton, 1999.'),
          new Paragraph('Porter, Dale H. The Thames Embankment: Environment, Technology, and Society in Victorian London. Akron: University of Akron Press, 1998.')
        ]
      }
    ]
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

interface Imported {
  stderr: string
  deck: string
}

const imported: Record<string, Imported> = {}

/** The CLI's messages, each from its file's name on (the path before it depends on the working folder). */
function messages(stderr: string): string[] {
  return stderr.split('\n').map((line) => line.replace(/^.*?(?=(?:apa|harvard|mla)\.txt:|chicago\.docx:)/, ''))
}

/** `file:line:col` of the first occurrence of `text` in the essay `essay` written as `file`. */
function at(file: string, essay: string, text: string): string {
  const offset = essay.indexOf(text)
  const before = essay.slice(0, offset).split('\n')
  return `${file}:${before.length}:${before[before.length - 1]!.length + 1}`
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'citedeck-citations-'))
  writeFileSync(join(dir, 'apa.txt'), APA)
  writeFileSync(join(dir, 'harvard.txt'), HARVARD)
  writeFileSync(join(dir, 'mla.txt'), MLA)
  writeFileSync(join(dir, 'chicago.docx'), await chicagoDocx())
  for (const file of ['apa.txt', 'harvard.txt', 'mla.txt', 'chicago.docx']) {
    const result = await run('import', join(dir, file), '-o', join(dir, file.replace('.', '-')), '-q')
    expect(result.code, result.stderr).toBe(0)
    imported[file] = {stderr: result.stderr, deck: readFileSync(join(dir, file.replace('.', '-'), 'deck.md'), 'utf8')}
  }
})

describe('in-text citations through citedeck import', () => {
  it('APA: year letters, et. al, y and und, a locator, as cited in', () => {
    const {deck} = imported['apa.txt']!
    expect(deck).toContain('[@lee2020a; @lee2020b]')
    expect(deck).toContain('Mangen et al. [-@mangen2013]')
    expect(deck).toContain('Delgado et. al [-@delgado2018]')
    expect(deck).toContain('[@garcia2019]')
    expect(deck).toContain('[@muller2017, p. 12]')
    // The secondary source is cited, the primary named in the prefix.
    expect(deck).toContain('[Baron, 2015, as cited in @clinton2019]')
  })

  it('Harvard: a page after a colon, narrative and parenthetical, and a group author', () => {
    const {deck} = imported['harvard.txt']!
    expect(deck).toContain('Keynes [-@keynes1931, p. 369]')
    expect(deck).toContain('[@schor1991, p. 29]')
    expect(deck).toContain('[@autonomy2023]')
  })

  it('MLA: a bare page cites the source named before it, a short title cites a work without an author', () => {
    const {deck} = imported['mla.txt']!
    expect(deck).toContain('[@mellor1988, p. 45]')
    expect(deck).toContain('[@gilbert1979, p. 224]')
    // `Gilbert and Gubar call … It reads Milton first (230).`: named a sentence before.
    expect(deck).toContain('[@gilbert1979, p. 230]')
    expect(deck).toContain('[@frankensteinreviewed1818, p. 3]')
    expect(deck).toMatch(/^csl: mla$/m)
  })

  it('Chicago: Word footnotes, Ibid. with a page, a note citing two sources, a note citing none', () => {
    const {deck, stderr} = imported['chicago.docx']!
    expect(deck).toContain('[@halliday1999, p. 42]')
    expect(deck).toContain('[@halliday1999, p. 74]')
    expect(deck).toContain('[@halliday1999, p. 50; @porter1998, p. 12]')
    expect(deck).toContain('[@porter1998, p. 30]')
    expect(stderr).toMatch(/chicago\.docx:\d+:\d+: info: Footnote 4 cites no entry of the bibliography and was left out: “The smell was worst in June\.” \[import-note-without-source\]/)
  })
})

describe('citation diagnostics through citedeck import, once each at line:col', () => {
  const once = (stderr: string, line: string) => {
    expect(messages(stderr).filter((printed) => printed === line)).toHaveLength(1)
  }

  it('a year that differs from the only entry by that name links it and says so', () => {
    const {stderr, deck} = imported['apa.txt']!
    once(stderr, `${at('apa.txt', APA, 'Gates (2011)')}: warning: Citation \`Gates, 2011\` has no entry of 2011: linked to the only entry by that name, \`Gates (2010)\`; did you mean 2010? [import-year-mismatch]`)
    expect(deck).toContain('Gates [-@gates2010]')
    // Linked, so the entry is cited: one root cause, one message.
    expect(stderr).not.toContain('Entry Gates (2010) is never cited')
  })

  it('a misspelt name, a source the list lacks, an entry never cited, an unsure field', () => {
    const {stderr} = imported['apa.txt']!
    once(stderr, `${at('apa.txt', APA, 'Mangan (2013)')}: warning: Citation \`Mangan, 2013\` matched \`Mangen et al. (2013)\` only approximately [import-fuzzy-citation]`)
    once(stderr, `${at('apa.txt', APA, 'Nobody (2001)')}: warning: Citation \`Nobody, 2001\` matches no entry of the reference list [import-unresolved-citation]`)
    once(stderr, `${at('apa.txt', APA, 'Unused, A.')}: info: Entry Unused (2000) is never cited in the essay [import-uncited-entry]`)
    once(stderr, `${at('apa.txt', APA, 'Ward, A.')}: warning: Reference entry read with doubt about its container: check it in references.json [import-unsure-reference]`)
    expect(messages(stderr).filter((line) => /^apa\.txt:\d+:\d+:/.test(line))).toHaveLength(5)
  })
})
