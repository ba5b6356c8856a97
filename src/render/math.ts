/**
 * TeX math, `$…$` and `$$…$$` (parsed by remark-math), typeset at build
 * time with KaTeX, so the deck needs no script for it: only KaTeX's
 * stylesheet and fonts, copied beside the deck (or inlined with `--embed`).
 * Dollars follow pandoc's rule, so prices stay prose: an opening `$` has
 * a non-space right after it, a closing `$` a non-space before it and no
 * digit after it. A TeX error is a warning at its line with KaTeX's message;
 * the source is then shown as code.
 */
import {createRequire} from 'node:module'
import {readdirSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import type {ElementContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {InlineMath, Math} from 'mdast-util-math'
import type {Nodes, Parent, Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {report} from '../messages.js'
import {walk} from '../walk.js'
import type {Asset} from './assets.js'

declare module 'vfile' {
  interface DataMap {
    /** The deck typesets math, so it needs KaTeX's stylesheet and fonts. */
    math: boolean
  }
}

export function remarkTypesetMath() {
  return async (tree: Root, file: VFile) => {
    const source = String(file.value ?? '')
    const found: Array<InlineMath | Math> = []
    walk<Nodes>(tree, (node) => {
      if (!('children' in node)) return
      const parent = node as Parent
      if (parent.children.some((child) => child.type === 'inlineMath')) {
        parent.children = parent.children.flatMap((child) => (child.type === 'inlineMath' && !pandocDollars(child, source) ? [asText(child, source)] : [child]))
      }
      for (const child of parent.children) if (child.type === 'inlineMath' || child.type === 'math') found.push(child as InlineMath | Math)
    })
    file.data.math = found.length > 0
    if (found.length === 0) return
    const {default: katex} = await import('katex')
    for (const node of found) {
      const display = node.type === 'math' || sourceOf(node, source).startsWith('$$')
      let html: string
      try {
        // `strict: 'ignore'`: KaTeX would print its own warnings to the console.
        html = katex.renderToString(node.value, {displayMode: display, throwOnError: true, strict: 'ignore', output: 'htmlAndMathml'})
      } catch (error) {
        const message = error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error)
        report(file, `TeX error: ${message}`, node, 'math', {note: 'fix the TeX between the dollars; it is shown as code until then'})
        html = `<code class="cd-math-error">${escapeHtml(node.value)}</code>`
      }
      const children = fromHtml(html, {fragment: true}).children as ElementContent[]
      // `$$…$$` inside a paragraph stays a span: a div would end the paragraph in the browser.
      node.data = {hName: node.type === 'math' ? 'div' : 'span', hProperties: {className: [display ? 'math-display' : 'math-inline']}, hChildren: children}
    }
  }
}

/** Whether `$…$` keeps pandoc's rule (else it is text, as `$5 and $10` is). */
function pandocDollars(node: InlineMath, source: string): boolean {
  const written = sourceOf(node, source)
  const start = node.position?.start.offset ?? 0
  // A `$` inside a citation key (`@a$b`) is the key's, as pandoc reads citations before math.
  if (/@[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*$/u.test(source.slice(Math.max(0, start - 200), start))) return false
  if (written.startsWith('$$')) return true
  const end = node.position?.end.offset ?? 0
  // The written text, not `node.value`: remark-math strips one space on each side, as in code spans.
  return !/^\$\s|\s\$$/.test(written) && !/^\d/.test(source.slice(end, end + 1))
}

function sourceOf(node: InlineMath | Math, source: string): string {
  const {start, end} = node.position ?? {}
  return start?.offset === undefined || end?.offset === undefined ? '' : source.slice(start.offset, end.offset)
}

function asText(node: InlineMath, source: string): Text {
  return {type: 'text', value: sourceOf(node, source) || `$${node.value}$`, position: node.position}
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

const KATEX = join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist')

/**
 * KaTeX's stylesheet and its woff2 fonts (every browser citedeck prints with
 * reads woff2, so the woff and ttf copies are not needed). Inlined, the fonts
 * become data URLs and the other formats are dropped from the stylesheet.
 */
export function mathAssets(): Asset[] {
  const fonts = readdirSync(join(KATEX, 'fonts')).filter((name) => name.endsWith('.woff2'))
  return [
    {href: 'katex/katex.min.css', source: join(KATEX, 'katex.min.css'), inline: inlineKatexCss},
    ...fonts.map((name) => ({href: `katex/fonts/${name}`, source: join(KATEX, 'fonts', name)}))
  ]
}

function inlineKatexCss(): string {
  const css = readFileSync(join(KATEX, 'katex.min.css'), 'utf8')
  return css.replace(/src:([^;}]*)/g, (_, sources: string) => {
    const woff2 = /url\((fonts\/[^)]+\.woff2)\)/.exec(sources)?.[1]
    if (!woff2) return `src:${sources}`
    const data = readFileSync(join(KATEX, woff2)).toString('base64')
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`
  })
}
