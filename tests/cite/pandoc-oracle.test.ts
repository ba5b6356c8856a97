/**
 * pandoc as an oracle: the same citations and bibliography through
 * `pandoc --citeproc` and through citedeck (`citations: inline`) must read the
 * same, style by style. Skipped where pandoc is not installed.
 */
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import core from '@citation-js/core'
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toString} from 'hast-util-to-string'
import {visit} from 'unist-util-visit'
import '@citation-js/plugin-csl'
import {describe, expect, it} from 'vitest'
import {compileDeck, readSource} from '../../src/index.js'
import {FIXTURES} from '../helpers/fixtures.js'

const hasPandoc = (() => {
  try {
    execFileSync('pandoc', ['--version'])
    return true
  } catch {
    return false
  }
})()

const FORMS = [
  '[@roskin2010, p. 58]',
  '[see @correll2005, pp. 82-83]',
  '[@blight2002; @jfk-library]',
  '[-@roskin2010, p. 60]',
  '@correll2005',
  '@blight2002 [p. 5]'
]
const BIBLIOGRAPHY = join(FIXTURES, 'cite-apa', 'sources.bib')
const STYLES_DIR = new URL('../../styles/', import.meta.url).pathname
const STYLES: Record<string, string> = {
  apa: 'template:apa',
  harvard: 'template:harvard1',
  'chicago-author-date': 'chicago-author-date.csl',
  mla: 'modern-language-association.csl',
  ieee: 'ieee.csl'
}

// Typographic differences that are not citation differences.
const normalise = (text: string) =>
  text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    // A numeric label and its entry sit in two grid cells, not one line.
    .replace(/^(\[\d+\])(?=\S)/, '$1 ')

describe.skipIf(!hasPandoc)('citations agree with pandoc --citeproc', () => {
  const dir = mkdtempSync(join(tmpdir(), 'citedeck-oracle-'))
  // A deck reads its bibliography from inside its own project folder only.
  copyFileSync(BIBLIOGRAPHY, join(dir, 'sources.bib'))
  for (const [name, csl] of Object.entries(STYLES)) {
    it(name, async () => {
      const cslPath = join(dir, `${name}.csl`)
      writeFileSync(
        cslPath,
        csl.startsWith('template:') ? core.plugins.config.get('@csl').templates.get(csl.slice(9)) : execFileSync('cat', [join(STYLES_DIR, csl)])
      )
      const body = FORMS.map((form, index) => `Form${index} ${form}`).join('\n\n')
      const input = join(dir, `${name}.md`)
      writeFileSync(input, `---\nbibliography: sources.bib\ncsl: ${name}\ncitations: inline\n---\n\n${body}\n`)
      const pandoc = execFileSync('pandoc', ['--citeproc', '--csl', cslPath, '-t', 'plain', '--wrap=none', input], {encoding: 'utf8', cwd: dir})
      const expected = pandoc.split(/\n\n+/).map(normalise).filter(Boolean)

      const deck = await compileDeck(await readSource(input))
      const actual: string[] = []
      visit(fromHtml(deck.html), 'element', (node: Element) => {
        const classes = node.properties.className
        if (node.tagName === 'p' || (Array.isArray(classes) && classes.includes('csl-entry'))) actual.push(normalise(toString(node)))
      })
      for (const line of expected) expect(actual).toContain(line)
    })
  }
})
