/**
 * The format registry: every output citedeck writes, by name, each a module
 * that takes the compiled, fitted deck and writes its file atomically
 * (format.ts says what a format is). `citedeck build --to html,pdf,pptx`
 * names them; one compile and one browser serve all of one run.
 */
import {basename, dirname, extname, join, resolve} from 'node:path'
import {closest, distance} from 'fastest-levenshtein'
import {defaultOutput} from '../build.js'
import {CitedeckError} from '../errors.js'
import {embed} from './embed.js'
import type {Format, FormatName} from './format.js'
import {handout} from './handout.js'
import {html} from './html.js'
import {notes} from './notes.js'
import {pdf} from './pdf.js'
import {pptx} from './pptx.js'

export type {EmitContext, Emitted, Format, FormatName, FormatOptions} from './format.js'

/** Every format, in the order a run writes them: the deck folder first, since the other files go into it. */
export const FORMATS: Readonly<Record<FormatName, Format>> = {html, embed, pdf, handout, notes, pptx}

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[]

/** Reads `--to html,pdf`: known names, each once, in the registry's order; a usage error names the nearest. */
export function parseFormats(list: string[]): FormatName[] {
  const names = list.flatMap((item) => item.split(',')).map((name) => name.trim().toLowerCase()).filter(Boolean)
  for (const name of names) {
    if (name in FORMATS) continue
    const near = closest(name, FORMAT_NAMES)
    const hint = distance(name, near) <= 2 ? `did you mean '${near}'? ` : ''
    throw new CitedeckError(`--to ${name}: unknown format`, 'USAGE', `${hint}formats: ${FORMAT_NAMES.join(', ')}`)
  }
  if (names.length === 0) throw new CitedeckError('--to needs at least one format', 'USAGE', `formats: ${FORMAT_NAMES.join(', ')}`)
  return FORMAT_NAMES.filter((name) => names.includes(name))
}

/**
 * Where each format of a run writes, for the deck at `source` and `-o output`:
 * - `html`: the folder `output` (default `dist/<deck>`);
 * - `embed`: the file `output` (default `dist/<deck>.html`), or `<deck>.html` in the folder when `html` is written too;
 * - the other files (`<deck>.pdf`, `-notes.pdf`, `-handout.pdf`, `.pptx`): in the deck folder when there is one, else
 *   beside the `.html` file; with neither, `output` is the file itself when it is the only one and has its extension,
 *   else the folder they go in (default `dist`).
 */
export function outputPaths(formats: FormatName[], source: string, output?: string): Map<FormatName, string> {
  const paths = new Map<FormatName, string>()
  const name = basename(defaultOutput(source))
  const files = formats.filter((format) => format !== 'html' && format !== 'embed')
  let folder: string
  if (formats.includes('html')) {
    folder = output ?? defaultOutput(source)
    paths.set('html', folder)
    if (formats.includes('embed')) paths.set('embed', join(folder, embed.fileName(name)))
  } else if (formats.includes('embed')) {
    const file = output ?? defaultOutput(source, true)
    paths.set('embed', file)
    folder = extname(file).toLowerCase() === '.html' ? dirname(file) : file
  } else {
    const single = files.length === 1 && output !== undefined && extname(output).toLowerCase() === extname(FORMATS[files[0]!].fileName(name))
    if (single) return new Map([[files[0]!, resolve(output)]])
    folder = output ?? dirname(defaultOutput(source))
  }
  for (const format of files) paths.set(format, join(folder, FORMATS[format].fileName(name)))
  return new Map([...paths].map(([format, path]) => [format, resolve(path)]))
}
