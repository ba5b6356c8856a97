import {describe, expect, it} from 'vitest'
import {isEssayPath} from '../../src/import/detect.js'
import {splitBlocks} from '../../src/import/structure.js'

const PROSE = 'Cities are hotter than the countryside around them, and the difference grows on calm summer nights when concrete releases the heat it stored during the day (Oke, 1982).'

function header(top: string) {
  const text = `${top}\n\n${PROSE}\n`
  return splitBlocks(text, text.length)
}

describe('title page', () => {
  it('reads an MLA heading: name, teacher, course, date, then the title', () => {
    const {header: found, blocks} = header('Aaliyah Carter\nMs. Dominguez\nEnglish 11 Honors\n12 February 2024\n\nWho Is the Real Monster?')
    expect(found).toEqual({title: 'Who Is the Real Monster?', author: 'Aaliyah Carter', date: '12 February 2024', details: ['Ms. Dominguez', 'English 11 Honors']})
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph'])
  })

  it('reads an APA title page with a repeated title after the page break', () => {
    const {header: found} = header('Heat in the City\n\nJordan Lee\nDepartment of Geography, Lakeview University\nGEOG 1010: Cities\nDr. R. Alvarez\nApril 18, 2024\n\nHeat in the City')
    expect(found).toEqual({title: 'Heat in the City', author: 'Jordan Lee', date: 'April 18, 2024', details: ['Department of Geography, Lakeview University', 'GEOG 1010: Cities', 'Dr. R. Alvarez']})
  })

  it('reads labelled lines by their key, and gives a section heading back to the essay', () => {
    const {header: found, blocks} = header('Should Cities Plant More Trees?\n\nStudent number: 2219384\nModule: GEO101 Urban Geography\nTutor: Dr Fiona McAllister\nDate submitted: 3 May 2023\n\n1. Introduction')
    expect(found).toEqual({title: 'Should Cities Plant More Trees?', date: '3 May 2023', details: ['Student number: 2219384', 'Module: GEO101 Urban Geography', 'Tutor: Dr Fiona McAllister']})
    expect(blocks.map((block) => [block.kind, block.text.slice(0, 15)])).toEqual([['heading', '1. Introduction'], ['paragraph', 'Cities are hott']])
  })

  it('takes a Markdown `#` title and Spanish dates', () => {
    const {header: found} = header('# ¿Nos hace más listos hablar dos idiomas?\n\nCarmen Ruiz Delgado\nProf.ª Dra. Elena Martín Sanz\n15 de mayo de 2024')
    expect(found).toEqual({title: '¿Nos hace más listos hablar dos idiomas?', author: 'Carmen Ruiz Delgado', date: '15 de mayo de 2024', details: ['Prof.ª Dra. Elena Martín Sanz']})
  })
})

describe('isEssayPath', () => {
  it('takes a Markdown essay with section headings for an essay, and a bullet outline for an outline', () => {
    const paragraph = `${PROSE} ${PROSE}`
    const essay = `# Heat\n\n## Introduction\n\n${paragraph}\n\n${paragraph}\n\n## Trees\n\n${paragraph}\n\n## References\n\nOke, T. R. (1982). The energetic basis of the urban heat island. Quarterly Journal of the Royal Meteorological Society, 108(455), 1–24.\n`
    expect(isEssayPath('essay.md', essay)).toBe(true)
    const outline = `# Heat\n\n## Introduction\n\n- Cities are hotter\n- Concrete stores heat\n\n## Trees\n\n- Shade cools\n\n## References\n\nOke, T. R. (1982). The energetic basis. Journal, 108, 1–24.\n`
    expect(isEssayPath('deck.md', outline)).toBe(false)
  })
})
