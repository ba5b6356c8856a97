/**
 * The flags every command that compiles a deck shares: `--csl`, checked here
 * like `--theme` (exit 2, a usage error: the deck is fine),
 * `--allow-outside` (alias `--allow-outside-images`, its older name) and
 * `--safe`.
 */
import {existsSync, readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {type Command, Option} from 'commander'
import {shippedName, STYLE_NOTE, styleProblem} from '../cite/style-names.js'
import {CitedeckError} from '../errors.js'

export interface SourceFlags {
  csl?: string
  safe?: boolean
  allowOutside?: boolean
  allowOutsideImages?: boolean
}

export function withAllowOutside(command: Command): Command {
  return command
    .option('--allow-outside', "read the theme, CSL style, bibliographies and images the deck names from outside its project folder (refused by default)")
    .addOption(new Option('--allow-outside-images', 'the older name of --allow-outside').hideHelp())
    .option('--safe', "for a deck you did not write: leave out its raw HTML, javascript: links and on… attributes")
}

/** The compile options the shared flags give: a style file named on the command line is relative to where the user is. */
export function sourceOptions(flags: SourceFlags): {csl?: string; allowOutside?: boolean; safe?: boolean} {
  const allowOutside = flags.allowOutside || flags.allowOutsideImages || undefined
  const safe = flags.safe
  if (flags.csl === undefined) return {allowOutside, safe}
  if (shippedName(flags.csl)) return {csl: flags.csl, allowOutside, safe}
  if (!/\.csl$/i.test(flags.csl)) throw new CitedeckError(`unknown citation style '${flags.csl}'`, 'UNKNOWN_STYLE', STYLE_NOTE)
  const path = resolve(flags.csl)
  if (!existsSync(path)) throw new CitedeckError(`citation style not found: ${flags.csl}`, 'UNKNOWN_STYLE', `looked for ${path}`)
  const problem = styleProblem(readFileSync(path, 'utf8'))
  if (problem) throw new CitedeckError(`${flags.csl} ${problem.reason}`, 'UNKNOWN_STYLE', problem.note)
  return {csl: path, allowOutside, safe}
}
