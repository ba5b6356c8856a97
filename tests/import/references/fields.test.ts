/**
 * Per-field hard cases of the reference-entry reader, one grammar rule each,
 * found by classifying the misses on the labelled real-world references
 * (entries invented here, never copied from that set).
 */
import {describe, expect, it} from 'vitest'
import {readEntry} from '../../../src/import/references/entry.js'

const item = (text: string) => readEntry(text).item

describe('the date after the names', () => {
  it('is read with no stop before the title (anthropology and archaeology)', () => {
    expect(item('Okafor, Lena 1984 River Names of the Upper Delta. Meridian Press, Leeds.')).toMatchObject({
      author: [{family: 'Okafor', given: 'Lena'}],
      issued: {'date-parts': [[1984]]},
      title: 'River Names of the Upper Delta'
    })
    expect(item('Marchetti, P.-L. 1902 "Une stèle inédite." Revue des fouilles 7: 211-219')).toMatchObject({issued: {'date-parts': [[1902]]}, title: 'Une stèle inédite'})
  })
})

describe('a periodical’s name', () => {
  it('runs to its numbers across commas', () => {
    expect(item('[4] T. Varga and B. Lund, “Sparse sonar maps,” Signals, Waves and Control, IEEE Transactions on, vol. 12, no. 3, pp. 40–51, 2004.')).toMatchObject({
      'container-title': 'Signals, Waves and Control, IEEE Transactions on',
      volume: '12',
      issue: '3'
    })
    expect(item('Holm, R. (1999). Curve fitting in the clinic. Imaging in Small Hospitals, Proc. SPIE, 2231, 14-29.')).toMatchObject({'container-title': 'Imaging in Small Hospitals, Proc. SPIE', volume: '2231', page: '14–29'})
  })

  it('keeps out a bare label, a roman volume and an issue’s theme', () => {
    const special = item('A. Noor, "Fault models," Computing, Special Issue on Reliable Chips, Vol. 9, No. 2, pp. 5-9, 1991.')
    expect(special['container-title']).toBe('Computing')
    const roman = item('Ives, Marta. "Waiting as Work." Journal of Applied Patience, XLII, 1960, pp. 3-9.')
    expect(roman['container-title']).toBe('Journal of Applied Patience')
  })
})
