/**
 * The hard cases of the reference grammar, one style habit each: names,
 * dates, titles, containers and the parts of a source.
 */
import {describe, expect, it} from 'vitest'
import {readDate} from '../../src/import/references/dates.js'
import {buildReferences} from '../../src/import/references.js'
import {readEntry} from '../../src/import/references/entry.js'
import {readNames} from '../../src/import/references/names.js'
import {splitEntries} from '../../src/import/references/split.js'

const item = (text: string) => readEntry(text).item

describe('names', () => {
  it('reads particles, two-word and hyphenated surnames, suffixes and initials', () => {
    expect(readNames('Saint-Exupéry, A. de. (1943).')?.names).toEqual([{family: 'Saint-Exupéry', given: 'A.', 'dropping-particle': 'de'}])
    expect(readNames('de Bruin, A., Treccani, B. y Della Sala, S. (2015).')?.names).toEqual([
      {'non-dropping-particle': 'de', family: 'Bruin', given: 'A.'},
      {family: 'Treccani', given: 'B.'},
      {family: 'Della Sala', given: 'S.'}
    ])
    expect(readNames('Ní Bhriain, S., & St. John, M. (2021).')?.names.map((name) => name.family)).toEqual(['Ní Bhriain', 'St. John'])
    expect(readNames('Odoux, J.-F., & Moreno Fernández, F. (2009).')?.names).toEqual([{family: 'Odoux', given: 'J.-F.'}, {family: 'Moreno Fernández', given: 'F.'}])
    // A written-out given name closed by `et al.` (Harvard with full names): found by the round-trip property.
    expect(readNames('Oyelaran, Jean-François et al. (1966) “Language and history,”')).toMatchObject({names: [{family: 'Oyelaran', given: 'Jean-François'}], etAl: true})
    expect(readNames('King, M. L., Jr. (1963).')?.names).toEqual([{family: 'King', given: 'M. L.', suffix: 'Jr.'}])
  })

  it('reads inverted-then-direct (MLA, Chicago), direct (IEEE) and Vancouver lists', () => {
    expect(readNames('Gilbert, Sandra M., and Susan Gubar. The Madwoman')?.names).toEqual([{family: 'Gilbert', given: 'Sandra M.'}, {family: 'Gubar', given: 'Susan'}])
    expect(readNames('S. E. Han, G. Chen, and Ursula K. Le Guin, “Title,”')?.names.map((name) => name.family)).toEqual(['Han', 'Chen', 'Le Guin'])
    expect(readNames('Pérez-Higueras JJ, Arias A, Peters OA. Title')?.names).toEqual([
      {family: 'Pérez-Higueras', given: 'JJ'},
      {family: 'Arias', given: 'A'},
      {family: 'Peters', given: 'OA'}
    ])
  })

  it('reads the others of an inverted first name either way, and a lone written-out name where notes and German lists put one', () => {
    const families = (text: string) => readNames(text)?.names.map((name) => name.family)
    expect(families('Berg, H. van der, Kwame Baptiste, J. de Bruin, and Ahmed Müller-Schmidt. “Climate”')).toEqual(['Berg', 'Baptiste', 'Bruin', 'Müller-Schmidt'])
    expect(families('Henry James, “Nathaniel Hawthorne,” in Literary Criticism')).toEqual(['James'])
    expect(families('Wolfgang Jantzen: Behinderung. In: H. Eyferth')).toEqual(['Jantzen'])
    expect(families('Boas, Franz 1935. Kwakiutl Culture')).toEqual(['Boas'])
    expect(families('Scott, W. B. and E. J. Crossman 1973 Freshwater Fishes')).toEqual(['Scott', 'Crossman'])
    expect(families('Bouchalová V, Houben E, Feys P (2016). The influence')).toEqual(['Bouchalová', 'Houben', 'Feys'])
    expect(readNames('World Health Organization, “Soil of history,” The Guardian')).toBeUndefined()
  })

  it('reads Irish Ó, an initial then a written-out given name, and suffixes after a direct name', () => {
    expect(readNames('Ó Súilleabháin, E., & van der Berg, T. (1976).')?.names.map((name) => name.family)).toEqual(['Ó Súilleabháin', 'Berg'])
    expect(readNames('Okafor-Reyes, J. Paul. “Energy in Children!”')?.names).toEqual([{family: 'Okafor-Reyes', given: 'J. Paul'}])
    expect(readNames('Abernathy, J. L., and Kwame Zhang III. “Cities”')?.names[1]).toEqual({family: 'Zhang', given: 'Kwame', suffix: 'III'})
  })

  it('reads given-first names: an initial then a given name, Iberian double surnames, three names against two', () => {
    const families = (text: string) => readNames(text)?.names.map((name) => [name['non-dropping-particle'], name.family].filter(Boolean).join(' '))
    expect(readNames('Kim, T., J. Paul Le Guin, and J. Ní Bhriain. “Who”')?.names[1]).toEqual({family: 'Le Guin', given: 'J. Paul'})
    expect(families('Okafor-Reyes, Ngozi, and H. Rider Haggard. Markets.')).toEqual(['Okafor-Reyes', 'Haggard'])
    // Spanish and Portuguese names have two surnames; a known given name (`Lucía`, `Luis`) stays given, English middle names too.
    expect(readNames('Smith, Emily, and Ahmed García Márquez. Climate.')?.names[1]).toEqual({family: 'García Márquez', given: 'Ahmed'})
    expect(families('Halliday, Maria, and José Luis Fernández de Córdoba Jr. “Networks.”')).toEqual(['Halliday', 'Fernández de Córdoba'])
    expect(families('Dupont, Kwame, and Ana Lucía Ibáñez. Soil.')).toEqual(['Dupont', 'Ibáñez'])
    expect(families('Stowe, Charles, and Harriet Beecher Stowe. Letters.')).toEqual(['Stowe', 'Stowe'])
    // `D’Angelo, J., Ana Lucía von Humboldt, A.-M. Abernathy`: three names, not an inverted `Ana Lucía von Humboldt, A.-M. Abernathy`.
    expect(families('D’Angelo, J., Ana Lucía von Humboldt, A.-M. Abernathy, et al. “La salud.”')).toEqual(['D’Angelo', 'von Humboldt', 'Abernathy'])
    // …but a first name written family-first stays one: `García Márquez, J. Paul, and Kwame Le Guin`.
    expect(families('García Márquez, J. Paul, and Kwame Le Guin. “La memoria.”')).toEqual(['García Márquez', 'Le Guin'])
  })

  it('keeps a suffix out of the given names, a name before et al. out of the title, a group abbreviation out of the name', () => {
    expect(item('Halliday, A. “Who.” In Markets, edited by Emily Nguyen and Ngozi Müller-Schmidt Jr. Springer, 1975.').editor?.[1]).toMatchObject({family: 'Müller-Schmidt', given: 'Ngozi'})
    expect(item('van der Berg, Ana Lucía, Harriet Beecher Al-Farsi, et al., editors. Reading without Health. Penguin Books, 1950.').title).toBe('Reading without Health')
    expect(item('Organisation for Economic Co-operation and Development (OECD) (1980) ‘Water of learning’, Public Health Reports, 89, pp. 386–422.')).toMatchObject({author: [{literal: 'Organisation for Economic Co-operation and Development'}], title: 'Water of learning', volume: '89'})
    expect(item('Organisation for Economic Co-operation and Development (OECD), “Qui décide l’eau?” Journal of Applied Ecology, vol. 9, 1969.').author).toEqual([{literal: 'Organisation for Economic Co-operation and Development'}])
    expect(item('Berg, M. K. van der. “Children without Energy.” Gallimard, n.d.').publisher).toBe('Gallimard')
  })

  it('takes a two-word surname written given-first whole when the list writes it family-first elsewhere', () => {
    const list = ['García Márquez, Emily. Health. Gallimard, 1970.', 'Lindqvist, J. Paul, and Maria García Márquez. Reading. MIT Press, 1951.', 'J. Paul Lindqvist. Water and Soil in Towns. Routledge, 1960.']
    const authors = buildReferences(list.map((text, i) => ({text, start: i * 100}))).map((reference) => reference.item.author?.map((name) => name.family))
    expect(authors[1]).toEqual(['Lindqvist', 'García Márquez'])
  })

  it('gives back a title read after a bare comma (lists join their last name with and/&)', () => {
    const families = (text: string) => readNames(text)?.names.map((name) => name.family)
    expect(families('Levin, David, Unsettling Opera: Staging Mozart')).toEqual(['Levin'])
    expect(families('Card, S. K., Robertson, G. G., The Information Visualizer, an Information')).toEqual(['Card', 'Robertson'])
    expect(families('G. Gauthier, Andrei Tarkovski, Edilig, Paris, 1988')).toEqual(['Gauthier'])
    expect(families('Abernathy, S., Jean-François St. John, and Chiara García Márquez. “Water”')).toEqual(['Abernathy', 'St. John', 'García Márquez'])
  })

  it('marks editors and translators, and never takes a title for a name', () => {
    expect(readNames('Guston, David H., et al., editors. Frankenstein')).toMatchObject({role: 'editor', etAl: true})
    expect(readNames('Arendt, H. (Ed.). (1968).')).toMatchObject({role: 'editor'})
    expect(readNames('Silent Spring. Boston: Houghton')).toBeUndefined()
    expect(readNames('The Madwoman in the Attic: The Woman Writer')).toBeUndefined()
  })
})

describe('names read in the form that reaches furthest', () => {
  it('tells direct, Vancouver and inverted lists apart and stops after the name after and', () => {
    const families = (text: string) => readNames(text)?.names.map((name) => name.family)
    expect(families('Albert R. Meyer and Mitchell Wand. Continuation semantics.')).toEqual(['Meyer', 'Wand'])
    expect(families('Saad ED, Buyse M. Overall survival.')).toEqual(['Saad', 'Buyse'])
    expect(families('K. Chandy and J. Misra, Parallel Program Design: A Foundation, Addison-Wesley, 1988.')).toEqual(['Chandy', 'Misra'])
    expect(families('Larry D. Wittie, Gudjun Hermannsson, and Ai Li. Eager sharing.')).toEqual(['Wittie', 'Hermannsson', 'Li'])
    expect(families('Kowalski, J.-F., Priya Halliday, Hiroshi Abernathy, and K. Kowalski Jr. “Title.”')).toEqual(['Kowalski', 'Halliday', 'Abernathy', 'Kowalski'])
    expect(families('Vander Linden, K.; Cumming, S.; and Martin, J. 1992. Title.')).toEqual(['Vander Linden', 'Cumming', 'Martin'])
  })
})

describe('dates', () => {
  it('reads the forms lists use', () => {
    expect(readDate('2019a')).toMatchObject({year: '2019a', suffix: 'a', issued: {'date-parts': [[2019]]}})
    expect(readDate('2021, March 4')).toMatchObject({issued: {'date-parts': [[2021, 3, 4]]}})
    expect(readDate('2 de mayo de 2024')).toMatchObject({issued: {'date-parts': [[2024, 5, 2]]}})
    expect(readDate('1967/1970')).toMatchObject({year: '1970', original: {'date-parts': [[1967]]}})
    expect(readDate('s.f.')).toEqual({year: 'n.d.'})
    expect(readDate('o.J.')).toEqual({year: 'n.d.'})
    expect(readDate('Article 5')).toBeUndefined()
  })
})

describe('entries', () => {
  it('keeps a subtitle after ? or !, and ends a title at a ? before the journal', () => {
    expect(item('Bellos, D. (2011). Is that a fish in your ear? Translation and the meaning of everything. Faber and Faber.')).toMatchObject({title: 'Is that a fish in your ear? Translation and the meaning of everything', publisher: 'Faber and Faber', type: 'book'})
    expect(item('de Bruin, A. (2015). Cognitive advantage in bilingualism: An example of publication bias? Psychological Science, 26(1), 99–107.')).toMatchObject({title: 'Cognitive advantage in bilingualism: An example of publication bias?', 'container-title': 'Psychological Science', volume: '26', issue: '1', page: '99–107'})
  })

  it('reads a 4-digit issue, an article number and a newspaper page', () => {
    expect(item('Goulson, D. (2015). Bee declines. Science, 347(6229), Article 1255957. https://doi.org/10.1126/science.1255957')).toMatchObject({volume: '347', issue: '6229', number: '1255957', DOI: '10.1126/science.1255957', type: 'article-journal'})
    expect(item('Patel, R. (2021, March 4). Growers brace. The Heartland Courier, A1, A6.')).toMatchObject({type: 'article-newspaper', page: 'A1, A6', issued: {'date-parts': [[2021, 3, 4]]}})
  })

  it('reads chapters in APA, Harvard, Chicago and IEEE', () => {
    expect(item('Koskinen, K. (2010). Retranslation. In Y. Gambier & L. van Doorslaer (Eds.), Handbook of translation studies (Vol. 1, pp. 294–298). John Benjamins.')).toMatchObject({type: 'chapter', 'container-title': 'Handbook of translation studies', volume: '1', page: '294–298', publisher: 'John Benjamins'})
    expect(item("Keynes, J.M. (1931) 'Economic possibilities for our grandchildren', in Essays in persuasion. London: Macmillan, pp. 358–373.")).toMatchObject({type: 'chapter', title: 'Economic possibilities for our grandchildren', 'container-title': 'Essays in persuasion', 'publisher-place': 'London', page: '358–373'})
    expect(item('Smith, John. “Water.” In Cities of Borders, edited by Hiroshi Dupont, 10–20. London: Verso, 2001.')).toMatchObject({type: 'chapter', 'container-title': 'Cities of Borders', editor: [{family: 'Dupont', given: 'Hiroshi'}], page: '10–20', issued: {'date-parts': [[2001]]}})
  })

  it('reads MLA and Chicago journals and books with the date in the source', () => {
    expect(item('Brooks, Peter. "Godlike Science." New Literary History, vol. 9, no. 3, 1978, pp. 591-605.')).toMatchObject({type: 'article-journal', volume: '9', issue: '3', page: '591–605', issued: {'date-parts': [[1978]]}})
    expect(item('Halliday, Stephen. “Death and Miasma.” BMJ 323, no. 7327 (2001): 1469–71. https://doi.org/10.1136/bmj.323.7327.1469.')).toMatchObject({'container-title': 'BMJ', volume: '323', issue: '7327', page: '1469–71', issued: {'date-parts': [[2001]]}})
    expect(item('Shelley, Mary. Frankenstein; or, The Modern Prometheus. 1818. Edited by J. Paul Hunter, 2nd ed., W. W. Norton, 2012.')).toMatchObject({type: 'book', edition: '2', publisher: 'W. W. Norton', issued: {'date-parts': [[2012]]}, 'original-date': {'date-parts': [[1818]]}})
  })

  it('reads Harvard links with their access date, and group authors with abbreviations', () => {
    expect(item('Autonomy (2023) The results are in. London: Autonomy. Available at: https://autonomy.work/x/ (Accessed: 28 April 2023).')).toMatchObject({author: [{literal: 'Autonomy'}], URL: 'https://autonomy.work/x/', accessed: {'date-parts': [[2023, 4, 28]]}, type: 'report'})
    expect(item('National Agricultural Statistics Service [NASS]. (2021). Honey bee colonies. U.S. Department of Agriculture.')).toMatchObject({author: [{literal: 'National Agricultural Statistics Service'}], type: 'report'})
  })

  it('gives a ——— entry the previous names, keeps a URL-only entry, and an unreadable one as written', () => {
    expect(readEntry('———. The Great Stink of London. Stroud: Sutton, 1999.').sameAuthors).toBe(true)
    expect(readEntry('https://www.example.org/census-2021')).toMatchObject({parsed: true, item: {type: 'webpage', URL: 'https://www.example.org/census-2021'}})
    expect(readEntry('notes from class')).toMatchObject({parsed: false, item: {title: 'notes from class'}})
  })
})

describe('sources told by their shape and position', () => {
  it('reads proceedings, comma-cut titles, places, report numbers and untitled articles', () => {
    expect(item('U. Dayal and M. Hsu. Third generation TP monitors. In ACM SIGMOD Conference on Management of Data, pages 393-397, Washington, D. C., May 1993.')).toMatchObject({
      'container-title': 'ACM SIGMOD Conference on Management of Data',
      page: '393–397',
      'publisher-place': 'Washington, D. C',
      issued: {'date-parts': [[1993, 5]]}
    })
    expect(item('K. Chandy and J. Misra, Parallel Program Design: A Foundation, Addison-Wesley, 1988.')).toMatchObject({title: 'Parallel Program Design: A Foundation', publisher: 'Addison-Wesley'})
    expect(item('B. K. P. Horn. Robot Vision. MIT Press, Cambridge, MA, 1986.')).toMatchObject({publisher: 'MIT Press', 'publisher-place': 'Cambridge, MA'})
    expect(item('L. Kowalski, “Networks and evidence,” Routledge, 23, 1997.')).toMatchObject({type: 'report', number: '23', publisher: 'Routledge'})
    expect(item('Gitti M., Wise M.W., 2007, ApJ, 660, 1118')).toMatchObject({'container-title': 'ApJ', volume: '660', page: '1118'})
    expect(item('M. Burke, “Interprocedural dependence analysis,” SIGPLAN Notices 21(7), July 1986.')).toMatchObject({'container-title': 'SIGPLAN Notices', volume: '21', issue: '7'})
    expect(item('C. Rosene, “Incremental dependence analysis,” Ph.D. thesis, Rice University, March 1990.').volume).toBeUndefined()
  })
})

describe('splitting a list by its layout', () => {
  const texts = (text: string) => splitEntries({text, start: 0}).map((entry) => entry.text)
  it('joins hanging-indent lines, keeps numbered entries apart and ends at a comment', () => {
    expect(texts('Henry, M., Béguin, M., &\n     Decourtye, A. (2012). A common pesticide. Science,\n     336(6079), 348–350.\nKlein, A.-M. (2007). Pollinators. Nature, 1, 2–3.\n')).toEqual([
      'Henry, M., Béguin, M., & Decourtye, A. (2012). A common pesticide. Science, 336(6079), 348–350.',
      'Klein, A.-M. (2007). Pollinators. Nature, 1, 2–3.'
    ])
    expect(texts('[1] S. Han, “A,” Nano Lett., vol. 1, 2010.\n[2] G. Chen, “B,” Nature,\nvol. 2, 2011.')).toHaveLength(2)
    expect(texts('Smith, J. (2001). One.\n[a]Mr. Thompson: good conclusion')).toEqual(['Smith, J. (2001). One.'])
  })

  it('opens a numbered entry only at the next number, so a wrapped `2013.` continues its entry', () => {
    expect(texts('[16] A. Dupont, “Energy,” Smithsonian, Aug. 24,\n2013. https://www.example.com/a\n[17] J. Rundlöf, “Das,” The Guardian, 1975.')).toHaveLength(2)
  })

  it('cuts run-on lists at group authors, two-word surnames, the next number and dropped full stops', () => {
    expect(texts('Abernathy, T. La memoria. MIT Press, 1962. American Psychological Association. “Networks without Policy.” Urban Studies, vol. 2, 1999.')).toHaveLength(2)
    expect(texts('Smith, J. (1990). One. Language Learning, 118(3), 17–48. García Márquez, L., & Baptiste, H. (1983). Two. Routledge.')[1]).toMatch(/^García Márquez, L\./)
    expect(texts('Zhang, A. “Die Städte.” Doctoral dissertation, Universidad de Salamanca, 1969 Zhang, K. “Who Decides Voices?” BBC News. August 3, 1999.')).toHaveLength(2)
    expect(texts('[41] A. Oyelaran, “Children,” Urban Studies, vol. 89, pp. 38–47, 2010 [42] A. L. Dupont, “El agua,” Revista, vol. 81, 1969.')).toHaveLength(2)
    expect(texts('Nguyen, K. (1987) Las ciudades. 36. Springer Nguyen, K. and Okafor-Reyes, C. (1966) Water. Routledge.')[0]).toMatch(/36\. Springer$/)
    expect(texts('Smith, H. (2021) Soil. Doctoral dissertation. Universidad de Salamanca de Bruin, J. and Van Dyke, P. (1956) Les villes.')[1]).toMatch(/^de Bruin, J\./)
    expect(texts('1. Berg, Hiroshi van der. “Les enfants.” 46. Cambridge University Press, 1962.\n2. Berg, J. van der. “Who Decides?” El País, 1970.')[0]).toMatch(/^1\. Berg/)
  })

  it('cuts run-on lists at `---, editor.`, a group with its abbreviation, and a lower-case particle after `et al.`', () => {
    expect(texts('Zhang, L. Energy and Reading. 58, Routledge, 2023. ---, editor. Energy in Energy. Gallimard, 1998.')).toHaveLength(2)
    expect(texts('American Psychological Association. “Cities.” The Economic Journal 69, no. 1 (1951): 208–25. Centers for Disease Control and Prevention [CDC]. Health and Water. Springer, 2000.')).toHaveLength(2)
    expect(texts('dos Santos, A. “Das.” Cognitive Psychology, vol. 1, 1965, doi:10.8584/ecoj.2018.1717.\ndos Santos, H., et al. “Climate.” Edutopia, 28 June 1989.')).toHaveLength(2)
  })

  it('cuts a run-on Harvard list at an undated entry', () => {
    expect(texts('Al-Farsi, A.L. (1952) “Children,” Nature Climate Change, 50, pp. 142–163. Pérez-Ibáñez, J.-F. (no date) Who decides borders? Madrid: MIT Press.')).toHaveLength(2)
  })

  it('cuts MLA and IEEE run-on lists', () => {
    expect(texts('Allen, Michelle. Cleansing the City. Ohio UP, 2008. Dobraszczyk, Paul. Into the Belly of the Beast. Spire Books, 2009.')).toHaveLength(2)
    expect(texts('[1] S. Han, “A,” Nano Lett., vol. 1, 2010. [2] G. Chen, “B,” Nature, vol. 2, 2011.')).toHaveLength(2)
  })
})
