/**
 * One rule for every file a deck names (theme, CSL style, bibliography,
 * image): it must be inside the deck's project folder, so a deck someone sent
 * cannot copy `../../../../etc/passwd` into its output as a theme. The
 * project folder is the nearest folder at or above the deck's that holds
 * `.git` or `package.json`; else the current directory if the deck is inside
 * it; else the deck's own folder. Symlinks count where they lead. Paths typed
 * on the command line are the user's own and are not checked.
 */
import {existsSync, realpathSync} from 'node:fs'
import {dirname, isAbsolute, join, relative, resolve} from 'node:path'
import type {VFile} from 'vfile'
import {type Place, report} from '../messages.js'

declare module 'vfile' {
  interface DataMap {
    /** Files the deck names may be read from anywhere (`--allow-outside`). */
    allowOutside: boolean
  }
}

const MARKERS = ['.git', 'package.json']

/** The deck's project folder (real path), by the rule above. */
export function projectFolder(deckPath: string, cwd = process.cwd()): string {
  const deckFolder = real(dirname(resolve(deckPath)))
  for (let folder = deckFolder; ; folder = dirname(folder)) {
    if (MARKERS.some((marker) => existsSync(join(folder, marker)))) return folder
    if (dirname(folder) === folder) break
  }
  const here = real(resolve(cwd))
  return isInside(deckFolder, here) || deckFolder === here ? here : deckFolder
}

/** Whether `path` (resolved through symlinks) lies strictly inside `folder`. */
export function isInside(path: string, folder: string): boolean {
  const inside = relative(folder, path)
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)
}

/**
 * True when the deck may read `path` (an existing file it names as `written`);
 * otherwise reports an error at `place` and returns false.
 */
export function allowedFile(file: VFile, path: string, what: string, written: string, place: Place): boolean {
  if (file.data.allowOutside || !file.path) return true
  const root = projectFolder(file.path)
  if (isInside(real(path), root)) return true
  report(file, `${what} outside the deck's project folder: ${written}`, place, 'outside-project', {
    fatal: true,
    note: `the project folder is ${relative(process.cwd(), root) || '.'} (the nearest folder with .git or package.json, else the current one); copy the file into it, or pass --allow-outside`
  })
  return false
}

function real(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}
