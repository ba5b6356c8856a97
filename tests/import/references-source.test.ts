/**
 * The hard cases of the source grammar (what follows an entry's title):
 * places and publishers, containers, series, volumes, editions, editors and
 * translators. The examples are written for these tests.
 */
import {describe, expect, it} from 'vitest'
import {readEntry} from '../../src/import/references/entry.js'
import {isKnownPlace} from '../../src/import/references/places.js'

const item = (text: string) => readEntry(text).item

describe('places', () => {
  it('knows a place with its region, a town before a known region, and not a publisher', () => {
    for (const place of ['Lisbon', 'Ann Arbor, MI', 'Kingston, Ont.', 'Bath and Leeds', 'Leiden; Boston', 'Genève/Paris, Switzerland', 'Hay-on-Wye, UK', 'Washington, D. C.']) expect(isKnownPlace(place), place).toBe(true)
    for (const name of ['Penguin', 'Harper Collins', 'Wiley, Chichester Press', 'Springer, Berlin']) expect(isKnownPlace(name), name).toBe(false)
  })

  it('reads a known place wherever it stands, and the place before a publisher in any form', () => {
    expect(item('Okafor, N. (1998). Rivers of clay. Heinemann, Oxford.')).toMatchObject({publisher: 'Heinemann', 'publisher-place': 'Oxford'})
    expect(item('Brandt, L. (2003). Proceedings of the Third Workshop on Tides. Lisbon, Portugal. Coastal Press.')).toMatchObject({'publisher-place': 'Lisbon, Portugal'})
    expect(item('Marsh, T. (2011). Small harbours. Hay-on-Wye, UK: Riverbank Books.')).toMatchObject({publisher: 'Riverbank Books', 'publisher-place': 'Hay-on-Wye, UK'})
    expect(item('Ibsen, K. (2019). Northern light. Leiden; Boston: Brill.')).toMatchObject({publisher: 'Brill', 'publisher-place': 'Leiden; Boston'})
    expect(item('Ruth Olsen, “Harbour Songs,” in Collected Essays (Dublin: Lilliput Press, 1991), 12–30.')).toMatchObject({publisher: 'Lilliput Press', 'publisher-place': 'Dublin'})
  })
})
