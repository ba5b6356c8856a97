/**
 * CSL styles by name (`csl: apa`) or by path (`csl: my-style.csl`), and CSL
 * locales by `lang:`. All shipped styles work offline: APA and Harvard come
 * with @citation-js/plugin-csl, the others are the official CSL files in
 * `styles/` (CC BY-SA, see `styles/LICENSE`). Locales come from
 * citeproc-locales.
 */
import {existsSync, readFileSync} from 'node:fs'
import {dirname, extname, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import core from '@citation-js/core'
import '@citation-js/plugin-csl'
import type {VFile} from 'vfile'
import {allowedFile} from '../io/project-folder.js'
import {report} from '../messages.js'
import {findLocale, LOCALES} from './locales.js'
import {SHIPPED, shippedName, STYLE_NOTE, styleProblem} from './style-names.js'

/** How a style cites: in the text with author and date, with a number, or in a note. */
export type StyleClass = 'author-date' | 'numeric' | 'note'

export interface Style {
  /** The shipped name, or the absolute path of a `.csl` file. */
  name: string
  xml: string
  class: StyleClass
  /** Title of the references slide as the style's tradition has it. */
  referencesTitle: string
  /** The style's own locale (`en-GB` for Harvard), used when the deck sets no `lang`. */
  defaultLocale?: string
}

const STYLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'styles')

/**
 * The style for a `csl:` value: a shipped name or a `.csl` path relative to
 * the deck. A style that cannot be used is an error on the deck, and APA
 * stands in so the deck still builds.
 */
export function resolveStyle(value: string, file: VFile, loaded: Map<string, Style> = new Map()): Style {
  const shipped = (name: string) => shippedStyle(name, loaded)
  const name = shippedName(value)
  if (name) return shipped(name)
  const place = file.data.matter?.place('csl')
  if (extname(value).toLowerCase() !== '.csl') {
    report(file, `unknown citation style '${value}'`, place, 'unknown-style', {fatal: true, note: STYLE_NOTE})
    return shipped('apa')
  }
  const path = resolve(file.dirname ?? process.cwd(), value)
  if (!existsSync(path)) {
    report(file, `citation style not found: ${value}`, place, 'unknown-style', {fatal: true, note: `looked for ${relative(process.cwd(), path) || path}`})
    return shipped('apa')
  }
  // A style named on the command line arrives as an absolute path the user chose; one the deck names is checked.
  const fromDeck = file.data.matter?.data.csl === value
  if (fromDeck && !allowedFile(file, path, 'citation style', value, place)) return shipped('apa')
  const xml = readFileSync(path, 'utf8')
  const problem = styleProblem(xml)
  if (problem) {
    report(file, `'${value}' ${problem.reason}`, place, 'unknown-style', {fatal: true, note: problem.note})
    return shipped('apa')
  }
  return cached(path, xml, loaded)
}

function shippedStyle(name: string, loaded: Map<string, Style>): Style {
  const known = loaded.get(name)
  if (known) return known
  const {template, file} = SHIPPED[name]!
  const xml = template ? core.plugins.config.get('@csl').templates.get(template) : readFileSync(join(STYLES_DIR, file!), 'utf8')
  return cached(name, xml, loaded)
}

/** The style read from `xml`, as read before when `loaded` (the project's) has it unchanged. */
function cached(name: string, xml: string, loaded: Map<string, Style>): Style {
  const known = loaded.get(name)
  if (known?.xml === xml) return known
  const defaultLocale = /<style[^>]*\sdefault-locale="([^"]+)"/.exec(xml)?.[1]
  const style: Style = {name, xml, class: styleClass(xml), referencesTitle: referencesTitle(xml), defaultLocale}
  loaded.set(name, style)
  return style
}

function styleClass(xml: string): StyleClass {
  const format = /citation-format="([^"]+)"/.exec(xml)?.[1]
  if (format === 'note' || /<style[^>]*\sclass="note"/.test(xml)) return 'note'
  if (format === 'numeric' || format === 'label') return 'numeric'
  return 'author-date'
}

function referencesTitle(xml: string): string {
  const format = /citation-format="([^"]+)"/.exec(xml)?.[1]
  if (format === 'note') return 'Bibliography'
  // MLA is the `author` format (author-page, no date).
  if (format === 'author') return 'Works Cited'
  return 'References'
}

/**
 * A deck's style and citation locale. Without a `lang:` in the deck, a style
 * written for one locale keeps it (Harvard: en-GB), as in pandoc.
 */
export function resolveStyleAndLocale(csl: string, lang: string, file: VFile, loaded?: Map<string, Style>): {style: Style; locale: string} {
  const style = resolveStyle(csl, file, loaded)
  const wanted = file.data.matter?.data.lang === undefined && style.defaultLocale ? style.defaultLocale : lang
  return {style, locale: resolveLocale(wanted, file)}
}

/** The CSL locale name for `lang:`; one that does not ship is a warning and en-US. */
export function resolveLocale(lang: string, file: VFile): string {
  const match = findLocale(lang)
  if (match) return match
  report(file, `no citation locale for lang '${lang}'`, file.data.matter?.place('lang'), 'unknown-locale', {
    note: `citations use en-US; shipped locales: ${LOCALES.join(', ')}`
  })
  return 'en-US'
}
