/**
 * Pairs fenced-div fence lines into `fencedDiv` nodes, as pandoc does: a
 * fence with attributes opens a div, a bare `:::` closes the innermost open
 * one, in the same parent (root, list item, quote). A div left open is
 * reported at its opening line and closed before the next slide heading,
 * so an unclosed `::: notes` does not swallow the rest of the deck; a stray
 * closing fence is reported and dropped.
 */
import type {Nodes, Parent, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {info, report} from '../../messages.js'
import type {PandocAttributes} from './attributes.js'
import {applyAttributes, readAttributes} from './attach.js'
import type {FencedDiv, PandocDivFence} from './nodes.js'

const WORD = /^[\p{L}\p{N}_-]+$/u

export function pairDivs(tree: Nodes, file: VFile) {
  const visit = (node: Nodes) => {
    if (!('children' in node)) return
    const parent = node as Parent
    if (parent.children.some((child) => child.type === 'pandocDivFence')) {
      parent.children = pairIn(parent.children as RootContent[], file)
    }
    for (const child of parent.children) visit(child as Nodes)
  }
  visit(tree)
}

function pairIn(children: RootContent[], file: VFile): RootContent[] {
  const unclosed = unclosedOpeners(children)
  const result: RootContent[] = []
  const open: FencedDiv[] = []
  const leftOpen = new Set<FencedDiv>()
  const target = () => (open.length > 0 ? open[open.length - 1]!.children : result) as RootContent[]
  for (const node of children) {
    if (node.type === 'pandocDivFence') {
      if (node.value === '') {
        const div = open.pop()
        if (div?.position && node.position) div.position.end = node.position.end
        else if (!div) report(file, 'closing `:::` without an open div; left out', node, 'unclosed-div', {note: 'remove it, or open a div above with `::: {.class}`'})
        continue
      }
      const div = openDiv(node, file)
      target().push(div)
      open.push(div)
      if (unclosed.has(node)) {
        leftOpen.add(div)
        report(file, `\`::: ${node.value}\` is never closed; it ends before the next slide`, node, 'unclosed-div', {
          note: 'end the div with a line of `:::`'
        })
      }
      continue
    }
    // An unclosed div ends where the next slide starts.
    const startsSlide = (node.type === 'heading' && node.depth <= 3) || node.type === 'thematicBreak'
    while (startsSlide && open.length > 0 && leftOpen.has(open[open.length - 1]!)) open.pop()
    target().push(node)
  }
  return result
}

function unclosedOpeners(children: RootContent[]): Set<RootContent> {
  const stack: PandocDivFence[] = []
  for (const node of children) {
    if (node.type !== 'pandocDivFence') continue
    if (node.value === '') stack.pop()
    else stack.push(node)
  }
  return new Set(stack)
}

function openDiv(fence: PandocDivFence, file: VFile): FencedDiv {
  // Pandoc allows closing colons after the opener: `::: notes :::`.
  const info = fence.value.replace(/\s*:+$/, '')
  let attributes: PandocAttributes
  if (info.startsWith('{')) {
    const column = (fence.position?.start.column ?? 1) + lineText(fence, file).indexOf('{')
    attributes = readAttributes(info, fence.position ? {line: fence.position.start.line, column} : undefined, file)
  } else {
    const [first = '', ...rest] = info.split(/\s+/)
    attributes = {classes: WORD.test(first) ? [first] : [], pairs: []}
    if (rest.length > 0 || !WORD.test(first)) {
      report(file, `\`::: ${info}\`: a div takes one class name or \`{attributes}\``, fence, 'pandoc-attributes', {
        note: 'write `::: name` or `::: {.name key=value}`'
      })
    }
  }
  reportQuartoLayout(attributes, fence, file)
  const div: FencedDiv = {type: 'fencedDiv', attributes, children: [], position: fence.position && {start: fence.position.start, end: fence.position.end}}
  applyAttributes(div, attributes)
  div.data!.hName = 'div'
  return div
}

// Quarto div layouts citedeck shows plainly, with what the user sees instead.
const PLAIN_DIVS: Record<string, string> = {
  'panel-tabset': 'tabs are shown one after another on the slide'
}

function reportQuartoLayout(attributes: PandocAttributes, fence: PandocDivFence, file: VFile) {
  for (const name of attributes.classes) {
    if (name in PLAIN_DIVS) info(file, `\`${name}\`: ${PLAIN_DIVS[name]}`, fence, 'quarto-layout', {note: 'split them over slides, or use `:::: columns`'})
  }
  if (attributes.pairs.some(([key]) => key === 'layout')) {
    info(file, 'Quarto\'s `layout="[…]"` is not applied: the blocks are shown one after another', fence, 'quarto-layout', {
      note: 'use `layout-ncol=2`, or `:::: columns` with `::: {.column width="…"}`'
    })
  }
}

function lineText(node: PandocDivFence, file: VFile): string {
  const {start, end} = node.position ?? {}
  return start?.offset === undefined || end?.offset === undefined ? '' : String(file.value ?? '').slice(start.offset, end.offset)
}
