/**
 * The last measured fit plan, carried over to an edited text, so that a
 * rebuild on save shows slides scaled and split as they were measured before
 * the browser has measured the new text. A plan is keyed by source offsets:
 * offsets before the edited stretch stay, those after it move with the text,
 * and those inside it are dropped (the background fit measures that part).
 */
import type {FitPlan} from '../check/split.js'

export function carryPlan(plan: FitPlan, before: string, after: string): FitPlan {
  if (before === after) return plan
  // The edited stretch: what lies between the common start and the common end of both texts.
  let start = 0
  const shortest = Math.min(before.length, after.length)
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let end = 0
  while (end < shortest - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++
  const editedEnd = before.length - end
  const delta = after.length - before.length
  const move = (offset: number): number | undefined => (offset < start ? offset : offset >= editedEnd ? offset + delta : undefined)

  const scales: Record<number, number> = {}
  for (const [offset, scale] of Object.entries(plan.scales)) {
    const moved = move(Number(offset))
    if (moved !== undefined) scales[moved] = scale
  }
  const breaks = plan.breaks.flatMap((offset) => move(offset) ?? [])
  return {...plan, scales, breaks}
}
