import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {remarkCitations} from '../../src/parse/citations.js'
import {remarkPandoc} from '../../src/parse/pandoc/index.js'
import type {Citation} from '../../src/types.js'

function cite(markdown: string): Citation[] {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkPandoc).use(remarkCitations)
  const file = new VFile({path: 'deck.md', value: markdown})
  const tree = processor.runSync(processor.parse(file), file) as Root
  const found: Citation[] = []
  visit(tree, 'citation', (node) => {
    found.push(node)
  })
  return found
}

const place = (node: Citation) => {
  const {start, end} = node.position!
  return `${start.line}:${start.column}-${end.line}:${end.column}`
}

describe('remarkCitations', () => {
  it('parses a bracketed key with its position', () => {
    const [node] = cite('As shown [@roskin2010].')
    expect(node).toMatchObject({mode: 'normal', raw: '[@roskin2010]', items: [{id: 'roskin2010', prefix: '', suffix: ''}]})
    expect(place(node!)).toBe('1:10-1:23')
  })

  it('splits page and page-range locators from the suffix', () => {
    const [one, two] = cite('A [@key, p. 58] and B [@key, pp. 154-155].')
    expect(one!.items[0]).toMatchObject({locator: '58', label: 'page', suffix: ''})
    expect(two!.items[0]).toMatchObject({locator: '154-155', label: 'page', suffix: ''})
  })

  it('reads prefixes, suffixes and several sources', () => {
    const [node] = cite('Text [see @a, ch. 2; also @b, sec. 4, emphasis added].')
    expect(node!.items).toEqual([
      {id: 'a', prefix: 'see', suffix: '', suppressAuthor: false, locator: '2', label: 'chapter'},
      {id: 'b', prefix: 'also', suffix: ', emphasis added', suppressAuthor: false, locator: '4', label: 'section'}
    ])
  })

  it('marks suppressed authors', () => {
    const [node] = cite('Roskin says [-@roskin2010, 12].')
    expect(node!.items[0]).toMatchObject({id: 'roskin2010', suppressAuthor: true, locator: '12', label: 'page'})
  })

  it('parses narrative citations, with and without a locator', () => {
    const [a, b] = cite('@roskin2010 argues, and @allison1999 [p. 3] agrees.')
    expect(a).toMatchObject({mode: 'narrative', raw: '@roskin2010', items: [{id: 'roskin2010'}]})
    expect(place(a!)).toBe('1:1-1:12')
    expect(b).toMatchObject({mode: 'narrative', raw: '@allison1999 [p. 3]', items: [{id: 'allison1999', locator: '3', label: 'page'}]})
  })

  it('follows pandoc key rules: internal punctuation, trailing punctuation, braces', () => {
    const keys = cite('See @doe:2020.a. Also @{Smith and Jones 1999} and @_x-y, then.').flatMap((node) => node.items.map((item) => item.id))
    expect(keys).toEqual(['doe:2020.a', 'Smith and Jones 1999', '_x-y'])
  })

  it('does not take e-mail addresses or escaped @ for citations', () => {
    expect(cite('Write to jane@example.com or jane@b.\n\nNot \\@key, nor [\\@key].')).toEqual([])
  })

  it('keeps positions right after escapes and entities on the line', () => {
    const [node] = cite('a \\* &amp; b [@key]')
    expect(place(node!)).toBe('1:14-1:20')
  })

  it('handles a cluster whose suffix contains emphasis', () => {
    const [node] = cite('Claim [@key, p. 4, *passim*] here.')
    expect(node).toMatchObject({raw: '[@key, p. 4, *passim*]', items: [{id: 'key', locator: '4', suffix: ', passim'}]})
    expect(node!.children.map((child) => child.type)).toEqual(['text', 'emphasis', 'text'])
  })

  // Found by the fuzz (seed 318461938): the `_` of one key opened emphasis that
  // closed in the next citation, hiding it and the raw `</div>` between them in
  // the first one's suffix; the `</div>` then closed the slide's body in the page.
  it('reads citation brackets before emphasis, as pandoc does', () => {
    const nodes = cite('- x [e.g. -@a._#0_é, p. 3] </div> [@b>é_:mt, n}]oe]\n- [see @c, _x] and [@d, y_]')
    expect(nodes.map((node) => node.raw)).toEqual(['[e.g. -@a._#0_é, p. 3]', '[@b>é_:mt, n}]', '[see @c, _x]', '[@d, y_]'])
    expect(nodes.map((node) => node.items[0]!.id)).toEqual(['a._#0_é', 'b>é_:mt', 'c', 'd'])
    expect(nodes.map(place)).toEqual(['1:5-1:27', '1:35-1:49', '2:3-2:15', '2:20-2:28'])
    expect(new Set(nodes.flatMap((node) => node.children.map((child) => child.type)))).toEqual(new Set(['text']))
  })

  it('finds citations in headings, lists, tables, quotes, footnotes and speaker notes', () => {
    const markdown = [
      '# Title [@h]',
      '',
      '- item [@l]',
      '',
      '| a | b |',
      '|---|---|',
      '| [@t] | x |',
      '',
      '> quote [@q]',
      '',
      'Body.[^1]',
      '',
      '[^1]: Note [@f].',
      '',
      '::: notes',
      'Say [@n].',
      ':::'
    ].join('\n')
    const ids = cite(markdown).map((node) => node.items[0]!.id)
    expect(ids).toEqual(['h', 'l', 't', 'q', 'f', 'n'])
  })

  it('leaves links and code alone', () => {
    expect(cite('[@key](https://example.com) and `[@key]`')).toEqual([])
  })

  it('reports positions on later lines', () => {
    const [node] = cite('First line.\n\nSecond [@roskn2010] line.')
    expect(place(node!)).toBe('3:8-3:20')
  })
})
