/**
 * Measurements by slide content (a hash of the slide's HTML and the deck's
 * stylesheets): in memory for a project (a `Map`), and in a small JSON file beside
 * the output so the next `citedeck build` need not start the browser when no
 * slide changed. The file also keeps the fit plans builds ended with, by the
 * deck they fitted, so a build of an unchanged deck compiles once.
 */
import {readFile} from 'node:fs/promises'
import {writeFileAtomic} from '../io/write-output.js'
import type {SlideMeasurement} from './page.js'
import type {FitPlan} from './split.js'

export interface Cache<T> {
  get: (key: string) => T | undefined
  set: (key: string, value: T) => void
}

export interface Cache<T> {
  get: (key: string) => T | undefined
  set: (key: string, value: T) => void
}

export type MeasureCache = Cache<SlideMeasurement>

/** A plan a fitted build ended with, and the slides its splits and paginated references added. */
export interface SavedPlan {
  plan: FitPlan
  added: number
}

const FILE_VERSION = 1
// A deck is rarely more than a few hundred slides; old entries beyond this are dropped.
const FILE_LIMIT = 2000
// Plans of the last few versions of the deck (an edit undone finds its plan again).
const PLAN_LIMIT = 8

/**
 * A cache backed by `path` over the project's `fallback` in memory: reads what
 * is there (entries `isEntry` accepts: a file edited by hand or by another
 * tool may hold anything), and `save()` writes what the last build used.
 */
export async function fileCache<T = SlideMeasurement>(path: string, fallback: Cache<T>, isEntry: (value: unknown) => value is T) {
  const stored = new Map<string, T>()
  const plans = new Map<string, SavedPlan>()
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as {version?: number; slides?: unknown; plans?: unknown}
    if (data.version === FILE_VERSION && isRecord(data.slides)) {
      for (const [key, value] of Object.entries(data.slides)) if (isEntry(value)) stored.set(key, value)
      if (isRecord(data.plans)) for (const [key, value] of Object.entries(data.plans)) if (isSavedPlan(value)) plans.set(key, value)
    }
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
  /** The plan the last fitted build of the same deck ended with (see fit.ts), and keeping this build's. */
  const plan = (key: string) => plans.get(key)
  const keepPlan = (key: string, value: SavedPlan) => {
    plans.delete(key)
    plans.set(key, value)
  }
  const save = async () => {
    const slides = Object.fromEntries([...used].slice(-FILE_LIMIT))
    const kept = plans.size > 0 ? {plans: Object.fromEntries([...plans].slice(-PLAN_LIMIT))} : {}
    await writeFileAtomic(path, JSON.stringify({version: FILE_VERSION, slides, ...kept}))
  }
  return {cache, save, plan, keepPlan}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
const isNumbers = (value: unknown): value is number[] => Array.isArray(value) && value.every(isNumber)

/** Whether `value` has the shape `measureInPage` records. */
export function isMeasurement(value: unknown): value is SlideMeasurement {
  if (!isRecord(value)) return false
  const numbers = ['overflowY', 'overflowX', 'limit', 'paddingTop', 'width', 'frame', 'paddingBottom', 'notesFrame']
  if (!numbers.every((name) => isNumber(value[name])) || !isNumbers(value.notes)) return false
  if (!Array.isArray(value.units) || !value.units.every((unit) => isNumbers(unit) && unit.length === 2)) return false
  if (!Array.isArray(value.unitNotes) || !value.unitNotes.every(isNumbers)) return false
  if (!Array.isArray(value.brokenImages) || !value.brokenImages.every((src) => typeof src === 'string')) return false
  const small = value.smallText
  if (small !== undefined && !(isRecord(small) && isNumber(small.size) && typeof small.text === 'string')) return false
  const references = value.references
  return references === undefined || (isRecord(references) && isNumber(references.top) && isNumbers(references.entries))
}

function isSavedPlan(saved: unknown): saved is SavedPlan {
  if (!isRecord(saved) || !isNumber(saved.added)) return false
  const value = saved.plan
  if (!isRecord(value) || !isRecord(value.scales) || !isNumbers(value.breaks)) return false
  if (!Object.values(value.scales).every((scale) => isNumber(scale) && scale > 0 && scale <= 1)) return false
  const references = value.references
  return references === undefined || (isRecord(references) && isNumbers(references.entries) && isNumber(references.first) && isNumber(references.next))
}
