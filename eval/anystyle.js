/**
 * Per-field accuracy of the reference reader over the labelled references of
 * `corpus/references/anystyle-core.xml` (AnyStyle's training set, BSD-2).
 * Each sequence's parts are joined with spaces into the entry as written and
 * read; a field scores where the labels or the reader have it, and is right
 * when a careful reader would accept the value (punctuation, case, the
 * `(Eds.)` around names and `pp.` before pages do not matter). A value the
 * reader invents counts as wrong. Each failure is one of three kinds: missed
 * (labelled, not read), wrong (both, and they differ), invented (read where
 * nothing is labelled).
 *
 * What the labels leave unsaid is not scored against the reader:
 * - a sequence labelled `source` (a whole `Journal, 61(4-B), 2193` in one
 *   part) says nothing of its container, volume or pages, so those are not
 *   scored for it;
 * - a value read wholly from a part labelled `note` (`Reprinted in …, MIT
 *   Press`, `Published as … Technical Report`) is not counted as invented:
 *   the labels keep such remarks unsplit;
 * - a `doi.org` link labelled `url` is scored as the entry's DOI, which is
 *   what a reader keeps of it;
 * - a book's series is labelled `container-title` in some entries and
 *   `collection-title` in others: a reader's series is compared with either
 *   label, and a container-title the reader files as the series (or the other
 *   way) is compared as such.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {buildReferences} from '../lib/import/references.js'
import {digits, itemYear, norm, ratio} from './compare.js'

const ENTITIES = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}

/** The labelled sequences: `[{parts: [{tag, text}]}]`. */
export function readSequences(path) {
  const xml = readFileSync(path, 'utf8')
  return [...xml.matchAll(/<sequence>([\s\S]*?)<\/sequence>/g)].map((sequence) => ({
    parts: [...sequence[1].matchAll(/<([a-z-]+)>([\s\S]*?)<\/\1>/g)].map((part) => ({
      tag: part[1],
      text: part[2].replace(/&(amp|lt|gt|quot|apos);/g, (_, name) => ENTITIES[name]).trim()
    }))
  }))
}

// Words around names that are not part of any name.
const NAME_NOISE = new Set(['and', 'et', 'al', 'ed', 'eds', 'edited', 'by', 'in', 'editor', 'editors', 'hrsg', 'hg', 'trans', 'translated', 'transl', 'tr', 'translator', 'y', 'und', 'e', 'with'])

function nameTokens(text) {
  return norm(text)
    .split(' ')
    .filter((token) => token && !NAME_NOISE.has(token))
    .sort()
    .join(' ')
}

function namesOf(list) {
  if (!list) return undefined
  return list.map((name) => [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix, name.literal].filter(Boolean).join(' ')).join(' ')
}

function doiOf(text) {
  return /10\.\d{4,}\/\S+/.exec(String(text ?? ''))?.[0].replace(/[.,;)]+$/, '').toLowerCase()
}

function urlOf(text) {
  return norm(String(text ?? '').replace(/^[<(\s]*(?:url:?\s*)?(?:https?:\/\/)?(?:www\.)?/i, '').replace(/[>).,;\s]+$/, ''))
}

/** A `doi.org` link labelled as a URL names a DOI: the reader keeps it as the DOI (CSL's `DOI`). */
function isDoiLink(text) {
  return /doi\.org\/10\./i.test(text)
}

/**
 * Vancouver's `2012;30(15):` is labelled volume with its year and the colon
 * before the pages: a reader takes volume 30, issue 15 from it.
 */
function goldVolume(text) {
  return String(text).replace(/^\(?[12]\d{3}[a-z]?\s*;\s*/, '').replace(/:\s*\d+\s*[-–]+\s*\d+\.?$/, '')
}

// Labels before a volume or issue number, in the languages of the set: `vol. 3`, `v. XXIII`, `n° 1`, `Bd. 2`, `H. 1–2`.
const VOLUME_LABELS = /\b(?:vols?|volume|v|no|nos|n|nr|num|issue|iss|bd|band|jg|jahrgang|h|heft|t|tome|tomo|fasc)\b/g

/** A volume as a reader compares it: its numbers (arabic or roman), labels and punctuation aside. */
function volumeTokens(text) {
  return norm(text).replace(VOLUME_LABELS, ' ').split(' ').filter(Boolean).join(' ')
}

/**
 * A series title as a reader compares it: the labels put the `of` of
 * `volume 193 of Lecture Notes…` and a `ser.`/`Coll.` label into the part.
 */
function seriesTitle(text) {
  return norm(text).replace(/^(?:of|ser|series|coll|collection)\s+/, '')
}

/** Pages as digits with a shortened end page written out (`553-65` and `553–565` are one range). */
function pageDigits(text) {
  return String(text).replace(/(\d+)\s*[-–—]+\s*(\d+)/g, (all, first, last) => `${first}-${last.length < first.length ? first.slice(0, first.length - last.length) + last : last}`).match(/\d+/g)?.join(' ') ?? ''
}

/** Field → how to read the gold parts and the item, and when they agree. */
// Fields a `source` part holds unlabelled.
const SOURCE_FIELDS = new Set(['container-title', 'volume', 'pages'])

const FIELDS = {
  author: {tags: ['author'], item: (item) => namesOf(item.author), same: (a, b) => nameTokens(a) === nameTokens(b)},
  editor: {tags: ['editor'], item: (item) => namesOf(item.editor), same: (a, b) => nameTokens(a) === nameTokens(b)},
  translator: {tags: ['translator'], item: (item) => namesOf(item.translator), same: (a, b) => nameTokens(a) === nameTokens(b)},
  date: {
    tags: ['date'],
    item: (item) => itemYear(item),
    // The year is what a reader checks; an entry with two dates (original and reprint) may give either.
    same: (gold, year) => {
      const years = String(gold).match(/\b[12]\d{3}(?=[a-z]?\b)/g)
      return years ? years.includes(String(year)) : /^(?:n\.?\s?d|s\.?\s?f|o\.?\s?j|in press|forthcoming)/i.test(String(year))
    }
  },
  title: {tags: ['title'], item: (item) => item.title, same: (a, b) => norm(a) === norm(b)},
  // A book's series is labelled container-title in some entries and collection-title in others; read as either, it counts in both.
  'container-title': {
    tags: ['journal', 'container-title'],
    item: (item, gold) => item['container-title'] ?? (gold === undefined ? undefined : item['collection-title']),
    same: (a, b) => norm(a).replace(/^in /, '') === norm(b),
    unlabelled: (parts, have) => parts.some((part) => part.tag === 'collection-title' && seriesTitle(part.text) === seriesTitle(have))
  },
  // The labels keep a series' number in its title (`Patristische Texte und Studien 20`): CSL's collection-number joins it.
  'collection-title': {
    tags: ['collection-title'],
    item: (item, gold) => [item['collection-title'] ?? (gold === undefined ? undefined : item['container-title']), item['collection-number']].filter(Boolean).join(' ') || undefined,
    same: (a, b) => seriesTitle(a) === seriesTitle(b),
    // Only a series the labels name as a container excuses a series read where they name none.
    unlabelled: (parts, have) => parts.some((part) => ['container-title', 'journal'].includes(part.tag) && seriesTitle(part.text) === seriesTitle(have))
  },
  // A work's count of volumes (`2 vols.`) is labelled its volume; CSL keeps it as number-of-volumes.
  volume: {tags: ['volume'], item: (item) => [item.volume, item.issue].filter(Boolean).join(' ') || item['number-of-volumes'], same: (a, b) => (digits(goldVolume(a)) === digits(b) && digits(b) !== '') || volumeTokens(goldVolume(a)) === volumeTokens(b)},
  // An article's number stands for its pages; a report's number is no page.
  // The labels call a book's length (`272 pp.`) its pages; CSL keeps it as number-of-pages.
  pages: {tags: ['pages'], item: (item) => item.page ?? item['number-of-pages'] ?? (item.type === 'report' ? undefined : item.number), same: (a, b) => pageDigits(a) === pageDigits(b) && digits(a) !== ''},
  // The labels call a preprint an edition; CSL keeps the work's state as its genre.
  edition: {tags: ['edition'], item: (item) => item.edition ?? (/^preprint$/i.test(item.genre ?? '') ? item.genre : undefined), same: (a, b) => (digits(a) || norm(a)) === (digits(b) || norm(b))},
  publisher: {tags: ['publisher'], item: (item) => item.publisher, same: (a, b) => norm(a) === norm(b)},
  location: {tags: ['location'], item: (item) => item['publisher-place'], same: (a, b) => norm(a) === norm(b)},
  doi: {tags: ['doi'], gold: (parts) => parts.filter((part) => part.tag === 'doi' || (part.tag === 'url' && isDoiLink(part.text))), item: (item) => item.DOI, same: (a, b) => doiOf(a) === doiOf(b)},
  url: {tags: ['url'], gold: (parts) => parts.filter((part) => part.tag === 'url' && !isDoiLink(part.text)), item: (item) => item.URL, same: (a, b) => urlOf(a) === urlOf(b)},
  isbn: {tags: ['isbn'], item: (item) => item.ISBN, same: (a, b) => digits(a).replace(/ /g, '') === digits(b).replace(/ /g, '')}
}

/**
 * Scores one labelled sequence: `[{field, gold, have, right, kind}]` for every
 * field the labels or the reader have, or undefined when nothing was read.
 */
export function scoreSequence(sequence) {
  const text = sequence.parts.map((part) => part.text).join(' ')
  const [reference] = buildReferences([{text, start: 0}])
  if (!reference) return undefined
  const labelled = new Set(sequence.parts.map((part) => part.tag))
  const notes = sequence.parts.filter((part) => part.tag === 'note').map((part) => ` ${norm(part.text)} `)
  const results = []
  for (const [field, spec] of Object.entries(FIELDS)) {
    if (labelled.has('source') && SOURCE_FIELDS.has(field)) continue
    const gold = (spec.gold?.(sequence.parts) ?? sequence.parts.filter((part) => spec.tags.includes(part.tag))).map((part) => part.text).join(' ') || undefined
    const have = spec.item(reference.item, gold)
    if (gold === undefined && have === undefined) continue
    if (gold === undefined && notes.some((note) => norm(have) && note.includes(` ${norm(have)} `))) continue
    if (gold === undefined && spec.unlabelled?.(sequence.parts, have)) continue
    const right = gold !== undefined && have !== undefined && spec.same(gold, have)
    const kind = right ? 'right' : gold === undefined ? 'invented' : have === undefined ? 'missed' : 'wrong'
    results.push({field, gold, have, right, kind})
  }
  return {text, item: reference.item, results}
}

export async function evaluate(corpus) {
  const sequences = readSequences(join(corpus, 'references', 'anystyle-core.xml'))
  const scores = Object.fromEntries(Object.keys(FIELDS).map((field) => [field, {right: 0, total: 0, missed: 0, wrong: 0, invented: 0}]))
  const misses = Object.fromEntries(Object.keys(FIELDS).map((field) => [field, []]))
  let entries = 0
  for (const sequence of sequences) {
    const scored = scoreSequence(sequence)
    if (!scored) continue
    entries++
    for (const {field, gold, have, right, kind} of scored.results) {
      const score = scores[field]
      score.total++
      if (right) score.right++
      else {
        score[kind]++
        misses[field].push(`  ${field}: want ${JSON.stringify(gold)} got ${JSON.stringify(have)}  in ${JSON.stringify(scored.text.slice(0, Number(process.env.EVAL_VERBOSE_WIDTH ?? 120)))}`)
      }
    }
  }
  const lines = [`anystyle.entries ${entries}`]
  for (const [field, {right, total, missed, wrong, invented}] of Object.entries(scores)) {
    lines.push(`${ratio(`anystyle.field.${field}`, right, total)}  missed ${missed}, wrong ${wrong}, invented ${invented}`)
  }
  const detail = process.env.EVAL_VERBOSE_ANYSTYLE
  if (detail) for (const field of detail.split(',')) lines.push(...(misses[field] ?? []).slice(0, Number(process.env.EVAL_VERBOSE_LIMIT ?? 40)))
  return lines
}
