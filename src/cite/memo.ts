/**
 * citeproc's output, kept in a small JSON file beside the build output so the
 * next `citedeck build` of an edited deck need not run citeproc again for the
 * citations it already formatted. Creating the engine, registering hundreds
 * of sources and formatting the bibliography is most of a cold build of a
 * citation-heavy deck (seconds), while an edit of the text changes none of it.
 *
 * Outputs are grouped by everything they depend on (`outputsFor`): the style,
 * the locale and the registered sources, their data and order included. A
 * group is a map from the engine call to its HTML. Kept apart from the engine
 * so that reading the file does not load citeproc.
 */
import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {writeFileAtomic} from '../io/write-output.js'

const FILE_VERSION = 1
// A few decks at a time (a course built together), each with a few recent versions of its citations.
const GROUP_LIMIT = 32

/** Outputs by group, for the whole process; a file adds to it and saves the groups a build used. */
const groups = new Map<string, Map<string, string>>()
const used = new Set<string>()

/** The outputs of one style, locale and set of registered sources (created empty when new). */
export function outputsFor(...identity: string[]): Map<string, string> {
  const hash = createHash('sha256')
  for (const part of identity) hash.update(part).update('\u0000')
  const key = hash.digest('base64url')
  const outputs = groups.get(key) ?? new Map<string, string>()
  // Most recently used last; a long preview session that keeps changing its citations drops the oldest groups.
  groups.delete(key)
  groups.set(key, outputs)
  if (groups.size > GROUP_LIMIT) groups.delete(groups.keys().next().value!)
  used.add(key)
  return outputs
}

/** Adds the groups stored at `path` (none when it is missing or unreadable), and forgets which were used. */
export async function loadCitationMemo(path: string): Promise<void> {
  used.clear()
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as {version?: number; groups?: Record<string, Record<string, string>>}
    if (data.version !== FILE_VERSION || !data.groups) return
    for (const [key, outputs] of Object.entries(data.groups)) if (!groups.has(key) && isOutputs(outputs)) groups.set(key, new Map(Object.entries(outputs)))
  } catch {
    // No memo yet, or an unreadable one: citeproc formats everything again.
  }
}

/** A file edited by hand or by another tool may hold anything: only a map of strings is citeproc's output. */
function isOutputs(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  if (!Object.values(value).every((output) => typeof output === 'string')) return false
  const bibliography = (value as Record<string, string>).bibliography
  if (bibliography === undefined) return true
  try {
    const entries: unknown = JSON.parse(bibliography)
    return Array.isArray(entries) && entries.every((entry) => typeof entry?.id === 'string' && typeof entry?.html === 'string')
  } catch {
    return false
  }
}

/** Writes the groups used since `loadCitationMemo` (nothing when no citation was formatted). */
export async function saveCitationMemo(path: string): Promise<void> {
  if (used.size === 0) return
  const stored = Object.fromEntries([...used].flatMap((key) => (groups.has(key) ? [[key, Object.fromEntries(groups.get(key)!)]] : [])))
  await writeFileAtomic(path, JSON.stringify({version: FILE_VERSION, groups: stored}))
}
