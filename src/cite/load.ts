/**
 * Bibliographies: BibTeX/BibLaTeX, CSL-JSON and CSL-YAML files named by
 * `bibliography:` (relative to the deck), plus inline `references:`. Parsing
 * goes through citation-js; a problem becomes a message at the bibliography's
 * own line. Parsed files are cached by path and mtime (`BibliographyCache`,
 * one a project), so a rebuild after a text edit does not parse them again.
 */
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {extname, relative, resolve} from 'node:path'
import core from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-csl'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {parse as parseYaml, YAMLParseError} from 'yaml'
import {CONTROL_HINT, cleanData, droppedReason} from '../io/control-characters.js'
import {allowedFile} from '../io/project-folder.js'
import {report} from '../messages.js'
import {BibliographyCache} from './bibliography-cache.js'

// BibTeX keeps titles in title case with {braces} around proper nouns; CSL
// wants them stored in sentence case, and title-case styles (Chicago, MLA)
// recase them. Convert English titles on input, as pandoc does.
core.plugins.config.get('@bibtex').parse.sentenceCase = 'english'

/** A CSL-JSON item. */
export interface CslItem {
  id: string
  [field: string]: unknown
}

export interface Bibliography {
  items: Map<string, CslItem>
  /** Changes whenever an item may have changed; engines are cached by it. */
  version: string
}

interface Problem {
  reason: string
  place: Point
  fatal: boolean
  note?: string
  /** Default `bibliography`. */
  rule?: string
}

export interface Parsed {
  mtimeMs: number
  size: number
  items: CslItem[]
  text: string
  problems: Problem[]
}

/** Loads the bibliography files and inline references of a deck; `cache` keeps parsed files between builds. */
export async function loadBibliography(paths: string[], inline: unknown[], file: VFile, cache = new BibliographyCache<Parsed>()): Promise<Bibliography> {
  const baseDir = file.dirname ?? process.cwd()
  const items = new Map<string, CslItem>()
  const where = new Map<string, string>()
  const version: string[] = []
  const matterPlace = (key: string) => file.data.matter?.place(key)

  for (const path of paths) {
    const absolute = resolve(baseDir, path)
    if (existsSync(absolute) && !allowedFile(file, absolute, 'bibliography', path, matterPlace('bibliography'))) continue
    const parsed = await cache.parse(absolute, parseFile)
    if (!parsed) {
      report(file, `bibliography not found: ${path}`, matterPlace('bibliography'), 'missing-bibliography', {
        fatal: true,
        note: `looked for ${relative(process.cwd(), absolute) || absolute}; paths are relative to the deck`
      })
      continue
    }
    const shown = relative(process.cwd(), absolute) || absolute
    for (const problem of parsed.problems) {
      report(file, problem.reason, problem.place, problem.rule ?? 'bibliography', {fatal: problem.fatal, note: problem.note, file: shown})
    }
    version.push(`${absolute}@${parsed.version}`)
    for (const item of parsed.items) add(item, shown, () => keyPlace(parsed.text, item.id))
  }

  if (inline.length > 0) {
    version.push(`inline:${JSON.stringify(inline)}`)
    for (const item of normalise(inline)) add(item, file.path, () => matterPlace('references') ?? {line: 1, column: 1})
  }

  return {items, version: version.join('|')}

  function add(item: CslItem, source: string, place: () => Point) {
    repairNames(item)
    const first = where.get(item.id)
    if (first !== undefined) {
      report(file, `duplicate citation key '${item.id}'`, place(), 'duplicate-key', {
        note: `also defined in ${first}; the first definition is used`,
        file: source
      })
      return
    }
    where.set(item.id, source)
    items.set(item.id, item)
  }
}

async function parseFile(path: string, mtimeMs: number, size: number): Promise<Parsed> {
  const text = await readFile(path, 'utf8')
  const problems: Problem[] = []
  const items = parseText(text, extname(path).toLowerCase(), problems)
  for (const item of items) {
    cleanData(item, (field, chars) =>
      problems.push({
        reason: droppedReason(chars, ` in \`${field}\` of '${item.id}'`),
        place: keyPlace(text, item.id),
        fatal: false,
        note: CONTROL_HINT,
        rule: 'control-character'
      })
    )
  }
  return {mtimeMs, size, items, text, problems}
}

function parseText(text: string, extension: string, problems: Problem[]): CslItem[] {
  const fail = (reason: string, place: Point = {line: 1, column: 1}, note?: string) => {
    problems.push({reason, place, fatal: true, note})
    return []
  }
  if (extension === '.bib' || extension === '.bibtex') {
    try {
      return chain(text, '@biblatex/text')
    } catch (error) {
      const message = String((error as Error).message)
      const at = /at line (\d+) col (\d+)/.exec(message)
      const place = at ? {line: Number(at[1]), column: Number(at[2])} : undefined
      return fail(`BibTeX does not parse: ${message.split('\n')[0]!.replace(/ at line \d+ col \d+:?$/, '')}`, place)
    }
  }
  if (extension === '.json') {
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch (error) {
      const message = String((error as Error).message)
      const at = /position (\d+)/.exec(message)
      return fail(`CSL-JSON does not parse: ${message}`, at ? pointAt(text, Number(at[1])) : undefined)
    }
    return Array.isArray(data) ? normalise(data) : fail('CSL-JSON must be a list of items', undefined, 'wrap the items in [ ]')
  }
  if (extension === '.yaml' || extension === '.yml') {
    let data: unknown
    try {
      data = parseYaml(text)
    } catch (error) {
      const place = error instanceof YAMLParseError && error.linePos ? {line: error.linePos[0].line, column: error.linePos[0].col} : undefined
      return fail(`CSL-YAML does not parse: ${String((error as Error).message).split('\n')[0]}`, place)
    }
    // Pandoc's form is a mapping with a `references:` list; a bare list is accepted too.
    const list = Array.isArray(data) ? data : (data as {references?: unknown} | null)?.references
    return Array.isArray(list) ? normalise(list) : fail('CSL-YAML must be a list of items (or `references:` with one)')
  }
  return fail(`unknown bibliography format '${extension}'`, undefined, 'use .bib (BibTeX/BibLaTeX), .json (CSL-JSON) or .yaml (CSL-YAML)')
}

function chain(data: unknown, type: string): CslItem[] {
  return core.plugins.input.chain(data, {forceType: type, generateGraph: false}) as CslItem[]
}

const DATES = ['issued', 'accessed', 'event-date', 'original-date', 'submitted']

/** CSL items from YAML/JSON; pandoc-style text dates (`issued: 2010-05`) go to citeproc as raw dates. */
function normalise(list: unknown[]): CslItem[] {
  const items = list
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && 'id' in item)
    .map((item) => {
      const copy: Record<string, unknown> = {...item, id: String(item.id)}
      for (const field of DATES) {
        const value = copy[field]
        if (typeof value === 'string' || typeof value === 'number') copy[field] = {raw: String(value)}
      }
      return copy
    })
  return chain(items, '@csl/list+object')
}

/**
 * citeproc loops forever disambiguating two sources of one author and year
 * (Harvard, MLA) when a given name starts with punctuation (`,U`, `.a`, `!.t`
 * in a hand-edited or damaged file): what comes before its first letter or
 * digit means nothing there and goes.
 */
function repairNames(item: CslItem) {
  for (const value of Object.values(item)) {
    if (!Array.isArray(value)) continue
    for (const name of value as unknown[]) {
      if (typeof name !== 'object' || name === null) continue
      const parts = name as {family?: unknown; given?: unknown}
      if (typeof parts.given === 'string') {
        const given = parts.given.replace(/^[^\p{L}\p{N}]+/u, '')
        if (given) parts.given = given
        else delete parts.given
      }
      // citeproc keeps names in plain objects: a `toString` or `constructor` finds the
      // object's own method and throws. An invisible word joiner makes the key new.
      for (const key of ['family', 'given'] as const) {
        const part = parts[key]
        if (typeof part === 'string' && part.trim() in Object.prototype) parts[key] = `${part}\u2060`
      }
    }
  }
}

/** Line of a key's definition, for duplicate-key messages. */
function keyPlace(text: string, id: string): Point {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(`(@\\w+\\s*\\{\\s*${escaped}\\s*,|"id"\\s*:\\s*"${escaped}"|\\bid:\\s*["']?${escaped}\\b)`, 'g')
  const matches = [...text.matchAll(pattern)]
  const match = matches[matches.length - 1]
  return match?.index === undefined ? {line: 1, column: 1} : pointAt(text, match.index)
}

function pointAt(text: string, offset: number): Point {
  return location(text).toPoint(offset) ?? {line: 1, column: 1}
}
