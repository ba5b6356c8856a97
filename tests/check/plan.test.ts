/** The fit planner on made-up measurements: when it scales, where it cuts, and the reference list. */
import {describe, expect, it} from 'vitest'
import {planFit} from '../../src/check/plan.js'
import type {MeasuredSlide} from '../../src/check/measure.js'

function slide(fields: Partial<MeasuredSlide>): MeasuredSlide {
  return {
    number: 2,
    title: 'A slide',
    kind: 'content',
    position: {start: {line: 5, column: 1, offset: 100}, end: {line: 20, column: 1, offset: 900}},
    place: {line: 5, column: 1},
    scale: 1,
    overflowY: 0,
    overflowX: 0,
    limit: 616,
    paddingTop: 48,
    paddingBottom: 16,
    width: 1152,
    frame: 720,
    units: [],
    unitOffsets: [],
    notes: [],
    notesFrame: 0,
    unitNotes: [],
    brokenImages: [],
    fitText: [],
    fitTextOffsets: [],
    ...fields
  }
}

/** `count` units of `height` px from y = 140, 10 px apart, at offsets 200, 300, … */
function units(count: number, height: number) {
  const boxes = Array.from({length: count}, (_, index): [number, number] => [140 + index * (height + 10), 140 + index * (height + 10) + height])
  return {units: boxes, unitOffsets: boxes.map((_, index) => 200 + index * 100), unitNotes: boxes.map(() => [])}
}

describe('planFit', () => {
  it('leaves a fitting deck alone', () => {
    expect(planFit([slide(units(3, 50))], {scales: {}, breaks: []})).toEqual({scales: {}, breaks: []})
  })

  it('scales a slide that overflows a little, down to what it needs', () => {
    const plan = planFit([slide({...units(6, 80), overflowY: 40})], {scales: {}, breaks: []})
    expect(plan.breaks).toEqual([])
    expect(plan.scales[100]).toBeGreaterThanOrEqual(0.8)
    expect(plan.scales[100]).toBeLessThanOrEqual(Math.floor((568 / 608) * 100) / 100)
  })

  it('splits a slide too full for the floor, filling each part', () => {
    // 12 units of 80 px: 140 + 12 * 90 = 1220 px of content for 616.
    const plan = planFit([slide({...units(12, 80), overflowY: 604})], {scales: {}, breaks: []})
    expect(plan.scales).toEqual({})
    // Room from the first unit's top to the frame's foot: 720 - 140 - 16 - 4 = 560 px, six units a part.
    expect(plan.breaks).toEqual([800])
  })

  it('counts the footnotes a part keeps', () => {
    const measured = {...units(12, 80), overflowY: 900, notes: Array.from({length: 12}, () => 55), notesFrame: 30}
    measured.unitNotes = measured.units.map((_, index) => [index])
    const plan = planFit([slide(measured)], {scales: {}, breaks: []})
    // A unit costs 90 + 55 px, the footer 30: three units a part (30 + 3 * 55 + 260 = 455; a fourth makes 600 > 560).
    expect(plan.breaks).toEqual([500, 800, 1100])
  })

  it('scales to the floor a single block that cannot be split', () => {
    const plan = planFit([slide({...units(1, 900), overflowY: 450})], {scales: {}, breaks: []})
    expect(plan).toMatchObject({scales: {100: 0.8}, breaks: []})
  })

  it('keeps the estimated reference pages when the measurements agree, and replaces them when not', () => {
    const refs = (entries: number[], number: number) =>
      slide({number, kind: 'references', position: undefined, references: {top: 120, entries}, overflowY: 0})
    // Room for entries: 616 - 120 - 4 = 492 px a slide.
    const agree = planFit([refs([200, 200], 9), refs([200], 10)], {scales: {}, breaks: []})
    expect(agree.references).toBeUndefined()
    const over = planFit([refs([200, 200, 200], 9), refs([60], 10)], {scales: {}, breaks: []})
    expect(over.references).toEqual({entries: [200, 200, 200, 60], first: 492, next: 492})
  })

  it('keeps the measured sizes of fitted text, and those of earlier rounds', () => {
    const first = planFit([slide({fitText: [120.5], fitTextOffsets: [140]})], {scales: {}, breaks: []})
    expect(first.fitText).toEqual({140: 120.5})
    // Measured at its size, the text is no longer `.r-fit-text`: the next round finds none and keeps the size.
    expect(planFit([slide({})], first)).toEqual(first)
  })
})
