import {describe, expect, it} from 'vitest'
import {normalizeLocator} from '../../src/import/locator.js'

describe('normalizeLocator', () => {
  it.each([
    ['p.154-155', 'pp. 154–155'],
    ['p. 58', 'p. 58'],
    ['pp 41 - 44', 'pp. 41–44'],
    ['pg 3', 'p. 3'],
    ['para 4', 'para. 4'],
    ['ch. 2', 'chap. 2'],
    ['p. xii', 'p. xii']
  ])('%s → %s', (input, output) => {
    expect(normalizeLocator(input)).toBe(output)
  })

  it('does not take a name for a label (`Larson et al.` is not `l.` + `arson`)', () => {
    expect(normalizeLocator('Larson et al., 2016')).toBeUndefined()
    expect(normalizeLocator('Pettegree, 2010')).toBeUndefined()
    expect(normalizeLocator('Chen, 2019')).toBeUndefined()
  })
})
