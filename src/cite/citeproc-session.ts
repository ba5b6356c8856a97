/**
 * One citeproc-js engine for a style and locale, driven by requests that are
 * plain data (a cluster, a locale term, the bibliography), so the same code
 * formats in the main thread (`CiteEngine`) and in the citeproc worker
 * (./worker.ts), whose outputs must be the same byte for byte.
 */
import {createRequire} from 'node:module'
import type Citeproc from 'citeproc'
import type {CitationItem as CslCitationItem, XmlNode} from 'citeproc'
import type {CslItem} from './load.js'
import {localeXml} from './locales.js'

const require = createRequire(import.meta.url)
// Required when an engine first starts, not imported: the ESM loader would scan citeproc's
// megabyte of CommonJS for its exports first (~90 ms of a cold build), and a build whose
// citations are all kept starts no engine.
let CSL: typeof Citeproc | undefined
const citeproc = () => (CSL ??= indexMacros(require('citeproc') as typeof Citeproc))

/** Loads citeproc now: the worker does, as it starts, while the main thread is still reading the deck's style. */
export function loadCiteproc(): void {
  citeproc()
}

/**
 * citeproc finds the definition of every macro it expands (each `<text
 * macro>`, again at each use) by walking the whole style from its root: a
 * fifth of starting an engine for APA. Here a style's macros are found in one
 * walk, in the same order, the first time one is asked for; citeproc adds or
 * removes none while it builds, and every other search is its own.
 */
function indexMacros(csl: typeof Citeproc): typeof Citeproc {
  const prototype = csl.XmlJSON.prototype
  const search = prototype.getNodesByName
  const macros = new WeakMap<object, Map<string, XmlNode[]>>()
  prototype.getNodesByName = function (json, name, nameAttribute, found) {
    if (name !== 'macro' || !nameAttribute || found || json !== this.dataObj) return search.call(this, json, name, nameAttribute, found)
    let byName = macros.get(json)
    if (!byName) {
      byName = new Map()
      for (const node of search.call(this, json, 'macro')) byName.set(node.attrs.name!, [...(byName.get(node.attrs.name!) ?? []), node])
      macros.set(json, byName)
    }
    return [...(byName.get(nameAttribute) ?? [])]
  }
  return csl
}

/** What citeproc is asked to make. */
export type CslRequest =
  | {kind: 'cluster'; items: CslCitationItem[]}
  | {kind: 'term'; label: string; plural: 0 | 1}
  | {kind: 'bibliography'}

/** The sources registered with an engine: the cited in order of first citation, then the `nocite` ones. */
export interface Registration {
  cited: string[]
  uncited: string[]
}

export class CiteprocSession {
  private readonly engine: InstanceType<typeof Citeproc.Engine>
  private registered = ''

  /** `retrieveItem` gives citeproc a source's CSL data (link-safe, see sanitize.ts). */
  constructor(xml: string, lang: string, retrieveItem: (id: string) => CslItem | undefined) {
    this.engine = new (citeproc().Engine)({retrieveLocale: localeXml, retrieveItem}, xml, lang, true)
    this.engine.setOutputFormat('html')
    // Links for DOIs and URLs, so references are clickable on the slide.
    this.engine.opt.development_extensions.wrap_url_and_doi = true
  }

  /** Registers the sources (citation numbers, name and year disambiguation); nothing to do when they are the same. */
  register({cited, uncited}: Registration): void {
    const key = `${cited.join('\u0000')}\u0001${uncited.join('\u0000')}`
    if (key === this.registered) return
    this.registered = key
    this.engine.updateItems(cited)
    this.engine.updateUncitedItems(uncited)
  }

  /** citeproc's output for a request: HTML, a term, or the bibliography as JSON `[{id, html}]`. */
  format(request: CslRequest): string {
    if (request.kind === 'cluster') return this.engine.makeCitationCluster(request.items)
    if (request.kind === 'term') return this.engine.getTerm(request.label, 'short', request.plural) ?? ''
    const result = this.engine.makeBibliography()
    return JSON.stringify(result ? result[1].map((html, index) => ({id: result[0].entry_ids[index]![0]!, html})) : [])
  }
}
