import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {remarkChunkedParse, splitDocument} from '../../src/parse/chunked-parse.js'
import {remarkPandoc} from '../../src/parse/pandoc/index.js'

const whole = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).use(remarkPandoc)
const chunked = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).use(remarkPandoc).use(remarkChunkedParse)

function longDeck(): string {
  const parts = ['---', 'title: Long', '---', '']
  for (let index = 0; index < 400; index++) {
    parts.push(`## Slide ${index}`, '', `Text with a [reference link][ref] and a note[^n].`, '')
    if (index % 50 === 7) parts.push('```md', '# not a heading inside code', '```', '')
    if (index % 50 === 9) parts.push('::: notes', '# a heading inside notes', ':::', '')
    if (index % 50 === 11) parts.push('<!--', '# inside a comment', '-->', '')
    if (index % 50 === 13) parts.push('<div>', '# inside a div block', '</div>', '')
  }
  parts.push('[ref]: https://example.org', '', '[^n]: The footnote.', '')
  return parts.join('\n')
}

describe('chunked parse', () => {
  it('leaves short documents whole', () => {
    expect(splitDocument('## a\n\ntext\n')).toHaveLength(1)
  })

  it('cuts only before top-level headings, outside code, HTML and divs', () => {
    const chunks = splitDocument(longDeck())
    expect(chunks.length).toBeGreaterThan(3)
    expect(chunks.join('')).toBe(longDeck())
    for (const chunk of chunks.slice(1)) expect(chunk).toMatch(/^## Slide \d+\n/)
  })

  it('gives the same tree, positions included, as one whole parse', () => {
    const markdown = longDeck()
    expect(chunked.parse(markdown)).toEqual(whole.parse(markdown))
  })
})
