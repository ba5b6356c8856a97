/**
 * Pandoc attributes → HTML properties, as pandoc's HTML5 writer maps them:
 * `#id` and `.class` as written, `width`/`height` (and, with `.absolute`,
 * `top`/`left`/`right`/`bottom`) as CSS, and any key HTML does not define
 * prefixed `data-`, so `background-color` on a slide heading becomes
 * reveal's `data-background-color` and `fragment-index` `data-fragment-index`.
 */
import type {Properties} from 'hast'
import type {PandocAttributes} from './attributes.js'

// Attributes HTML defines on any element (and links' own), written without `data-`.
const HTML_ATTRIBUTES = new Set(['title', 'lang', 'dir', 'style', 'role', 'tabindex', 'target', 'rel', 'hreflang', 'download', 'alt'])
const SIZES = new Set(['width', 'height'])
const OFFSETS = new Set(['top', 'left', 'right', 'bottom'])

/** `30%`, `2em` as written; a bare number is pixels, as in pandoc. */
function cssLength(value: string): string {
  return /^\d+(?:\.\d+)?$/.test(value) ? `${value}px` : value
}

export function htmlProperties(attributes: PandocAttributes): Properties {
  const properties: Record<string, string | string[]> = {}
  const styles: string[] = []
  const absolute = attributes.classes.includes('absolute')
  if (attributes.id) properties.id = attributes.id
  if (attributes.classes.length > 0) properties.className = [...attributes.classes]
  for (const [key, value] of attributes.pairs) {
    if (SIZES.has(key) || (absolute && OFFSETS.has(key))) styles.push(`${key}: ${cssLength(value)}`)
    else if (key === 'style') styles.unshift(value.replace(/;\s*$/, ''))
    else if (HTML_ATTRIBUTES.has(key) || key.startsWith('data-') || key.startsWith('aria-')) properties[key] = value
    else properties[`data-${key}`] = value
  }
  if (styles.length > 0) properties.style = styles.join('; ')
  return properties
}
