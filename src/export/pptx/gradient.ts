/**
 * Solid bands of a CSS `linear-gradient` background, as themes draw stripes
 * with hard colour stops (`linear-gradient(90deg, accent 0 14px, transparent
 * 14px)`): PowerPoint gets them as rectangles. Soft blends have no band and
 * are left out; only left-to-right and top-to-bottom gradients are read.
 */
import type {Box} from './page.js'

export interface Band {
  box: Box
  /** A computed colour, `rgb(…)` or `rgba(…)`. */
  color: string
}

/** The bands of a computed `background-image` painted on `box` (none when it is not a linear gradient). */
export function gradientBands(image: string, box: Box): Band[] {
  const inner = /^linear-gradient\((.*)\)$/.exec(image.trim())?.[1]
  if (!inner) return []
  const parts = splitTopLevel(inner)
  let horizontal = false
  if (/^(?:-?[\d.]+deg|to \w+)$/.test(parts[0]!)) {
    const direction = parts.shift()!
    if (direction === '90deg' || direction === 'to right') horizontal = true
    else if (direction !== '180deg' && direction !== 'to bottom') return []
  }
  const length = horizontal ? box[2] : box[3]
  const stops: Array<{color: string; at?: number}> = []
  for (const part of parts) {
    // A stop this does not read (a colour hint, a colour function) makes the bands unknown: draw none.
    const match = /^(rgba?\([^)]*\))((?:\s+-?[\d.]+(?:px|%))*)$/.exec(part)
    if (!match) return []
    const positions = match[2]!.trim().split(/\s+/).filter(Boolean)
    const at = (value: string) => (value.endsWith('%') ? (Number.parseFloat(value) / 100) * length : Number.parseFloat(value))
    if (positions.length === 0) stops.push({color: match[1]!})
    for (const position of positions) stops.push({color: match[1]!, at: at(position)})
  }
  const bands: Band[] = []
  for (let index = 0; index + 1 < stops.length; index++) {
    const from = stops[index]!
    const to = stops[index + 1]!
    if (from.color !== to.color || from.at === undefined || to.at === undefined || to.at <= from.at) continue
    const start = Math.max(0, from.at)
    const end = Math.min(length, to.at)
    if (end <= start) continue
    const band: Box = horizontal ? [box[0] + start, box[1], end - start, box[3]] : [box[0], box[1] + start, box[2], end - start]
    bands.push({box: band, color: from.color})
  }
  return bands
}

/** Splits at commas outside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '(') depth++
    else if (char === ')') depth--
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index).trim())
      start = index + 1
    }
  }
  parts.push(text.slice(start).trim())
  return parts
}
