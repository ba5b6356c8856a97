import {describe, expect, it} from 'vitest'
import {pointMaker, repairText} from '../../src/import/text-repair.js'

describe('repairText', () => {
  it('adds the missing space after a sentence but keeps abbreviations and initials', () => {
    expect(repairText('(Roskin & Berry, 2010).When the U.S. expressed').text).toBe('(Roskin & Berry, 2010). When the U.S. expressed')
    expect(repairText('J.F. Kennedy and Dr. No met in the U.S.').text).toBe('J.F. Kennedy and Dr. No met in the U.S.')
    expect(repairText('see www.Example.com/Page for more').text).toBe('see www.Example.com/Page for more')
  })

  it('removes the stray space before an apostrophe and a comma', () => {
    expect(repairText("Khrushchev 's proposal").text).toBe('Khrushchev’s proposal')
    expect(repairText('Asphalt , concrete').text).toBe('Asphalt, concrete')
  })

  it('curls straight quotes by position and collapses runs of spaces', () => {
    expect(repairText('he said "no  way" today').text).toBe('he said “no way” today')
  })

  it('maps every repaired character back to its original offset', () => {
    const source = "A  b 's.Cc"
    const {text, map} = repairText(source)
    const c = text.indexOf('Cc')
    expect(source.slice(map[c]!, map[c]! + 2)).toBe('Cc')
    expect(pointMaker('one\ntwo')(5)).toEqual({line: 2, column: 2, offset: 5})
  })
})
