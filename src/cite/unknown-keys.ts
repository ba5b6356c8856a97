/**
 * Citation keys the bibliography does not define: a warning at each key's
 * first citation, with how often it is cited and the nearest defined key as a hint (typos are the usual cause), as
 * pandoc warns and keeps the citation as written.
 */
import {closest, distance} from 'fastest-levenshtein'
import type {VFile} from 'vfile'
import type {DeckConfig} from '../config.js'
import {mistyped} from '../config-keys.js'
import {report} from '../messages.js'
import type {Citation} from '../types.js'
import type {Bibliography} from './load.js'

// A bibliography that did not load is already an error; its citations add no message of their own.
const BIBLIOGRAPHY_ERRORS = new Set(['missing-bibliography', 'bibliography'])

export function reportUnknownKeys(file: VFile, config: DeckConfig, citations: Citation[], bibliography: Bibliography) {
  const keys = [...bibliography.items.keys()]
  const hint =
    keys.length > 0
      ? 'the slide shows the citation as written; fix the key or add the source to the bibliography'
      : config.bibliography.length > 0 || config.references.length > 0
        ? 'the bibliography defines no entries'
        : 'the deck has no bibliography: add `bibliography: references.bib` (or .json, .yaml) to the front matter'
  const suggestion = (id: string) => {
    if (keys.length === 0) return ''
    const near = closest(id, keys)
    return distance(id, near) <= Math.max(2, Math.floor(id.length / 3)) ? ` (did you mean '${near}'?)` : ''
  }
  if (keys.length === 0) {
    // One root cause, one message: a deck without a bibliography (or with a mistyped `bibliography:` key, already
    // reported) gets one warning, not one per citation.
    const [first] = citations
    const failed = file.messages.some((message) => message.fatal === true && BIBLIOGRAPHY_ERRORS.has(message.ruleId ?? ''))
    if (first && !failed && !mistyped(file, 'bibliography')) {
      const count = citations.length === 1 ? 'the citation; it is' : `the ${citations.length} citations; they are`
      const what = config.bibliography.length > 0 || config.references.length > 0 ? 'the bibliography defines no entries' : 'no bibliography'
      report(file, `${what} to resolve ${count} shown as written`, first, 'unknown-citation-key', {note: hint})
    }
    return
  }
  // One warning a key, at its first citation: a deck citing one unknown key 10,000 times has one problem.
  const unknown = new Map<string, {node: Citation; count: number}>()
  for (const node of citations) {
    for (const item of node.items) {
      if (bibliography.items.has(item.id)) continue
      const seen = unknown.get(item.id)
      if (seen) seen.count++
      else unknown.set(item.id, {node, count: 1})
    }
  }
  for (const [id, {node, count}] of unknown) {
    const times = count > 1 ? `, cited ${count.toLocaleString('en-US')} times` : ''
    report(file, `unknown citation key '${id}'${suggestion(id)}${times}`, node, 'unknown-citation-key', {note: hint})
  }
  for (const id of config.nocite) {
    if (id !== '*' && !bibliography.items.has(id)) {
      report(file, `unknown citation key '${id}' in nocite${suggestion(id)}`, file.data.matter?.place('nocite'), 'unknown-citation-key', {note: hint})
    }
  }
}
