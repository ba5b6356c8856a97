import {describe, expect, it} from 'vitest'
import {splitSentences} from '../../src/import/sentences.js'

const texts = (text: string) => splitSentences(text).map((sentence) => sentence.text)

describe('splitSentences', () => {
  it('ends a sentence after a closing citation or note mark', () => {
    expect(texts('They found it (p. 12). Then it rained.')).toEqual(['They found it (p. 12).', 'Then it rained.'])
    expect(texts('Parliament passed a law.\uE0003\uE001 Historians tell it as luck.')).toEqual(['Parliament passed a law.\uE0003\uE001', 'Historians tell it as luck.'])
    expect(texts('Los ingresos familiares (pp. 80-81). Además, no significa lo mismo.')).toEqual(['Los ingresos familiares (pp. 80-81).', 'Además, no significa lo mismo.'])
  })

  it('keeps initials and abbreviations inside a sentence', () => {
    expect(texts('J. F. Kennedy met Dr. Castro in the U.S. capital. Then he left.')).toEqual(['J. F. Kennedy met Dr. Castro in the U.S. capital.', 'Then he left.'])
  })
})
