/**
 * Placing the text parts of a source (the parts no form told apart) as its
 * container, publisher and place, by their position and the words they hold.
 */
import {GROUP} from './group.js'
import type {Source, SourceContext} from './source-model.js'
import {isKnownPlace} from './places.js'
import {isPlaceName} from './source-parts.js'
import {HOUSE_WORDS, SERIES} from './source-patterns.js'
import {namesOnly} from './source-chapter.js'
import {MONTH_WORD} from './dates.js'

/**
 * Places the text parts by their position: places trail the source
 * (`MIT Press, Cambridge, MA`, `Proceedings of …, Zurich, Switzerland`); with
 * journal parts (volume, issue, pages, a day's date) or in a chapter the
 * first is the container and the next the publisher; a lone name after a
 * book's title is its publisher, after a web page's its site, unless it names
 * a publishing house or an organisation. `BMJ 323` holds the volume.
 */
export function settle(source: Source, context: SourceContext) {
  const texts = [...source.texts]
  // A bare number after a name, with no pages or issue, numbers a report (IEEE `Publisher, 23, 1997.`).
  if (source.bareVolume && !source.page && !source.issue && !source.chapter && !source.number) {
    source.number = source.volume
    delete source.volume
  }
  joinInstitutions(texts)
  joinPeriodical(texts, source)
  if (!source.place) takePlace(texts, source)
  // A thesis or a numbered report names its institution where a book names its publisher, and has no container:
  // `PhD thesis, DIKU, University of Copenhagen`, `Technical Report TR-17, Supercomputing Research Center, May 1995`.
  const thesis = source.genre && /dissertation|thesis|tesis|thèse/i.test(source.genre)
  const report = (source.number || (source.genre && REPORT_KIND.test(source.genre))) && !source.volume && !source.page
  if ((thesis || report) && !source.chapter && texts.length > 0 && !source.publisher) source.publisher = texts.splice(0).join(', ')
  // A series after the container, or alone where no issue or pages make the source a periodical
  // (`Studies in Romantic Fiction, vol. 3, no. 2` is a journal; `Studies in Logic 103. North-Holland` a series).
  const named = texts.findIndex((text, index) => SERIES.test(text) && (index > 0 || (!source.issue && !source.page)))
  if (named >= 0 && !source.collection) series(texts.splice(named, 1)[0]!, source)
  const dated = context.dated || source.monthDay || source.dates.some((date) => date.issued && 'date-parts' in date.issued && date.issued['date-parts'][0].length > 1)
  // A book's volume stands before its publisher (`Vol. 4. Academy of Political Science`); a journal's name stands before its volume.
  const bookVolume = source.numbersAt === 0 && !source.issue && !source.page
  const journal = Boolean((source.volume && !bookVolume) || source.issue || source.page || dated || source.chapter)
  // A report's number or a house's word makes a lone name its publisher (`JFK Library` before a URL is a site).
  const house = texts.length === 1 && (source.number || context.reported || HOUSE_WORDS.test(texts[0]!))
  // A meeting's or periodical's words make a lone name the container (`Proc. SPIE`, `SIGPLAN Notices`).
  const periodical = texts.length === 1 && (MEETING.test(texts[0]!) || PERIODICAL.test(texts[0]!))
  if (!source.container && texts.length > 0 && (journal || texts.length > 1 || periodical || (context.linked && !house))) source.container = texts.shift()
  if (!source.publisher && texts.length > 0) source.publisher = texts.shift()
  source.leftover.push(...texts)
  const numbered = source.container && !source.volume && /^(.+?)\s+(\d{1,4})$/u.exec(source.container)
  if (numbered && (source.issue || source.page || source.dates.length > 0) && !/\b(?:19|20)\d{2}$/.test(source.container!)) {
    source.container = numbered[1]!
    source.volume = numbered[2]!
  }
}

/**
 * `Lecture Notes in Computer Science 392`, `ASP Conf. Series volume 101`, `ser. Springer Series in …`:
 * the series, its number, and a volume given with it.
 */
export function series(text: string, source: Source) {
  const match = /^(.+?)[\s,]+(?:(?:vol(?:ume)?\.?|no\.?|nr\.?)\s*)?(\d+[A-Za-z]?)$/iu.exec(text)
  const name = (match ? match[1]! : text).replace(/^(?:ser\.|Coll\.|coll\.)\s*/u, '').trim()
  source.collection = name
  if (match && /vol/i.test(text.slice(match[1]!.length))) source.volume ??= match[2]!
  else if (match) source.collectionNumber = match[2]!
}

/**
 * A periodical's or proceedings' name runs to its numbers and may hold commas
 * (`Systems, Man and Cybernetics, IEEE Transactions on, vol. 19`,
 * `Visualization in Biomedical Computing, Proc. SPIE, 1808, 259-273`): the
 * text parts before the first volume, issue or page are one container, unless
 * one of them is a place or names a publishing house.
 */
function joinPeriodical(texts: string[], source: Source) {
  const count = source.numbersAt ?? 0
  if (source.chapter || count < 2 || texts.length < count) return
  const head = texts.slice(0, count)
  if (!head.every(isNamePiece)) return
  texts.splice(0, count, head.join(', '))
}

// Pieces that are no part of a periodical's name: labels left bare (`Vol.`, `Suppl`), roman volumes (`XII`, `X L I`),
// a part or an issue's theme (`Part II`, `Special Issue on …`).
const NOT_NAME = /^(?:(?:[IVXLC]+\s?)+|(?:Vols?|Suppl|Part|Special\s+(?:Issue|Section))\b.*)$/u

/** A piece of a periodical's name: no place, house, label, date or list of names. */
function isNamePiece(text: string): boolean {
  return !NOT_NAME.test(text) && !isKnownPlace(text) && !HOUSE_WORDS.test(text) && !MONTH.test(text) && !namesOnly(text)
}

const MONTH = new RegExp(String.raw`\b${MONTH_WORD}\b`, 'iu')

const REPORT_KIND = /\b(?:report|rep\.|rpt\.|working paper|discussion paper|white paper)/iu

// A unit of an institution, and institutions: `Dept. of Computer Science, University of Toronto` is one publisher.
const UNIT = /\b(?:Dep(?:artmen)?t\.?|Department|Departamento|Département|School|Division|Faculty|Facult[ée]|Laborator(?:y|ies)|Lab\.?|Institute|Institut|Cent(?:er|re)|Program(?:me)?|Section|Group)\b/u
const INSTITUTION = /\b(?:Univ\.?|Universit(?:y|ies|é|ät|à|ad|eit|y of)|College|Polytechnic|Politecnico|Institute|Institut|Academy|MIT|CNRS|INRIA)\b/u

/** Joins a unit to its institution, either way round (`School of X, Y University`; `University of Z, Department of X`). */
function joinInstitutions(texts: string[]) {
  for (let i = 0; i + 1 < texts.length; i++) {
    const [a, b] = [texts[i]!, texts[i + 1]!]
    if ((UNIT.test(a) && (INSTITUTION.test(b) || UNIT.test(b))) || (INSTITUTION.test(a) && UNIT.test(b))) {
      texts.splice(i, 2, `${a}, ${b}`)
      i--
    }
  }
}

const PERIODICAL = /\b(?:Journal|Transactions|Trans\.|Review|Rev\.|Notices|Letters|Lett\.|Magazine|Quarterly|Annals|Bulletin|Newsletter|Zeitschrift|Revue|Revista|Rivista)\b/u
const MEETING = /\b(?:Proceedings|Proc\.|Conference|Conf\.|Symposium|Symp\.|Workshop|Congress|Meeting|Colloquium)/u

/**
 * The place at the end of the text parts: `Cambridge, MA` anywhere after the
 * container; a bare place name after a publisher (`Addison-Wesley, Reading`)
 * or a meeting (`Proceedings of …, Zurich`), not as the only name after a
 * book's title (`Routledge` is a publisher there).
 */
function takePlace(texts: string[], source: Source) {
  // A place the gazetteer knows is one wherever it stands (`Academic Press, London`, `Proceedings of …, Tokyo, Morgan Kaufmann`).
  const known = texts.filter((text) => isKnownPlace(text))
  if (known.length > 0) {
    source.place = known.join(', ')
    texts.splice(0, texts.length, ...texts.filter((text) => !isKnownPlace(text)))
    return
  }
  const first = source.container ? 0 : 1
  let from = texts.length
  while (from > first && isPlaceName(texts[from - 1]!) && !HOUSE_WORDS.test(texts[from - 1]!) && !GROUP.test(texts[from - 1]!)) from--
  // After a meeting's name one bare name may be its publisher (`Proceedings of …, Springer`); two are a place.
  const meeting = MEETING.test(source.container ?? texts[0] ?? '') && texts.length - from > 1
  if (from === first && !meeting && from < texts.length && !/,\s/.test(texts[from]!)) from++
  if (from < texts.length) source.place = texts.splice(from).join(', ')
}

