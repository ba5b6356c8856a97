import {describe, expect, it} from 'vitest'
import {cleanData, describeCharacter, dropControlCharacters, droppedReason} from '../../src/io/control-characters.js'

describe('control characters', () => {
  it('drops C0 controls but tab and line breaks, DEL, C1 and lone surrogates; page and line breaks become spaces', () => {
    expect(dropControlCharacters('a\x07b\tc\nd\re\x7ff\x9bg\x0ch\x0bi\x85j')).toBe('ab\tc\nd\refg h i j')
    expect(dropControlCharacters('pair \uD83D\uDE00 lone \uD800 \uDC00 end')).toBe('pair \uD83D\uDE00 lone   end')
    expect(dropControlCharacters('naïve 漢字 ﻿\u200B')).toBe('naïve 漢字 ﻿\u200B')
  })

  it('names what it dropped', () => {
    expect(describeCharacter('\x0c')).toBe('U+000C (form feed)')
    expect(describeCharacter('\uDC00')).toBe('U+DC00 (a lone surrogate)')
    expect(droppedReason(['\x07'])).toBe('control character U+0007 (bell) dropped')
    expect(droppedReason(['\x0b'], ' in `title`')).toBe('control character U+000B (vertical tab) in `title` replaced by a space')
    expect(droppedReason(['\x07', '\x08'], ' in `title`')).toBe('2 control characters (U+0007 (bell), …) in `title` left out')
  })

  it('cleans parsed data in place, however deep, naming each field', () => {
    const item = {id: 'a', title: 'Cri\x07sis', author: [{family: 'Ros\x08kin', given: 'M.'}], issued: {'date-parts': [[2010]]}}
    const found: string[] = []
    cleanData(item, (field, chars) => found.push(`${field}: ${chars.length}`))
    expect(item).toEqual({id: 'a', title: 'Crisis', author: [{family: 'Roskin', given: 'M.'}], issued: {'date-parts': [[2010]]}})
    expect(found).toEqual(['title: 1', 'author.0.family: 1'])
  })

  // Found by the fuzz (seed 319690587): front matter `x: &a [*a]` is a list that holds itself.
  it('visits each object once: a YAML alias can make a cycle', () => {
    const list: unknown[] = ['bell\x07']
    list.push(list)
    const found: string[] = []
    cleanData({x: list}, (field) => found.push(field))
    expect(list[0]).toBe('bell')
    expect(found).toEqual(['x.0'])
  })
})
