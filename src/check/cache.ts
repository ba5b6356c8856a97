/**
 * Measurements by slide content (a hash of the slide's HTML and the deck's
 * stylesheets): in memory for a project (a `Map`), and in a small JSON file beside
 * the output so the next `citedeck build` need not start the browser when no
 * slide changed.
 */
import {readFile} from 'node:fs/promises'
import {writeFileAtomic} from '../io/write-output.js'
import type {SlideMeasurement} from './page.js'

export interface Cache<T> {
  get: (key: string) => T | undefined
  set: (key: string, value: T) => void
}

export type MeasureCache = Cache<SlideMeasurement>

const FILE_VERSION = 1
// A deck is rarely more than a few hundred slides; old entries beyond this are dropped.
const FILE_LIMIT = 2000

/** A cache backed by `path` over the project's `fallback` in memory: reads what is there, and `save()` writes what the last build used. */
export async function fileCache<T = SlideMeasurement>(path: string, fallback: Cache<T>) {
  const stored = new Map<string, T>()
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as {version?: number; slides?: Record<string, T>}
    if (data.version === FILE_VERSION && data.slides) for (const [key, value] of Object.entries(data.slides)) stored.set(key, value)
  } catch {
    // No cache yet, or an unreadable one: measure again.
  }
  const used = new Map<string, T>()
  const cache: Cache<T> = {
    get(key) {
      const value = fallback.get(key) ?? stored.get(key)
      if (value) used.set(key, value)
      return value
    },
    set(key, value) {
      fallback.set(key, value)
      used.set(key, value)
    }
  }
  const save = async () => {
    const slides = Object.fromEntries([...used].slice(-FILE_LIMIT))
    await writeFileAtomic(path, JSON.stringify({version: FILE_VERSION, slides}))
  }
  return {cache, save}
}
