/**
 * The parts of an entry that are the same in every style and are taken out
 * before the rest is read: DOI, URL with its `Retrieved from`/`Available at`
 * lead and `Accessed` date, ISBN, and the entry's number in a numbered list.
 */
import type {CslDate} from '../csl.js'
import {readDay} from './dates.js'

export interface Links {
  /** The entry with the links cut out. */
  rest: string
  DOI?: string
  URL?: string
  accessed?: CslDate
  ISBN?: string
  /** `[3]`, `3.`: the entry's number in its list. */
  number?: string
  /** `arXiv:0903.0619`, `hep-th/9711200`: the preprint's id in the archive. */
  arXiv?: string
}

// A bare `3 ` counts only before an inverted name (`3 Kim, H., Detavernier, C.`), as `2019 Title` is no number.
const NUMBER = /^\s*(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})(?:[.)](?=\s)|\s+(?=[\p{Lu}][\p{L}’'-]+,\s\p{Lu})))\s*/u
const DOI = /(?:(?:https?:\/\/)?(?:dx\.)?doi\.org\/|\bdoi:\s*|\bDOI:?\s*(?:https?:\/\/(?:dx\.)?doi\.org\/)?)(10\.\d{4,9}\/[^\s<>]+?)(?=[.,;]?(?:\s|$|>))/iu
const BARE_DOI = /(?<=^|\s)(10\.\d{4,9}\/[^\s<>]+?)(?=[.,;]?(?:\s|$))/u
const URL = /<?((?:https?:\/\/|www\.)[^\s<>]+?)>?(?=[.,;]?(?:\s|$))/iu
// Words that lead to a link, in several languages; the date between them is the access date.
const LEAD = /(?:(?:Retrieved|Recuperado|Consultado|Abgerufen|Consulté|Accessed|Disponible)\b([^]*?)(?:\bfrom|\bde|\bvon|\bsur|\bat|\ben)?\s*|(?:\[Online\]\.?\s*)?Available(?:\s+(?:at|from|online))?\s*:?\s*|URL:?\s*|Online:?\s*)$/iu
const ACCESSED = /^\s*[.,]?\s*[([]?\s*(?:Accessed|Retrieved|Consulté le|Consultado el|Abgerufen am|Zugriff am|viewed|cited)\s*:?\s*([^)\]]{4,40}?)(?:\s*[)\]]\s*\.?|\.(?=\s|$)|$)\s*/iu
// `arXiv:0903.0619 [hep-th]`, `arXiv preprint arXiv:1504.07295`, `[hep-th/9711200]`: physics cites the preprint beside the article.
const ARXIV = /\s*\[?\s*(?:arXiv preprint\s+)?(?:arXiv[:\s]\s*((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?)|(?<=\[)([a-z-]+(?:\.[A-Z]{2})?\/\d{7}))(?:\s*\[[^\]]*\])?\s*\]?(?=[\s.,;]|$)/u
const ISBN = /\s*\(?ISBN(?:-1[03])?:?\s*([\dXx][\d\s-]{8,16}[\dXx])\)?\.?/u

/** Cuts DOI, URL, access date, ISBN, arXiv id and the list number out of `entry`. */
export function takeLinks(entry: string): Links {
  const links: Links = {rest: entry}
  const number = NUMBER.exec(links.rest)
  // `2019. Title` is a year, not a number: only numbers below 1000 are list numbers.
  if (number && Number(number[1] ?? number[2] ?? number[3]) < 1000) {
    links.number = number[1] ?? number[2] ?? number[3]
    links.rest = links.rest.slice(number[0].length)
  }
  const arXiv = ARXIV.exec(links.rest)
  if (arXiv) {
    links.arXiv = `arXiv:${arXiv[1] ?? arXiv[2]}`
    links.rest = cut(links.rest, arXiv.index, arXiv[0].length)
  }
  const isbn = ISBN.exec(links.rest)
  if (isbn) {
    links.ISBN = isbn[1]!.replace(/\s/g, '')
    links.rest = cut(links.rest, isbn.index, isbn[0].length)
  }
  const doi = DOI.exec(links.rest) ?? BARE_DOI.exec(links.rest)
  if (doi) {
    links.DOI = doi[1]!.replace(/[.,;)]+$/, '')
    links.rest = cutLink(links, doi.index, doi[0].length)
  }
  for (let url = URL.exec(links.rest); url; url = URL.exec(links.rest)) {
    // A DOI link's own URL was taken with the DOI; a second URL is kept only if the first is missing.
    if (!links.URL && !/doi\.org\//i.test(url[1]!)) links.URL = url[1]!.replace(/[.,;)]+$/, '')
    links.rest = cutLink(links, url.index, url[0].length)
  }
  links.rest = links.rest.replace(/\s+/g, ' ').trim()
  return links
}

/** Cuts a link and the words around it that belong to it (`Retrieved May 2, 2024, from`, `(Accessed: 3 May 2023)`). */
function cutLink(links: Links, index: number, length: number): string {
  const text = links.rest
  let start = index
  const lead = LEAD.exec(text.slice(0, index))
  if (lead) {
    start = lead.index
    const day = lead[1] && readDay(lead[1].replace(/^[\s,:]+|[\s,:]+$/g, '').replace(/^el\s+|^am\s+|^le\s+/i, ''))
    if (day) links.accessed = day
  }
  let end = index + length
  const accessed = ACCESSED.exec(text.slice(end))
  if (accessed) {
    const day = readDay(accessed[1]!)
    if (day) {
      links.accessed = day
      end += accessed[0].length
    }
  }
  return `${text.slice(0, start).replace(/[\s,;]+$/, '')} ${text.slice(end).replace(/^[.,;]+/, '')}`.trim()
}

function cut(text: string, index: number, length: number): string {
  return `${text.slice(0, index)} ${text.slice(index + length)}`.replace(/\s+/g, ' ').trim()
}
