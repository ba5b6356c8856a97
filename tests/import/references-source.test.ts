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

describe('editions', () => {
  it('reads an edition by number, in words, or as written, and never an editor label or a word ending in -ed', () => {
    expect(item('Lind, P. (2004). Tidal theory (4. Aufl.). Bremen: Nordsee Verlag.').edition).toBe('4')
    expect(item('Mora, C. (1999). Le sel de la terre (2 éd.). Lyon: Presses du Rhône.').edition).toBe('2')
    expect(item('Hale, R. Glass Houses. Corvid Press, Leeds, third edition, 2001.')).toMatchObject({edition: '3', publisher: 'Corvid Press', 'publisher-place': 'Leeds'})
    expect(item('Quill, Dana. River Towns. 1st Canadian ed. Toronto: Maple Leaf Press, 1972.')).toMatchObject({edition: '1st Canadian ed', 'publisher-place': 'Toronto'})
    expect(item('Quill, Dana. River Towns. Rev. ed. Toronto: Maple Leaf Press, 1980.')).toMatchObject({edition: 'Rev. ed', publisher: 'Maple Leaf Press'})
    expect(item('Vale, Tom. Salt Roads. Revised and expanded. Oslo: Fjord, 2010.')).toMatchObject({edition: 'Revised and expanded', 'publisher-place': 'Oslo'})
    expect(item('Orr, Ann. Salt and Iron. Ed. Mark Tull. Leeds: Corvid Press, 2003.').edition).toBeUndefined()
    expect(item('Pike, J. 2011. "Tin roofs". Wired, 7 March.').edition).toBeUndefined()
  })
})

describe('publishers', () => {
  it('keeps a unit with its institution, and a thesis kind as the genre', () => {
    expect(item('K. Amari. Sparse sampling. Technical Report TR-17, Department of Physics, Harwell University, 1999.')).toMatchObject({publisher: 'Department of Physics, Harwell University'})
    expect(item('Osei, B. (2002). Reading rivers. Ph.D. thesis, School of Geography, Kestrel University.')).toMatchObject({type: 'thesis', publisher: 'School of Geography, Kestrel University'})
    expect(item('Osei, B. (2002). Reading rivers. Ph.D. thesis, School of Geography, Kestrel University.')['collection-title']).toBeUndefined()
  })
})

describe('series', () => {
  it('reads a series with its number, a volume of a series, and keeps a journal named Studies in … a journal', () => {
    expect(item('Ferro, L. Tidal Algebra. Notes in Applied Harmonics 41. Brightwater, Leeds, 1997.')).toMatchObject({'collection-title': 'Notes in Applied Harmonics', 'collection-number': '41', publisher: 'Brightwater'})
    expect(item('P. Hale. Grids in motion. In Advances in Grids, volume 88 of Lecture Notes in Sailing, pages 10–20. Corvid, 2004.')).toMatchObject({volume: '88', 'collection-title': 'Lecture Notes in Sailing', page: '10–20'})
    expect(item('Ward, R. Old Salt. ser. Coastal Studies Series. Oslo: Fjord, 2001.')).toMatchObject({'collection-title': 'Coastal Studies Series', publisher: 'Fjord'})
    expect(item('Lund, Eva. "Glass and Grief." Studies in Northern Poetry, vol. 7, no. 1, 2015, pp. 3-19.')).toMatchObject({'container-title': 'Studies in Northern Poetry', volume: '7', issue: '1'})
  })
})

describe('theses and reports', () => {
  it('names the institution as publisher, not container, even with a month', () => {
    expect(item("J. Ames, ``Sparse tides,'' Ph.D. thesis, Kestrel University, March 1991.")).toMatchObject({type: 'thesis', title: 'Sparse tides', publisher: 'Kestrel University'})
    expect(item('R. Oduya. Salt flows. Technical Report KU-TR 17, Harbour Computing Centre, Leeds, May 2001.')).toMatchObject({number: 'KU-TR 17', publisher: 'Harbour Computing Centre', 'publisher-place': 'Leeds'})
  })
})

describe('editors', () => {
  it('reads editors before a book in every form, and names marked as editors after a title', () => {
    const editors = (text: string) => item(text).editor?.map((name) => name.family)
    expect(editors('K. Lin. Sparse grids. In A. B. Moss and C. Dunne, editors, Grids at Sea, pages 1–9. Corvid, 2003.')).toEqual(['Moss', 'Dunne'])
    expect(item('K. Lin. Sparse grids. In A. B. Moss and C. Dunne, editors, Grids at Sea, pages 1–9. Corvid, 2003.')['container-title']).toBe('Grids at Sea')
    expect(editors('Roth, E., Salt roads, in: P. Hale and J. Ng (eds.), Tidal Essays, Corvid, Leeds, 1999.')).toEqual(['Hale', 'Ng'])
    expect(editors('Ober, K. 2012. Neue Wege. In: Lena Graf, Tom Weil (Hgg.): Räume. Kiel: Nordsee.')).toEqual(['Graf', 'Weil'])
    expect(editors('Marin, L. (2001). Le sel. In P. Roux (dir.), Les côtes (pp. 3–9). Paris: Seuil.')).toEqual(['Roux'])
    expect(editors('Verne, Jules, Le phare, Anne Morel (ed.), 2 vols. (Paris: Hetzel, 1905).')).toEqual(['Morel'])
  })
})

describe('pages', () => {
  it('reads pages after a publisher, without a comma, in a book’s brackets, and a book’s length apart from its pages', () => {
    expect(item('Lowe, Ann. "Salt." Harbour Companion. Leeds: Corvid, 1971. 210-19.')).toMatchObject({page: '210–19', publisher: 'Corvid', 'publisher-place': 'Leeds'})
    expect(item('Moss, T. 2016. “Grids and tides.” Coastal Review pp. 4–9.')).toMatchObject({'container-title': 'Coastal Review', page: '4–9'})
    expect(item('Roe, P. 1990. Salt songs. In K. Ames (ed.), Harbour voices (101–120). Leeds: Corvid.')).toMatchObject({'container-title': 'Harbour voices', page: '101–120'})
    expect(item('Ruiz, Ana. Mareas. Madrid: Sal, 2004, 312 pp.')).toMatchObject({'number-of-pages': '312', publisher: 'Sal'})
  })
})

describe('dates in the source', () => {
  it('reads a meeting’s day range, a bimonthly issue and a numeric date', () => {
    expect(item('T. Okoro, “Salt grids,” Proc. Coastal Computing Workshop, Lisbon, Portugal, June 3-6, 1999.').issued).toEqual({'date-parts': [[1999, 6, 3]]})
    expect(item('Hale, R. “Tin roofs.” Harbour Monthly, July-August 2004, pp. 5-9.').issued).toEqual({'date-parts': [[2004, 7]]})
    expect(item('MOREL, Anne, « Le sel », Revue des côtes, 12/03/2015, p. 4.').issued).toEqual({'date-parts': [[2015, 3, 12]]})
  })
})
