import {describe, expect, it} from 'vitest'
import {attribute, findQuotations} from '../../src/import/quotes.js'

describe('findQuotations', () => {
  it('takes long quotations and whole statements, not short phrases', () => {
    const text = 'He “clamped down” hard. Kennedy’s doctrine was to “Respond flexibly to communist expansion, especially to guerrilla warfare” (p. 58).'
    expect(findQuotations(text).map((quote) => quote.text)).toEqual(['Respond flexibly to communist expansion, especially to guerrilla warfare'])
  })

  it('marks a quotation without its closing mark as cut off', () => {
    expect(findQuotations('He wrote: “I think we should recognize that')[0]).toMatchObject({closed: false})
  })
})

describe('attribute', () => {
  it('gives direct speech to the person introducing it', () => {
    expect(attribute('In February, 1961 President Kennedy wrote a letter to Khrushchev stating:', [])).toMatchObject({speaker: 'President Kennedy'})
    expect(attribute('As Lincoln said,', [])).toMatchObject({speaker: 'Lincoln'})
  })

  it('leaves words woven into the sentence to the cited source', () => {
    expect(attribute('Kennedy made it clear that the', ['Hermes']).speaker).toBeUndefined()
    expect(attribute('According to Roskin (2010), Kennedy’s doctrine was to', ['Roskin', 'Berry']).speaker).toBeUndefined()
  })

  it('takes the speaker from the clause leading to the quotation, not a name earlier in the sentence', () => {
    expect(attribute('When the creature finally meets Victor again on the glacier, he makes his case directly:', ['Shelley']).speaker).toBeUndefined()
    expect(attribute('Victor admits that he is moved:', ['Shelley']).speaker).toBe('Victor')
  })

  it('never takes a cited author for a speaker', () => {
    expect(attribute('Pettegree wrote:', ['Pettegree']).speaker).toBeUndefined()
  })
})
