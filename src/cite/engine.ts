/**
 * The citeproc engine for one (style, locale, bibliography), kept by the
 * project's `CitationCache` so a rebuild reuses it. Formats citation clusters (in-text or note text), single
 * bibliography entries and the sorted bibliography, as HTML; `toHast` turns it
 * into sanitised nodes, since citeproc does not escape everything (sanitize.ts).
 */
import {createRequire} from 'node:module'
import type Citeproc from 'citeproc'
import type {CitationItem as CslCitationItem} from 'citeproc'
import type {ElementContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {CitationItem} from '../types.js'
import {walk} from '../walk.js'
import type {Bibliography} from './load.js'
import {CitationMemo} from './memo.js'
import {linkSafeItem, sanitizeCiteproc} from './sanitize.js'
import {localeXml, type Style} from './styles.js'

const require = createRequire(import.meta.url)
// Required when an engine first starts (in the middle of formatting, which is synchronous),
// not imported: the ESM loader would scan citeproc's megabyte of CommonJS for its exports
// first (~90 ms of a cold build), and a build whose citations are all kept starts no engine.
let CSL: typeof Citeproc | undefined
const citeproc = () => (CSL ??= require('citeproc') as typeof Citeproc)
const CITEPROC_VERSION = (require('citeproc/package.json') as {version: string}).version

/** One source in a cluster, with whether the deck cites it here for the first time. */
export interface EngineItem extends CitationItem {
  first: boolean
}

export interface BibliographyEntry {
  id: string
  html: string
}

export class CiteEngine {
  readonly style: Style
  private engine: InstanceType<typeof Citeproc.Engine> | undefined
  private registered = ''
  /** Sources registered but not yet given to citeproc, which is only started for an output not in `outputs`. */
  private pending: {cited: string[]; uncited: string[]} | undefined
  private entries: BibliographyEntry[] | undefined
  private entryById: Map<string, string> | undefined
  /** citeproc's outputs by call, for the registered sources: decks repeat citations, rebuilds repeat them all. */
  private outputs = new Map<string, string>()
  /** The memo group of `outputs`. */
  private group = ''

  constructor(
    style: Style,
    private readonly lang: string,
    private readonly sources: Bibliography,
    private readonly memo: CitationMemo
  ) {
    this.style = style
  }

  /** The citeproc engine with the registered sources, started at the first output it must make. */
  private get csl(): InstanceType<typeof Citeproc.Engine> {
    if (!this.engine) {
      const retrieveItem = (id: string) => linkSafeItem(this.sources.items.get(id))
      this.engine = new (citeproc().Engine)({retrieveLocale: localeXml, retrieveItem}, this.style.xml, this.lang, true)
      this.engine.setOutputFormat('html')
      // Links for DOIs and URLs, so references are clickable on the slide.
      this.engine.opt.development_extensions.wrap_url_and_doi = true
    }
    if (this.pending) {
      this.engine.updateItems(this.pending.cited)
      this.engine.updateUncitedItems(this.pending.uncited)
      this.pending = undefined
    }
    return this.engine
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
    this.pending = {cited, uncited}
    this.entries = undefined
    this.entryById = undefined
    // Numbers and disambiguation may change with the set of sources; outputs formatted before for the same set are reused.
    const items = (ids: string[]) => JSON.stringify(ids.map((id) => linkSafeItem(this.sources.items.get(id)) ?? id))
    this.group = CitationMemo.key(CITEPROC_VERSION, this.style.xml, this.lang, items(cited), items(uncited))
    this.outputs = this.memo.outputs(this.group)
    used?.add(this.group)
  }

  /** `format`'s output for `call`, formatted once per set of registered sources. */
  private output(call: string, format: () => string): string {
    let output = this.outputs.get(call)
    if (output === undefined) {
      output = format()
      this.outputs.set(call, output)
    }
    return output
  }

  private make(items: CslCitationItem[]): string {
    return this.output(JSON.stringify(items), () => this.csl.makeCitationCluster(items))
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
    const term = this.output(`term:${label}:${plural}`, () => this.csl.getTerm(label, 'short', plural) ?? '')
    const value = item.locator.replace(/(\d)\s*-+\s*(\d)/g, '$1–$2')
    return term ? `${term} ${value}` : value
  }

  /** One source's bibliography entry (registered sources only). */
  entry(id: string): string | undefined {
    this.entryById ??= new Map(this.bibliography().map((entry) => [entry.id, entry.html]))
    return this.entryById.get(id)
  }

  /** Registered sources as the style sorts and prints them. */
  bibliography(): BibliographyEntry[] {
    this.entries ??= JSON.parse(
      this.output('bibliography', () => {
        const result = this.csl.makeBibliography()
        return JSON.stringify(result ? result[1].map((html, index) => ({id: result[0].entry_ids[index]![0]!, html})) : [])
      })
    ) as BibliographyEntry[]
    return this.entries
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
