/**
 * Dates as reference lists write them: `2019`, `2019a`, `(2021, March 4)`,
 * `4 March 2021`, `Nov. 2010`, `septembre 2014`, `n.d.`/`s.f.`/`o.J.`,
 * `in press`, `1967/1970` (first published 1967, this edition 1970) and
 * `2000 [1943]`.
 */
import type {CslDate} from '../csl.js'

export interface ReadDate {
  issued?: CslDate
  /** `a` in `2019a`. */
  suffix?: string
  original?: CslDate
  /** `2019a`, `n.d.`, `2021`: the year as written for keys and matching; `''` when undated. */
  year: string
}

const MONTHS: Array<[RegExp, number]> = [
  [/^(?:jan(?:uary|vier|uar)?|ene(?:ro)?|janv?|gen(?:naio)?)\.?$/i, 1],
  [/^(?:feb(?:ruary|rero|ruar)?|f[ée]v(?:rier)?|fevereiro)\.?$/i, 2],
  [/^(?:mar(?:ch|zo|s)?|m[äa]rz|mär)\.?$/i, 3],
  [/^(?:apr(?:il)?|abr(?:il)?|avr(?:il)?)\.?$/i, 4],
  [/^(?:may|mayo|mai|maggio)\.?$/i, 5],
  [/^(?:jun(?:e|io|i)?|juin)\.?$/i, 6],
  [/^(?:jul(?:y|io|i)?|juil(?:let)?)\.?$/i, 7],
  [/^(?:aug(?:ust)?|ago(?:sto)?|ao[uû]t)\.?$/i, 8],
  [/^(?:sep(?:t(?:ember|iembre|embre)?)?|set(?:iembre)?)\.?$/i, 9],
  [/^(?:oct(?:ober|ubre|obre)?|okt(?:ober)?)\.?$/i, 10],
  [/^(?:nov(?:ember|iembre|embre)?)\.?$/i, 11],
  [/^(?:dec(?:ember)?|dic(?:iembre)?|d[ée]c(?:embre)?|dez(?:ember)?)\.?$/i, 12]
]

export const MONTH_WORD = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|Januar|Februar|März|Juni|Juli|Oktober|Dezember)\.?`

/** Words for "no date" in the languages students write in. */
export const NO_DATE = /^(?:n\.\s?d\.?|nd|s\.\s?f\.?|o\.\s?J\.?|s\.\s?d\.?|sans date|sin fecha|undated|no date)$/i

export function monthNumber(word: string): number | undefined {
  return MONTHS.find(([pattern]) => pattern.test(word.replace(/\.$/, '')))?.[1]
}

/** A date written as `text` (without its brackets); undefined when it is not one. */
export function readDate(text: string): ReadDate | undefined {
  const value = text.trim().replace(/[.,;:]+$/, '').replace(/\s+/g, ' ')
  // No date: the style prints its own `n.d.` (or `s.f.` in Spanish) for an item without `issued`.
  if (NO_DATE.test(value) || NO_DATE.test(value + '.')) return {year: 'n.d.'}
  if (/^(?:in press|forthcoming|en prensa|im Druck|sous presse)$/i.test(value)) return {year: 'in press', issued: {literal: 'in press'}}
  // `1967/1970` and `2000 [1943]`: an original and this edition.
  const two = /^(\d{4})\s*(?:\/|\[)\s*(\d{4})\]?$/.exec(value)
  if (two) {
    const [a, b] = [Number(two[1]), Number(two[2])]
    const bracket = value.includes('[')
    const issued = bracket ? a : b
    const original = bracket ? b : a
    return {year: String(issued), issued: {'date-parts': [[issued]]}, original: {'date-parts': [[original]]}}
  }
  const words = value.replace(/,/g, ' ').split(/\s+/).filter((word) => word && !/^(?:de|del|of|the)$/i.test(word))
  let year: number | undefined
  let suffix: string | undefined
  let month: number | undefined
  let day: number | undefined
  for (const word of words) {
    const y = /^(\d{4})([a-z])?$/.exec(word)
    if (y && year === undefined) {
      year = Number(y[1])
      suffix = y[2]
      continue
    }
    const m = monthNumber(word)
    if (m !== undefined && month === undefined) {
      month = m
      continue
    }
    const d = /^(\d{1,2})(?:st|nd|rd|th|\.)?$/.exec(word)
    if (d && day === undefined && Number(d[1]) >= 1 && Number(d[1]) <= 31) {
      day = Number(d[1])
      continue
    }
    // Seasons and spans (`Spring`, `1990-1991`) keep the year; other words mean this is not a date.
    if (/^(?:spring|summer|fall|autumn|winter|\d{4}[-–]\d{2,4})$/i.test(word) && year === undefined) {
      year = Number(word.slice(0, 4)) || undefined
      continue
    }
    if (!/^(?:spring|summer|fall|autumn|winter)$/i.test(word)) return undefined
  }
  if (year === undefined || year < 1000 || year > 2100) return undefined
  const parts = [year, ...(month ? [month, ...(day ? [day] : [])] : [])]
  const date: ReadDate = {year: `${year}${suffix ?? ''}`, issued: {'date-parts': [parts]}}
  if (suffix) date.suffix = suffix
  return date
}

/** `3 May 2023`, `May 3, 2023`, `2 de mayo de 2024` as a CSL date, for `Accessed`/`Retrieved`. */
export function readDay(text: string): CslDate | undefined {
  return readDate(text)?.issued
}
