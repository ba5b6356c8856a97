/**
 * Varied CSL items for the round trip, from a seeded generator: nine types,
 * personal names with particles (lower-case or capitalised), hyphens,
 * apostrophes, Mac/Mc/Ó, two- and three-word surnames, initials or full given
 * names and suffixes, given names that look like surnames (`Harriet Beecher
 * Stowe`), Chinese, Japanese and Korean names, Spanish and Portuguese double
 * surnames, group authors (some with their abbreviation), 1–25 authors,
 * edited and translated books, undated works, and titles in English,
 * Spanish, French and German with subtitles after `:`, `?` or `!`.
 */

const FAMILIES = [
  {family: 'Smith'}, {family: 'Nguyen'}, {family: 'Kowalski'}, {family: 'Okafor-Reyes'}, {family: 'Müller-Schmidt'},
  {family: 'García Márquez'}, {family: 'Moreno Fernández'}, {family: 'Berg', 'non-dropping-particle': 'van der'},
  {family: 'Cruz', 'non-dropping-particle': 'de la'}, {family: 'Bruin', 'non-dropping-particle': 'de'}, {family: "O'Brien"},
  {family: 'Ní Bhriain'}, {family: 'St. John'}, {family: 'Le Guin'}, {family: 'Zhang'}, {family: 'Dupont'}, {family: 'Rundlöf'},
  {family: 'Halliday'}, {family: 'Pérez-Ibáñez'}, {family: 'Abernathy'}, {family: 'Oyelaran'}, {family: 'Lindqvist'}, {family: 'Baptiste'},
  {family: 'MacLeod'}, {family: 'McCarthy'}, {family: "D'Angelo"}, {family: 'Silva', 'non-dropping-particle': 'da'}, {family: 'Humboldt', 'non-dropping-particle': 'von'},
  {family: 'Van Dyke'}, {family: 'De Luca'}, {family: 'Al-Farsi'}, {family: 'Nakamura'}, {family: 'Kim'}, {family: 'Fernández de Córdoba'}, {family: 'Ó Súilleabháin'},
  {family: 'Gonçalves Ferreira'}, {family: 'Wang'}, {family: 'Tanaka'}, {family: 'Park'}, {family: 'Stowe'}, {family: 'Santos', 'non-dropping-particle': 'dos'}
]
const GIVEN = ['Maria', 'John', 'Jean-François', 'Ana Lucía', 'Thomas', 'Priya', 'Kwame', 'Sofia', 'Hiroshi', 'Emily', 'Ahmed', 'Lars', 'Chiara', 'Anne-Marie', 'José Luis', 'Min-jun', 'Ngozi', 'Mary K.', 'J. Paul', 'Harriet Beecher', 'Xiaoming', 'Ji-woo', 'Yuki', 'María José']
const GROUPS = ['World Health Organization', 'National Research Council', 'Instituto Nacional de Estadística', 'American Psychological Association', 'Office for National Statistics', 'European Environment Agency', 'Centers for Disease Control and Prevention [CDC]', 'Organisation for Economic Co-operation and Development (OECD)']
const WORDS = {
  en: ['climate', 'memory', 'reading', 'cities', 'water', 'learning', 'migration', 'evidence', 'policy', 'children', 'language', 'health', 'soil', 'markets', 'history', 'attention', 'networks', 'energy', 'voices', 'borders'],
  es: ['la memoria', 'el agua', 'las ciudades', 'la lengua', 'los niños', 'la salud', 'el trabajo', 'la escuela'],
  fr: ['la mémoire', "l'eau", 'les villes', 'la langue', 'les enfants', 'la santé', 'le travail', "l'école"],
  de: ['das Gedächtnis', 'das Wasser', 'die Städte', 'die Sprache', 'die Kinder', 'die Gesundheit', 'die Arbeit', 'die Schule']
}
const JOINS = {en: ['and', 'in', 'of', 'after', 'without'], es: ['y', 'en', 'sin'], fr: ['et', 'dans', 'sans'], de: ['und', 'in', 'ohne']}
const QUESTION = {en: 'Who decides', es: '¿Quién decide', fr: 'Qui décide', de: 'Wer entscheidet'}
const JOURNALS = ['Journal of Applied Ecology', 'Cognitive Psychology', 'Revista de Educación', 'Urban Studies', 'The Economic Journal', 'Nature Climate Change', 'Language Learning', 'Public Health Reports', 'Zeitschrift für Soziologie']
const PUBLISHERS = ['Oxford University Press', 'Routledge', 'MIT Press', 'Ediciones Aula Abierta', 'Gallimard', 'Springer', 'Penguin Books', 'Cambridge University Press']
const PLACES = ['London', 'New York', 'Madrid', 'Paris', 'Berlin', 'Cambridge, MA']
// Sites, not organisations: `Pew Research Center` after a title reads as a report's publisher to any reader.
const SITES = ['BBC News', 'Edutopia', 'The Conversation', 'Smithsonian Magazine']
const NEWSPAPERS = ['The Guardian', 'The New York Times', 'El País', 'Le Monde']
const UNIVERSITIES = ['University of Leeds', 'Universidad de Salamanca', 'McGill University']
const TYPES = ['article-journal', 'article-journal', 'book', 'chapter', 'report', 'webpage', 'article-newspaper', 'thesis', 'dataset', 'paper-conference']

export function generateItems(rand, count) {
  const pick = (list) => list[Math.floor(rand() * list.length)]
  const int = (low, high) => low + Math.floor(rand() * (high - low + 1))
  const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1)

  function person() {
    const name = {...pick(FAMILIES)}
    const given = pick(GIVEN)
    name.given = rand() < 0.4 ? given.split(/([ -])/).map((part) => (/[ -]/.test(part) ? part : part ? `${part[0].toUpperCase()}.` : '')).join('') : given
    if (rand() < 0.05) name.suffix = rand() < 0.7 ? 'Jr.' : 'III'
    return name
  }
  function names() {
    const roll = rand()
    const n = roll < 0.45 ? 1 : roll < 0.7 ? 2 : roll < 0.85 ? 3 : roll < 0.95 ? int(4, 8) : int(9, 25)
    return Array.from({length: n}, person)
  }
  function title(language) {
    const words = WORDS[language]
    const phrase = () => `${pick(words)} ${pick(JOINS[language])} ${pick(words)}`
    const roll = rand()
    if (roll < 0.35) return capital(phrase())
    if (roll < 0.7) return `${capital(phrase())}: ${capital(phrase())}`
    if (roll < 0.85) return `${QUESTION[language]} ${pick(words)}? ${capital(phrase())}`
    return `${capital(phrase())}! ${capital(phrase())}`
  }
  const doi = () => `10.${int(1000, 9999)}/${pick(['abc', 'j.cog', 'ecoj', 'jae'])}.${int(2000, 2023)}.${int(10, 9999)}`

  return Array.from({length: count}, (_, index) => {
    const type = TYPES[index % TYPES.length]
    const language = rand() < 0.75 ? 'en' : pick(['es', 'fr', 'de'])
    const year = int(1950, 2024)
    const item = {id: `item${index}`, type, title: title(language), issued: {'date-parts': [[year]]}}
    // Undated works print `n.d.` (APA, Harvard) or nothing.
    if (rand() < 0.03 && ['book', 'report', 'webpage'].includes(type)) delete item.issued
    if (language !== 'en') item.language = language
    item.author = rand() < 0.12 && type !== 'thesis' ? [{literal: pick(GROUPS)}] : names()
    const first = int(1, 400)
    const pages = `${first}-${first + int(2, 40)}`
    switch (type) {
      case 'article-journal':
        Object.assign(item, {'container-title': pick(JOURNALS), volume: String(int(1, 150)), page: pages})
        if (rand() < 0.8) item.issue = String(rand() < 0.15 ? int(1000, 9999) : int(1, 12))
        if (rand() < 0.6) item.DOI = doi()
        break
      case 'book':
        Object.assign(item, {publisher: pick(PUBLISHERS), 'publisher-place': pick(PLACES)})
        if (rand() < 0.25) item.edition = String(int(2, 11))
        if (rand() < 0.15) item.translator = names().slice(0, 2)
        // An edited volume: its editors stand where the authors would.
        if (rand() < 0.12) {
          item.editor = names().slice(0, 3)
          delete item.author
        }
        break
      case 'chapter':
        Object.assign(item, {'container-title': title(language), editor: names().slice(0, 3), page: pages, publisher: pick(PUBLISHERS), 'publisher-place': pick(PLACES)})
        break
      case 'report':
        Object.assign(item, {publisher: pick(PUBLISHERS), number: String(int(1, 90))})
        if (rand() < 0.5) item.URL = `https://www.example.org/reports/${year}/${int(1, 999)}`
        break
      case 'webpage':
        Object.assign(item, {'container-title': pick(SITES), URL: `https://www.example.com/${year}/${int(1, 999)}/article`, accessed: {'date-parts': [[2024, int(1, 12), int(1, 28)]]}})
        item.issued = {'date-parts': [[year, int(1, 12), int(1, 28)]]}
        break
      case 'article-newspaper':
        Object.assign(item, {'container-title': pick(NEWSPAPERS), page: `A${int(1, 20)}`})
        item.issued = {'date-parts': [[year, int(1, 12), int(1, 28)]]}
        break
      case 'thesis':
        Object.assign(item, {publisher: pick(UNIVERSITIES), genre: 'Doctoral dissertation'})
        break
      case 'dataset':
        Object.assign(item, {publisher: pick(PUBLISHERS), DOI: doi()})
        break
      case 'paper-conference':
        Object.assign(item, {'container-title': `Proceedings of the ${int(2, 40)}th Conference on ${capital(pick(WORDS.en))}`, page: pages, publisher: pick(PUBLISHERS)})
        break
    }
    return item
  })
}
