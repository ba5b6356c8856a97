/**
 * How an imported essay compares with its gold file (corpus/essays/README.md):
 * shared by `npm run eval` and the corpus tests. A field is compared only
 * where the gold has it, as a careful reader would (case, dashes, quotes and
 * punctuation aside).
 */
import {align, familyOf, itemYear, norm, overlap} from './compare.js'

// What "fully right" asks of an entry; each is compared only where the gold has it.
export const CORE = ['family', 'year', 'title', 'container', 'volume', 'issue', 'page', 'doi', 'url', 'type']
// Reported per field but not part of "fully right".
const EXTRA = ['number', 'publisher', 'publisher_place', 'edition', 'editor', 'translator', 'original_date', 'issued', 'accessed']

const FIELDS = {
  family: (item) => familyOf(item.author?.[0] ?? (isEditorLed(item) ? item.editor?.[0] : undefined)),
  year: (item) => itemYear(item),
  title: (item) => item.title,
  container: (item) => item['container-title'],
  volume: (item) => item.volume,
  issue: (item) => item.issue,
  page: (item) => item.page,
  number: (item) => item.number,
  doi: (item) => item.DOI,
  url: (item) => item.URL,
  type: (item) => item.type,
  publisher: (item) => item.publisher,
  publisher_place: (item) => item['publisher-place'],
  edition: (item) => item.edition,
  editor: (item) => familyOf(item.editor?.[0]),
  translator: (item) => familyOf(item.translator?.[0]),
  original_date: (item) => itemYear({issued: item['original-date']}),
  issued: (item) => isoDate(item.issued),
  accessed: (item) => isoDate(item.accessed)
}

function isEditorLed(item) {
  return !item.author && item.editor && item.type === 'book'
}

function isoDate(date) {
  const parts = date?.['date-parts']?.[0]
  if (!parts) return undefined
  return parts.map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, '0'))).join('-')
}

/** Whether the parsed value is what a careful reader would accept for the gold `field`. */
function fieldRight(field, gold, item) {
  const want = gold[field]
  let have = FIELDS[field](item)
  if (field === 'year') {
    if (want === null) return have === undefined
    // `2020a`: the letter is citeproc's to give again, so the year alone is compared.
    // An undated entry has no `issued` (the style prints `n.d.`), or says so in a literal.
    if (/^(?:n\.?\s?d|s\.?\s?f|o\.?\s?j)/i.test(want)) return have === undefined || /^(?:n\.?\s?d|s\.?\s?f|o\.?\s?j)/i.test(have)
    return have !== undefined && norm(have) === norm(want)
  }
  if (field === 'family') {
    if (want === null) return have === undefined
    const particle = gold.non_dropping_particle ?? gold.dropping_particle
    const accepted = [want, particle ? `${particle} ${want}` : want].map(norm)
    const name = item.author?.[0]
    const alternatives = [have, name?.family, [name?.['dropping-particle'], name?.['non-dropping-particle'], name?.family].filter(Boolean).join(' ')]
    return alternatives.some((value) => value !== undefined && accepted.includes(norm(value)))
  }
  if (field === 'doi') return norm(have).replace(/^https? doi org /, '') === norm(want)
  if (field === 'url') return norm(have).replace(/^https? (?:www )?|^www /, '') === norm(want).replace(/^https? (?:www )?|^www /, '')
  if (field === 'title' && want === null) return true
  if (want === null) return have === undefined
  return norm(have) === norm(want)
}

/** Everything an item says, for aligning it with its gold entry. */
function itemText(item) {
  return [item.author?.map(familyOf).join(' '), itemYear(item), item.title, item['container-title'], item.URL, item.DOI, item.note].join(' ')
}

function goldText(gold) {
  return [gold.family, gold.year, gold.title, gold.container, gold.url, gold.doi].filter(Boolean).join(' ')
}

/** A citation's written text without the gold's annotations (`[table cell]`, `...`). */
function citationText(text) {
  return text.replace(/\[table cell\]|\.\.\./g, ' ')
}


/**
 * Scores one imported essay against its gold file: entries fully right (and
 * the fields), junk and missing entries, citations linked right, wrong,
 * unlinked, and citations found where the gold has none.
 */
export function scoreEssay(gold, result) {
  const fields = Object.fromEntries([...CORE, ...EXTRA].map((field) => [field, {right: 0, total: 0}]))
  const details = []
  const counts = {missing: 0, wrong: 0, unlinked: 0}
  const items = result.references
  const pairs = align(gold.references, items, (g, item) => overlap(goldText(g), itemText(item)))
  const toGold = new Map()
  let fully = 0
  gold.references.forEach((entry, i) => {
    const item = items[pairs[i]]
    if (!item) {
      counts.missing++
      details.push(`  ${gold.file}: missing entry ${entry.id}`)
      return
    }
    toGold.set(item.id, entry.id)
    const wrong = []
    for (const field of [...CORE, ...EXTRA]) {
      if (!(field in entry)) continue
      const right = fieldRight(field, entry, item)
      fields[field].total++
      if (right) fields[field].right++
      else if (CORE.includes(field)) wrong.push(`${field}: want ${JSON.stringify(entry[field])} got ${JSON.stringify(FIELDS[field](item))}`)
    }
    if (wrong.length === 0) fully++
    else details.push(`  ${gold.file}: ${entry.id}: ${wrong.join('; ')}`)
  })
  const junk = items.length - pairs.filter((j) => j >= 0).length
  for (const [j, item] of items.entries()) if (!pairs.includes(j)) details.push(`  ${gold.file}: junk entry ${JSON.stringify(itemText(item).trim().slice(0, 90))}`)

  // One found item per source a citation names; an unknown source is an item with no key.
  // Gold counts a narrative citation and its later `(p. N)` in the sentence as one, but a block quote's
  // `(p. N)` after its lead-in's narrative as two: both are aligned, and a page left over that joins
  // the narrative before it is not spurious.
  const joins = (i) => result.citations[i]?.kind === 'locator' && result.citations[i - 1]?.kind === 'narrative' && result.citations[i - 1].keys.join() === result.citations[i].keys.join()
  const found = result.citations.flatMap((citation, i) => {
    // The citation this one makes one with (`Bellos (2011) … (p. 38)`), if any.
    const partner = joins(i) ? i - 1 : joins(i + 1) ? i + 1 : undefined
    return [...citation.keys.map((key) => ({text: citation.text, key, citation: i, partner})), ...(citation.resolved ? [] : [{text: citation.text, key: null, citation: i, partner}])]
  })
  const acceptable = new Set(gold.acceptable_unresolved ?? [])
  const citePairs = align(gold.citations, found, (g, f) => overlap(citationText(g.text), f.text) + (f.key && toGold.get(f.key) === g.target ? 0.5 : 0), 0.34)
  let right = 0
  gold.citations.forEach((citation, i) => {
    const item = found[citePairs[i]]
    const target = item?.key ? toGold.get(item.key) ?? `?${item.key}` : null
    let verdict
    if (citation.target === null) verdict = target ? 'wrong' : 'right'
    else if (target === citation.target) verdict = 'right'
    else if (target) verdict = 'wrong'
    else verdict = acceptable.has(citation.text) ? 'right' : 'unlinked'
    if (verdict === 'right') right++
    else {
      counts[verdict]++
      details.push(`  ${gold.file}: citation ${verdict}: ${JSON.stringify(citation.text.slice(0, 70))} want ${citation.target} got ${target}`)
    }
  })
  const alignedCitations = new Set(citePairs.filter((j) => j >= 0).map((j) => found[j].citation))
  let spurious = 0
  for (const [j, item] of found.entries()) {
    if (citePairs.includes(j) || (item.partner !== undefined && alignedCitations.has(item.partner))) continue
    spurious++
    details.push(`  ${gold.file}: spurious citation ${JSON.stringify(item.text)}`)
  }
  return {entries: gold.references.length, fully, junk, missing: counts.missing, cites: gold.citations.length, right, wrong: counts.wrong, unlinked: counts.unlinked, spurious, fields, details}
}
