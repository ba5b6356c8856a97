/**
 * Lint rules for a deck, as remark-lint runs them: each has an id, a default
 * severity and a position, and front matter `lint:` changes the severity
 * (`off`, `info`, `warning`, `error`) or the option (`dense-slide: [warning,
 * 80]`). The rules on slides run as a remark plugin while `citedeck check`
 * compiles (`file.data.lint`); `uncited-entry` runs after, against the
 * bibliography. The settings apply to every message with a rule id, so
 * `unknown-citation-key: error` works too.
 */
import type {Blockquote, FootnoteDefinition, Nodes, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import type {DeckConfig, LintSetting, Severity} from '../config.js'
import {report} from '../messages.js'
import {listSlides} from '../parse/slides.js'
import type {Citation, Slide} from '../types.js'
import {someNode, walk, walkType} from '../walk.js'

/** Rules and their default severity (and option). */
export const RULES: Record<string, {severity: Severity; option?: number; about: string}> = {
  'unknown-citation-key': {severity: 'warning', about: 'a citation key the bibliography does not define'},
  'uncited-entry': {severity: 'info', about: 'a bibliography entry never cited (and not in nocite)'},
  'quote-without-citation': {severity: 'warning', about: 'a quotation that cites no source'},
  'image-without-alt': {severity: 'warning', about: 'an image without alt text'},
  'empty-slide': {severity: 'warning', about: 'a slide with a title and nothing else'},
  'duplicate-title': {severity: 'warning', about: 'two slides with the same title'},
  'dense-slide': {severity: 'warning', option: 75, about: 'a slide with more than N words'},
  'missing-references': {severity: 'info', about: 'sources are cited but no slide is given to the reference list'},
  overflow: {severity: 'warning', about: 'a slide whose content runs past its frame'},
  'small-text': {severity: 'warning', about: 'text smaller than the theme’s minimum size'},
  'broken-image': {severity: 'error', about: 'an image that did not load'}
}

declare module 'vfile' {
  interface DataMap {
    /** Run the slide rules while compiling (`citedeck check`). */
    lint: boolean
    /** Keys cited anywhere in the deck, recorded by the lint plugin. */
    cited: string[]
  }
}

const LIST_TITLE = /^(references|works cited|bibliography|sources|literature|references cited)$/i

/** remark plugin (before fitting and citations): the slide rules, when `file.data.lint` asks for them. */
export function remarkLint() {
  return (tree: Root, file: VFile) => {
    if (!file.data.lint) return
    const config = file.data.config!
    const slides = listSlides(tree)
    const option = (rule: string) => config.lint[rule]?.option ?? RULES[rule]!.option!
    const titles = new Map<string, Slide>()
    const cited = new Set<string>()
    let firstCitation: RootContent | undefined
    let hasRefs = false

    for (const slide of slides) {
      const body = slide.children.filter((node) => node.type !== 'heading' || node !== slide.children[0])
      const refs = body.some((node) => node.type === 'fencedDiv' && node.attributes.id === 'refs')
      hasRefs ||= refs || LIST_TITLE.test(slide.title)
      if (slide.kind === 'content' && body.length === 0 && !LIST_TITLE.test(slide.title)) {
        report(file, `slide "${slide.title || 'untitled'}" has nothing on it`, slide, 'empty-slide', {note: 'add content, or remove the heading'})
      }
      const key = slide.title.trim().toLowerCase()
      const earlier = key && slide.kind !== 'title' ? titles.get(key) : undefined
      if (earlier) {
        report(file, `slide title "${slide.title}" is used before, at line ${earlier.position?.start.line}`, slide.children[0], 'duplicate-title', {
          note: 'give each slide its own title; for a continuation write "(cont.)"'
        })
      } else if (key) titles.set(key, slide)
      const words = body.map((node) => toString(node)).join(' ').split(/\s+/).filter((word) => /\w/.test(word)).length
      if (words > option('dense-slide')) {
        report(file, `slide "${slide.title || 'untitled'}" has ${words} words (more than ${option('dense-slide')})`, slide, 'dense-slide', {
          note: 'move detail into speaker notes (::: notes) or split the slide'
        })
      }
      walk<Nodes>(slide.children, (node) => {
        if (node.type === 'citation') {
          firstCitation ??= node
          for (const item of node.items) cited.add(item.id)
        } else if (node.type === 'image' && !node.alt?.trim()) {
          report(file, `image ${node.url} has no alt text`, node, 'image-without-alt', {note: 'write what it shows: ![A map of Cuba](map.png)'})
        } else if (node.type === 'blockquote' && !isInnerQuote(node, slide)) {
          const sourced = someNode(node, (inner) => inner.type === 'citation' || inner.type === 'footnoteReference' || inner.type === 'link')
          if (!sourced) report(file, 'quotation without a citation', node, 'quote-without-citation', {note: 'cite its source: — Kennedy [@roskin2010, p. 58]'})
        }
      })
      walkType<Citation>(slide.notes, 'citation', (node) => {
        for (const item of node.items) cited.add(item.id)
      })
    }
    // Markdown footnotes are still at the root level or in slides; citations in them count as cited.
    walkType<FootnoteDefinition>(tree, 'footnoteDefinition', (node) => {
      walkType<Citation>(node, 'citation', (citation) => {
        for (const item of citation.items) cited.add(item.id)
      })
    })
    if (firstCitation && !hasRefs) {
      report(file, 'sources are cited but no slide holds the reference list; citedeck adds one at the end', firstCitation, 'missing-references', {
        note: 'end the deck with `## References` and `::: {#refs}` `:::` to choose its place and title'
      })
    }
    file.data.cited = [...cited]
  }
}

/** The quotation inside a styled quote figure is checked with its figure (the figure holds the attribution). */
function isInnerQuote(node: RootContent, slide: Slide): boolean {
  return someNode(slide.children, (outer) => {
    const quote = outer as Blockquote
    return quote.type === 'blockquote' && quote.data?.hName === 'figure' && quote.children[0] === node
  })
}

/** `uncited-entry`: bibliography entries no slide cites and `nocite` does not list. */
export function reportUncited(file: VFile, config: DeckConfig, keys: string[]): void {
  if (config.nocite.includes('*')) return
  const cited = new Set([...(file.data.cited ?? []), ...config.nocite])
  for (const key of keys) {
    if (!cited.has(key)) {
      report(file, `bibliography entry '${key}' is never cited`, file.data.matter?.place(config.bibliography.length > 0 ? 'bibliography' : 'references'), 'uncited-entry', {
        note: 'cite it, list it in `nocite:` to show it in the references anyway, or remove it'
      })
    }
  }
}

/** Applies the rules' default severities and the deck's `lint:` settings to the file's messages. */
export function applySeverities(file: VFile, settings: Record<string, LintSetting>): void {
  file.messages = file.messages.filter((message) => {
    const rule = message.ruleId ?? ''
    const severity = settings[rule]?.severity ?? (message.fatal === true ? undefined : RULES[rule]?.severity)
    if (severity === 'off') return false
    if (severity) message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
    return true
  })
}
