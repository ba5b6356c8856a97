/**
 * The boundary between citeproc and the deck. citeproc escapes field text but
 * writes URLs and DOIs into `href="…"` as they are, so a `"` in a field ends
 * the attribute and the rest becomes live attributes (`onfocus=…`). Two
 * guards: link fields are percent-encoded before citeproc sees them (the link
 * still works), and citeproc's parsed HTML keeps only what a CSL style
 * produces (hast-util-sanitize with a schema of citeproc's own output).
 */
import type {ElementContent, Root} from 'hast'
import {sanitize, type Schema} from 'hast-util-sanitize'
import type {CslItem} from './load.js'
import {walk} from '../walk.js'

/** citeproc's html output format: its wrappers (`bibstart`, `@display/*`, affixes) and `@font-*` spans. */
const CITEPROC_SCHEMA: Schema = {
  strip: ['script', 'style'],
  tagNames: ['a', 'b', 'i', 'em', 'strong', 'span', 'sup', 'sub', 'div', 'br'],
  attributes: {
    a: ['href'],
    div: [['className', /^csl-[a-z-]+$/]],
    span: [
      ['className', /^csl-[a-z-]+$/, 'nocase'],
      [
        'style',
        'font-style:normal;',
        'font-style:italic;',
        'font-style:oblique;',
        'font-variant:small-caps;',
        'font-variant:normal;',
        'font-weight:normal;',
        'font-weight:bold;',
        'font-weight:light;',
        'text-decoration:none;',
        'text-decoration:underline;',
        'baseline'
      ]
    ]
  },
  protocols: {href: ['http', 'https']},
  // No ids or names come from citeproc, so nothing to clobber.
  clobber: []
}

/** citeproc's fragment reduced to what a CSL style produces; a link must be absolute http(s). */
export function sanitizeCiteproc(nodes: ElementContent[]): ElementContent[] {
  const clean = sanitize({type: 'root', children: nodes}, CITEPROC_SCHEMA) as Root
  walk<ElementContent>(clean.children, (node) => {
    // The schema allows relative hrefs too; a reference has no business linking into the deck.
    if (node.type === 'element' && node.tagName === 'a' && !/^https?:\/\//i.test(String(node.properties.href ?? ''))) {
      delete node.properties.href
    }
  })
  return clean.children as ElementContent[]
}

const LINK_FIELDS = ['URL', 'DOI'] as const
// Characters a URL may not hold as they are (RFC 3986), and that end an HTML attribute or tag.
const UNSAFE_IN_LINK = /["'<>`\s\\^{}|]/
const UNSAFE_IN_LINK_ALL = new RegExp(UNSAFE_IN_LINK, 'g')
const safeItems = new WeakMap<CslItem, CslItem>()

/** The item as citeproc should see it: URL and DOI with unsafe characters percent-encoded; the same object when none has any. */
export function linkSafeItem(item: CslItem | undefined): CslItem | undefined {
  if (!item) return item
  let safe = safeItems.get(item)
  if (!safe) {
    safe = item
    for (const field of LINK_FIELDS) {
      const value = item[field]
      if (typeof value === 'string' && UNSAFE_IN_LINK.test(value)) {
        if (safe === item) safe = {...item}
        safe[field] = value.replace(UNSAFE_IN_LINK_ALL, (char) => encodeURIComponent(char).replace(/'/g, '%27'))
      }
    }
    safeItems.set(item, safe)
  }
  return safe
}
