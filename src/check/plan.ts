/**
 * From measurements to a fit plan. A slide that overflows is scaled down
 * (its body text) as far as the floor, about 80 %, still legible from the back
 * of a room; when that is not enough it is cut at units, packed greedily so
 * each part is as full as fits at its present size. The parts are measured
 * again and scaled if a unit alone is too tall. The reference list is
 * paginated by its measured entry heights.
 */
import type {MeasuredSlide} from './measure.js'
import type {FitPlan, MeasuredReferences} from './split.js'

export interface PlanOptions {
  /** The smallest scale of a slide's body text (default: 0.8). */
  floor?: number
}

export const DEFAULT_FLOOR = 0.8
// Scale a little below the estimate: heights do not shrink exactly with the font (borders, images).
const SCALE_MARGIN = 0.985
// Pixels of slack kept when packing units into a part (margins between units are not measured).
const PACK_SLACK = 4

/** The next plan, extending `previous` with what these measurements ask for. */
export function planFit(slides: MeasuredSlide[], previous: FitPlan, options: PlanOptions = {}): FitPlan {
  const floor = options.floor ?? DEFAULT_FLOOR
  const scales = {...previous.scales}
  const breaks = new Set(previous.breaks)
  for (const slide of slides) {
    const key = slide.position?.start.offset
    if (key === undefined || slide.references || (slide.overflowY <= 0 && slide.overflowX <= 0)) continue
    const target = Math.floor(slide.scale * neededRatio(slide) * SCALE_MARGIN * 100) / 100
    const cuts = target < floor && slide.overflowY > 0 ? pack(slide) : []
    if (cuts.length > 0) for (const cut of cuts) breaks.add(cut)
    else scales[key] = Math.max(floor, target)
  }
  const references = measuredReferences(slides, previous.references)
  const fitText = {...previous.fitText}
  for (const slide of slides) {
    slide.fitTextOffsets.forEach((offset, index) => {
      if (offset !== undefined) fitText[offset] = slide.fitText[index]!
    })
  }
  return {
    scales,
    breaks: [...breaks].sort((a, b) => a - b),
    ...(references ? {references} : {}),
    ...(Object.keys(fitText).length > 0 ? {fitText} : {})
  }
}

/** True when the plans would build the same deck. */
export function samePlan(a: FitPlan, b: FitPlan): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** How much smaller the body must get: heights shrink with the text, the top padding does not. */
function neededRatio(slide: MeasuredSlide): number {
  const room = slide.limit - slide.paddingTop
  const y = slide.overflowY > 0 ? room / (room + slide.overflowY) : 1
  const x = slide.overflowX > 0 ? slide.width / (slide.width + slide.overflowX) : 1
  return Math.min(y, x)
}

/**
 * Offsets of the units that start a new part, filling each part as far as it
 * holds. A part has the slide's frame, its title, its units and the footnotes
 * its units mark; a note marked in two parts shows in both.
 */
function pack(slide: MeasuredSlide): number[] {
  const units = slide.units
  if (units.length < 2) return []
  // Every part starts where the first unit starts, below the same title.
  const room = slide.frame - units[0]![0] - slide.paddingBottom - PACK_SLACK
  const footer = (notes: Set<number>) =>
    notes.size === 0 ? 0 : slide.notesFrame + [...notes].reduce((sum, index) => sum + (slide.notes[index] ?? 0), 0)
  const cuts: number[] = []
  let start = 0
  let notes = new Set(slide.unitNotes[0])
  for (let index = 1; index < units.length; index++) {
    const offset = slide.unitOffsets[index]
    const withUnit = new Set([...notes, ...(slide.unitNotes[index] ?? [])])
    if (offset === undefined || units[index]![1] - units[start]![0] + footer(withUnit) <= room) {
      notes = withUnit
      continue
    }
    cuts.push(offset)
    start = index
    notes = new Set(slide.unitNotes[index])
  }
  return cuts
}

/**
 * Entry heights across every slide of the reference list, with the room for
 * them; left out while they would split the list as the estimate did, which
 * saves building the deck again.
 */
function measuredReferences(slides: MeasuredSlide[], previous: MeasuredReferences | undefined): MeasuredReferences | undefined {
  const lists = slides.filter((slide) => slide.references)
  if (lists.length === 0) return previous
  const room = (slide: MeasuredSlide) => slide.limit - slide.references!.top - PACK_SLACK
  const first = room(lists[0]!)
  const measured = {
    entries: lists.flatMap((slide) => slide.references!.entries),
    first,
    next: lists.length > 1 ? room(lists[1]!) : first
  }
  const shown = lists.map((slide) => slide.references!.entries.length)
  if (!previous && JSON.stringify(measuredPageSizes(measured)) === JSON.stringify(shown)) return undefined
  return measured
}

/** Entries a slide by measured heights: `first` px of room on the first slide, `next` on the others. */
export function measuredPageSizes(measured: MeasuredReferences): number[] {
  const sizes = [0]
  let used = 0
  for (const needed of measured.entries) {
    const room = sizes.length === 1 ? measured.first : measured.next
    if (used + needed > room && sizes[sizes.length - 1]! > 0) {
      sizes.push(0)
      used = 0
    }
    sizes[sizes.length - 1]!++
    used += needed
  }
  return sizes
}
