/**
 * mdast → hast for citedeck's own nodes. A slide is a `<section>` whose body,
 * footnotes and notes are siblings: footnotes go in a `<footer>`, never a
 * `<section>`, which reveal.js would take for a vertical sub-slide.
 */
import type {Element, ElementContent} from 'hast'
import type {ContainerDirective} from 'mdast-util-directive'
import type {Handlers, State} from 'mdast-util-to-hast'
import type {Citation, Slide, SlideStack} from '../types.js'
import {divClasses} from '../parse/fenced-divs.js'

function slide(state: State, node: Slide): Element {
  const children: ElementContent[] = [
    element('div', {className: ['cd-body']}, state.all({type: 'root', children: node.children}))
  ]
  if (node.footnotes.length > 0) {
    const items = node.footnotes.map((note) => element('li', {value: String(note.mark)}, note.content))
    children.push(element('footer', {className: ['cd-footnotes']}, [element('ol', {}, items)]))
  }
  if (node.notes.length > 0) {
    children.push(element('aside', {className: ['notes']}, state.all({type: 'root', children: node.notes})))
  }
  const result = element('section', {className: ['cd-slide', `cd-${node.kind}`], ...node.attributes}, children)
  state.patch(node, result)
  return result
}

function slideStack(state: State, node: SlideStack): Element {
  const result = element('section', {className: ['cd-stack']}, state.all(node))
  state.patch(node, result)
  return result
}

/** A fenced div: `::: {.class #id}` → `<div>`; a pause fragment → `<div class="fragment">`. */
function containerDirective(state: State, node: ContainerDirective): Element {
  const {id} = node.attributes ?? {}
  const result = element('div', {className: divClasses(node), id: id ?? undefined}, state.all(node))
  state.patch(node, result)
  return result
}

/** Until citations are resolved (or when resolution is off) a cluster shows as written. */
function citation(state: State, node: Citation): Element {
  const result = element('span', {className: ['cd-citation']}, state.all(node))
  state.patch(node, result)
  return result
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return {type: 'element', tagName, properties, children}
}

export const handlers = {slide, slideStack, containerDirective, citation} as unknown as Handlers
