/**
 * Nothing lost: every output is written to a temporary sibling and renamed
 * into place, so a failed, interrupted or killed build leaves the last good
 * output (see `replaceFolder` for folders).
 */
import {randomBytes} from 'node:crypto'
import {existsSync, readdirSync, realpathSync, renameSync, rmSync} from 'node:fs'
import {mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile} from 'node:fs/promises'
import {basename, dirname, join, relative, resolve, sep} from 'node:path'
import {CitedeckError} from '../errors.js'
import {onInterrupt} from './interrupt.js'

const TEMP_PREFIX = '.citedeck-tmp-'

function tempSibling(path: string): string {
  return join(dirname(path), `${TEMP_PREFIX}${basename(path)}-${process.pid}-${randomBytes(4).toString('hex')}`)
}

/**
 * Removes what an interrupted write left beside `path` (Ctrl-C, a killed
 * process, a power cut): temporaries named for `path` whose process is gone.
 */
async function sweepTemporaries(path: string): Promise<void> {
  const prefix = `${TEMP_PREFIX}${basename(path)}-`
  const entries = await readdir(dirname(path)).catch(() => [])
  for (const name of entries) {
    const pid = ownerOf(name, prefix)
    if (pid && !isRunning(pid)) await cleanUp(join(dirname(path), name))
  }
}

/** The process id in a temporary's name (`<prefix><pid>-<8 hex>`), if it is one. */
function ownerOf(name: string, prefix: string): number | undefined {
  if (!name.startsWith(prefix)) return undefined
  return Number(/^(\d+)-[0-9a-f]{8}$/.exec(name.slice(prefix.length))?.[1]) || undefined
}

/** Whether a process runs (as any user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Writes a file atomically (temp file + rename). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeFilesAtomic([{path, data}])
}

/**
 * Writes files that belong together (an outline and its bibliography): every
 * temporary is written first, then all are renamed at once, so a failed write
 * (a full disk) or Ctrl-C leaves all the old files, never half of the new.
 */
export async function writeFilesAtomic(files: Array<{path: string; data: string | Uint8Array}>): Promise<void> {
  const temps = files.map(({path}) => tempSibling(path))
  const done = onInterrupt(() => {
    for (const temp of temps) rmSync(temp, {force: true})
  })
  let current = files[0]!.path
  const made: Array<[top: string, folder: string]> = []
  try {
    for (const [index, {path, data}] of files.entries()) {
      current = path
      await sweepTemporaries(path)
      const top = await makeFolder(dirname(path))
      if (top) made.push([top, dirname(path)])
      await writeFile(temps[index]!, data)
    }
    // Synchronous: no signal handler runs between two renames.
    for (const [index, {path}] of files.entries()) {
      current = path
      renameSync(temps[index]!, path)
    }
  } catch (error) {
    for (const temp of temps) await cleanUp(temp)
    for (const [top, folder] of made) await removeEmpty(top, folder)
    throw writeError(current, error)
  } finally {
    done()
  }
}

/**
 * `mkdir -p` that says why it failed: Node's recursive mkdir reports a
 * read-only disk (EROFS) as ENOENT, so then the missing folders are made one
 * at a time, which fails with the real reason. Gives the topmost folder it
 * made, if any, so a failed write can take its folders away again.
 */
async function makeFolder(path: string): Promise<string | undefined> {
  try {
    return await mkdir(path, {recursive: true})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    const missing: string[] = []
    for (let folder = resolve(path); !existsSync(folder) && dirname(folder) !== folder; folder = dirname(folder)) missing.unshift(folder)
    for (const folder of missing) await mkdir(folder)
    return missing[0]
  }
}

/** Removes the folders a failed write made, from `folder` up to `top`, while they are empty (nothing half-written is left). */
async function removeEmpty(top: string, folder: string): Promise<void> {
  for (let current = resolve(folder); ; current = dirname(current)) {
    if (!(await rmdir(current).then(() => true, () => false)) || current === resolve(top) || dirname(current) === current) return
  }
}

function attempt(step: () => void): void {
  try {
    step()
  } catch {
    // What is left is swept by the next write.
  }
}

/** Removes a temporary file or folder; a failure here must not hide the error that got us here. */
async function cleanUp(path: string): Promise<void> {
  await rm(path, {recursive: true, force: true}).catch(() => undefined)
}

/** Where a swap stands; `replaceFolder`'s `onStep` hears each, so tests can stop it there as a kill -9 would. */
export type SwapStep = 'filled' | 'old-set-aside' | 'new-in-place' | 'carried' | 'done'

export interface ReplaceOptions {
  /** Called after each step of the swap (tests: a crash image of the disk at that point). */
  onStep?: (step: SwapStep) => void | Promise<void>
}

/**
 * Fills a fresh temporary folder with `fill`, then swaps it with `target`.
 * Top-level files of the old folder that the new build does not produce (a
 * PDF exported earlier) are carried over.
 *
 * Crash-safe by naming, for kill -9 and power cuts as well as Ctrl-C: the
 * new folder is filled as `.citedeck-tmp-…` (disposable: until it is in
 * place the old output is whole), the old one is set aside whole as
 * `.citedeck-old-…`, the new one renamed into place, and only then are the
 * old one's extra files carried over and the rest removed. So at any moment
 * the old output is whole (in place or set aside) or the new one is in place
 * with the old set aside holding what it still lacks, and `recoverFolder`,
 * run before every build, finishes or undoes the swap from the names alone.
 */
export async function replaceFolder(target: string, fill: (folder: string) => Promise<void>, options: ReplaceOptions = {}): Promise<void> {
  recoverFolder(target)
  const step = options.onStep ?? (() => undefined)
  const temp = tempSibling(target)
  const old = join(dirname(target), `${OLD_PREFIX}${basename(target)}-${process.pid}-${randomBytes(4).toString('hex')}`)
  // Ctrl-C mid-swap: the same recovery as after a kill, this process's own names included.
  const mine = (pid: number) => pid !== process.pid && isRunning(pid)
  const done = onInterrupt(() => {
    attempt(() => rmSync(temp, {recursive: true, force: true}))
    recoverFolder(target, mine)
  })
  let made: string | undefined
  try {
    made = await makeFolder(temp)
    await fill(temp)
    await step('filled')
    if (existsSync(target)) {
      await rename(target, old)
      await step('old-set-aside')
    }
    await rename(temp, target)
    await step('new-in-place')
    if (existsSync(old)) {
      const produced = new Set(await readdir(target))
      for (const entry of await readdir(old, {withFileTypes: true})) {
        if (entry.isFile() && !produced.has(entry.name)) {
          await rename(join(old, entry.name), join(target, entry.name))
          await step('carried')
        }
      }
      await rm(old, {recursive: true, force: true})
    }
    await step('done')
  } catch (error) {
    // Whatever failed, put things back as a crash here would be recovered.
    await cleanUp(temp)
    attempt(() => recoverFolder(target, mine))
    // The folders made to hold the temporary (`-o new/deck` on a full disk): a first build leaves nothing.
    if (made && made !== resolve(temp)) await removeEmpty(made, dirname(temp))
    // Named for the output folder, not for the temporary file that failed inside it.
    const cause = error instanceof CitedeckError && error.code === 'WRITE_FAILED' ? error.cause ?? error : error
    throw writeError(target, cause)
  } finally {
    done()
  }
}

const OLD_PREFIX = '.citedeck-old-'

/**
 * Finishes or undoes a swap that a killed process left beside `target`: with
 * no `target`, the old folder set aside goes back; with the new `target` in
 * place, the old folder's top-level files it lacks are carried over and the
 * rest removed. Then dead processes' temporaries are removed. Synchronous, so
 * a Ctrl-C handler can run it; `alive` tells whose names to leave alone.
 */
export function recoverFolder(target: string, alive: (pid: number) => boolean = isRunning): void {
  const folder = dirname(target)
  const prefix = `${OLD_PREFIX}${basename(target)}-`
  let entries: string[]
  try {
    entries = readdirSync(folder)
  } catch {
    return
  }
  for (const name of entries) {
    const pid = ownerOf(name, prefix)
    if (!pid || alive(pid)) continue
    const old = join(folder, name)
    // Each step on its own: what cannot be done now (a read-only disk) is done by the next run.
    if (!existsSync(target)) {
      attempt(() => renameSync(old, target))
      continue
    }
    attempt(() => {
      const present = new Set(readdirSync(target))
      for (const entry of readdirSync(old, {withFileTypes: true})) {
        if (entry.isFile() && !present.has(entry.name)) renameSync(join(old, entry.name), join(target, entry.name))
      }
      rmSync(old, {recursive: true, force: true})
    })
  }
  const tempPrefix = `${TEMP_PREFIX}${basename(target)}-`
  for (const name of entries) {
    const pid = ownerOf(name, tempPrefix)
    if (pid && !alive(pid)) attempt(() => rmSync(join(folder, name), {recursive: true, force: true}))
  }
}

/**
 * Refuses an output folder that holds the source, or that has files citedeck
 * did not write, unless `force`: building must never delete a user's work.
 */
export async function checkOutputFolder(target: string, source: string, force: boolean): Promise<void> {
  // Compared where they lead too: -o a symlink to the source's folder is that folder.
  for (const [folder, file] of [[resolve(target), resolve(source)], [realOrSelf(target), realOrSelf(source)]] as const) {
    const inside = relative(folder, file)
    if (!inside.startsWith('..') && !inside.startsWith(sep) && inside !== file) {
      throw new CitedeckError(
        `output folder ${target} contains the source ${source}`,
        'USAGE',
        'choose another folder with -o (building replaces the whole output folder)'
      )
    }
  }
  const kind = await stat(target).catch(() => undefined)
  if (kind && !kind.isDirectory()) {
    throw new CitedeckError(`output ${target} is a file, not a folder`, 'USAGE', 'choose a folder with -o, or add --embed and name an .html file')
  }
  if (force || !kind) return
  const entries = await readdir(target)
  if (entries.length === 0) return
  const index = join(target, 'index.html')
  const ours = existsSync(index) && (await readFile(index, 'utf8')).includes('name="generator" content="citedeck"')
  if (!ours) {
    throw new CitedeckError(
      `output folder ${target} exists and was not made by citedeck`,
      'USAGE',
      'choose another folder with -o, or pass --force to replace it'
    )
  }
}

/**
 * Refuses to write one embedded `.html` over a file citedeck did not make
 * (a user's own `index.html`) unless `force`, or over the source itself.
 */
export async function checkOutputFile(target: string, source: string, force: boolean): Promise<void> {
  if (realOrSelf(target) === realOrSelf(source)) {
    throw new CitedeckError(`output ${target} is the source ${source}`, 'USAGE', 'choose another file with -o')
  }
  const kind = await stat(target).catch(() => undefined)
  if (!kind || force) return
  if (kind.isDirectory()) throw new CitedeckError(`output ${target} is a folder`, 'USAGE', 'name an .html file with -o, or leave out --embed to build a folder')
  const ours = (await readFile(target, 'utf8').catch(() => '')).includes('name="generator" content="citedeck"')
  if (!ours) throw new CitedeckError(`${target} exists and was not made by citedeck`, 'USAGE', 'choose another file with -o, or pass --force to replace it')
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(resolve(path))
  } catch {
    return resolve(path)
  }
}

function writeError(path: string, error: unknown): Error {
  if (error instanceof CitedeckError) return error
  const code = (error as NodeJS.ErrnoException).code
  const hints: Record<string, string> = {
    EACCES: 'the folder is not writable: choose another with -o',
    EPERM: 'the folder is not writable: choose another with -o',
    ENOSPC: 'the disk is full: free some space and build again',
    EROFS: 'the disk is read-only: choose another folder with -o',
    ENOTDIR: 'part of the path is a file, not a folder: choose another with -o',
    EEXIST: 'part of the path is a file, not a folder: choose another with -o'
  }
  const failure = new CitedeckError(`cannot write ${path} (${code ?? String(error)})`, 'WRITE_FAILED', code ? hints[code] : undefined)
  failure.cause = error
  return failure
}
