/**
 * The footnotes of one slide, in the order their marks appear: numbered 1,
 * 2, … per slide (as mdast-util-to-hast numbers a document's footnotes), one
 * note per source however often the slide cites it, the locators it cites
 * gathered on that note.
 */
import type {ElementContent} from 'hast'
import type {RootContent} from 'mdast'
import {ALWAYS} from '../parse/fragment-order.js'
import type {SlideFootnote} from '../types.js'

type Content = {html: ElementContent[]} | {markdown: RootContent[]}

interface Pending {
  key: string
  label: string
  content: Content
  locators: string[]
  /** The fragment step from which the note shows (`ALWAYS` when an always-visible part cites it). */
  step: number
}

export class SlideFootnotes {
  private readonly pending: Pending[] = []
  private numbered = 0
  private step = ALWAYS

  /** The fragment step of what is marked next (see ../parse/fragment-order.ts). */
  showFrom(step: number): void {
    this.step = step
  }

  /**
   * The label of the note for `key`, made by `content` on first use. `label`
   * replaces the running number (numeric styles label a source `[3]`).
   */
  mark(key: string, content: () => Content, label?: () => string): string {
    let note = this.pending.find((candidate) => candidate.key === key)
    if (!note) {
      note = {key, label: label ? label() : String(++this.numbered), content: content(), locators: [], step: this.step}
      this.pending.push(note)
    }
    note.step = Math.min(note.step, this.step)
    return note.label
  }

  /** Records a locator cited on this slide (`p. 58`) for the note of `key`. */
  locate(key: string, locator: string): void {
    const note = this.pending.find((candidate) => candidate.key === key)
    if (note && !note.locators.includes(locator)) note.locators.push(locator)
  }

  notes(): SlideFootnote[] {
    // Numeric labels (`[3]`) list in number order, as the text cites them.
    const numbered = this.pending.every((note) => /^\[\d+\]$/.test(note.label))
    const order = numbered ? [...this.pending].sort((a, b) => number(a.label) - number(b.label)) : this.pending
    return order.map(({label, content, locators, step}) => {
      const shown = step === ALWAYS ? {} : {step}
      if (!('html' in content) || locators.length === 0) return {label, ...shown, ...content}
      const cited: ElementContent = {
        type: 'element',
        tagName: 'span',
        properties: {className: ['cd-locator']},
        children: [{type: 'text', value: locators.join('; ')}]
      }
      return {label, ...shown, html: [...content.html, {type: 'text', value: ' — '}, cited]}
    })
  }
}

function number(label: string): number {
  return Number(label.replace(/\D/g, ''))
}
