import type {Node, Parent} from 'unist'
import {describe, expect, it} from 'vitest'
import {SKIP, someNode, walk, walkType} from '../src/walk.js'

const leaf = (type: string, value: string) => ({type, value})
const tree: Parent = {
  type: 'root',
  children: [
    {type: 'paragraph', children: [leaf('text', 'a'), {type: 'emphasis', children: [leaf('text', 'b')]}]} as Parent,
    {type: 'code', value: 'c'} as Node,
    {type: 'paragraph', children: [leaf('text', 'd')]} as Parent
  ]
}
const label = (node: Node) => ('value' in node ? String(node.value) : node.type)

describe('walk', () => {
  it('visits parents before children, in document order, with each parent', () => {
    const seen: string[] = []
    walk(tree, (node, parent) => {
      seen.push(`${label(node)}<${parent ? parent.type : '-'}`)
    })
    expect(seen).toEqual(['root<-', 'paragraph<root', 'a<paragraph', 'emphasis<paragraph', 'b<emphasis', 'c<root', 'paragraph<root', 'd<paragraph'])
  })

  it('leaves out the children of a node whose visitor returns SKIP', () => {
    const seen: string[] = []
    walk(tree, (node) => {
      seen.push(label(node))
      return node.type === 'emphasis' ? SKIP : undefined
    })
    expect(seen).not.toContain('b')
    expect(seen).toContain('d')
  })

  it('walks a list of trees, and children a visitor put in place', () => {
    const list: Parent[] = [{type: 'paragraph', children: []}, {type: 'paragraph', children: [leaf('text', 'x')]}]
    const seen: string[] = []
    walk(list, (node) => {
      if (node === list[0]) (node as Parent).children = [leaf('text', 'new')]
      seen.push(label(node))
    })
    expect(seen).toEqual(['paragraph', 'new', 'paragraph', 'x'])
  })

  it('calls walkType only for one type, and someNode stops at the first match', () => {
    const texts: string[] = []
    walkType<Node & {value: string}>(tree, 'text', (node) => {
      texts.push(node.value)
    })
    expect(texts).toEqual(['a', 'b', 'd'])
    const tested: string[] = []
    expect(
      someNode(tree, (node) => {
        tested.push(label(node))
        return node.type === 'emphasis'
      })
    ).toBe(true)
    expect(tested.at(-1)).toBe('emphasis')
    expect(someNode(tree.children, (node) => node.type === 'image')).toBe(false)
  })
})
