/**
 * Attributes on fenced code blocks, as pandoc and Quarto write them:
 * ```` ```{.python code-line-numbers="2"} ```` (the first class is the
 * language; line numbers: ./code-lines.ts), raw blocks ```` ```{=html} ```` (kept as HTML; other formats
 * such as `{=tex}` are left out, with an info), and Quarto's executable
 * chunks ```` ```{r} ````, which citedeck shows as code without running them:
 * their option lines (`#| echo: false`) are not shown, as Quarto does not
 * echo them, and a chunk its author hid (`echo: false`, `include: false`,
 * or knitr's `{r, echo=FALSE}`) is left out, since only its output was meant
 * for the slide and citedeck cannot make it.
 */
import type {Code, Html, Nodes, Parent, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {info} from '../../messages.js'
import {walk} from '../../walk.js'
import {applyAttributes, readAttributes} from './attach.js'
import {codeLines} from './code-lines.js'

const HTML_FORMATS = new Set(['html', 'html5', 'revealjs'])
const CHUNK = /^\{([A-Za-z][\w-]*)(?:[\s,]([^}]*))?\}$/
/** A Quarto chunk option, `#| key: value`, after the language's comment leader. */
const OPTION_LINE = /^\s*(?:#|\/\/|--|%%)\|\s*([\w.-]+)\s*:\s*(.*?)\s*$/
/** A knitr option in the chunk's header, `echo=FALSE`. */
const HEADER_OPTION = /([\w.-]+)\s*=\s*("[^"]*"|'[^']*'|[^,\s]+)/g
const HIDING_OPTIONS = new Set(['echo', 'include'])
const FALSE = /^(?:false|no)$/i

interface Chunks {
  shown: Code[]
  hidden: Code[]
}

export function codeAttributes(tree: Nodes, file: VFile) {
  const chunks: Chunks = {shown: [], hidden: []}
  walk<Nodes>(tree, (node) => {
    if (!('children' in node)) return
    const parent = node as Parent
    if (!parent.children.some((child) => child.type === 'code' && child.lang?.startsWith('{'))) return
    parent.children = (parent.children as RootContent[]).flatMap((child) => (child.type === 'code' ? readCode(child, file, chunks) : [child]))
  })
  const {shown, hidden} = chunks
  if (shown.length > 0) {
    info(file, `${count(shown)} shown as code: citedeck does not run code`, shown[0], 'executable-chunk', {
      note: 'run the code elsewhere and paste its output, or render with Quarto'
    })
  }
  if (hidden.length > 0) {
    info(file, `${count(hidden)} left out: ${hidden.length === 1 ? 'its' : 'their'} code is hidden (echo or include false) and citedeck does not run code to show the output`, hidden[0], 'executable-chunk', {
      note: 'paste the output (a figure or a table) into the slide, or render with Quarto'
    })
  }
}

function count(chunks: Code[]): string {
  const languages = [...new Set(chunks.map((chunk) => chunk.lang))].map((lang) => `{${lang}}`).join(', ')
  return `${chunks.length === 1 ? 'a' : chunks.length} ${languages} code chunk${chunks.length === 1 ? ' is' : 's are'}`
}

/** Reads a chunk's options (header and `#|` lines), drops the option lines from its code, and says whether its author hid it. */
function hiddenChunk(node: Code, header: string | undefined): boolean {
  const options = new Map<string, string>()
  for (const [, key, value] of (header ?? '').matchAll(HEADER_OPTION)) options.set(key!, value!.replace(/^["']|["']$/g, ''))
  const lines = node.value.split('\n')
  let body = 0
  for (let match; body < lines.length && (match = OPTION_LINE.exec(lines[body]!)); body++) options.set(match[1]!, match[2]!)
  while (body < lines.length && lines[body]!.trim() === '') body++
  node.value = lines.slice(body).join('\n')
  return [...options].some(([key, value]) => HIDING_OPTIONS.has(key) && FALSE.test(value))
}

function readCode(node: Code, file: VFile, chunks: Chunks): RootContent[] {
  if (!node.lang?.startsWith('{')) return [node]
  const text = node.meta ? `${node.lang} ${node.meta}` : node.lang
  const chunk = CHUNK.exec(text)
  if (chunk && !/^\{[ \t]*[#.=]/.test(text)) {
    node.lang = chunk[1]!
    node.meta = undefined
    // Quarto draws `{mermaid}` without running anything; so does citedeck (./diagrams.ts).
    if (node.lang.toLowerCase() === 'mermaid') return [node]
    if (hiddenChunk(node, chunk[2])) {
      chunks.hidden.push(node)
      return []
    }
    chunks.shown.push(node)
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
