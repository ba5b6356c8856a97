/** The small pure helpers of the PowerPoint export: colours, gradient bands, and the fixes to pptxgenjs's XML. */
import {describe, expect, it} from 'vitest'
import {gradientBands} from '../../../src/export/pptx/gradient.js'
import {fontKinds, markerColours, notesParagraphs, onePropertiesElement} from '../../../src/export/pptx/package.js'
import {colour, firstFamily} from '../../../src/export/pptx/units.js'

describe('colour and fonts', () => {
  it('reads computed colours, and takes transparent ones for none', () => {
    expect(colour('rgb(11, 92, 173)')).toEqual({hex: '0B5CAD', alpha: 1})
    expect(colour('rgba(0, 0, 0, 0.4)')).toEqual({hex: '000000', alpha: 0.4})
    expect(colour('rgba(0, 0, 0, 0)')).toBeUndefined()
    expect(colour('color(srgb 1 0 0)')).toBeUndefined()
  })

  it('names the first family of a font list, generic families by a common font', () => {
    expect(firstFamily("'Source Sans Pro', Arial, sans-serif")).toBe('Source Sans Pro')
    expect(firstFamily('monospace')).toBe('Courier New')
  })
})

describe('gradientBands', () => {
  const box: [number, number, number, number] = [10, 20, 1000, 500]

  it('turns hard stops into solid bands, across or down', () => {
    expect(gradientBands('linear-gradient(90deg, rgb(1, 2, 3) 0px, rgb(1, 2, 3) 14px, rgba(0, 0, 0, 0) 14px)', box)).toEqual([
      {box: [10, 20, 14, 500], color: 'rgb(1, 2, 3)'}
    ])
    expect(gradientBands('linear-gradient(rgb(1, 2, 3) 0% 10%, rgb(4, 5, 6) 10%)', box)).toEqual([{box: [10, 20, 1000, 50], color: 'rgb(1, 2, 3)'}])
  })

  it('draws nothing for soft blends, other angles or images', () => {
    expect(gradientBands('linear-gradient(90deg, rgb(1, 2, 3), rgb(4, 5, 6))', box)).toEqual([])
    expect(gradientBands('linear-gradient(45deg, rgb(1, 2, 3) 0px, rgb(1, 2, 3) 14px)', box)).toEqual([])
    expect(gradientBands('url("x.png")', box)).toEqual([])
    expect(gradientBands('none', box)).toEqual([])
  })
})

describe('package fixes', () => {
  it('keeps only the first paragraph properties of each paragraph', () => {
    const xml =
      '<a:p><a:pPr marL="0"><a:buNone/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr indent="0" marL="0"><a:buNone/></a:pPr><a:r><a:t>b</a:t></a:r></a:p><a:p><a:pPr/><a:r><a:t>c</a:t></a:r><a:pPr/></a:p>'
    expect(onePropertiesElement(xml)).toBe(
      '<a:p><a:pPr marL="0"><a:buNone/></a:pPr><a:r><a:t>a</a:t></a:r><a:r><a:t>b</a:t></a:r></a:p><a:p><a:pPr/><a:r><a:t>c</a:t></a:r></a:p>'
    )
  })

  it("colours the slide's list markers in order, leaving one without a colour as it is", () => {
    const bullet = '<a:buSzPct val="100000"/><a:buChar char="&#x2022;"/>'
    const number = '<a:buSzPct val="100000"/><a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod" startAt="1"/>'
    expect(markerColours(bullet + number + bullet, ['0B5CAD', '', 'FFD24A'])).toBe(
      `<a:buClr><a:srgbClr val="0B5CAD"/></a:buClr>${bullet}${number}<a:buClr><a:srgbClr val="FFD24A"/></a:buClr>${bullet}`
    )
  })

  it('splits the notes into one paragraph a line', () => {
    const xml = '<p:nvPr><p:ph type="body" idx="1"/></p:nvPr><p:txBody><a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>one\ntwo</a:t></a:r></a:p>'
    expect(notesParagraphs(xml)).toContain('<a:t>one</a:t></a:r></a:p><a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>two</a:t>')
  })

  it('names each font with its kind, so a missing serif is replaced by a serif', () => {
    const xml = '<a:latin typeface="Source Serif 4" pitchFamily="34" charset="0"/><a:latin typeface="Fira &amp; Mono" pitchFamily="34"/><a:latin typeface="Other" pitchFamily="34"/>'
    expect(fontKinds(xml, {'Source Serif 4': 'serif', 'Fira & Mono': 'monospace'})).toBe(
      '<a:latin typeface="Source Serif 4" pitchFamily="18" charset="0"/><a:latin typeface="Fira &amp; Mono" pitchFamily="49"/><a:latin typeface="Other" pitchFamily="34"/>'
    )
  })
})
