/**
 * The preview fits slides as `build` does: a long slide is split once the
 * saves pause, and a later save of another slide shows it split at once.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, expect, it, vi} from 'vitest'
import {type DeckUpdate, LiveDeck} from '../../src/serve/live-deck.js'
import {connectBrowser, describeBrowser} from '../browser/shared.js'

const bullets = Array.from({length: 25}, (_, index) => `- Point number ${index + 1} with enough words to take a whole line on the slide`)
const deckText = (first: string) => `---\ntitle: Fitted preview\n---\n\n## Short\n\n- ${first}\n\n## Long list\n\n${bullets.join('\n')}\n\n## After\n\n- done\n`

describeBrowser('serve: fitting slides', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await connectBrowser()
  })
  afterAll(() => browser?.disconnect())

  it('splits a long slide after the first build, keeps it split on the next save, and says so once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-serve-fit-'))
    const path = join(dir, 'deck.md')
    writeFileSync(path, deckText('one'))
    const updates: DeckUpdate[] = []
    const live = await LiveDeck.start(path, {fit: {browser}, fitDelay: 20, debounce: 10}, (update) => updates.push(update))
    const updated = (count: number) => vi.waitFor(() => expect(updates.length).toBeGreaterThanOrEqual(count), {timeout: 20_000, interval: 20})
    try {
      expect(updates[0]!.kind).toBe('deck')
      const unfitted = updates[0]!.deck.slideCount
      await updated(2)
      const fitted = updates[1]!
      expect(fitted.kind).toBe('fitted')
      expect(fitted.deck.slideCount).toBeGreaterThan(unfitted)
      expect(fitted.deck.html).toContain('Long list (cont.)')
      expect(fitted.file.messages.map(String)).toContainEqual(expect.stringMatching(/deck\.md:9:1.*"Long list" did not fit: split into \d slides/))

      // An edit before the long slide moves it; the quick rebuild still shows it split.
      writeFileSync(path, deckText('one, and a longer first point'))
      await updated(3)
      const rebuilt = updates[2]!
      expect(rebuilt.kind).toBe('deck')
      expect(rebuilt.deck.slideCount).toBe(fitted.deck.slideCount)
      expect(rebuilt.deck.html).toContain('Long list (cont.)')
      // Measuring the edited deck changes nothing, so no fitted update follows.
      await new Promise((done) => setTimeout(done, 1_000))
      expect(updates).toHaveLength(3)
    } finally {
      await live.close()
    }
  })
})
