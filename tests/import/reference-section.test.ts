import {describe, expect, it} from 'vitest'
import {findReferenceSection, splitEntries} from '../../src/import/reference-section.js'

const texts = (text: string) => findReferenceSection(text)!.entries.map((entry) => entry.text)

describe('findReferenceSection', () => {
  it('finds a heading in any case and common names, with or without Markdown', () => {
    for (const heading of ['References', 'REFERENCES', 'Works Cited', '## Bibliography', '**Sources**']) {
      const section = findReferenceSection(`Body text.\n${heading}\nSmith, J. (2001). A title. Publisher.\n`)
      expect(section?.start, heading).toBe(11)
      expect(section?.entries.map((entry) => entry.text)).toEqual(['Smith, J. (2001). A title. Publisher.'])
    }
  })

  it('finds an inline `References:` line and splits a run-on list at each new author', () => {
    const line = 'References: Blight, J., Brenner, P. (2002). Lessons. Retrieved from http://a.example/x Correll, J. (2005). Airpower. Air Force Magazine, 88(8), 82. Cuban Missile Crisis. (n.d.) JFK Library. Retrieved from http://b.example/y Roskin, M., Berry, N. (2010). IR (8th ed.). Upper Saddle River, New Jersey: Prentice Hall U.S. Department of State, Office of the Historian. (1996). Exchanges. Washington, DC: USGPO'
    expect(texts(`Body.\n${line}`)).toEqual([
      'Blight, J., Brenner, P. (2002). Lessons. Retrieved from http://a.example/x',
      'Correll, J. (2005). Airpower. Air Force Magazine, 88(8), 82.',
      'Cuban Missile Crisis. (n.d.) JFK Library. Retrieved from http://b.example/y',
      'Roskin, M., Berry, N. (2010). IR (8th ed.). Upper Saddle River, New Jersey: Prentice Hall',
      'U.S. Department of State, Office of the Historian. (1996). Exchanges. Washington, DC: USGPO'
    ])
  })

  it('keeps one entry per line, per paragraph, and joins wrapped lines', () => {
    expect(texts('x\nReferences\nA, B. (2001). One.\nC, D. (2002). Two.\n')).toEqual(['A, B. (2001). One.', 'C, D. (2002). Two.'])
    expect(texts('x\nReferences\n\nA, B. (2001). One.\n\nC, D. (2002). Two.\n')).toEqual(['A, B. (2001). One.', 'C, D. (2002). Two.'])
    expect(texts('x\nReferences\nA, B. (2001). A long title that\nwraps onto the next line.\n')).toEqual(['A, B. (2001). A long title that wraps onto the next line.'])
  })

  it('returns offsets into the text', () => {
    const text = 'Body.\nReferences\nSmith, J. (2001). T.'
    const [entry] = splitEntries({text: text.slice(17), start: 17})
    expect(text.slice(entry!.start, entry!.start + 6)).toBe('Smith,')
  })

  it('finds nothing in an essay without a list', () => {
    expect(findReferenceSection('Just an essay about sources of energy.\nAnother line.')).toBeUndefined()
  })
})
