import {describe, expect, it} from 'vitest'
import {compileDeck} from '../../src/index.js'
import {pageChange, pageParts} from '../../src/serve/page-diff.js'
import {VFile} from 'vfile'

const parts = async (markdown: string) => pageParts(await compileDeck(new VFile({path: '/tmp/deck.md', value: markdown})))

describe('serve: page changes', () => {
  it('cuts the page at every slide, sub-slides included', async () => {
    const page = (await parts('## A\n\nOne\n\n### A.1\n\nTwo\n\n## B\n\nThree\n'))!
    expect(page.slides).toHaveLength(3)
    expect(page.skeleton).toHaveLength(4)
    expect(page.skeleton[1]).toBe('')
    expect(page.skeleton.join('')).not.toContain('One')
  })

  it('patches only the slides whose HTML changed', async () => {
    const change = pageChange(await parts('## A\n\nOne\n\n## B\n\nTwo\n'), await parts('## A\n\nOne\n\n## B\n\nTwo, edited\n'))
    expect(change).toMatchObject({mode: 'patch', count: 2, patches: [[1, expect.stringContaining('Two'), expect.stringContaining('Two, edited')]]})
  })

  it('replaces the slides when they are added or regrouped, and reloads when the page around them changes', async () => {
    const before = await parts('## A\n\nOne\n\n## B\n\nTwo\n')
    expect(pageChange(before, await parts('## A\n\nOne\n\n## B\n\nTwo\n\n## C\n'))).toEqual({mode: 'replace'})
    const four = await parts('## A\n\n## B\n\n## C\n\n## D\n')
    expect(pageChange(four, await parts('## A\n\n## B\n\n### C\n\n## D\n'))).toEqual({mode: 'replace'})
    expect(pageChange(before, await parts('---\ntitle: New\n---\n\n## A\n\nOne\n\n## B\n\nTwo\n'))).toEqual({mode: 'reload'})
    expect(pageChange(before, await parts('---\naspect-ratio: "4:3"\n---\n\n## A\n\nOne\n\n## B\n\nTwo\n'))).toEqual({mode: 'reload'})
  })
})
