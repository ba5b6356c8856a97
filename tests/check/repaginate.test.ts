/**
 * Paginating the reference list anew in the compiled deck (the fit step's
 * shortcut when measured heights split it differently from the estimate)
 * gives the very deck a compile with the measured plan gives: the list at the
 * end, under a footer, in a column of sub-slides, sharing its slide with
 * text and followed by another slide; fewer, more and no "(cont.)" slides.
 */
import {readFileSync} from 'node:fs'
import {expect, it} from 'vitest'
import {VFile} from 'vfile'
import {compileDeck} from '../../src/index.js'
import {repaginateReferences} from '../../src/check/repaginate.js'
import type {MeasuredReferences} from '../../src/check/split.js'

const FIXTURE = new URL('../fixtures/cite-long-references/input.md', import.meta.url).pathname
// Twenty of its forty sources: enough for several slides of them.
const source = readFileSync(FIXTURE, 'utf8').replace(/ {2}- id: src[23]\d[\s\S]*?(?=\nnocite)/, '')

const variants: Record<string, string> = {
  'at the end, under a footer': source.replace('nocite:', 'footer: "History 101, *spring*"\nnocite:'),
  'in a column of sub-slides': `${source}\n## References\n\n::: {#refs}\n:::\n\n### Below the list\n\nA sub-slide.\n`,
  'with text and a slide after': `${source}\n## Reading\n\nStart with these.\n\n::: {#refs}\n:::\n\n## Questions\n\nAsk away.\n`
}

// Room and heights (px) that give fewer, more and no continuation slides than the estimate.
const plans: Record<string, MeasuredReferences> = {
  fewer: {entries: Array.from({length: 20}, (_, index) => 30 + (index % 3) * 10), first: 500, next: 600},
  more: {entries: Array.from({length: 20}, () => 150), first: 300, next: 460},
  none: {entries: Array.from({length: 20}, () => 10), first: 560, next: 560}
}

const compile = (text: string, references?: MeasuredReferences) => {
  const file = new VFile({path: FIXTURE, value: text})
  if (references) file.data.fit = {scales: {}, breaks: [], references}
  return compileDeck(file)
}

for (const [where, text] of Object.entries(variants)) {
  it(`paginates a reference list ${where} as a compile with the measured heights does`, async () => {
    const estimated = await compile(text)
    expect(countEntries(estimated.html)).toBe(20)
    for (const [name, references] of Object.entries(plans)) {
      const expected = await compile(text, references)
      const repaginated = await repaginateReferences(estimated, references)
      expect(repaginated, name).toBeDefined()
      expect(repaginated!.html, name).toBe(expected.html)
      expect(repaginated!.slideCount, name).toBe(expected.slideCount)
      expect(repaginated!.sectionsHtml, name).toEqual(expected.sectionsHtml)
    }
  })
}

it('leaves a new continuation slide to the compile when the estimate made none', async () => {
  const few = source.replace(/ {2}- id: src0[4-9][\s\S]*?(?=\nnocite)/, '')
  const estimated = await compile(few)
  const tall: MeasuredReferences = {entries: [300, 300, 300, 300], first: 560, next: 560}
  expect(estimated.html).not.toContain('(cont.)')
  expect(await repaginateReferences(estimated, {...tall, entries: tall.entries.slice(0, countEntries(estimated.html))})).toBeUndefined()
})

const countEntries = (html: string) => html.split('class="csl-entry"').length - 1
