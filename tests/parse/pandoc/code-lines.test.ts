import {describe, expect, it} from 'vitest'
import {lineSteps} from '../../../src/parse/pandoc/code-lines.js'

describe('code-line-numbers values', () => {
  it('reads lines, ranges and steps as Quarto writes them', () => {
    expect(lineSteps('1-2|4')).toEqual([[1, 2], [4]])
    expect(lineSteps('3,5-6')).toEqual([[3, 5, 6]])
    expect(lineSteps('|2|4-5')).toEqual([[], [2], [4, 5]])
  })

  it('numbers the lines for "true", and leaves them for "false"', () => {
    expect(lineSteps('true')).toEqual([[]])
    expect(lineSteps('false')).toBeUndefined()
  })

  it('names what it cannot read', () => {
    expect(lineSteps('1-2|x')).toEqual({bad: 'x'})
    expect(lineSteps('5-3')).toEqual({bad: '5-3'})
  })
})
