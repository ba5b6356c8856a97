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

describe('citations in the essay’s own style', () => {
  const list = (style: 'author-date' | 'mla' | 'notes', entries: string[], footnotes?: Map<number, string>) => {
    const references = buildReferences(entries.map((text, start) => ({text, start})))
    return (text: string) => findCitations(text, {references, aliases: collectAliases(text), style, ...(footnotes ? {footnotes} : {})}).citations.map((citation) => citation.pandoc)
  }

  it('Harvard: page after a colon, particles and spaces in names, y/und, as cited in, a nested abbreviation', () => {
    const cite = list('author-date', [
      'Keynes, J.M. (1931) Essays in persuasion. London: Macmillan.',
      'Ní Bhriain, S. (2021). Who gets to be a prince? Dublin: Press.',
      'García, M. y López, R. (2018). Bilingüismo. Revista, 12(2), 5–24.',
      'Lee, J. (2020a). Phone-free schools. Journal, 14(3), 201–219.',
      'Office for National Statistics (2023) Average hours. Available at: https://ons.example/x'
    ])
    expect(cite('A claim (Keynes, 1931: 369).')).toEqual(['[@keynes1931, p. 369]'])
    expect(cite('As Ní Bhriain (2021) shows.')).toEqual(['Ní Bhriain [-@nibhriain2021]'])
    expect(cite('García y López (2018) siguieron (García y López, 2018, p. 12).')).toEqual(['García y López [-@garcia2018]', '[@garcia2018, p. 12]'])
    expect(cite('Bans work (Glass & Kang, 2019, as cited in Lee, 2020a).')).toEqual(['[Glass \\& Kang, 2019, as cited in @lee2020a]'])
    expect(cite('Hours fell (Office for National Statistics (ONS), 2023), and later (ONS, 2023).')).toEqual(['[@office2023]', '[@office2023]'])
  })

  it('MLA: name and page, et al., a short title, qtd. in, a bare page for the author named, asides left alone', () => {
    const cite = list('mla', [
      'Shelley, Mary. Frankenstein. Edited by J. Paul Hunter, W. W. Norton, 2012.',
      'Mellor, Anne K. Mary Shelley: Her Life, Her Fiction, Her Monsters. Routledge, 1988.',
      'Guston, David H., et al., editors. Frankenstein: Annotated. MIT Press, 2017.',
      '"Still Alive at Two Hundred." The Review of Books Weekly, 8 Jan. 2018, p. 3.'
    ])
    expect(cite('He speaks (Shelley 36; Mellor 45).')).toEqual(['[@shelley2012, p. 36; @mellor1988, p. 45]'])
    expect(cite('Editors note it (Guston et al. 12-14), as does a review ("Still Alive" 3).')).toEqual(['[@guston2017, pp. 12–14]', '[@stillalive2018, p. 3]'])
    expect(cite('A reviewer called it horrid (qtd. in Mellor 57).')).toEqual(['[qtd. in @mellor1988, p. 57]'])
    expect(cite('Anne K. Mellor argues that the creature learns (38).')).toEqual(['[@mellor1988, p. 38]'])
    expect(cite('The task (Attentional Network Task) was short.')).toEqual([])
  })

  it('Chicago notes: full, short, Ibid. with and without a page, two sources, quoted in, a note with no source', () => {
    const notes = new Map([
      [1, 'Stephen Halliday, The Great Stink of London (Stroud: Sutton, 1999), 42.'],
      [2, 'Ibid., 74.'],
      [3, 'John Snow, On the Mode of Communication of Cholera, 2nd ed. (London: John Churchill, 1855), 38–40; see also Halliday, Great Stink, 28.'],
      [4, 'Edwin Chadwick, 1846, quoted in Halliday, Great Stink, 12.'],
      [5, 'Ibid.'],
      [6, 'Historians still argue about this.']
    ])
    const cite = list('notes', ['Halliday, Stephen. The Great Stink of London. Stroud: Sutton, 1999.', 'Snow, John. On the Mode of Communication of Cholera. 2nd ed. London: John Churchill, 1855.'], notes)
    expect(cite('One.[^1] Two.[^2] Three.[^3] Four.[^4] Five.[^5] Six.[^6]')).toEqual([
      '[@halliday1999, p. 42]',
      '[@halliday1999, p. 74]',
      '[@snow1855, pp. 38–40; see also @halliday1999, p. 28]',
      '[@halliday1999, p. 12]',
      '[@halliday1999]',
      ''
    ])
  })
})
