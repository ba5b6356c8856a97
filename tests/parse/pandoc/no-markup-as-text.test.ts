/**
 * Pandoc and Quarto decks show no markup as text: in the visible text of
 * every slide (code and math sources aside) no fence, attribute block or
 * raw dollar sign survives the build.
 */
import {join} from 'node:path'
import type {Element, Nodes} from 'hast'
import {afterAll, describe, expect, it} from 'vitest'
import {Project} from '../../../src/index.js'
import {lazySharedBrowser} from '../../browser/shared.js'
import {FIXTURE_DIAGRAMS, FIXTURES, fixtureCases} from '../../helpers/fixtures.js'

// Diagrams are drawn in the shared browser (a fixture without one never connects).
const shared = lazySharedBrowser()
afterAll(() => shared.disconnect())

// `:::` fences, `{.class}`/`{#id}`/`{key=…}`/`{=html}` blocks, `]{` span ends, TeX between dollars.
const MARKUP = /:::|\{[.#=][^}]*\}|\{[\w-]+=|\]\{|\$[^$\s][^$]*\$/

function visibleText(node: Nodes): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element' && node.type !== 'root') return ''
  const element = node as Element
  // Code shows its source on purpose; KaTeX keeps the TeX in a MathML annotation; a drawn diagram's CSS is not shown.
  if (node.type === 'element' && ['code', 'pre', 'annotation', 'aside', 'style'].includes(element.tagName)) return ''
  return element.children.map((child) => visibleText(child as Nodes)).join('')
}

describe('pandoc and Quarto decks', () => {
  // Not `math`: it shows prose dollars on purpose, one (`$20 … $x$`) read as pandoc reads it, as text.
  for (const name of fixtureCases((name) => /^(quarto|pandoc)-/.test(name))) {
    it(`${name} shows no markup as text`, async () => {
      const project = new Project({browser: shared.browser})
      try {
        const {deck} = await project.build(join(FIXTURES, name, 'input.md'), {dryRun: true, diagramsPath: FIXTURE_DIAGRAMS})
        const leaks = deck.sections.map(visibleText).filter((text) => MARKUP.test(text))
        expect(leaks).toEqual([])
      } finally {
        await project.close()
      }
    })
  }
})
