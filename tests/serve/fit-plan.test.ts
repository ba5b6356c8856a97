import {describe, expect, it} from 'vitest'
import {carryPlan} from '../../src/serve/fit-plan.js'

describe('serve: the last fit plan carried over to an edited text', () => {
  const before = 'aaaa\nbbbb\ncccc\ndddd\n'
  const plan = {scales: {0: 0.9, 10: 0.85, 15: 0.8}, breaks: [5, 12, 15], references: {entries: [20, 30], first: 400, next: 500}}

  it('keeps offsets before the edit, moves those after it and drops those inside it', () => {
    // "cc" in the third line becomes "cXYZc": two characters out, three in.
    const after = 'aaaa\nbbbb\ncXYZc\ndddd\n'
    expect(carryPlan(plan, before, after)).toEqual({scales: {0: 0.9, 10: 0.85, 16: 0.8}, breaks: [5, 16], references: plan.references})
  })

  it('moves everything after text inserted in front of it, and leaves an unchanged text alone', () => {
    expect(carryPlan(plan, before, 'new\n' + before)).toEqual({scales: {4: 0.9, 14: 0.85, 19: 0.8}, breaks: [9, 16, 19], references: plan.references})
    expect(carryPlan(plan, before, before)).toBe(plan)
  })
})
