/**
 * The names of the shipped CSL styles and the checks of a `.csl` file's text,
 * apart from the styles themselves: the CLI checks `--csl` with these before
 * any deck is read, without loading citation-js.
 */

// Shipped names; the value is a plugin-csl template or a file in `styles/`.
export const SHIPPED: Record<string, {template?: string; file?: string}> = {
  apa: {template: 'apa'},
  mla: {file: 'modern-language-association.csl'},
  'chicago-notes': {file: 'chicago-fullnote-bibliography.csl'},
  'chicago-author-date': {file: 'chicago-author-date.csl'},
  harvard: {template: 'harvard1'},
  ieee: {file: 'ieee.csl'}
}

const ALIASES: Record<string, string> = {
  apa7: 'apa',
  'modern-language-association': 'mla',
  mla9: 'mla',
  chicago: 'chicago-notes',
  'chicago-note-bibliography': 'chicago-notes',
  'chicago-notes-bibliography': 'chicago-notes',
  'chicago-fullnote-bibliography': 'chicago-notes',
  harvard1: 'harvard',
  'harvard-cite-them-right': 'harvard'
}

const shippedStyles = Object.keys(SHIPPED)

export const STYLE_NOTE = `use one of ${shippedStyles.join(', ')}, or the path of a .csl file`

/** The shipped style a name stands for, in any case and by its aliases. */
export function shippedName(value: string): string | undefined {
  const name = ALIASES[value.toLowerCase()] ?? value.toLowerCase()
  return SHIPPED[name] ? name : undefined
}

/**
 * Why a .csl file's text cannot be used, if it cannot: not a CSL style, a
 * dependent style (it only names its parent), or markup cut short.
 */
export function styleProblem(xml: string): {reason: string; note: string} | undefined {
  if (!/<style[\s>]/.test(xml) || !/<\/style>\s*$/.test(xml)) {
    return {reason: 'is not a CSL style', note: 'a CSL style is an XML file with a <style> element; find styles at https://www.zotero.org/styles'}
  }
  const parent = /<link[^>]+href="([^"]+)"[^>]+rel="independent-parent"/.exec(xml)?.[1]
  if (parent) return {reason: 'is not a complete CSL style', note: `it is a dependent style: use its parent ${parent}`}
  if (!/<citation[\s>]/.test(xml)) return {reason: 'is not a complete CSL style', note: 'it has no <citation> element'}
  return undefined
}
