/**
 * Essay structure and argument (issue 14), over the gold essays of
 * `../shared/corpus/essays/` (or `$CITEDECK_CORPUS/essays`): each essay is
 * imported with the built library (`lib/`) and its outline deck read back.
 *
 * Figures (lower is better except the first):
 * - deck title = the essay's title (gold `title`)
 * - title-page lines (gold `title` and `front_matter_lines`) that became a slide title, bullet or quote
 * - bullets cut mid-phrase (a start of their sentence whose rest no other bullet keeps,
 *   other than a trailing example or the rest of a quotation shown on its quote slide) or ending on a function word
 * - bullets over 25 words (too long to present), and list items nested in the essay kept nested on the slides
 * - sentences with a contrast, condition, negation, limitation or attribution marker whose bullets lost it
 * - slide titles that are not noun phrases (fragments, bare names, verbs, function words at either end)
 * - essay sentences missing from the slides and notes
 *
 * `node eval/structure.js [--verbose]` prints them alone; `npm run eval` with the rest.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import nlp from 'compromise'
import {VFile} from 'vfile'
import {corpusDir} from './compare.js'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..')

// Words a bullet or title cannot end on (English and Spanish, the corpus's languages).
const FUNCTION_WORDS = new Set(
  (
    'the a an this that these those his its their our my your some any each every no and or but nor so yet to of in on at by with for from into onto over under about as than then if because although though while whereas when where which who whom whose what is are was were be been being have has had do does did will would shall should can could may might must not very more most such also only even just ' +
    'el la los las un una unos unas lo de del al a en y e o u ni que con por para sin sobre entre como más menos pero sino aunque porque si cuando donde cuyo cuya su sus mi mis tu tus se es son fue ser ha han muy tan hasta desde según'
  ).split(' ')
)
// Markers of contrast, condition, negation, limitation and attribution; a bullet of their sentence keeps them.
const MARKERS = new Set(
  (
    'but however although though unless until only not never no nor cannot without except despite whereas if yet rather instead critics argue argues argued claim claims claimed according ' +
    'pero embargo aunque no nunca solo sólo hasta salvo excepto sino si críticos ni sin tampoco'
  ).split(' ')
)
// A bullet longer than this is too long to present.
const LONG_BULLET = 25
// A sentence may open with these to link it to the one before; a bullet list may drop them.
const OPENERS = new Set('however but yet still pero sin embargo'.split(' '))
const EXAMPLE_START = /^(?:such as|including|for example|for instance|like|e g|por ejemplo|como)\b/
const REFERENCE_HEADING = /^(?:#+\s*)?(?:references?|reference list|works cited|bibliography|referencias|bibliografía|sources|références|bibliographie|literaturverzeichnis|literatur|quellen|bibliografia|referências)\s*:?\s*$/i
const SKIPPED_TITLES = /^(?:references|referencias|works cited|bibliography|bibliografía|key points(?: \d+)?|ideas clave(?: \d+)?|in their words(?: \d+)?|en sus palabras(?: \d+)?|summary table|tabla resumen|conclusion|conclusión|conclusiones)$/i

/** Lower-case words, citations and Markdown marks dropped. */
function words(text) {
  return text
    .replace(/\[[^\]]*@[^\]]*\]|-?@[\w:.#$%&+?<>~/-]+/g, ' ')
    .replace(/\\/g, '')
    .replace(/'/g, '’')
    .toLowerCase()
    .match(/[\p{L}\p{N}’']+/gu) ?? []
}

/** Words of a source sentence without its parenthetical citations and asides. */
function sourceWords(text) {
  // A narrative citation's name (`Venuti (2018) argues`) is `@venuti2018` in the deck: both sides drop it.
  let bare = text.replace(/(?:\p{Lu}[\p{L}’'-]*\.?\s+)*\p{Lu}[\p{L}’'-]+(?:\s+et al\.)?\s+(?=\([^()]*\d)/gu, ' ')
  for (let last; last !== bare; ) [last, bare] = [bare, bare.replace(/\([^()]*\)/g, ' ')]
  return words(bare)
}

// A full stop after these ends an abbreviation, not a sentence.
const ABBREVIATION = /(?:^|[\s(])(?:\p{Lu}|al|p|pp|St|Dr|Mr|Mrs|Ms|Prof|e\.g|i\.e|etc|vs|cf|ed|eds|vol|no|qtd|Jr|Sr)\.$/u

function splitSentences(text) {
  const sentences = []
  for (const piece of text.split(/\n+(?:[-*]\s+)?/).flatMap((line) => line.split(/(?<=[.!?…][”"’)\]]*)\s+(?=[“"‘(¿¡]?[\p{Lu}@[])/u))) {
    const previous = sentences[sentences.length - 1]
    if (previous !== undefined && ABBREVIATION.test(previous)) sentences[sentences.length - 1] = `${previous} ${piece}`
    else sentences.push(piece)
  }
  return sentences.map((sentence) => sentence.trim()).filter((sentence) => words(sentence).length > 0)
}

function normalize(text) {
  return text.replace(/[“”"]/g, '"').replace(/[‘’']/g, '’').replace(/\\/g, '').replace(/\s+/g, ' ').trim().toLowerCase()
}

/** The outline read back: front matter and slides with their title, bullets, quote lines and notes. */
function readDeck(markdown) {
  const matter = /^---\n([\s\S]*?)\n---\n/.exec(markdown)
  const field = (name) => {
    const value = new RegExp(`^${name}: (.*)$`, 'm').exec(matter?.[1] ?? '')?.[1]
    return value === undefined ? undefined : value.startsWith('"') ? JSON.parse(value) : value
  }
  const slides = []
  let slide
  let inNotes = false
  for (const line of markdown.slice(matter?.[0].length ?? 0).split('\n')) {
    const heading = /^(#{1,2}) (.*)$/.exec(line)
    if (heading && !inNotes) {
      slide = {level: heading[1].length, title: heading[2].replace(/\\/g, ''), bullets: [], quote: [], notes: []}
      slides.push(slide)
    } else if (line === '::: notes') inNotes = true
    else if (line === ':::' && inNotes) inNotes = false
    else if (!slide) continue
    else if (inNotes) slide.notes.push(line)
    else if (/^\s*[-*] /.test(line)) slide.bullets.push(line.replace(/^\s*[-*] /, ''))
    else if (/^> /.test(line)) slide.quote.push(line.slice(2))
  }
  return {title: field('title'), subtitle: field('subtitle'), slides}
}

/** Longest common subsequence length of two word arrays. */
function lcs(a, b) {
  let previous = new Array(b.length + 1).fill(0)
  for (const word of a) {
    const row = [0]
    for (let j = 0; j < b.length; j++) row.push(word === b[j] ? previous[j] + 1 : Math.max(previous[j + 1], row[j]))
    previous = row
  }
  return previous[b.length]
}

/** Where `bullet`'s words end inside `sentence` when they are a subsequence of it, else -1. */
function subsequenceEnd(bullet, sentence) {
  let j = 0
  for (const word of bullet) {
    while (j < sentence.length && sentence[j] !== word) j++
    if (j === sentence.length) return -1
    j++
  }
  return j
}

// Function words of the other languages citedeck reads (French, German, Italian, Portuguese): a title neither starts nor ends on one.
const OTHER_FUNCTION_WORDS = new Set(
  (
    'le la les l un une des du de d et ou mais donc car ni que qui dont où à au aux en dans par pour sur avec sans sous ce cette ces son sa ses leur est sont a ont ne pas ' +
    'der die das den dem des ein eine einen einem einer und oder aber denn sondern dass weil wenn mit von zu für auf an in im ist sind hat nicht ' +
    'il lo gli di che e per non è o os as um uma do da em não'
  ).split(' ')
)

/**
 * Why a slide title is not a noun phrase of 2–7 words, or undefined when it is one.
 * Spanish titles are tagged with es-compromise: a verb after the first word (`Propios autores reconocen`) is not a title.
 */
function titleProblem(title, language, spanishNlp) {
  const spanish = language === 'es'
  const list = title.split(/\s+/)
  if (list.length < 2 || list.length > 7) return 'length'
  if (/\d/.test(title) && !/^\d{4}s?$/.test(list.find((word) => /\d/.test(word)))) return 'number'
  const first = list[0].toLowerCase()
  const last = list[list.length - 1].toLowerCase().replace(/[^\p{L}]/gu, '')
  if (FUNCTION_WORDS.has(last)) return 'ends on a function word'
  // French, German, Italian, Portuguese: no tagger to judge by here, only the function words at either end.
  if (!spanish && language !== 'en') {
    if (OTHER_FUNCTION_WORDS.has(last)) return 'ends on a function word'
    return OTHER_FUNCTION_WORDS.has(first) && !/^(?:le|la|les|der|die|das|il|lo|o|a|os|as)$/.test(first) ? 'starts on a function word' : undefined
  }
  if (spanish) {
    if (FUNCTION_WORDS.has(first) && !/^(?:el|la|los|las|un|una)$/.test(first)) return 'starts on a function word'
    const tags = spanishNlp(title).terms().json().map((term) => new Set(term.terms[0].tags))
    return tags.some((set, i) => i > 0 && set.has('Verb') && !set.has('Noun') && !set.has('Adjective')) ? 'has a verb' : undefined
  }
  // `Carson on dawn chorus`: a person's words on a topic; `Phones and schools`: two nouns. Each part is a noun phrase.
  const parts = title.split(/\s+(?:on|and)\s+/)
  for (const part of parts) {
    // A lone word is read as a noun (`the phones`), not a verb (`phones`) as compromise reads it out of context.
    const doc = nlp(/\s/.test(part) ? part : `the ${part}`)
    const terms = doc.terms().json().map((term) => term.terms[0]).filter((term, i) => /\s/.test(part) || i > 0)
    const tags = terms.map((term) => new Set(term.tags))
    if (!tags.some((set) => set.has('Noun'))) return 'no noun'
    if (tags[0].has('Preposition') || tags[0].has('Conjunction') || (tags[0].has('Pronoun') && !tags[0].has('Possessive'))) return 'starts on a function word'
    if (tags.some((set) => (set.has('PresentTense') || set.has('PastTense')) && !set.has('Noun') && !set.has('Adjective') && !set.has('Participle') && !set.has('Gerund'))) return 'has a verb'
    // `Critics of these studies` is a noun phrase; `Accurate a match` is not.
    if (tags.some((set, i) => i > 0 && set.has('Determiner') && !set.has('Possessive') && !tags[i - 1].has('Preposition') && !tags[i - 1].has('Conjunction'))) return 'determiner inside'
    const last = tags[tags.length - 1]
    if (!last.has('Noun')) return 'does not end on a noun'
    if (parts.length === 1 && !/[’']s\b/.test(part) && tags.every((set) => set.has('ProperNoun') || set.has('Person') || set.has('Place'))) {
      if (doc.people().found || tags.every((set) => set.has('Person'))) return 'bare name'
    }
    if (tags.length === 2 && (tags[0].has('Determiner') || /^(?:all|some|many|few|other|new|same|whole|main|such)$/i.test(terms[0].text))) return 'vague'
  }
  return undefined
}

/** An example (`including the politicians`) or a participle phrase (`losing a month of leisure`) with no verb of its own. */
function isDroppablePhrase(text) {
  const example = EXAMPLE_START.test(text)
  const terms = nlp(text.replace(EXAMPLE_START, '')).terms().json().map((term) => term.terms[0].tags)
  const participle = example || terms[0]?.includes('Gerund') || terms[0]?.includes('Participle') || terms[0]?.includes('PastTense')
  // A gerund (`grunting and stumbling`) is not a verb of its own, though compromise also tags it PresentTense.
  return participle && !terms.slice(1).some((tags) => (tags.includes('PresentTense') || tags.includes('PastTense')) && !tags.includes('Participle') && !tags.includes('Gerund'))
}

/** The essay's text for sentence checks: .docx through the library's reader. */
async function essayText(path) {
  if (!path.endsWith('.docx')) return readFileSync(path, 'utf8')
  const {readDocx, documentText} = await import(join(repoRoot, 'lib/import/docx.js'))
  return documentText(await readDocx(readFileSync(path)))
}

/** Figures for one essay. */
async function measure(path, gold, {importEssay, detectLanguage}, spanishNlp) {
  const value = path.endsWith('.docx') ? new Uint8Array(readFileSync(path)) : readFileSync(path, 'utf8')
  const {markdown} = await importEssay(new VFile({path, value}))
  const deck = readDeck(markdown)
  const text = await essayText(path)
  const language = detectLanguage(text)
  const found = {problems: []}
  const note = (kind, detail) => found.problems.push(`${kind}: ${detail}`)

  const titles = [deck.title, deck.subtitle && `${deck.title}: ${deck.subtitle}`, deck.subtitle && `${deck.title} ${deck.subtitle}`].filter(Boolean).map(normalize)
  found.titleRight = titles.includes(normalize(gold.title)) ? 1 : 0
  if (!found.titleRight) note('deck title', `${JSON.stringify(deck.title)} ≠ ${JSON.stringify(gold.title)}`)

  const shown = deck.slides.flatMap((slide) => [slide.title.replace(/ \(cont\.\)$/, ''), ...slide.bullets, ...slide.quote]).map(normalize)
  const titlePage = [gold.title, ...(gold.front_matter_lines ?? [])]
  found.titlePageLines = titlePage.length
  found.titlePageSlides = titlePage.filter((line) => shown.some((item) => item === normalize(line) || (item.length > 6 && normalize(line).includes(item) && item.length > normalize(line).length * 0.6))).length
  if (found.titlePageSlides) note('title-page lines on slides', `${found.titlePageSlides}`)

  // Each paragraph's slides (the first and its `(cont.)`) share one notes block: the paragraph.
  const groups = []
  for (const slide of deck.slides) {
    if (/ \(cont\.\)$/.test(slide.title) && groups.length) groups[groups.length - 1].bullets.push(...slide.bullets)
    else groups.push({bullets: [...slide.bullets], notes: slide.notes.join('\n')})
  }
  const quoteSlides = deck.slides.filter((slide) => slide.quote.length).map((slide) => words(slide.quote.filter((line) => !/^—/.test(line)).join(' ')))
  found.bullets = 0
  found.longBullets = 0
  found.badBullets = 0
  found.markerSentences = 0
  found.markerLost = 0
  for (const group of groups) {
    if (!group.bullets.length) continue
    const sentences = splitSentences(group.notes).map((sentence) => ({text: sentence, words: sourceWords(sentence), bullets: []}))
    for (const bullet of group.bullets) {
      const bulletWords = words(bullet.replace(/\([^()]*\)/g, ' '))
      const best = sentences.map((sentence) => lcs(bulletWords, sentence.words) / Math.max(1, bulletWords.length)).reduce((top, score, i, all) => (score > all[top] ? i : top), 0)
      sentences[best]?.bullets.push(bulletWords)
      found.bullets++
      if (bulletWords.length > LONG_BULLET) {
        found.longBullets++
        note(`bullet over ${LONG_BULLET} words`, bullet)
      }
      const last = bulletWords[bulletWords.length - 1] ?? ''
      // A whole sentence may end on `were` or `with her`: only a shortened one counts.
      const sentence = sentences[best]?.words ?? []
      const end = subsequenceEnd(bulletWords, sentence)
      const endsInside = end < 0 ? lcs(bulletWords, sentence) < sentence.length : end < sentence.length
      // `another being`, `a human being`: a noun after a determiner.
      const noun = last === 'being' && /^(?:a|an|another|the|human|every|each)$/.test(bulletWords[bulletWords.length - 2] ?? '')
      if (FUNCTION_WORDS.has(last) && !noun && endsInside) {
        found.badBullets++
        note('bullet ends on a function word', bullet)
      }
    }
    for (const sentence of sentences) {
      // Cut off: the sentence's last words are on none of its bullets, and they are not an example or
      // a participle phrase a bullet may drop (`…, including the politicians`, `…, losing a month of leisure`).
      const ends = sentence.bullets.map((bullet) => subsequenceEnd(bullet, sentence.words)).filter((end) => end >= 0)
      if (ends.length) {
        const tail = sentence.words.slice(Math.max(...ends))
        // The rest of a long quotation shortened on the bullet (`“…in arrogance […]”`) is on its quote slide.
        const onQuoteSlide = quoteSlides.some((quote) => lcs(tail, quote) >= tail.length * 0.8)
        if (tail.length >= 3 && !isDroppablePhrase(tail.join(' ')) && !onQuoteSlide) {
          found.badBullets++
          note('bullet cut mid-phrase', `${sentence.bullets[sentence.bullets.length - 1].join(' ')} ‖ ${tail.join(' ')}`)
        }
      }
      const markers = sentence.words.filter((word, i) => (MARKERS.has(word) || /n[’']t$/.test(word)) && !(i === 0 && OPENERS.has(word)))
      if (!markers.length || !sentence.bullets.length) continue
      found.markerSentences++
      const quoted = quoteSlides.filter((quote) => lcs(quote, sentence.words) >= quote.length * 0.8)
      const kept = new Set([...sentence.bullets.flat(), ...quoted.flat()])
      const lost = [...new Set(markers)].filter((marker) => !kept.has(marker))
      if (lost.length) {
        found.markerLost++
        note('marker lost', `${lost.join(', ')} in “${sentence.text}”`)
      }
    }
  }

  // Items of a list nested under another in the essay (`○` under `●`, an indented `-`, Word's list levels) stay nested on the slides.
  const nestedOnSlides = markdown.replace(/::: notes[\s\S]*?\n:::/g, '').split('\n').filter((line) => /^ {2,}[-*] /.test(line)).map((line) => words(line))
  found.nestedItems = 0
  found.nestedKept = 0
  let listIndent
  for (const line of text.split('\n')) {
    const item = /^(\s*)(?:[-*+•●○◦▪■–]|\d{1,2}[.)])\s+(.*)$/.exec(line)
    if (!item) {
      if (line.trim()) listIndent = undefined
      continue
    }
    const indent = item[1].replace(/\t/g, '    ').length
    if (listIndent !== undefined && indent > listIndent) {
      found.nestedItems++
      const itemWords = sourceWords(item[2])
      if (nestedOnSlides.some((bullet) => lcs(itemWords, bullet) >= itemWords.length * 0.8)) found.nestedKept++
      else note('nested list item flattened', item[2])
    } else listIndent = indent
  }

  const sections = new Set((gold.sections ?? []).map(normalize))
  const contentTitles = deck.slides
    .filter((slide) => slide.level === 2 && (slide.bullets.length || slide.quote.length))
    .map((slide) => slide.title.replace(/ \(cont\.\)$/, ''))
    .filter((title) => !SKIPPED_TITLES.test(title) && !sections.has(normalize(title)))
  const distinct = [...new Set(contentTitles)]
  found.titles = distinct.length
  found.badTitles = 0
  for (const title of distinct) {
    const problem = titleProblem(title, language, spanishNlp)
    if (problem) {
      found.badTitles++
      note('title not a noun phrase', `${title} (${problem})`)
    }
  }

  const body = text.split('\n')
  const end = body.findIndex((line) => REFERENCE_HEADING.test(line.trim()))
  const skip = new Set([gold.title, ...(gold.front_matter_lines ?? []), ...(gold.sections ?? [])].map(normalize))
  // (A title-page line may join several of the gold's lines: `Name · Course · Date`.)
  const paragraphs = (end < 0 ? body : body.slice(0, end))
    .map((line) => line.replace(/^\s*(?:#+|>)\s*/, '').trim())
    .filter((line) => line && !skip.has(normalize(line)) && !line.split(/\s+[·•|]\s+/).every((part) => skip.has(normalize(part))))
  const blocks = deck.slides.map((slide) => words([slide.title, ...slide.bullets, ...slide.quote, ...slide.notes].join(' ')))
  found.sentences = 0
  found.missing = 0
  for (const sentence of paragraphs.flatMap(splitSentences)) {
    const sentenceWords = sourceWords(sentence)
    if (sentenceWords.length < 3) continue
    found.sentences++
    if (!blocks.some((block) => lcs(sentenceWords, block) >= sentenceWords.length * 0.85)) {
      found.missing++
      note('sentence missing', sentence)
    }
  }
  return found
}

/** Figures over the corpus's essays, one line each (`evaluate` as `eval/run.js` calls it), then over our own fixture essays. */
export async function evaluate(corpus, {verbose = false} = {}) {
  const folder = join(corpus, 'essays')
  const essays = readdirSync(folder)
    .filter((name) => /\.(?:txt|md|docx)$/.test(name) && existsSync(join(folder, name.replace(/\.[^.]+$/, '.expected.json'))))
    .map((name) => ({name, path: join(folder, name), gold: join(folder, name.replace(/\.[^.]+$/, '.expected.json'))}))
  // Our own essays in other languages and styles (tests/import/fixtures/<case>/gold.json): written here, so reported apart.
  const fixtures = join(repoRoot, 'tests/import/fixtures')
  const own = readdirSync(fixtures)
    .filter((name) => existsSync(join(fixtures, name, 'gold.json')))
    .map((name) => ({name, path: join(fixtures, name, readdirSync(join(fixtures, name)).find((file) => /^essay\.(?:txt|md|docx)$/.test(file))), gold: join(fixtures, name, 'gold.json')}))
  return [...(await figures('essays.structure', essays, verbose)), ...(await figures('own_essays.structure', own, verbose))]
}

async function figures(prefix, essays, verbose) {
  const library = {
    importEssay: (await import(join(repoRoot, 'lib/import/index.js'))).importEssay,
    detectLanguage: (await import(join(repoRoot, 'lib/import/language.js'))).detectLanguage
  }
  const {default: spanishNlp} = await import('es-compromise')
  const total = {}
  const details = []
  for (const essay of essays) {
    const gold = JSON.parse(readFileSync(essay.gold, 'utf8'))
    const found = await measure(essay.path, gold, library, spanishNlp)
    for (const [key, value] of Object.entries(found)) if (typeof value === 'number') total[key] = (total[key] ?? 0) + value
    if (verbose) details.push(...found.problems.map((problem) => `  ${basename(essay.name)}: ${problem}`))
  }
  const figure = (name, count, of, what = '') => `${prefix}.${name} ${count}/${of} (${((100 * count) / Math.max(1, of)).toFixed(1)}%)${what ? `  ${what}` : ''}`
  return [
    figure('deck_title_right', total.titleRight, essays.length),
    figure('title_page_lines_on_slides', total.titlePageSlides, total.titlePageLines, 'lower is better'),
    figure('bullets_cut_or_function_word_end', total.badBullets, total.bullets, 'lower is better'),
    figure('bullets_over_25_words', total.longBullets, total.bullets, 'too long to present; lower is better'),
    figure('nested_list_items_kept', total.nestedKept ?? 0, total.nestedItems ?? 0, 'items nested in the essay that stay nested on the slides'),
    figure('marker_lost', total.markerLost, total.markerSentences, 'sentences with a contrast/condition/negation/attribution marker whose bullets lost it; lower is better'),
    figure('titles_not_noun_phrase', total.badTitles, total.titles, 'slide titles other than the essay’s headings; lower is better'),
    figure('sentences_missing', total.missing, total.sentences, 'from slides and notes; lower is better'),
    ...details
  ]
}

// `node eval/structure.js [--verbose]`: these figures alone, with every problem behind them.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const corpus = corpusDir()
  if (!corpus) console.log('structure: skipped, no corpus at ../shared/corpus (set CITEDECK_CORPUS)')
  else for (const line of await evaluate(corpus, {verbose: process.argv.includes('--verbose')})) console.log(line)
}
