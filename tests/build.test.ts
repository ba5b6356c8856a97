import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../src/index.js'
import {formatMessages} from '../src/cli/format.js'
import {expected, FIXTURES, fixtureCases, slidesHtml} from './helpers/fixtures.js'

describe('fixtures: input.md → slides HTML and messages', () => {
  for (const name of fixtureCases()) {
    it(name, async () => {
      const dir = join(FIXTURES, name)
      const {deck, file} = await build(join(dir, 'input.md'), {dryRun: true})
      const messages = formatMessages(file, dir).join('\n') + '\n'
      expect(slidesHtml(deck.html)).toBe(expected(name, 'output.html', slidesHtml(deck.html)))
      expect(messages).toBe(expected(name, 'messages.txt', messages))
    })
  }
})
