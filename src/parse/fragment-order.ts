/**
 * The step at which each part of a slide appears, as reveal.js orders
 * fragments: those with a `data-fragment-index` in the order of their
 * indices (equal indices together), then the others one by one in document
 * order, numbered from 0 without gaps. Footnotes use it to appear with the
 * fragment that cites them.
 */
import type {Nodes, RootContent} from 'mdast'

/** Step of an always-visible part. */
export const ALWAYS = -1

/** Fragments of `nodes` (any node whose `hProperties` has class `fragment`), with their steps. */
export function fragmentSteps(nodes: RootContent[]): Map<Nodes, number> {
  const explicit = new Map<number, Nodes[]>()
  const unordered: Nodes[] = []
  const visit = (node: Nodes) => {
    if (isFragment(node)) {
      const index = Number.parseInt(String(node.data?.hProperties?.['data-fragment-index'] ?? ''), 10)
      if (Number.isNaN(index)) unordered.push(node)
      else explicit.set(index, [...(explicit.get(index) ?? []), node])
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  for (const node of nodes) visit(node)
  const groups = [...[...explicit.keys()].sort((a, b) => a - b).map((index) => explicit.get(index)!), ...unordered.map((node) => [node])]
  const steps = new Map<Nodes, number>()
  groups.forEach((group, step) => {
    for (const node of group) steps.set(node, step)
  })
  return steps
}

/** Writes each fragment's step as its `data-fragment-index`, so parts added after it (footnotes) can join a step. */
export function writeSteps(steps: Map<Nodes, number>): void {
  for (const [node, step] of steps) {
    node.data = {...node.data, hProperties: {...node.data?.hProperties, 'data-fragment-index': String(step)}}
  }
}

/**
 * Walks `nodes` in document order, telling the visitor from which step each
 * node shows: a node inside fragments shows once the latest of them has.
 */
export function walkSteps(nodes: RootContent[], steps: Map<Nodes, number>, visitor: (node: Nodes, step: number) => void): void {
  const visit = (node: Nodes, shown: number) => {
    const step = Math.max(shown, steps.get(node) ?? ALWAYS)
    visitor(node, step)
    if ('children' in node) for (const child of node.children) visit(child as Nodes, step)
  }
  for (const node of nodes) visit(node, ALWAYS)
}

function isFragment(node: Nodes): boolean {
  const className: unknown = node.data?.hProperties?.className
  return Array.isArray(className) ? className.includes('fragment') : typeof className === 'string' && className.split(/\s+/).includes('fragment')
}
