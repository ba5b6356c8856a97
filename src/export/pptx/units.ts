/**
 * From the browser's units to PowerPoint's: CSS pixels are 1/96 inch (a
 * 1280×720 deck is PowerPoint's 13.33×7.5 in widescreen slide), points 1/72
 * inch; computed colours are `rgb()`/`rgba()`, PowerPoint's hex without `#`.
 */

export const inches = (px: number) => Math.round((px / 96) * 10_000) / 10_000
export const points = (px: number) => Math.round(px * 0.75 * 100) / 100

export interface Colour {
  /** `RRGGBB`. */
  hex: string
  /** 0 (transparent) to 1 (opaque). */
  alpha: number
}

/** A computed colour; `undefined` for one fully transparent or not understood. */
export function colour(value: string): Colour | undefined {
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)$/.exec(value.trim())
  if (!match) return undefined
  const alphaText = match[4]
  const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? Number.parseFloat(alphaText) / 100 : Number(alphaText)
  if (!(alpha > 0)) return undefined
  const hex = [match[1], match[2], match[3]].map((part) => Math.min(255, Math.round(Number(part))).toString(16).padStart(2, '0')).join('')
  return {hex: hex.toUpperCase(), alpha}
}

/** The first family of a CSS `font-family` list, unquoted: what to name when the browser cannot say which it used. */
export function firstFamily(list: string): string {
  const first = list.split(',')[0]?.trim().replace(/^['"]|['"]$/g, '') ?? ''
  const generic: Record<string, string> = {'sans-serif': 'Arial', serif: 'Times New Roman', monospace: 'Courier New'}
  return generic[first] ?? (first || 'Arial')
}
