/**
 * Incremental reveals, as in pandoc: a `. . .` paragraph pauses the slide (what
 * follows is one fragment per pause), and lists become one item at a time when
 * `incremental: true` or inside `::: incremental` (`::: nonincremental` opts out).
 */
import type {List, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import type {Slide} from '../types.js'
import {SKIP, walkType} from '../walk.js'
import {classesOf, type FencedDiv} from './pandoc/index.js'

/** Lists are incremental when the deck's `incremental` setting says so. */
export function remarkFragments() {
  return (tree: Root, file: VFile) => {
    const incremental = file.data.config?.incremental ?? false
    walkType<Slide>(tree, 'slide', (slide) => {
      slide.children = splitAtPauses(slide.children)
      markLists(slide.children, incremental)
      return SKIP
    })
  }
}

function isPause(node: RootContent): boolean {
  return node.type === 'paragraph' && toString(node).replace(/\s+/g, ' ').trim() === '. . .'
}

function splitAtPauses(children: RootContent[]): RootContent[] {
  if (!children.some(isPause)) return children
  const result: RootContent[] = []
  let fragment: FencedDiv | undefined
  for (const node of children) {
    if (isPause(node)) {
      fragment = {
        type: 'fencedDiv',
        attributes: {classes: ['fragment'], pairs: []},
        children: [],
        data: {hName: 'div', hProperties: {className: ['fragment']}},
        position: node.position
      }
      result.push(fragment)
    } else if (fragment) {
      fragment.children.push(node as FencedDiv['children'][number])
    } else {
      result.push(node)
    }
  }
  return result.filter((node) => node.type !== 'fencedDiv' || node.children.length > 0)
}

function markLists(nodes: RootContent[], incremental: boolean) {
  for (const node of nodes) {
    if (node.type === 'list' && incremental) markItems(node)
    else if (node.type === 'blockquote') markLists(node.children, incremental)
    else if (node.type === 'fencedDiv') {
      const classes = classesOf(node)
      const inside = classes.includes('incremental') || (incremental && !classes.includes('nonincremental'))
      markLists(node.children, inside)
    }
  }
}

function markItems(list: List) {
  for (const item of list.children) {
    item.data = {...item.data, hProperties: {...item.data?.hProperties, className: ['fragment']}}
  }
}
