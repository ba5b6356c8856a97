/**
 * Attributes on fenced code blocks, as pandoc and Quarto write them:
 * ```` ```{.python code-line-numbers="2"} ```` (the first class is the
 * language; line numbers: ./code-lines.ts), raw blocks ```` ```{=html} ```` (kept as HTML; other formats
 * such as `{=tex}` are left out, with an info), and Quarto's executable
 * chunks ```` ```{r} ````, which citedeck shows as code without running them.
 */
import type {Code, Html, Nodes, Parent, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {info} from '../../messages.js'
import {walk} from '../../walk.js'
import {applyAttributes, readAttributes} from './attach.js'
import {codeLines} from './code-lines.js'

const HTML_FORMATS = new Set(['html', 'html5', 'revealjs'])
const CHUNK = /^\{([A-Za-z][\w-]*)(?:[\s,][^}]*)?\}$/

export function codeAttributes(tree: Nodes, file: VFile) {
  const chunks: Code[] = []
  walk<Nodes>(tree, (node) => {
    if (!('children' in node)) return
    const parent = node as Parent
    if (!parent.children.some((child) => child.type === 'code' && child.lang?.startsWith('{'))) return
    parent.children = (parent.children as RootContent[]).flatMap((child) => (child.type === 'code' ? readCode(child, file, chunks) : [child]))
  })
  if (chunks.length > 0) {
    const languages = [...new Set(chunks.map((chunk) => chunk.lang))].map((lang) => `{${lang}}`).join(', ')
    info(file, `${chunks.length === 1 ? 'a' : chunks.length} ${languages} code chunk${chunks.length === 1 ? ' is' : 's are'} shown as code: citedeck does not run code`, chunks[0], 'executable-chunk', {
      note: 'run the code elsewhere and paste its output, or render with Quarto'
    })
  }
}

function readCode(node: Code, file: VFile, chunks: Code[]): RootContent[] {
  if (!node.lang?.startsWith('{')) return [node]
  const text = node.meta ? `${node.lang} ${node.meta}` : node.lang
  const chunk = CHUNK.exec(text)
  if (chunk && !/^\{[ \t]*[#.=]/.test(text)) {
    node.lang = chunk[1]!
    node.meta = undefined
    // Quarto draws `{mermaid}` without running anything; so does citedeck (./diagrams.ts).
    if (node.lang.toLowerCase() !== 'mermaid') chunks.push(node)
    return [node]
  }
  const start = node.position?.start
  const column = start ? start.column + (/^\s*[`~]+\s*/.exec(String(file.value ?? '').slice(start.offset ?? 0))?.[0].length ?? 0) : 0
  const attributes = readAttributes(text, start ? {line: start.line, column} : undefined, file)
  if (attributes.rawFormat) {
    if (HTML_FORMATS.has(attributes.rawFormat)) return [{type: 'html', value: node.value, position: node.position} satisfies Html]
    info(file, `raw \`${attributes.rawFormat}\` block left out: slides show only raw HTML`, node, 'raw-block', {
      note: 'write the content as Markdown, or as a ```{=html} block'
    })
    return []
  }
  const lineNumbers = attributes.pairs.find(([key]) => key === 'code-line-numbers')
  const [language, ...classes] = attributes.classes
  node.lang = language ?? null
  node.meta = undefined
  const pairs = attributes.pairs.filter((pair) => pair !== lineNumbers)
  applyAttributes(node, {...attributes, pairs, classes: [...(language ? [`language-${language}`] : []), ...classes]})
  return [lineNumbers ? codeLines(node, lineNumbers[1], file) : node]
}
