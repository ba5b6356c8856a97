/**
 * Parsed bibliography files by path, checked against their mtime and size, so
 * a rebuild after a text edit does not parse them again. One a project (see
 * cache.ts); apart from load.ts so that holding one does not load citation-js.
 */
import {stat} from 'node:fs/promises'

export class BibliographyCache<Parsed extends object> {
  private readonly files = new Map<string, {mtimeMs: number; size: number; parsed: Parsed; version: number}>()
  private versions = 0

  /** The file parsed by `parse`, or as parsed before when it has not changed; `undefined` when it is not a file. */
  async parse(path: string, parse: (path: string, mtimeMs: number, size: number) => Promise<Parsed>): Promise<(Parsed & {version: number}) | undefined> {
    const stats = await stat(path).catch(() => undefined)
    if (!stats?.isFile()) return undefined
    let entry = this.files.get(path)
    if (!entry || entry.mtimeMs !== stats.mtimeMs || entry.size !== stats.size) {
      // The version names this parse: engines are kept by the versions of their bibliography's files.
      entry = {mtimeMs: stats.mtimeMs, size: stats.size, parsed: await parse(path, stats.mtimeMs, stats.size), version: ++this.versions}
      this.files.set(path, entry)
    }
    return {...entry.parsed, version: entry.version}
  }
}
