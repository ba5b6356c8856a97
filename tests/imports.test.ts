/**
 * No import cycle in src/: every relative import (static, `import type`,
 * `export … from` and dynamic `import()`) is followed, and a cycle fails with
 * its path. A cycle means two modules cannot be read (or loaded) apart.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'

const SRC = resolve(import.meta.dirname, '../src')
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm

function sources(folder: string): string[] {
  return readdirSync(folder, {withFileTypes: true}).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8')
  return [...text.matchAll(IMPORT)].map((match) => resolve(dirname(path), match[1]!.replace(/\.js$/, '.ts')))
}

/** One cycle per strongly connected group of modules (Tarjan), as a path that returns to its start. */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const found: string[][] = []
  let next = 0
  const visit = (node: string) => {
    index.set(node, next)
    low.set(node, next++)
    stack.push(node)
    for (const to of graph.get(node) ?? []) {
      if (!graph.has(to)) continue
      if (!index.has(to)) {
        visit(to)
        low.set(node, Math.min(low.get(node)!, low.get(to)!))
      } else if (stack.includes(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!))
    }
    if (low.get(node) !== index.get(node)) return
    const group: string[] = []
    let member: string
    do {
      member = stack.pop()!
      group.push(member)
    } while (member !== node)
    const selfImport = graph.get(node)?.includes(node)
    if (group.length > 1 || selfImport) found.push(pathThrough(group, graph))
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return found
}

/** A cycle inside `group`, from its first module back to it. */
function pathThrough(group: string[], graph: Map<string, string[]>): string[] {
  const members = new Set(group)
  const start = group[0]!
  const previous = new Map<string, string>()
  const queue = [start]
  while (queue.length > 0) {
    const node = queue.shift()!
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to)) continue
      if (to === start) {
        const path = [start]
        for (let at = node; at !== start; at = previous.get(at)!) path.splice(1, 0, at)
        return [...path, start]
      }
      if (!previous.has(to)) {
        previous.set(to, node)
        queue.push(to)
      }
    }
  }
  return group
}

describe('imports in src/', () => {
  it('have no cycle', () => {
    const graph = new Map(sources(SRC).map((path) => [path, importsOf(path)]))
    expect(graph.size).toBeGreaterThan(100)
    const shown = cycles(graph).map((cycle) => cycle.map((path) => relative(SRC, path)).join(' → '))
    expect(shown).toEqual([])
  })
})
