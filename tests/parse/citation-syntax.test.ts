/**
 * The plain-citation micromark extension (src/parse/citations/syntax.ts) is
 * there for speed only: with it, every tree is the same as without it.
 */
import fc from 'fast-check'
import {parse, postprocess, preprocess} from 'micromark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import {describe, expect, it} from 'vitest'
import {citationSyntax} from '../../src/parse/citations/syntax.js'
import {remarkPandoc} from '../../src/parse/pandoc/index.js'

const base = () => unified().use(remarkParse).use(remarkGfm, {singleTilde: false}).use(remarkFrontmatter, ['yaml']).use(remarkMath).use(remarkPandoc)
const without = base().freeze()
const withSyntax = base()
  .use(function (this: Processor) {
    ;(this.data().micromarkExtensions ??= []).push(citationSyntax())
  })
  .freeze()

const PIECES = [
  '[', ']', '@', '-@', '@x', 'x', 'a_b', '_', ' ', '\t', ';', ',', '.', '*', '**', '(u)', '[r]', '\\', '\\]', 'http://a.b', 'www.a.b',
  'a@b.c', '-@b.c', 'é', '😀', '^', '{.c}', '`', '$', '<b>', '&amp;', '!', '~~', ':', 'p. 5', '\n', '\n\n', '- ', '> ', '| a |'
]
const DEFINITIONS = ['', '\n\n[@x]: /u\n', '\n\n[r]: /r\n', '\n\n[@x p. 5]: /v\n']
const ARBITRARY_RUNS = Number(process.env.FUZZ_RUNS ?? 300)

/** Token types micromark makes of a line, in order (enter events). */
function tokens(markdown: string): string[] {
  const events = postprocess(parse({extensions: [citationSyntax()]}).document().write(preprocess()(markdown, undefined, true)))
  return events.filter(([kind]) => kind === 'enter').map(([, token]) => token.type)
}

describe('plain-citation syntax', () => {
  it('reads a plain citation as one data token, a link or a citation with markup as micromark does', () => {
    expect(tokens('[@a] [see @b, p. 5]')).not.toContain('labelLink')
    expect(tokens('[@a](u)')).toContain('link')
    expect(tokens('[@a, *passim*]')).toContain('emphasis')
  })

  it.each([
    '[@a] [see @b, p. 5; -@c] [@a_b] text',
    '[@a](u) [@a][r] [@x] [^1] [@a, *passim*] [@a\\_b] [-@b.c] [x@y.org] [@a http://x.y] [@a]{.c}',
    '*[@a]* _[@a]_ [@a_] [@_a] [a [@b] c](u) ![@a] \\![@a] [@a\tb]\n\n[@x]: /u'
  ])('reads %j as micromark does', (markdown) => {
    expect(withSyntax.parse(markdown)).toEqual(without.parse(markdown))
  })

  it(`gives the tree micromark gives, on ${ARBITRARY_RUNS} random mixes of brackets, keys and inline syntax`, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), {maxLength: 40}), fc.constantFrom(...DEFINITIONS), (pieces, definitions) => {
        const markdown = pieces.join('') + definitions
        expect(withSyntax.parse(markdown)).toEqual(without.parse(markdown))
      }),
      {numRuns: ARBITRARY_RUNS}
    )
  })
})
