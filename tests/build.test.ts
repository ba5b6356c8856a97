import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Browser} from 'puppeteer-core'
import {afterAll, describe, expect, it} from 'vitest'
import {build} from '../src/index.js'
import {formatMessages} from '../src/cli/format.js'
import {browserSkip, connectBrowser} from './browser/shared.js'
import {expected, FIXTURES, fixtureCases, slidesHtml} from './helpers/fixtures.js'

// Mermaid diagrams are drawn in the shared browser; fixtures with one need it.
let shared: Promise<Browser> | undefined
const diagrams = {browser: () => (shared ??= connectBrowser())}
afterAll(async () => (await shared)?.disconnect())

describe('fixtures: input.md → slides HTML and messages', () => {
  for (const name of fixtureCases()) {
    const dir = join(FIXTURES, name)
    const drawsDiagrams = /^(`{3,}|~{3,})\s*\{?mermaid\}?\s*$/m.test(readFileSync(join(dir, 'input.md'), 'utf8'))
    const test = drawsDiagrams && browserSkip ? it.skip : it
    test(name, async () => {
      const {deck, file} = await build(join(dir, 'input.md'), {dryRun: true, diagrams})
      const messages = formatMessages(file, dir).join('\n') + '\n'
      expect(slidesHtml(deck.html)).toBe(expected(name, 'output.html', slidesHtml(deck.html)))
      expect(messages).toBe(expected(name, 'messages.txt', messages))
    })
  }
})
