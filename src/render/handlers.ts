/**
 * mdast → hast for citedeck's own nodes. A slide is a `<section>` whose body,
 * footnotes and notes are siblings: footnotes go in a `<footer>`, never a
 * `<section>`, which reveal.js would take for a vertical sub-slide.
 */
import type {Element, ElementContent} from 'hast'
import type {Handlers, State} from 'mdast-util-to-hast'
import type {Citation, ReferenceList, Slide, SlideFootnote, SlideStack} from '../types.js'

function slide(state: State, node: Slide): Element {
  const children: ElementContent[] = [
    element('div', {className: ['cd-body']}, state.all({type: 'root', children: node.children}))
  ]
  if (node.asides) children.push(...(state.all({type: 'root', children: node.asides}) as ElementContent[]))
  if (node.footnotes.length > 0) {
    const items = node.footnotes.map((note) => {
      // The space inside the label: it hangs at the end of the label's fixed-width box, so the note's
      // text starts where its wrapped lines do.
      const label = element('span', {className: ['cd-note-label']}, [{type: 'text', value: `${note.label} `}])
      // A note cited only inside fragments appears with the first of them (same step).
      const reveal = note.step === undefined ? {} : {className: ['fragment'], 'data-fragment-index': String(note.step)}
      return element('li', reveal, [label, ...footnoteContent(state, note)])
    })
    children.push(element('footer', {className: ['cd-footnotes']}, [element('ol', {}, items)]))
  }
  if (node.footer || node.logo) {
    const foot: ElementContent[] = []
    if (node.footer) foot.push(element('div', {className: ['footer']}, state.all({type: 'root', children: node.footer})))
    if (node.logo) foot.push(element('img', {className: ['slide-logo'], src: node.logo, alt: ''}, []))
    children.push(element('div', {className: ['cd-slide-foot']}, foot))
  }
  if (node.notes.length > 0) {
    const notes = state.all({type: 'root', children: node.notes})
    // The speaker view shows the aside without the deck's stylesheet: a rule and a plain
    // numbered list, whose numbers are the marks' (notes count their footnotes from 1).
    if (node.noteFootnotes) {
      const items = node.noteFootnotes.map((note) => element('li', {}, footnoteContent(state, note)))
      notes.push(element('footer', {className: ['cd-note-footnotes']}, [element('hr', {}, []), element('ol', {}, items)]))
    }
    children.push(element('aside', {className: ['notes']}, notes))
  }
  const {class: classes, ...attributes} = node.attributes
  const className = ['cd-slide', `cd-${node.kind}`, ...(classes ? classes.split(' ') : [])]
  const result = element('section', {className, ...attributes}, children)
  state.patch(node, result)
  return result
}

function slideStack(state: State, node: SlideStack): Element {
  const result = element('section', {className: ['cd-stack']}, state.all(node))
  state.patch(node, result)
  return result
}

/** A Markdown footnote's single paragraph runs on after its label; more blocks stay blocks. */
function footnoteContent(state: State, note: SlideFootnote): ElementContent[] {
  if ('html' in note) return note.html
  const [only] = note.markdown
  if (note.markdown.length === 1 && only?.type === 'paragraph') return state.all(only)
  return state.all({type: 'root', children: note.markdown})
}

/** A resolved citation as the style prints it; an unresolved one as written, marked. */
function citation(state: State, node: Citation): Element {
  const result = node.rendered
    ? element('span', {className: ['cd-citation']}, node.rendered)
    : element('span', {className: ['cd-citation', 'cd-unresolved']}, state.all(node))
  state.patch(node, result)
  return result
}

function referenceList(state: State, node: ReferenceList): Element {
  const result = element('div', {className: ['cd-references']}, node.entries)
  state.patch(node, result)
  return result
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return {type: 'element', tagName, properties, children}
}

export const handlers = {slide, slideStack, citation, referenceList} as unknown as Handlers
