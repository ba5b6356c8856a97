/** What the source grammar reads after an entry's title, and what it is told about the rest of the entry. */
import type {CslDate, CslName} from '../csl.js'
import type {ReadDate} from './dates.js'

export interface Source {
  container?: string
  /** Book or proceedings title of a chapter (`In … (Eds.), Title (pp. 1–20)`). */
  chapter?: boolean
  editor?: CslName[]
  translator?: CslName[]
  volume?: string
  issue?: string
  page?: string
  /** A book's length (`272 pp.`). */
  pageCount?: string
  /** A work's count of volumes (`2 vols.`). */
  volumeCount?: string
  number?: string
  edition?: string
  /** The series a book or volume belongs to, and its number there. */
  collection?: string
  collectionNumber?: string
  publisher?: string
  place?: string
  /** Dates found in the source, in order (MLA and Chicago date the work here). */
  dates: ReadDate[]
  /** `12 Feb.` or `22 February` without a year: the month and day of the entry's year. */
  monthDay?: [number, number?]
  original?: CslDate
  genre?: string
  /** Text parts in order, before they are placed as container, publisher or place. */
  texts: string[]
  /** Text parts that could not be placed (kept in the item's note). */
  leftover: string[]
  /** The volume was a bare number after a name (`Labour Economics, 41, 61–76`; `Routledge, 23, 1997` is a report's number). */
  bareVolume?: boolean
  /** How many text parts came before the first volume, issue or page: a periodical's name runs to its numbers. */
  numbersAt?: number
}

/** What the rest of the entry tells about its source. */
export interface SourceContext {
  /** The entry has a URL and no DOI: a lone name after the title is a site (default: false). */
  linked?: boolean
  /** The entry's date has a month or day: a lone name after the title is a periodical or site (default: false). */
  dated?: boolean
  /** The title's brackets give a report number (`(No. 16)`): a lone name after it is the publisher (default: false). */
  reported?: boolean
}
