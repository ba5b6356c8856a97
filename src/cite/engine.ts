/**
 * The citeproc engine for one (style, locale, bibliography), kept by the
 * project's `CitationCache` so a rebuild reuses it. Formats citation clusters (in-text or note text), single
 * bibliography entries and the sorted bibliography, as HTML; `toHast` turns it
 * into sanitised nodes, since citeproc does not escape everything (sanitize.ts).
 */
import {createRequire} from 'node:module'
import type {CitationItem as CslCitationItem} from 'citeproc'
import type {ElementContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {CitationItem} from '../types.js'
import {walk} from '../walk.js'
import {CiteprocSession, type CslRequest, type Registration} from './citeproc-session.js'
import type {Bibliography, CslItem} from './load.js'
import {CitationMemo} from './memo.js'
import {linkSafeItem, sanitizeCiteproc} from './sanitize.js'
import type {Style} from './styles.js'

const require = createRequire(import.meta.url)
const CITEPROC_VERSION = (require('citeproc/package.json') as {version: string}).version

/** One source in a cluster, with whether the deck cites it here for the first time. */
export interface EngineItem extends CitationItem {
  first: boolean
}

export interface BibliographyEntry {
  id: string
  html: string
}

/** A citeproc engine for the same style and locale in another thread (./worker-client.ts), which formats a batch of requests. */
export interface RemoteCiteproc {
  /** `items`: the registered sources' CSL data, by id. */
  format(registration: Registration, items: Array<[string, CslItem]>, requests: CslRequest[]): Promise<string[]>
}

export class CiteEngine {
  readonly style: Style
  private session: CiteprocSession | undefined
  private registered = ''
  private registration: Registration = {cited: [], uncited: []}
  /** Set by `register` until the local session has the sources. */
  private pending = false
  private entries: BibliographyEntry[] | undefined
  private entryById: Map<string, string> | undefined
  /** citeproc's outputs by call, for the registered sources: decks repeat citations, rebuilds repeat them all. */
  private outputs = new Map<string, string>()
  /** The memo group of `outputs`. */
  private group = ''
  /** While `record` runs: the calls asked for that have no output yet. */
  private recorded: Map<string, CslRequest> | undefined
  /** Outputs asked for by `speculate`, being made. */
  private speculation: Promise<void> | undefined

  /** @param remote formats in another thread, when `fetch` is given what `record` found missing (default: none, all here). */
  constructor(
    style: Style,
    private readonly lang: string,
    private readonly sources: Bibliography,
    private readonly memo: CitationMemo,
    readonly remote?: RemoteCiteproc
  ) {
    this.style = style
  }

  /** The citeproc engine of this thread with the registered sources, started at the first output it must make here. */
  private get csl(): CiteprocSession {
    this.session ??= new CiteprocSession(this.style.xml, this.lang, (id) => linkSafeItem(this.sources.items.get(id)))
    if (this.pending) {
      this.session.register(this.registration)
      this.pending = false
    }
    return this.session
  }

  /**
   * Registers the cited sources in order of first citation (citation numbers,
   * name and year disambiguation) and the `nocite` ones for the bibliography.
   * The memo group of these sources is added to `used`, so the build saves it.
   */
  register(cited: string[], uncited: string[] = [], used?: Set<string>): void {
    const key = `${cited.join('\u0000')}\u0001${uncited.join('\u0000')}`
    if (key === this.registered) {
      used?.add(this.group)
      return
    }
    this.registered = key
    this.registration = {cited, uncited}
    this.pending = true
    this.entries = undefined
    this.entryById = undefined
    // Numbers and disambiguation may change with the set of sources; outputs formatted before for the same set are reused.
    const items = (ids: string[]) => JSON.stringify(ids.map((id) => linkSafeItem(this.sources.items.get(id)) ?? id))
    this.group = CitationMemo.key(CITEPROC_VERSION, this.style.xml, this.lang, items(cited), items(uncited))
    this.outputs = this.memo.outputs(this.group)
    used?.add(this.group)
  }

  /**
   * Runs `walk` asking for outputs without making any: each call with no
   * output yet is noted and answered with an empty one. `fetch` then makes
   * them all at once, so a second walk finds every output made.
   */
  record(walk: () => void): Map<string, CslRequest> {
    const recorded = new Map<string, CslRequest>()
    this.recorded = recorded
    try {
      walk()
    } finally {
      this.recorded = undefined
    }
    return recorded
  }

  /** Starts making recorded calls without waiting for them; `settled` waits. A failure leaves them to be made again. */
  speculate(recorded: Map<string, CslRequest>): void {
    this.speculation = this.fetch(recorded).catch(() => undefined)
  }

  /** Resolves when the outputs `speculate` asked for are kept. */
  async settled(): Promise<void> {
    await this.speculation
  }

  /** Makes the recorded calls in the remote engine and keeps their outputs (without one, the next walk makes them here). */
  async fetch(recorded: Map<string, CslRequest>): Promise<void> {
    if (recorded.size === 0 || !this.remote) return
    const {cited, uncited} = this.registration
    const items = [...cited, ...uncited].flatMap((id): Array<[string, CslItem]> => {
      const item = linkSafeItem(this.sources.items.get(id))
      return item ? [[id, item]] : []
    })
    // The outputs go into this registration's memo group, whatever another deck registers meanwhile.
    const outputs = this.outputs
    const made = await this.remote.format(this.registration, items, [...recorded.values()])
    let index = 0
    for (const call of recorded.keys()) outputs.set(call, made[index++]!)
  }

  /** The output of `request` (by `call`), made once per set of registered sources. */
  private output(call: string, request: CslRequest): string {
    let output = this.outputs.get(call)
    if (output === undefined) {
      if (this.recorded) {
        this.recorded.set(call, request)
        return request.kind === 'bibliography' ? '[]' : ''
      }
      output = this.csl.format(request)
      this.outputs.set(call, output)
    }
    return output
  }

  private make(items: CslCitationItem[]): string {
    return this.output(JSON.stringify(items), {kind: 'cluster', items})
  }

  /** A cluster as the style prints it: `(Roskin & Berry, 2010, p. 58)`, `[3]`, or a note. */
  cluster(items: EngineItem[], mode: 'normal' | 'narrative' = 'normal'): string {
    // A note holds the whole citation, so a narrative one is formatted like any other.
    if (mode === 'narrative' && this.style.class !== 'note') {
      const rest = printed(this.make(items.map((item) => ({...toCsl(item), 'suppress-author': true}))))
      return [this.authors(items), rest].filter(Boolean).join(' ')
    }
    return this.make(items.map(toCsl))
  }

  /** The authors' names alone, for a narrative citation (`Roskin and Berry`); '' when the style prints none. */
  authors(items: EngineItem[]): string {
    return printed(this.make(items.map((item) => ({...toCsl(item), 'author-only': true}))))
  }

  /** A locator as the locale abbreviates it: `pp. 154–155`, `ch. 2`. */
  locator(item: CitationItem): string | undefined {
    if (item.locator === undefined) return undefined
    const plural = /[-–,&]/.test(item.locator) ? 1 : 0
    const label = item.label ?? 'page'
    const term = this.output(`term:${label}:${plural}`, {kind: 'term', label, plural})
    const value = item.locator.replace(/(\d)\s*-+\s*(\d)/g, '$1–$2')
    return term ? `${term} ${value}` : value
  }

  /** One source's bibliography entry (registered sources only). */
  entry(id: string): string | undefined {
    if (this.entryById) return this.entryById.get(id)
    const entries = this.bibliography()
    const byId = new Map(entries.map((entry) => [entry.id, entry.html]))
    if (entries === this.entries) this.entryById = byId
    return byId.get(id)
  }

  /** Registered sources as the style sorts and prints them. */
  bibliography(): BibliographyEntry[] {
    if (this.entries) return this.entries
    const made = this.outputs.has('bibliography')
    const entries = JSON.parse(this.output('bibliography', {kind: 'bibliography'})) as BibliographyEntry[]
    // A recording's empty list is no bibliography to keep; one made already is, recording or not.
    if (!this.recorded || made) this.entries = entries
    return entries
  }
}

/** '' for a part the style does not print (no author in numeric styles, no page in MLA); citeproc says so in the output. */
function printed(html: string): string {
  return html.includes('NO_PRINTED_FORM') ? '' : html
}

function toCsl(item: EngineItem): CslCitationItem {
  const result: CslCitationItem = {id: item.id, position: item.first ? 0 : 1}
  if (item.prefix) result.prefix = `${item.prefix} `
  if (item.suffix) result.suffix = item.suffix
  if (item.locator !== undefined) {
    result.locator = item.locator
    result.label = item.label ?? 'page'
  }
  if (item.suppressAuthor) result['suppress-author'] = true
  return result
}

// Entries repeat on every slide that cites them; bound the memory a long session can take.
const HAST_LIMIT = 10_000

/** citeproc's HTML as hast, sanitised (only the tags and attributes a CSL style produces, see sanitize.ts), parsed once into `parsed`. */
export function toHast(html: string, parsed: Map<string, ElementContent[]>): ElementContent[] {
  let nodes = parsed.get(html)
  if (!nodes) {
    nodes = sanitizeCiteproc(fromHtml(html, {fragment: true}).children as ElementContent[])
    // Positions in citeproc's string are not places in the deck: a slide's nodes have none or the deck's.
    walk(nodes, (node) => {
      delete node.position
    })
    if (parsed.size >= HAST_LIMIT) parsed.clear()
    parsed.set(html, nodes)
  }
  // A copy: later plugins may change the nodes they are given.
  return structuredClone(nodes)
}
