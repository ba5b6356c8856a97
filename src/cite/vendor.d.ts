/** The parts of citation-js and citeproc-js that citedeck uses; neither ships types. */
declare module '@citation-js/core' {
  interface Register<T> {
    has(key: string): boolean
    get(key: string): T
    list(): string[]
  }
  const core: {
    plugins: {
      input: {chain(data: unknown, options: {forceType: string; generateGraph: boolean}): Array<Record<string, unknown>>}
      config: {
        get(name: '@csl'): {templates: Register<string>; locales: Register<string>}
        get(name: '@bibtex'): {parse: {sentenceCase: 'never' | 'english' | 'always'}}
      }
    }
  }
  export default core
}
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-csl'

declare module 'citeproc' {
  export interface CitationItem {
    id: string
    locator?: string
    label?: string
    prefix?: string
    suffix?: string
    'suppress-author'?: boolean
    'author-only'?: boolean
    /** 0 first, 1 subsequent (set by the caller for `makeCitationCluster`). */
    position?: number
  }
  export interface BibliographyParams {
    entry_ids: string[][]
    hangingindent?: number
    'second-field-align'?: string | false
    bibliography_errors: unknown[]
  }
  class Engine {
    constructor(
      sys: {retrieveLocale(lang: string): string; retrieveItem(id: string): unknown},
      style: string,
      lang?: string,
      forceLang?: boolean
    )
    opt: {development_extensions: Record<string, boolean>; class: string}
    setOutputFormat(format: 'html' | 'text'): void
    updateItems(ids: string[]): void
    updateUncitedItems(ids: string[]): void
    makeCitationCluster(items: CitationItem[]): string
    makeBibliography(): false | [BibliographyParams, string[]]
    /** A locale term (`page`, `chapter`…); `plural` 0 or 1. */
    getTerm(term: string, form?: 'long' | 'short' | 'symbol', plural?: 0 | 1): string
  }
  /** A node of a style or locale read into citeproc's JSON form. */
  export interface XmlNode {
    name: string
    attrs: Record<string, string>
    children: Array<XmlNode | string>
  }
  class XmlJSON {
    dataObj: XmlNode
    getNodesByName(json: XmlNode, name: string, nameAttribute?: string, found?: XmlNode[]): XmlNode[]
  }
  const CSL: {Engine: typeof Engine; XmlJSON: typeof XmlJSON}
  export default CSL
}
