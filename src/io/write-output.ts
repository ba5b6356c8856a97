/**
 * Nothing lost: every output is written to a temporary sibling and renamed
 * into place, so a failed or interrupted build leaves the last good output.
 */
import {randomBytes} from 'node:crypto'
import {existsSync, renameSync, rmSync} from 'node:fs'
import {mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
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
    const pid = Number(/^(\d+)-[0-9a-f]{8}$/.exec(name.slice(prefix.length))?.[1])
    if (name.startsWith(prefix) && pid && !isRunning(pid)) await cleanUp(join(dirname(path), name))
  }
}

function isRunning(pid: number): boolean {
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
  try {
    for (const [index, {path, data}] of files.entries()) {
      current = path
      await sweepTemporaries(path)
      await mkdir(dirname(path), {recursive: true})
      await writeFile(temps[index]!, data)
    }
    // Synchronous: no signal handler runs between two renames.
    for (const [index, {path}] of files.entries()) {
      current = path
      renameSync(temps[index]!, path)
    }
  } catch (error) {
    for (const temp of temps) await cleanUp(temp)
    throw writeError(current, error)
  } finally {
    done()
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

/**
 * Fills a fresh temporary folder with `fill`, then swaps it with `target`.
 * Top-level files of the old folder that the new build does not produce (a
 * PDF exported earlier) are carried over.
 */
export async function replaceFolder(target: string, fill: (folder: string) => Promise<void>): Promise<void> {
  await sweepTemporaries(target)
  const temp = tempSibling(target)
  const old = tempSibling(target)
  const carried: string[] = []
  // Ctrl-C mid-swap: the old folder goes back in place with the files carried out of it. Each step
  // on its own: a rename still running in the background may have won the race for a path.
  const done = onInterrupt(() => {
    if (!existsSync(target) && existsSync(old)) attempt(() => renameSync(old, target))
    for (const name of carried) if (existsSync(join(temp, name))) attempt(() => renameSync(join(temp, name), join(target, name)))
    attempt(() => rmSync(temp, {recursive: true, force: true}))
    attempt(() => rmSync(old, {recursive: true, force: true}))
  })
  try {
    await mkdir(temp, {recursive: true})
    await fill(temp)
    if (existsSync(target)) {
      const produced = new Set(await readdir(temp))
      for (const entry of await readdir(target, {withFileTypes: true})) {
        if (entry.isFile() && !produced.has(entry.name)) {
          await rename(join(target, entry.name), join(temp, entry.name))
          carried.push(entry.name)
        }
      }
      await rename(target, old)
    }
    await rename(temp, target)
  } catch (error) {
    // The swap failed after the old folder's own files (an exported PDF) moved over: put them back first.
    if (existsSync(target)) for (const name of carried) await rename(join(temp, name), join(target, name)).catch(() => undefined)
    await cleanUp(temp)
    throw writeError(target, error)
  } finally {
    await cleanUp(old)
    done()
  }
}

/**
 * Refuses an output folder that holds the source, or that has files citedeck
 * did not write, unless `force`: building must never delete a user's work.
 */
export async function checkOutputFolder(target: string, source: string, force: boolean): Promise<void> {
  const inside = relative(resolve(target), resolve(source))
  if (!inside.startsWith('..') && !inside.startsWith(sep) && inside !== resolve(source)) {
    throw new CitedeckError(
      `output folder ${target} contains the source ${source}`,
      'USAGE',
      'choose another folder with -o (building replaces the whole output folder)'
    )
  }
  if (force || !existsSync(target)) return
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
  return new CitedeckError(`cannot write ${path} (${code ?? String(error)})`, 'WRITE_FAILED', code ? hints[code] : undefined)
}
