import {describe, expect, it} from 'vitest'
import {toBullets} from '../../src/import/bullets.js'

const C = '\uE0000\uE001'

describe('toBullets', () => {
  it('keeps a short sentence whole, without its connective and full stop', () => {
    expect(toBullets('Consequently, he approved of the proposal.')).toEqual(['He approved of the proposal'])
  })

  it('splits a comma splice into its clauses, each keeping the citation', () => {
    expect(toBullets(`In 1959, Fidel Castro led a guerrilla war against the Batista regime in Cuba, he “clamped down his own dictatorship and turned to the Soviet Union for arms” ${C}.`)).toEqual([
      `In 1959, Fidel Castro led a guerrilla war against the Batista regime in Cuba ${C}`,
      `He “clamped down his own dictatorship and turned to the Soviet Union for arms” ${C}`
    ])
  })

  it('shortens at a clause or phrase boundary, never mid-phrase, never with an ellipsis', () => {
    const [bullet] = toBullets(`In October of 1962, during the height of the Cold War, a U2 camera plane captured photographs of nuclear missile sites being built in Cuba by the Soviet Union ${C}.`)
    expect(bullet).toBe(`In October of 1962, a U2 camera plane captured photographs of nuclear missile sites being built in Cuba ${C}`)
    const [long] = toBullets('The agency recommends that doctors give a strong, presumptive recommendation instead of asking parents what they want to do in the exam room.')
    expect(long).toBe('The agency recommends that doctors give a strong, presumptive recommendation')
  })

  it('closes a quotation it had to cut', () => {
    const [bullet] = toBullets(`Kennedy made it clear that the “United States would retaliate against the Soviet Union with nuclear weapons if any Cuban missiles were used against an American nation” ${C}.`)
    expect(bullet).toBe(`Kennedy made it clear that the “United States would retaliate against the Soviet Union with nuclear weapons” ${C}`)
  })

  it('does not repeat a narrative citation at the end', () => {
    const narrative = (placeholder: string) => placeholder !== C
    const bullets = toBullets(`${C} showed that heat waves kill more people in dense neighborhoods with few trees than in leafy suburbs, and that older residents living alone are most at risk.`, narrative)
    expect(bullets).toEqual([`${C} showed that heat waves kill more people in dense neighborhoods with few trees than in leafy suburbs`])
  })
})
