/**
 * MLA in-text citations: `(Shelley 36)`, `(Gilbert and Gubar 224-26)`,
 * `(Guston et al. 7)`, `("Still Alive" 3)` for a work without an author,
 * `(Shelley, Frankenstein 36)` for one of several works, `(Lepore)` without a
 * page, `(qtd. in Mellor 57)` and `(Mellor 45; Harlow 60)`. Names without a
 * year could be anything in parentheses, so a citation is one only when its
 * names (or title) fit an entry, or look like a name before a page.
 */
import {fold} from '../csl.js'
import {escapeMarkdown} from '../escape.js'
import {normalizeLocator} from '../locator.js'
import {type CiteContext, type FoundCitation, type Problem, resolveByName, splitNames} from './resolve.js'

const PAGES = String.raw`(?:(?:pp?\.|par(?:a|s)?\.|ch\.|l{1,2}\.|lines?|sec\.|fig\.)\s*)?[\divxlc]+(?:\s*[-–]\s*[\divxlc]+)?(?:,\s*\d+(?:\s*[-–]\s*\d+)?)*`
const PREFIX = String.raw`(?:qtd\.?\s+in|quoted in|see also|see|cf\.|e\.g\.,?|citado en|cit\.\s+en)`
const PART = new RegExp(String.raw`^(?:(${PREFIX})\s+)?(?:([“"‘'«][^”"’'»]+[”"’'»])|([\p{Lu}][\p{L}’'\-.]*(?:\s+(?:and|&|y|und)\s+[\p{Lu}][\p{L}’'\-]*|\s+et\s+al\.|\s+[\p{Lu}][\p{L}’'\-]*|\s+(?:de|van|von|la|le)\s+[\p{Lu}][\p{L}’'\-]*){0,3}))(?:,\s*([^,\d][^,]*?))?(?:,?\s+(${PAGES}))?$`, 'u')
// A page alone: `(38)`, `(710-12)`, `(p. 19)`.
export const BARE_PAGE = new RegExp(String.raw`^${PAGES}$`, 'u')

interface Part {
  prefix?: string
  names: string[]
  title?: string
  locator?: string
  written: string
}

function readPart(written: string): Part | undefined {
  const part = PART.exec(written.trim())
  if (!part) return undefined
  const [, prefix, quoted, names, title, pages] = part
  const read: Part = {names: names ? splitNames(names) : [], written}
  if (prefix) read.prefix = prefix
  const titleText = (quoted ?? title)?.replace(/^[“"‘'«]|[”"’'»]$/g, '').replace(/[,.]$/, '')
  if (titleText) read.title = titleText
  if (pages) read.locator = locator(pages)
  return read
}

function locator(pages: string): string {
  return normalizeLocator(/^\d|^[ivxlc]+$/i.test(pages) ? `p. ${pages}` : pages) ?? escapeMarkdown(pages)
}

/** `(Shelley 36)`, `(Mellor 45; Harlow 60)`; undefined when the parentheses hold no MLA citation. */
export function mlaParenthetical(match: RegExpMatchArray, content: string, context: CiteContext, problems: Problem[]): FoundCitation | undefined {
  const parts = content.split(/\s*;\s*/).map(readPart)
  if (parts.some((part) => !part)) return undefined
  const items: string[] = []
  const keys: string[] = []
  const unknown: string[] = []
  for (const part of parts as Part[]) {
    const found = resolveByName(part.names, part.title, context)
    // Without a page, only names that fit an entry make a citation: `(Attentional Network Task)` is an aside.
    if (!found && !part.locator) return undefined
    if (!found) {
      if (part.names.length === 0 || part.names.some((name) => name.length < 2)) return undefined
      problems.push({offset: match.index!, reason: `Citation \`${part.written.trim()}\` matches no entry of the works cited`, rule: 'import-unresolved-citation'})
      unknown.push(part.written.trim())
      continue
    }
    if (found.fuzzy) problems.push({offset: match.index!, reason: `Citation \`${part.written.trim()}\` matched \`${found.reference.label}\` only approximately`, rule: 'import-fuzzy-citation'})
    const key = found.reference.item.id
    keys.push(key)
    const prefix = part.prefix ? `${escapeMarkdown(part.prefix)} ` : ''
    items.push(`${prefix}@${key}${part.locator ? `, ${part.locator}` : ''}`)
  }
  const raw = match[0]
  const asWritten = unknown.length > 0 ? escapeMarkdown(items.length > 0 ? `(${unknown.join('; ')})` : raw) : ''
  const pandoc = [items.length > 0 ? `[${items.join('; ')}]` : '', asWritten].filter(Boolean).join(' ')
  return {start: match.index!, end: match.index! + raw.length, pandoc, raw, keys, resolved: unknown.length === 0, kind: 'parenthetical'}
}

/**
 * The source a bare page points to in an MLA essay: an author named earlier
 * in the paragraph (`Anne K. Mellor argues … (38)`) when named after the last
 * citation, else the last source cited.
 */
export function namedSource(before: string, context: CiteContext, lastKey: string | undefined, lastEnd: number): string | undefined {
  let best: {key: string; at: number} | undefined
  for (const reference of context.references) {
    const family = reference.item.author?.[0]?.family ?? reference.item.editor?.[0]?.family
    if (!family) continue
    const at = lastWord(before, family)
    if (at >= 0 && (!best || at > best.at)) best = {key: reference.item.id, at}
  }
  if (best && best.at >= lastEnd) return best.key
  return lastKey ?? best?.key
}

function lastWord(text: string, word: string): number {
  const folded = fold(word)
  let at = -1
  for (const match of text.matchAll(/[\p{L}’'\-]+/gu)) if (fold(match[0]) === folded) at = match.index
  return at
}
