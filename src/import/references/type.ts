/**
 * The CSL type of a read entry, from what it holds: a chapter has a book
 * and editors or pages, an article a container with volume, issue or pages,
 * a newspaper or magazine article a dated container, a web page a URL and a
 * site, a report an organisation as publisher; a bracketed description
 * (`[Video]`, `[Data set]`, `[Doctoral dissertation]`) decides first.
 */
import type {CslItem} from '../csl.js'
import {SERIES} from './source-patterns.js'

const NEWSPAPER = /\b(?:Times|Post|Courier|Chronicle|Herald|Gazette|Tribune|Guardian|Telegraph|Independent|Observer|News|Daily|País|Mundo|Monde|Figaro|Zeitung|Allgemeine|Standard|Mail|Express|Sun|Globe|Star)\b/u
const MAGAZINE = /\b(?:Magazine|Weekly|New Yorker|Atlantic|Economist|Time|Newsweek|Wired|Review of Books)\b/u
// `Proceedings of the Royal Society B` with a volume is a journal; a meeting's name is not.
const MEETING = /\b(?:Conference|Symposium|Workshop|Congress|Meeting|Colloquium)\b/u
const CONFERENCE = /\b(?:Proceedings|Proc\.|Conference|Symposium|Workshop|Congress|Meeting|Colloquium)\b/u
const ORGANISATION = /\b(?:Cent(?:er|re)|Foundation|Institute|Instituto|Office|Department|Agency|Council|Commission|Organi[sz]ation|Association|Bureau|Ministry|Board|Service|Survey|Bank|Fund|Trust|Authority|Government)\b/u
// Statistics offices and portals publish series and tables at such addresses (`…/timeseries/ybuy/lms`, `data.gov.uk/dataset/…`).
const DATA_LINK = /^(?:https?:\/\/)?(?:data\.[^/]+|[^/]+\/(?:[^?#]*\/)?(?:timeseries|datasets?|data)(?:\/|$))/iu
const PUBLISHING_HOUSE = /\b(?:Press|UP|Books|Publish\w*|Verlag|Editorial|Ediciones)\b/u

export interface TypeHints {
  genre?: string
  medium?: string
  chapter: boolean
  groupAuthor: boolean
}

export function inferType(item: CslItem, hints: TypeHints) {
  const description = hints.genre ?? ''
  const container = item['container-title'] ?? ''
  const dated = item.issued && 'date-parts' in item.issued && item.issued['date-parts'][0].length > 1
  // A place and publisher make a book or report even with a volume (`Series, VI. Washington, DC: USGPO`).
  const journalParts = Boolean(item.issue || (item.volume && !item['publisher-place']))
  if (/^(?:Video|Film|Motion picture)/i.test(description)) {
    item.type = 'motion_picture'
    item.medium = description
    delete item.genre
  } else if (/^(?:Data set|Dataset)/i.test(description)) {
    item.type = 'dataset'
    delete item.genre
  } else if (!container && DATA_LINK.test(item.URL ?? '')) {
    item.type = 'dataset'
  } else if (/dissertation|thesis|tesis|thèse/i.test(description)) {
    item.type = 'thesis'
    // `[Doctoral dissertation]. McGill University.`: the part after the title is the university.
    if (item['container-title'] && !item.publisher) {
      item.publisher = item['container-title']
      delete item['container-title']
    }
  }
  else if (hints.chapter || (item.editor && container && !journalParts && !item.author?.[0]?.literal && item.author)) {
    item.type = CONFERENCE.test(container) ? 'paper-conference' : 'chapter'
  } else if (container && journalParts) item.type = MEETING.test(container) ? 'paper-conference' : 'article-journal'
  else if (container && CONFERENCE.test(container)) item.type = 'paper-conference'
  else if (container && (/^[A-Z]?\d+[A-Z]?(?:,\s*[A-Z]\d+)*$/.test(item.page ?? '') && /^[A-Z]/.test(item.page ?? '') || (NEWSPAPER.test(container) && !MAGAZINE.test(container) && (dated || item.page)))) {
    item.type = 'article-newspaper'
  } else if (container && dated && item.publisher && !item.page) item.type = 'broadcast'
  else if (container && dated && !item.URL && !item.DOI) item.type = 'article-magazine'
  else if (container && (MAGAZINE.test(container) && dated)) item.type = 'article-magazine'
  else if (container && item.page && !item.URL) item.type = 'article-journal'
  else if (isReport(item, hints)) {
    item.type = 'report'
    series(item)
  }
  else if (container && (item.URL || item.DOI)) item.type = 'webpage'
  else if (container) {
    // A lone text part after the title with nothing journal-like is the publisher of a book.
    item.publisher ??= container
    delete item['container-title']
    item.type = 'book'
  } else if (item.publisher || item.edition || item.ISBN) {
    item.type = 'book'
    series(item)
  }
  else if (item.URL) item.type = 'webpage'
  else item.type = 'book'
}

/**
 * A book's or report's container is the series it belongs to, when it names one (`… Series`, `Studies in …`)
 * or the work is a numbered volume of it (`Foreign Relations of the United States, 1961-1963, VI`).
 */
function series(item: CslItem) {
  if (!item['container-title'] || item['collection-title'] || !(SERIES.test(item['container-title']) || item.volume)) return
  item['collection-title'] = item['container-title']
  delete item['container-title']
}

function isReport(item: CslItem, hints: TypeHints): boolean {
  const publisher = item.publisher ?? item['container-title'] ?? ''
  if (hints.groupAuthor && item.publisher && item['publisher-place']) return true
  if (item.number && !item.volume) return true
  if (/\b(?:report|informe|rapport|Bericht|working paper|white paper|policy brief)\b/i.test(item.title ?? '') && (publisher || hints.groupAuthor)) return true
  if (!publisher || PUBLISHING_HOUSE.test(publisher)) return false
  if (ORGANISATION.test(publisher)) {
    if (item['container-title'] === publisher) {
      item.publisher = publisher
      delete item['container-title']
    }
    return true
  }
  // An organisation publishing its own work, or a work published on the web by its publisher.
  return Boolean(item.publisher && (item.author?.[0]?.literal === item.publisher || item.URL))
}
