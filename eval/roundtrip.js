/**
 * Round trip: generated CSL items (eval/generate.js) rendered by citeproc in
 * APA, MLA, Chicago (notes-bibliography), Harvard and IEEE, disturbed as real
 * essays disturb lists (hanging-indent wraps, run-on lists, numbered lists,
 * blank-line paragraphs, smart or straight quotes, a missing final full stop,
 * doubled spaces, `and` for `&`, a hyphenated name broken at a line end), then read back as an essay's reference list. An entry is
 * exact when every field the style printed comes back right. Fixed seed.
 */
import {createRequire} from 'node:module'
import {VFile} from 'vfile'
import {localeXml} from '../lib/cite/locales.js'
import {resolveStyle} from '../lib/cite/styles.js'
import {findReferenceSection} from '../lib/import/reference-section.js'
import {repairText} from '../lib/import/text-repair.js'
import {buildReferences} from '../lib/import/references.js'
import {align, itemYear, norm, overlap, random, ratio} from './compare.js'
import {generateItems} from './generate.js'

const require = createRequire(import.meta.url)
const CSL = require('citeproc')

const SEED = 20261201
const PER_STYLE = 300
const STYLES = ['apa', 'mla', 'chicago-notes', 'harvard', 'ieee']
const LAYOUTS = ['lines', 'hanging', 'blank', 'numbered', 'run-on']

/** The bibliography entries of `items` in `style`, as plain text in list order. */
export function render(style, items) {
  const byId = new Map(items.map((item) => [item.id, item]))
  const engine = new CSL.Engine({retrieveLocale: localeXml, retrieveItem: (id) => byId.get(id)}, resolveStyle(style, new VFile()).xml, 'en-US', true)
  engine.setOutputFormat('text')
  engine.updateItems(items.map((item) => item.id))
  const [meta, entries] = engine.makeBibliography()
  return meta.entry_ids.map((ids, i) => ({id: ids[0], text: entries[i].replace(/\s+/g, ' ').trim()}))
}

/** One entry as a student might have typed it. */
function disturbEntry(text, rand) {
  let out = text
  if (rand() < 0.3) out = out.replace(/"([^"]*)"/g, '“$1”').replace(/'/g, '’')
  else if (rand() < 0.2) out = out.replace(/[“”]/g, '"').replace(/[‘’]/g, "'")
  if (rand() < 0.2) out = out.replace(/\.$/, '')
  if (rand() < 0.2) out = out.replace(/ (?=\S)/, '  ')
  // Students type `and` for APA's `&`.
  if (rand() < 0.15) out = out.replace(/, & /g, ', and ')
  return out
}

/** Hard-wraps `text` at about `width` characters, continuation lines indented; a hyphenated word may break at its hyphen. */
function wrap(text, width, indent, rand) {
  const lines = []
  let line = ''
  for (const word of text.split(' ')) {
    const hyphen = word.indexOf('-', 1)
    if (line && line.length + word.length + 1 > width && hyphen > 0 && hyphen < word.length - 2 && !/\d|\//.test(word) && rand() < 0.5) {
      lines.push(`${line} ${word.slice(0, hyphen + 1)}`)
      line = indent + word.slice(hyphen + 1)
    } else if (line && line.length + word.length + 1 > width) {
      lines.push(line)
      line = indent + word
    } else line = line ? `${line} ${word}` : word
  }
  lines.push(line)
  return lines.join('\n')
}

/** The list as an essay shows it under its heading. */
function layOut(entries, layout, rand) {
  switch (layout) {
    case 'hanging':
      return entries.map((entry) => wrap(entry, 60 + Math.floor(rand() * 30), rand() < 0.5 ? '     ' : '\t', rand)).join('\n')
    case 'blank':
      return entries.join('\n\n')
    case 'numbered':
      return entries.map((entry, i) => (/^\[\d+\]/.test(entry) ? entry : `${i + 1}. ${entry}`)).join('\n')
    case 'run-on':
      return entries.join(' ')
    default:
      return entries.join('\n')
  }
}

/** Words of `value` appear, in order and together, among the words of `text`. */
function shown(value, text) {
  const needle = norm(value)
  return needle !== '' && ` ${text} `.includes(` ${needle} `)
}

/** The fields of `item` that `entry` (its rendering) shows, each with whether `parsed` has them right. */
function check(item, entry, parsed) {
  const text = norm(entry)
  const wrong = []
  // A group's abbreviation (`[CDC]`, `(OECD)`) is an alias for the in-text citations, not part of its name.
  const families = (list) => (list ?? []).map((name) => name.literal?.replace(/\s*[[(]\p{Lu}{2,}[\])]$/u, '') ?? [name['non-dropping-particle'], name.family].filter(Boolean).join(' '))
  // Authors stand before the title, editors after it: `Nguyen, L., et al. … edited by T. García Márquez` shows
  // no author García Márquez even when the item has one hidden by `et al.`.
  const at = item.title ? ` ${text} `.indexOf(` ${norm(item.title)} `) : -1
  const part = {author: at < 0 ? text : text.slice(0, at), editor: at < 0 ? text : text.slice(at), translator: at < 0 ? text : text.slice(at)}
  for (const role of ['author', 'editor', 'translator']) {
    const want = families(item[role]).filter((name) => shown(name, part[role]))
    if (want.length === 0) continue
    const list = parsed?.[role] ?? (role === 'author' && !parsed?.author ? parsed?.editor : undefined)
    // `Berg, Emily van der` may put the particle before the given name: with or without it, the surname is right.
    const have = [...families(list), ...(list ?? []).map((name) => name.family ?? '')]
    const bare = (list0) => (list0 ?? []).map((name) => name.family ?? name.literal)
    // Styles shorten long lists (`et al.`, `…`): what was printed must come back.
    if (!want.every((name, i) => have.some((got) => norm(got) === norm(name)) || norm(bare(list)[i]) === norm(bare(item[role])[i]))) wrong.push(role)
  }
  if (itemYear(parsed) !== itemYear(item)) wrong.push('year')
  if (norm(parsed?.title) !== norm(item.title)) wrong.push('title')
  const simple = {'container-title': 'container-title', volume: 'volume', issue: 'issue', page: 'page', publisher: 'publisher', 'publisher-place': 'publisher-place', DOI: 'DOI', URL: 'URL'}
  for (const field of Object.keys(simple)) {
    const value = item[field]
    if (value === undefined || !shown(value, text)) continue
    const have = parsed?.[field] ?? (field === 'page' ? parsed?.number : undefined)
    if (norm(have).replace(/^https? (?:www )?|^www /, '') !== norm(value).replace(/^https? (?:www )?|^www /, '')) wrong.push(field)
  }
  if (item.edition && new RegExp(String.raw`\b${item.edition}(?:st|nd|rd|th)?\b`).test(text) && String(parsed?.edition ?? '').replace(/\D/g, '') !== item.edition) wrong.push('edition')
  return wrong
}

export async function evaluate() {
  const rand = random(SEED)
  const lines = []
  const failures = {}
  let exact = 0
  let total = 0
  let countRight = 0
  let lists = 0
  const examples = []
  for (const style of STYLES) {
    const items = generateItems(rand, PER_STYLE)
    const rendered = render(style, items)
    const byId = new Map(items.map((item) => [item.id, item]))
    let styleExact = 0
    for (let start = 0, n = 0; start < rendered.length; start += 10, n++) {
      const chunk = rendered.slice(start, start + 10)
      const layout = LAYOUTS[n % LAYOUTS.length]
      const text = `Essay body.\n\nReferences\n${layOut(chunk.map((entry) => disturbEntry(entry.text, rand)), layout, rand)}\n`
      // The list goes through the essay import's text repair, as an essay's would.
      const section = findReferenceSection(repairText(text).text)
      const parsed = buildReferences(section?.entries ?? []).map((reference) => reference.item)
      lists++
      if (parsed.length === chunk.length) countRight++
      else if (process.env.EVAL_VERBOSE_SPLIT) {
        const want = new Set(chunk.map((entry) => entry.text))
        examples.push(`  ${style} ${layout}: split into ${parsed.length}, not ${chunk.length}`, ...(section?.entries ?? []).map((entry) => `    ${want.has(entry.text) ? 'ok' : 'XX'} ${entry.text.slice(0, 300)}`))
      }
      const pairs = align(chunk, parsed, (entry, item) => overlap(`${item.title ?? ''} ${item.note ?? ''}`, entry.text), 0.5)
      chunk.forEach((entry, i) => {
        const wrong = check(byId.get(entry.id), entry.text, parsed[pairs[i]])
        total++
        if (wrong.length === 0) {
          exact++
          styleExact++
        } else {
          for (const field of wrong) failures[`${style}.${field}`] = (failures[`${style}.${field}`] ?? 0) + 1
          examples.push(`  ${style} ${layout}: ${wrong.join(',')}: ${entry.text.slice(0, 160)}`)
          if (process.env.EVAL_VERBOSE_ITEMS) examples.push(`    read from: ${section?.entries[pairs[i]]?.text}`, `    read: ${JSON.stringify(parsed[pairs[i]])}`)
        }
      })
    }
    lines.push(ratio(`roundtrip.${style}.exact`, styleExact, rendered.length))
  }
  lines.push(ratio('roundtrip.exact', exact, total))
  lines.push(ratio('roundtrip.lists_split_right', countRight, lists))
  lines.push(`roundtrip.wrong_fields ${Object.entries(failures).sort((a, b) => b[1] - a[1]).map(([field, n]) => `${field}:${n}`).join(' ') || 'none'}`)
  const only = process.env.EVAL_VERBOSE_ROUNDTRIP
  if (only || process.env.EVAL_VERBOSE_SPLIT) lines.push(...examples.filter((line) => !only || only === '1' || line.includes(only)).slice(0, Number(process.env.EVAL_VERBOSE_LIMIT ?? 60)))
  return lines
}
