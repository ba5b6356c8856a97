/**
 * The deck → PowerPoint mapping without a browser: which blocks, paragraphs,
 * runs, cells and boxes a compiled slide gives (`slideModel`), and where
 * `placeSlide` puts them for given measurements.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {compileDeck} from '../../../src/index.js'
import {slideModel, type SlideModel, type TextBlock} from '../../../src/export/pptx/model.js'
import type {MeasuredElement} from '../../../src/export/pptx/page.js'
import {placeSlide, type TextShape} from '../../../src/export/pptx/shapes.js'

async function models(markdown: string): Promise<SlideModel[]> {
  const deck = await compileDeck(new VFile({path: '/tmp/citedeck-pptx-model/deck.md', value: markdown}))
  return deck.sections.map((section) => slideModel(section))
}

const texts = (block: TextBlock) => block.paragraphs.map((paragraph) => paragraph.runs.map((run) => run.text).join(''))

const REFERENCES = `references:
  - id: doe2020
    type: book
    author: [{family: Doe, given: Jane}]
    title: A book
    publisher: Press
    issued: {date-parts: [[2020]]}`

describe('slideModel', () => {
  it('reads a content slide: title, list levels and markers, runs with links, footnotes and notes', async () => {
    const [slide] = await models(`---
${REFERENCES}
---

## Lists

- One with *emphasis* and a [link](https://example.org/a)
  - Nested [@doe2020, p. 4]
- Two

3. Third
4. Fourth

::: notes
Say it.

- a point
:::
`)
    const model = slide!
    expect(model.kind).toBe('content')
    const [title, list, numbered, footnotes] = model.blocks as TextBlock[]
    expect(title!.role).toBe('title')
    expect(texts(title!)).toEqual(['Lists'])
    expect(texts(list!)).toEqual(['One with emphasis and a link', 'Nested (Doe, 2020, p. 4)1', 'Two'])
    expect(list!.paragraphs.map((paragraph) => paragraph.level)).toEqual([0, 1, 0])
    expect(list!.paragraphs.every((paragraph) => paragraph.bullet)).toBe(true)
    expect(list!.paragraphs[0]!.runs.find((run) => run.text === 'link')?.href).toBe('https://example.org/a')
    // Emphasis is its own run, styled by its own measured element.
    const emphasis = list!.paragraphs[0]!.runs.find((run) => run.text === 'emphasis')!
    expect(model.tags[emphasis.tag]!.tagName).toBe('em')
    expect(numbered!.paragraphs.map((paragraph) => paragraph.start)).toEqual([3, 3])
    expect(footnotes!.role).toBe('footnotes')
    // The label, a tab to the hanging indent, then the note.
    expect(texts(footnotes!)).toEqual(['1\tDoe, J. (2020). A book. Press. — p. 4'])
    expect(model.notes).toBe('Say it.\n• a point')
  })

  it('reads code as one paragraph a line, tables as rows of cells, images as pictures, quotes as paragraphs', async () => {
    const [code, table] = await models(`## Code

\`\`\`js
let a = 1

return a
\`\`\`

> Quoted *words*

## Table

| A | B |
|---|---|
| 1 | **2** |

![Chart](https://example.org/x.png)
`)
    const [, codeBlock, quote] = code!.blocks as TextBlock[]
    expect(codeBlock!.role).toBe('code')
    expect(texts(codeBlock!)).toEqual(['let a = 1', '', 'return a'])
    expect(texts(quote!)).toEqual(['Quoted words'])
    // The quotation's bar is drawn from its element's border.
    expect(code!.boxes.map((tag) => code!.tags[tag]!.tagName)).toContain('blockquote')
    const tableBlock = table!.blocks.find((block) => block.type === 'table')!
    expect(tableBlock.type === 'table' && tableBlock.rows.map((row) => row.cells.map((cell) => cell.runs.map((run) => run.text).join('')))).toEqual([
      ['A', 'B'],
      ['1', '2']
    ])
    const image = table!.blocks.find((block) => block.type === 'image')
    expect(image).toMatchObject({type: 'image', src: 'https://example.org/x.png', alt: 'Chart'})
  })

  it('gives the title, section and references slides their kinds', async () => {
    const slides = await models(`---
title: Talk
nocite: "@*"
${REFERENCES}
---

# Part one

## Content

Text
`)
    expect(slides.map((slide) => slide.kind)).toEqual(['title', 'section', 'content', 'references'])
    const references = slides[3]!.blocks as TextBlock[]
    expect(texts(references[1]!)).toEqual(['Doe, J. (2020). A book. Press.'])
  })
})

/** A measured element with plain defaults. */
function element(box: [number, number, number, number], style: Partial<MeasuredElement> = {}): MeasuredElement {
  return {
    box,
    content: box,
    color: 'rgb(0, 0, 0)',
    background: 'rgba(0, 0, 0, 0)',
    backgroundImage: 'none',
    font: 'Body, sans-serif',
    size: 32,
    weight: 400,
    italic: false,
    underline: false,
    strike: false,
    baseline: '',
    lineHeight: 43.2,
    letterSpacing: 0,
    align: 'start',
    direction: 'ltr',
    indent: 0,
    transform: 'none',
    borders: [[0, 'rgb(0, 0, 0)'], [0, 'rgb(0, 0, 0)'], [0, 'rgb(0, 0, 0)'], [0, 'rgb(0, 0, 0)']],
    radius: 0,
    padding: [0, 0, 0, 0],
    marginLeft: 0,
    listStyle: 'disc',
    markerColor: '',
    ...style
  }
}

describe('placeSlide', () => {
  const options = {width: 1280, height: 720, background: 'FFFFFF', faces: {'Body, sans-serif': 'DejaVu Sans'}}

  it('puts text at its measured box in inches, with the browser line height and gaps in points', async () => {
    const [slide] = await models('## Title\n\n- one\n- two\n')
    const model = slide!
    const measured: MeasuredElement[] = []
    const tagOf = (name: string, nth = 0) => model.tags.findIndex((node, index) => node.tagName === name && model.tags.slice(0, index).filter((other) => other.tagName === name).length === nth)
    measured[model.section] = element([0, 0, 1280, 720])
    for (const [tag, node] of model.tags.entries()) measured[tag] ??= element([64, 48, 1152, 50], node.tagName === 'h2' ? {borders: [[0, ''], [0, ''], [4, 'rgb(11, 92, 173)'], [0, '']], size: 48} : {})
    measured[tagOf('ul')] = element([99, 120, 1117, 120], {marginLeft: 35})
    measured[tagOf('li', 0)] = element([99, 120, 1117, 43.2], {color: 'rgb(28, 31, 36)'})
    measured[tagOf('li', 1)] = element([99, 176, 1117, 43.2])
    const placed = placeSlide(model, measured, options)
    const list = placed.shapes.find((shape): shape is TextShape => shape.type === 'text' && shape.paragraphs.length === 2)!
    // The markers hang in the list's 35 px margin: the box starts at the body's edge.
    expect(list.x).toBeCloseTo(64 / 96, 3)
    expect(list.y).toBeCloseTo(120 / 96, 3)
    expect(list.paragraphs[0]).toMatchObject({lineSpacing: 32.4, spaceBefore: 0, bullet: {indent: 26.25, char: '2022'}})
    expect(list.paragraphs[1]!.spaceBefore).toBeCloseTo((176 - 163.2) * 0.75, 2)
    expect(list.paragraphs[0]!.runs[0]).toMatchObject({text: 'one', font: 'DejaVu Sans', size: 24, color: '1C1F24'})
    // The heading's 4 px bottom border becomes a filled rectangle along its foot.
    const rule = placed.shapes.find((shape) => shape.type === 'rect' && shape.fill === '0B5CAD')!
    expect(rule).toMatchObject({x: 0.6667, w: 12})
    expect(rule.h).toBeCloseTo(4 / 96, 3)
  })

  it('shrinks text the browser laid out past the slide, and draws gradient bands', async () => {
    const [slide] = await models('## Title\n\nA paragraph\n')
    const model = slide!
    const measured = model.tags.map(() => element([64, 48, 1152, 50]))
    const paragraph = model.tags.findIndex((node) => node.tagName === 'p')
    measured[paragraph] = element([64, 620, 1152, 200])
    const body = model.boxes[0]!
    measured[body] = element([0, 0, 1280, 720], {backgroundImage: 'linear-gradient(90deg, rgb(11, 92, 173) 0px, rgb(11, 92, 173) 14px, rgba(0, 0, 0, 0) 14px)'})
    const placed = placeSlide(model, measured, options)
    const text = placed.shapes.find((shape): shape is TextShape => shape.type === 'text' && shape.paragraphs[0]!.runs[0]!.text === 'A paragraph')!
    expect(text.y + text.h).toBeCloseTo(720 / 96, 3)
    expect(text.paragraphs[0]!.runs[0]!.size).toBeCloseTo(24 * 0.5, 1)
    expect(placed.shapes.find((shape) => shape.type === 'rect')).toMatchObject({x: 0, y: 0, w: 0.1458, h: 7.5, fill: '0B5CAD'})
  })
})
