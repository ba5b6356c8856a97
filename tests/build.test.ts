import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {Project} from '../src/index.js'
import {formatMessages} from '../src/cli/format.js'
import {browserSkip, lazySharedBrowser} from './browser/shared.js'
import {expected, FIXTURE_DIAGRAMS, FIXTURES, fixtureCases, slidesHtml} from './helpers/fixtures.js'

// Mermaid diagrams are drawn in the shared browser; fixtures with one need it.
const shared = lazySharedBrowser()
afterAll(() => shared.disconnect())

describe('fixtures: input.md → slides HTML and messages', () => {
  for (const name of fixtureCases()) {
    const dir = join(FIXTURES, name)
    const drawsDiagrams = /^(`{3,}|~{3,})\s*\{?mermaid\}?\s*$/m.test(readFileSync(join(dir, 'input.md'), 'utf8'))
    const test = drawsDiagrams && browserSkip ? it.skip : it
    test(name, async () => {
      const project = new Project({browser: shared.browser})
      try {
        const {deck, file} = await project.build(join(dir, 'input.md'), {dryRun: true, diagramsPath: FIXTURE_DIAGRAMS})
        const messages = formatMessages(file, dir).join('\n') + '\n'
        expect(slidesHtml(deck.html)).toBe(expected(name, 'output.html', slidesHtml(deck.html)))
        expect(messages).toBe(expected(name, 'messages.txt', messages))
      } finally {
        await project.close()
      }
    })
  }
})
