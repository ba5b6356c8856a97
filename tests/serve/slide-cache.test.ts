import type {Element} from 'hast'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {compileDeck} from '../../src/index.js'
import {RebuildCache} from '../../src/serve/rebuild-cache.js'

const deck = (slides: string[]) => `---\ntitle: Cached\nreferences:\n  - id: doe2020\n    type: book\n    author: [{family: Doe, given: Jane}]\n    issued: {date-parts: [[2020]]}\n    title: A book\n---\n\n${slides.join('\n\n')}\n`
const slides = Array.from({length: 12}, (_, index) => `## Slide ${index}\n\n- A point about ${index} [@doe2020, p. ${index}]\n- Another point`)
const compile = (markdown: string, cache?: RebuildCache) => compileDeck(new VFile({path: '/tmp/cached/deck.md', value: markdown}), {cache})
const positions = (sections: Element[]) => sections.map((section) => [section.position, (section.children[0] as Element).position])

describe('serve: slides reused between rebuilds', () => {
  it('renders only the edited slide, and gives the page and positions a fresh build gives', async () => {
    const cache = new RebuildCache()
    await compile(deck(slides), cache)
    expect(cache.slides.stats.rendered).toBeGreaterThanOrEqual(12)

    // One more line in slide 3 moves every later slide down a line.
    const edited = slides.with(3, '## Slide 3\n\n- A point about 3, now longer [@doe2020, p. 3]\n- Another point\n- And a third')
    const rebuilt = await compile(deck(edited), cache)
    const fresh = await compile(deck(edited))
    expect(cache.slides.stats.rendered).toBe(1)
    expect(rebuilt.html).toBe(fresh.html)
    expect(rebuilt.sectionsHtml).toEqual(fresh.sectionsHtml)
    expect(positions(rebuilt.sections)).toEqual(positions(fresh.sections))
  })

  it('renders again the slides whose citations print differently, and slides that use deck-wide definitions', async () => {
    const cache = new RebuildCache()
    const withLink = [...slides, '## Links\n\nSee [the site][site].\n\n[site]: https://example.org/a']
    await compile(deck(withLink), cache)
    // A new first citation of another work before slide 5 changes no later citation in APA, but the link slide is always rendered.
    const changed = withLink.with(0, '## Slide 0\n\n- A point [@doe2020, p. 99]\n- Another point')
    const rebuilt = await compile(deck(changed), cache)
    expect(rebuilt.html).toBe((await compile(deck(changed))).html)
    expect(cache.slides.stats.rendered).toBe(2)
  })

  it('gives identical slides a section each', async () => {
    const cache = new RebuildCache()
    const twice = ['## Questions?', '## Middle', '## Questions?']
    await compile(deck(twice), cache)
    const rebuilt = await compile(deck(twice), cache)
    const [first, second] = rebuilt.sections.filter((_, index) => rebuilt.sectionsHtml[index]!.includes('Questions?'))
    expect(first).not.toBe(second)
    expect(second!.position!.start.line).toBeGreaterThan(first!.position!.start.line)
    expect(rebuilt.html).toBe((await compile(deck(twice))).html)
  })
})
