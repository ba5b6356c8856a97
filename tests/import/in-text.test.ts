import {describe, expect, it} from 'vitest'
import {collectAliases, findCitations} from '../../src/import/in-text.js'
import {buildReferences} from '../../src/import/references.js'

const references = buildReferences(
  [
    'Roskin, M., Berry, N. (2010). IR. Upper Saddle River, New Jersey: Prentice Hall',
    'Larson, H. J., Cook, A. R., & Jones, N. S. (2016). Confidence. EBioMedicine, 12, 295-301.',
    'World Health Organization. (2019). Ten threats. https://who.example',
    'Okafor, C. (2010a). Measuring heat. Journal of Urban Climate, 3(2), 45-60.',
    'Okafor, C. (2010b). Heat and health. London: Greenleaf.',
    'Cuban Missile Crisis. (n.d.) JFK Library. Retrieved from http://jfk.example'
  ].map((text, start) => ({text, start}))
)

function cite(text: string) {
  const context = {references, aliases: collectAliases(text)}
  const {citations, problems} = findCitations(text, context)
  return {pandoc: citations.map((citation) => citation.pandoc), problems: problems.map((problem) => problem.rule)}
}

describe('findCitations', () => {
  it('turns parenthetical citations into pandoc ones with normalised locators', () => {
    expect(cite('A claim (Roskin & Berry, 2010, p.154-155).').pandoc).toEqual(['[@roskin2010, pp. 154–155]'])
    expect(cite('A claim (Larson et al., 2016; Okafor, 2010a).').pandoc).toEqual(['[@larson2016; @okafor2010a]'])
    expect(cite('A claim (“Cuban Missile Crisis,” n.d.).').pandoc).toEqual(['[@cubanmissile_nd]'])
  })

  it('reads narrative citations and a bare page for the last source named', () => {
    // The student's words stay; only the parenthesis becomes a citation.
    expect(cite('Roskin and Berry (2010) say so.').pandoc).toEqual(['Roskin and Berry [-@roskin2010]'])
    expect(cite('Larson et al. (2016) found “this” (p. 297).').pandoc).toEqual(['Larson et al. [-@larson2016]', '[@larson2016, p. 297]'])
    expect(cite('Okafor (2010b) showed it.').pandoc).toEqual(['Okafor [-@okafor2010b]'])
  })

  it('resolves a group author through its [ABBR] anywhere in the essay', () => {
    expect(cite('The World Health Organization [WHO] warns (World Health Organization [WHO], 2019). Later (WHO, 2019).').pandoc).toEqual(['[@world2019]', '[@world2019]'])
  })

  it('warns about a misspelt name, an unknown source and a page with no source', () => {
    expect(cite('A claim (Larsen et al., 2016).')).toEqual({pandoc: ['[@larson2016]'], problems: ['import-fuzzy-citation']})
    expect(cite('A claim (Smith, 2003).')).toEqual({pandoc: ['(Smith, 2003)'], problems: ['import-unresolved-citation']})
    expect(cite('A claim (p. 4).')).toEqual({pandoc: [], problems: ['import-orphan-locator']})
  })

  it('keeps the known sources of a group citation, and the unknown one as written after them', () => {
    expect(cite('A claim (Roskin & Berry, 2010; Smith, 2003, p. 4; Okafor, 2010b).')).toEqual({
      pandoc: ['[@roskin2010; @okafor2010b] (Smith, 2003, p. 4)'],
      problems: ['import-unresolved-citation']
    })
  })

  it('warns when 2010 fits both 2010a and 2010b', () => {
    expect(cite('A claim (Okafor, 2010).').problems).toEqual(['import-ambiguous-citation'])
  })

  it('leaves asides and dates in parentheses alone', () => {
    expect(cite('The Bay of Pigs (a failed invasion) and the Treaty of Versailles (1919).').pandoc).toEqual([])
  })
})
