/**
 * The CSL locales citeproc reads, from citeproc-locales: kept apart from the
 * styles (which load citation-js) so the citeproc worker loads only this.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'

// The official CSL locales, as packaged by citeproc-js's author (Juris-M).
const LOCALES_DIR = createRequire(import.meta.url)('citeproc-locales') as string
export const LOCALES = readdirSync(LOCALES_DIR)
  .map((name) => /^locales-(.+)\.xml$/.exec(name)?.[1])
  .filter((name): name is string => name !== undefined)

/** The shipped locale for a tag: exact, else the first of the same language (`de` → `de-DE`). */
export function findLocale(tag: string): string | undefined {
  const wanted = tag.replace('_', '-').toLowerCase()
  const language = wanted.split('-')[0]!
  return (
    LOCALES.find((name) => name.toLowerCase() === wanted) ??
    LOCALES.find((name) => name.toLowerCase() === `${language}-${language}`) ??
    LOCALES.find((name) => name.toLowerCase().split('-')[0] === language)
  )
}

// Locale files ship with citeproc-locales and never change while citedeck runs: read once for the process.
const localeCache = new Map<string, string>()

/** The locale XML citeproc asks for (it asks by language too, e.g. `en`). */
export function localeXml(lang: string): string {
  const name = findLocale(lang) ?? 'en-US'
  let xml = localeCache.get(name)
  if (xml === undefined) {
    xml = readFileSync(join(LOCALES_DIR, `locales-${name}.xml`), 'utf8')
    localeCache.set(name, xml)
  }
  return xml
}
