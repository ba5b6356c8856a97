/**
 * Watches the files a deck depends on and reports each burst of changes once.
 *
 * Folders are watched, not the files: editors that save by writing a temporary
 * file and renaming it over the original (vim, JetBrains, VS Code with some
 * settings) replace the file, and a watch on the old file would go quiet. A
 * folder watch sees the new file under the same name. Only the listed files
 * count; the folders are watched one level deep. A file whose folder does not
 * exist yet (`img/` before the first image) is waited for from the nearest
 * folder that does.
 */
import {existsSync} from 'node:fs'
import {dirname, resolve, sep} from 'node:path'
import {type FSWatcher, watch} from 'chokidar'

/** Options for `DependencyWatcher`. */
export interface WatchOptions {
  /**
   * Quiet time after the last event before a batch is reported, in ms
   * (default: `20`): long enough to join a truncate and a write, or a save of
   * several files at once, short enough not to be felt.
   */
  debounce?: number
}

export class DependencyWatcher {
  private watcher: FSWatcher | undefined
  private readonly debounce: number
  private files = new Set<string>()
  private folders = new Set<string>()
  private readonly pending = new Set<string>()
  private timer: NodeJS.Timeout | undefined

  /** `onChange` gets the absolute paths that changed (or appeared, or went away). */
  constructor(
    private readonly onChange: (paths: string[]) => void,
    options: WatchOptions = {}
  ) {
    this.debounce = options.debounce ?? 20
  }

  /**
   * Watches exactly `paths` from now on (the deck's dependencies after a
   * build). The first call resolves once the watch is in place.
   */
  async setFiles(paths: Iterable<string>): Promise<void> {
    const previous = this.files
    this.files = new Set([...paths].map((path) => resolve(path)))
    const folders = new Set([...this.files].map((path) => existingFolder(dirname(path))))
    const added = [...folders].filter((folder) => !this.folders.has(folder))
    const removed = [...this.folders].filter((folder) => !folders.has(folder))
    this.folders = folders
    if (!this.watcher) {
      this.watcher = watch(added, {
        ignoreInitial: true,
        depth: 0,
        // A rename-save is an unlink and an add within a few ms: report one change.
        atomic: true,
        // Other files in the folders need no watch of their own.
        ignored: (path, stats) => stats?.isFile() === true && !this.files.has(resolve(path))
      })
      this.watcher.on('all', (event, path) => this.record(resolve(path), event === 'addDir'))
      // The folder's own events too: chokidar may still be re-watching a file
      // replaced by a rename-save when the next save comes, and would miss it.
      this.watcher.on('raw', (_event, name, details) => {
        const folder = (details as {watchedPath?: string}).watchedPath
        if (folder && typeof name === 'string' && name) this.record(resolve(folder, name), false)
      })
      const watcher = this.watcher
      await new Promise<void>((done, fail) => {
        watcher.once('ready', done)
        watcher.once('error', fail)
      })
      return
    }
    if (removed.length > 0) this.watcher.unwatch(removed)
    // A file the folder watch skipped while it was no dependency needs its own watch now.
    const newFiles = [...this.files].filter((path) => !previous.has(path) && !added.includes(dirname(path)))
    if (added.length + newFiles.length > 0) this.watcher.add([...added, ...newFiles])
  }

  async close(): Promise<void> {
    clearTimeout(this.timer)
    this.pending.clear()
    await this.watcher?.close()
  }

  private record(path: string, folder: boolean) {
    // A new folder may hold files waited for: count them as changed, so the
    // rebuild sees them and the next `setFiles` watches the folder itself.
    const paths = folder ? [...this.files].filter((file) => file.startsWith(path + sep)) : this.files.has(path) ? [path] : []
    if (paths.length === 0) return
    for (const changed of paths) this.pending.add(changed)
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      const paths = [...this.pending]
      this.pending.clear()
      this.onChange(paths)
    }, this.debounce)
  }
}

/** `folder`, or its nearest ancestor that exists. */
function existingFolder(folder: string): string {
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder)
  return folder
}
