/**
 * citeproc's output, kept in a small JSON file beside the build output so the
 * next `citedeck build` of an edited deck need not run citeproc again for the
 * citations it already formatted. Creating the engine, registering hundreds
 * of sources and formatting the bibliography is most of a cold build of a
 * citation-heavy deck (seconds), while an edit of the text changes none of it.
 *
 * Outputs are grouped by everything they depend on (`group`): the style,
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

/** Outputs by group, for one `Project`; a build names the groups it used (`used`) and saves those. */
export class CitationMemo {
  private readonly groups = new Map<string, Map<string, string>>()

  /** Whether any outputs are kept (loaded from beside the output, or made by this project). */
  get empty(): boolean {
    return this.groups.size === 0
  }

  /** The key of one style, locale and set of registered sources. */
  static key(...identity: string[]): string {
    const hash = createHash('sha256')
    for (const part of identity) hash.update(part).update('\u0000')
    return hash.digest('base64url')
  }

  /** The outputs of a group (created empty when new). */
  outputs(key: string): Map<string, string> {
    const outputs = this.groups.get(key) ?? new Map<string, string>()
    // Most recently used last; a long preview session that keeps changing its citations drops the oldest groups.
    this.groups.delete(key)
    this.groups.set(key, outputs)
    if (this.groups.size > GROUP_LIMIT) this.groups.delete(this.groups.keys().next().value!)
    return outputs
  }

  /** Adds the groups stored at `path` (none when it is missing or unreadable). */
  async load(path: string): Promise<void> {
    try {
      const data = JSON.parse(await readFile(path, 'utf8')) as {version?: number; groups?: Record<string, Record<string, string>>}
      if (data.version !== FILE_VERSION || !data.groups) return
      for (const [key, outputs] of Object.entries(data.groups)) {
        if (!this.groups.has(key) && isOutputs(outputs)) this.groups.set(key, new Map(Object.entries(outputs)))
      }
    } catch {
      // No memo yet, or an unreadable one: citeproc formats everything again.
    }
  }

  /** Writes the groups one build used (nothing when it formatted no citation). */
  async save(path: string, used: ReadonlySet<string>): Promise<void> {
    if (used.size === 0) return
    const stored = Object.fromEntries([...used].flatMap((key) => (this.groups.has(key) ? [[key, Object.fromEntries(this.groups.get(key)!)]] : [])))
    await writeFileAtomic(path, JSON.stringify({version: FILE_VERSION, groups: stored}))
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
