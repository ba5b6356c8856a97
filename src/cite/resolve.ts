/**
 * remark plugin, after the slide splitter: resolves citation nodes against
 * the bibliography and puts each slide's sources at its own foot. Author-date
 * styles print the citation and mark it; the note gives the full entry with
 * the pages cited. Note styles print only the mark; the note is the style's
 * note, full at a source's first citation in the deck, short after. Numeric
 * styles print `[3]` and note the entry. Markdown footnotes `[^x]` join the
 * same per-slide notes (those of speaker notes are listed at the notes' end).
 * Citations in speaker notes and in footnotes stay in the text. The engine
 * loads only when the deck cites something.
 */
import type {ElementContent} from 'hast'
import type {FootnoteDefinition, FootnoteReference, Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import type {DeckConfig} from '../config.js'
import type {Citation, Slide} from '../types.js'
import {headedSlide, listSlides} from '../parse/slides.js'
import {type CitationScope, freshScope} from './cache.js'
import type {EngineItem} from './engine.js'
import {SlideFootnotes} from './slide-footnotes.js'
import {shippedName} from './style-names.js'
import {walkType} from '../walk.js'
import {fragmentSteps, walkSteps, writeSteps} from '../parse/fragment-order.js'

/** Options for `remarkResolveCitations`. */
export interface ResolveOptions {
  /** The project's citation cache and this build's use of it (default: a cache of its own, kept for one build). */
  citations?: CitationScope
}

export function remarkResolveCitations(options: ResolveOptions = {}) {
  return async (tree: Root, file: VFile) => {
    const config = file.data.config!
    const slides = listSlides(tree)
    const definitions = takeFootnoteDefinitions(slides)
    const citations = collectCitations(slides, definitions)
    const scope = options.citations ?? freshScope()
    const sources = citations.length > 0 || config.nocite.length > 0 ? await loadSources(file, config, citations, scope) : undefined
    // A style that cannot be used is an error even when nothing is cited, as an unknown theme is; a shipped name needs no loading.
    if (!sources && !shippedName(config.csl)) (await import('./styles.js')).resolveStyle(config.csl, file, scope.cache.styles)
    // Cited outputs made in the citeproc worker, when there is one: a first walk notes the calls it finds no output for.
    const walk = () => resolveSlides(slides, definitions, config, sources)
    const walked = sources && (await sources.prefetch(walk))
    // From here to the end, no wait: the engine stays registered with this deck's sources (see `loadSources`).
    sources?.register()
    // The first walk is the deck's when it found every output (the worker's guess made them all); else a walk with them.
    const marks = walked ?? walk()
    for (const mark of marks) mark()
    if (sources) sources.placeReferences(tree, slides, config)
  }
}

/**
 * Starts formatting, in the citeproc worker, the citations guessed from the
 * deck's text before it is parsed (see prewarm.ts), as if all on one slide in
 * text order; `file` takes the messages. The build's own walk then asks only
 * for what the guess missed.
 */
export async function speculateCitations(file: VFile, config: DeckConfig, scope: CitationScope, guessed: Citation[]): Promise<void> {
  const sources = await loadSources(file, config, guessed, scope)
  const slide = headedSlide('content', '')
  slide.children.push({type: 'paragraph', children: guessed})
  sources.speculate(() => resolveSlides([slide], new Map(), config, sources))
}

/**
 * Resolves every slide's citations and footnote calls, in the order a reader
 * meets them. Changes nothing but what it sets anew each time, so it can run
 * twice (see `prefetch`): the footnote calls turn into their marks only when
 * the returned changes are applied.
 */
function resolveSlides(slides: Slide[], definitions: Map<string, FootnoteDefinition>, config: DeckConfig, sources: Sources | undefined): Array<() => void> {
  const seen = new Set<string>()
  const marks: Array<() => void> = []
  // In the text (speaker notes, footnotes, `citations: inline`): the citation as the style prints it.
  const inline = (node: Citation) => {
    if (sources && resolvable(node, sources)) node.rendered = sources.inline(node, seen)
  }
  const onSlide = (node: Citation, footnotes: SlideFootnotes) => {
    if (!sources || !resolvable(node, sources)) return
    node.rendered = config.citations === 'inline' ? sources.inline(node, seen) : sources.footnoted(node, seen, footnotes)
  }

  for (const slide of slides) {
    const footnotes = new SlideFootnotes()
    const parts = [...slide.children, ...(slide.asides ?? [])]
    const steps = fragmentSteps(parts)
    // A note appears with the first fragment that cites it (at once when an always-visible part does).
    walkSteps(parts, steps, (node, step) => {
      footnotes.showFrom(step)
      if (node.type === 'citation') onSlide(node, footnotes)
      else if (node.type === 'footnoteReference') marks.push(markFootnote(node, definitions, footnotes, inline))
    })
    walkType<Citation>(slide.notes, 'citation', inline)
    slide.footnotes = footnotes.notes()
    if (slide.footnotes.some((note) => note.step !== undefined)) writeSteps(steps)
    // The speaker reads notes apart from the slide: their footnotes are listed with them, not at the slide's foot.
    const noteFootnotes = new SlideFootnotes()
    walkType<FootnoteReference>(slide.notes, 'footnoteReference', (node) => {
      marks.push(markFootnote(node, definitions, noteFootnotes, inline))
    })
    const listed = noteFootnotes.notes()
    if (listed.length > 0) slide.noteFootnotes = listed
  }
  return marks
}

interface Sources {
  register: () => void
  /**
   * Runs `walk` once to note the outputs it needs that are not made yet, and
   * makes them in one batch in the citeproc worker; nothing without one.
   * Resolves to that walk's result when no output was missing, so that it
   * need not run again.
   */
  prefetch: <T>(walk: () => T) => Promise<T | undefined>
  /** The same for a guess, without waiting for the outputs; `prefetch` waits for them first. */
  speculate: (walk: () => void) => void
  /** Puts the reference list on its slides (references.ts), with no wait since the sources were registered. */
  placeReferences: (tree: Root, slides: Slide[], config: DeckConfig) => void
  known: (id: string) => boolean
  inline: (node: Citation, seen: Set<string>) => ElementContent[]
  footnoted: (node: Citation, seen: Set<string>, footnotes: SlideFootnotes) => ElementContent[]
}

function resolvable(node: Citation, sources: Sources): boolean {
  return node.items.every((item) => sources.known(item.id))
}

/**
 * Loads bibliography and style and reports unknown keys. `register()` gives
 * the engine the cited sources in order; it is called after the last wait,
 * since another deck of the project may use the same engine with its own.
 */
async function loadSources(file: VFile, config: DeckConfig, citations: Citation[], scope: CitationScope): Promise<Sources> {
  const [{loadBibliography}, {resolveStyleAndLocale}, {CiteEngine, toHast: parse}, {reportUnknownKeys}, {placeReferences}] = await Promise.all([
    import('./load.js'),
    import('./styles.js'),
    import('./engine.js'),
    import('./unknown-keys.js'),
    import('./references.js')
  ])
  const {cache} = scope
  const toHast = (html: string) => parse(html, cache.hast)
  const bibliography = await loadBibliography(config.bibliography, config.references, file, cache.bibliographies)
  const {style, locale} = resolveStyleAndLocale(config.csl, config.lang, file, cache.styles)
  const engine = cache.engine(style, locale, bibliography, (memo) => new CiteEngine(style, locale, bibliography, memo, cache.worker?.session(style.xml, locale)))
  const known = (id: string) => bibliography.items.has(id)
  reportUnknownKeys(file, config, citations, bibliography)

  const cited = [...new Set(citations.flatMap((node) => node.items.map((item) => item.id)).filter(known))]
  const all = config.nocite.includes('*') ? [...bibliography.items.keys()] : config.nocite.filter(known)
  const register = () => engine.register(cited, all.filter((id) => !cited.includes(id)), scope.used)

  // Marks each item first or subsequent, then records the deck has now cited it.
  const positioned = (node: Citation, seen: Set<string>): EngineItem[] =>
    node.items.map((item) => {
      const first = !seen.has(item.id)
      seen.add(item.id)
      return {...item, first}
    })
  const mark = (labels: string[]): ElementContent => ({
    type: 'element',
    tagName: 'sup',
    properties: {className: ['cd-mark']},
    children: [{type: 'text', value: labels.join(',')}]
  })
  const entry = (id: string) => {
    const html = toHast(engine.entry(id) ?? '')
    // The numeric label (`[3]`) is the note's own label; keep the entry's text.
    return unwrapEntry(html, style.class === 'numeric')
  }

  // The reference list too, which `placeReferences` asks for last.
  const recordAll = (walk: () => void) =>
    engine.record(() => {
      walk()
      engine.bibliography()
    })

  return {
    register,
    async prefetch<T>(walk: () => T) {
      if (!engine.remote) return undefined
      // The outputs of a guess first (see prewarm.ts): the walk then asks only for what it missed.
      await engine.settled()
      register()
      let walked: T | undefined
      const missing = recordAll(() => {
        walked = walk()
      })
      if (missing.size === 0) return walked
      // A worker that failed (or citeproc throwing on a source) leaves the outputs to the walk after, here, as without one.
      await engine.fetch(missing).catch(() => undefined)
      return undefined
    },
    speculate(walk) {
      if (!engine.remote) return
      register()
      engine.speculate(recordAll(walk))
    },
    placeReferences: (tree, slides, deckConfig) => placeReferences(tree, slides, engine, deckConfig, toHast),
    known,
    inline(node, seen) {
      const items = positioned(node, seen)
      const text = toHast(engine.cluster(items, node.mode))
      // A note style's citation, printed in running text, reads as a parenthetical.
      return style.class === 'note' ? [{type: 'text', value: '('}, ...text, {type: 'text', value: ')'}] : text
    },
    footnoted(node, seen, footnotes) {
      const items = positioned(node, seen)
      if (style.class === 'note') {
        const key = JSON.stringify(node.items)
        const label = footnotes.mark(key, () => ({html: toHast(engine.cluster(items))}))
        // `Correll¹ argues`: the names stay in the sentence, the note holds the rest.
        const names = node.mode === 'narrative' ? toHast(engine.authors(items)) : []
        return [...names, mark([label])]
      }
      const labels = items.map((item) => {
        const label = footnotes.mark(
          item.id,
          () => ({html: entry(item.id)}),
          style.class === 'numeric' ? () => engine.cluster([{...item, locator: undefined}]) : undefined
        )
        const locator = engine.locator(item)
        if (locator) footnotes.locate(item.id, locator)
        return label
      })
      const text = toHast(engine.cluster(items, node.mode))
      // `[3]` is its own mark; author-date citations carry the note numbers.
      return style.class === 'numeric' ? text : [...text, mark(labels)]
    }
  }
}

/** A bibliography entry's content without its block wrapper (and numeric label). */
function unwrapEntry(nodes: ElementContent[], numeric: boolean): ElementContent[] {
  const entry = nodes.find((node) => node.type === 'element')
  if (!entry || entry.type !== 'element') return nodes
  const parts = entry.children.filter((node) => node.type === 'element' || node.value.trim())
  const right = parts.find((node) => node.type === 'element' && String(node.properties.className ?? '').includes('csl-right-inline'))
  if (numeric && right && right.type === 'element') return right.children
  return entry.children
}

/** Footnote definitions, taken out of the slides so each slide shows the ones it references. */
function takeFootnoteDefinitions(slides: Slide[]): Map<string, FootnoteDefinition> {
  const definitions = new Map<string, FootnoteDefinition>()
  const keep = (node: RootContent) => {
    if (node.type !== 'footnoteDefinition') return true
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
    return false
  }
  // A definition written inside a list item or a quote is still its slide's note, not a GFM footer after the deck.
  const take = (nodes: RootContent[]): RootContent[] => {
    const kept = nodes.filter(keep)
    for (const node of kept) if ('children' in node) (node as {children: RootContent[]}).children = take(node.children as RootContent[])
    return kept
  }
  for (const slide of slides) {
    slide.children = take(slide.children)
    slide.notes = take(slide.notes)
  }
  return definitions
}

function collectCitations(slides: Slide[], definitions: Map<string, FootnoteDefinition>): Citation[] {
  const found: Citation[] = []
  const collect = (children: RootContent[]) => {
    walkType<Citation>(children, 'citation', (node) => {
      found.push(node)
    })
  }
  for (const slide of slides) {
    collect(slide.children)
    collect(slide.asides ?? [])
    collect(slide.notes)
  }
  for (const definition of definitions.values()) collect(definition.children)
  return found
}

/** `[^x]` → the slide's next mark; its note shows the definition, citations in it inline. Returns the change of the call into its mark. */
function markFootnote(
  node: FootnoteReference,
  definitions: Map<string, FootnoteDefinition>,
  footnotes: SlideFootnotes,
  inline: (node: Citation) => void
): () => void {
  const definition = definitions.get(node.identifier)
  if (!definition) return () => undefined
  const label = footnotes.mark(`footnote:${node.identifier}`, () => {
    walkType<Citation>(definition, 'citation', inline)
    return {markdown: definition.children}
  })
  // Rendered as `<sup class="cd-mark">` by mdast-util-to-hast's data fields.
  return () => {
    Object.assign(node as unknown as RootContent, {type: 'text', value: label, data: {hName: 'sup', hProperties: {className: ['cd-mark']}}})
  }
}
