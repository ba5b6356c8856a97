/**
 * Depth-first walks over unist trees (mdast and hast), for the passes every
 * build and every preview rebuild makes over the whole deck, and the two
 * walks the rebuild caches need: copying a tree and moving its positions.
 *
 * Why not unist-util-visit: for readable stack traces it names a new closure
 * per node with `Object.defineProperty` and builds an ancestors array per
 * node, which makes it about 30× slower than a plain walk (4 ms against
 * 0.13 ms for the 7,500 nodes of a 300-slide deck). A build walks its tree
 * about ten times: that was a third of a preview rebuild. These walks keep the same order and the
 * same `SKIP`; nothing here needs the ancestors.
 */
import type {Node, Parent, Point} from 'unist'

/** Returned by a visitor: do not walk into this node's children. */
export const SKIP = 'skip'

export type Visitor<N> = (node: N, parent: Parent | undefined) => typeof SKIP | void

/**
 * Calls `visitor` on `tree` (or each tree of a list) and every node below
 * it, parents before children, in document order. Children are read after
 * the visitor returns, so it may replace them.
 */
export function walk<N extends Node = Node>(tree: Node | readonly Node[], visitor: Visitor<N>): void {
  const visit = (node: Node, parent: Parent | undefined) => {
    if (visitor(node as N, parent) === SKIP) return
    const children = (node as Parent).children
    if (children) for (let index = 0; index < children.length; index++) visit(children[index]!, node as Parent)
  }
  if (Array.isArray(tree)) for (const node of tree as readonly Node[]) visit(node, undefined)
  else visit(tree as Node, undefined)
}

/** `walk`, calling `visitor` only on nodes of one `type` (the others are still walked through). */
export function walkType<N extends Node>(tree: Node | readonly Node[], type: N['type'], visitor: Visitor<N>): void {
  walk(tree, (node, parent) => (node.type === type ? visitor(node as N, parent) : undefined))
}

/** Whether some node of `tree` passes `test`; stops at the first. */
export function someNode(tree: Node | readonly Node[], test: (node: Node) => boolean): boolean {
  const search = (node: Node): boolean => test(node) || ((node as Parent).children?.some(search) ?? false)
  return Array.isArray(tree) ? (tree as readonly Node[]).some(search) : search(tree as Node)
}

/**
 * A deep copy of a tree: plain objects, arrays and primitives only (what the
 * parsers and mdast-util-to-hast produce), about five times faster than
 * `structuredClone`.
 */
export function copyTree<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(copyTree) as T
  const result: Record<string, unknown> = {}
  for (const key in value) result[key] = copyTree(value[key])
  return result as T
}

/** Moves every position in `tree` down by `lines` lines and `offset` characters (new point objects: points may be shared). */
export function shiftPositions(tree: Node | readonly Node[], lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return
  const shift = (point: Point): Point => ({...point, line: point.line + lines, offset: (point.offset ?? 0) + offset})
  walk(tree, (node) => {
    const position = node.position
    if (position) node.position = {start: shift(position.start), end: shift(position.end)}
  })
}
