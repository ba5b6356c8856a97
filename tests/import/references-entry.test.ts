import {describe, expect, it} from 'vitest'
import {readEntry as parseEntry} from '../../src/import/references/entry.js'

describe('readEntry (APA)', () => {
  it('reads a journal article field by field', () => {
    const {item, year, parsed} = parseEntry('Dubé, E., Laberge, C., & Guay, M. (2013). Vaccine hesitancy: An overview. Human Vaccines & Immunotherapeutics, 9(8), 1763-1773. https://doi.org/10.4161/hv.24657')
    expect(parsed).toBe(true)
    expect(year).toBe('2013')
    expect(item).toMatchObject({
      type: 'article-journal',
      author: [{family: 'Dubé', given: 'E.'}, {family: 'Laberge', given: 'C.'}, {family: 'Guay', given: 'M.'}],
      issued: {'date-parts': [[2013]]},
      title: 'Vaccine hesitancy: An overview',
      'container-title': 'Human Vaccines & Immunotherapeutics',
      volume: '9',
      issue: '8',
      page: '1763–1773',
      DOI: '10.4161/hv.24657'
    })
  })

  it('reads a book with edition, place and publisher', () => {
    const {item} = parseEntry('Roskin, M., Berry, N. (2010). IR: The New World of International Relations (8th ed.). Upper Saddle River, New Jersey: Prentice Hall')
    expect(item).toMatchObject({type: 'book', title: 'IR: The New World of International Relations', edition: '8', 'publisher-place': 'Upper Saddle River, New Jersey', publisher: 'Prentice Hall'})
  })

  it('reads a chapter in an edited book', () => {
    const {item} = parseEntry('Brandt, L. (2019). Mapping heat risk. In R. Amato & P. Singh (Eds.), Climate and the city (pp. 112-130). New York, NY: Northfield.')
    expect(item).toMatchObject({type: 'chapter', 'container-title': 'Climate and the city', page: '112–130', publisher: 'Northfield', 'publisher-place': 'New York, NY'})
    expect(item.editor).toEqual([{family: 'Amato', given: 'R.'}, {family: 'Singh', given: 'P.'}])
  })

  it('reads group authors, n.d., 2010a and title-first web pages', () => {
    expect(parseEntry('Centers for Disease Control and Prevention. (n.d.). Talking with parents. Retrieved from https://cdc.example/x')).toMatchObject({
      year: 'n.d.',
      item: {type: 'webpage', author: [{literal: 'Centers for Disease Control and Prevention'}], title: 'Talking with parents', URL: 'https://cdc.example/x'}
    })
    expect(parseEntry('Okafor, C. (2010a). Heat, health and the city. London: Greenleaf.').year).toBe('2010a')
    expect(parseEntry('Cuban Missile Crisis. (n.d.) JFK Library. Retrieved from http://jfk.example/c').item).toMatchObject({title: 'Cuban Missile Crisis', 'container-title': 'JFK Library', type: 'webpage'})
  })

  it('keeps an entry without a date as written, unparsed', () => {
    expect(parseEntry('Some website about missiles')).toEqual({item: {id: '', type: 'document', title: 'Some website about missiles'}, year: '', parsed: false, unsure: [], sameAuthors: false, inverted: []})
  })
})
