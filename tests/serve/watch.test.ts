import {mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {type DeckUpdate, serve} from '../../src/index.js'
import {watchBuild} from '../../src/serve/watch-build.js'

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')

/** A served deck (or essay) whose updates can be awaited one by one. */
async function watched(files: Record<string, string>, entry = 'deck.md') {
  const dir = mkdtempSync(join(tmpdir(), 'citedeck-watch-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  const updates: DeckUpdate[] = []
  let wake: (() => void) | undefined
  const preview = await serve(join(dir, entry), {
    port: 0,
    fit: false,
    onUpdate: (update) => {
      updates.push(update)
      wake?.()
    }
  })
  /** The next update after `change` (and any that follow within `settle` ms). */
  const next = async (change: () => void, settle = 0): Promise<DeckUpdate> => {
    const arrived = new Promise<void>((done) => (wake = done))
    change()
    await arrived
    if (settle) await new Promise((done) => setTimeout(done, settle))
    return updates[updates.length - 1]!
  }
  return {dir, updates, preview, next}
}

describe('serve: watching', () => {
  it('rebuilds after a save that renames a temporary file over the deck', async () => {
    const {dir, preview, next} = await watched({'deck.md': '## One\n\nFirst version\n'})
    try {
      const update = await next(() => {
        writeFileSync(join(dir, '.deck.md.swp'), '## One\n\nSecond version\n')
        renameSync(join(dir, '.deck.md.swp'), join(dir, 'deck.md'))
      })
      expect(update.kind).toBe('deck')
      expect(update.deck.html).toContain('Second version')
      // The watch survives the rename: a second rename-save is seen too.
      const again = await next(() => {
        writeFileSync(join(dir, 'deck.md.tmp'), '## One\n\nThird version\n')
        renameSync(join(dir, 'deck.md.tmp'), join(dir, 'deck.md'))
      })
      expect(again.deck.html).toContain('Third version')
    } finally {
      await preview.close()
    }
  })

  it('rebuilds once or twice for a burst of saves, ending with the last', async () => {
    const {dir, updates, preview, next} = await watched({'deck.md': '## One\n\nStart\n'})
    try {
      const before = updates.length
      const last = await next(() => {
        for (let index = 1; index <= 10; index++) writeFileSync(join(dir, 'deck.md'), `## One\n\nSave ${index}\n`)
      }, 150)
      expect(updates.length - before).toBeLessThanOrEqual(2)
      expect(last.deck.html).toContain('Save 10')
    } finally {
      await preview.close()
    }
  })

  it('swaps only the stylesheet when the theme CSS changes', async () => {
    const {dir, preview, next} = await watched({'deck.md': '---\ntheme: look.css\n---\n\n## One\n', 'look.css': 'h2 { color: red }\n'})
    try {
      const update = await next(() => writeFileSync(join(dir, 'look.css'), 'h2 { color: blue }\n'))
      expect(update).toMatchObject({kind: 'styles', changed: ['theme.css']})
    } finally {
      await preview.close()
    }
  })

  it('rebuilds when the bibliography changes', async () => {
    const source = (title: string) => JSON.stringify([{id: 'kennedy', type: 'book', title, author: [{family: 'Kennedy', given: 'R.'}], issued: {'date-parts': [[1969]]}}])
    const {dir, preview, next} = await watched({
      'deck.md': '---\nbibliography: refs.json\n---\n\n## One\n\nA claim [@kennedy].\n\n## References\n\n::: {#refs}\n:::\n',
      'refs.json': source('Thirteen days')
    })
    try {
      expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:/)
      const update = await next(() => writeFileSync(join(dir, 'refs.json'), source('Thirteen long days')))
      expect(update.kind).toBe('deck')
      expect(update.deck.html).toContain('Thirteen long days')
    } finally {
      await preview.close()
    }
  })

  it('previews an essay, imported in memory on every save, with messages at the essay\'s lines', async () => {
    const essay = readFileSync(new URL('../import/fixtures/printing-press/essay.txt', import.meta.url), 'utf8')
    const {dir, updates, preview, next} = await watched({'essay.txt': essay}, 'essay.txt')
    try {
      expect(updates[0]!.kind).toBe('deck')
      expect(updates[0]!.deck.html).toContain('Gutenberg')
      expect(updates[0]!.deck.html).toContain('cd-references')
      // A citation of a source the reference list lacks, in the second paragraph.
      const edited = essay.replace('(Pettegree, 2010)', '(Pettegree, 2010; Nobody, 1999)')
      const update = await next(() => writeFileSync(join(dir, 'essay.txt'), edited))
      expect(update.kind).toBe('deck')
      const line = edited.slice(0, edited.indexOf('Nobody')).split('\n').length
      expect(update.file.messages.map(String)).toContainEqual(expect.stringMatching(new RegExp(`essay\\.txt:${line}:\\d+.*Nobody`)))
      expect(update.file.path).toBe(join(dir, 'essay.txt'))
    } finally {
      await preview.close()
    }
  })

  it('reports a missing image, and rebuilds when it appears', async () => {
    const {dir, preview, next} = await watched({'deck.md': '## One\n\n![a map](img/map.png)\n'})
    try {
      mkdirSync(join(dir, 'img'))
      const update = await next(() => writeFileSync(join(dir, 'img/map.png'), PNG), 50)
      expect(update.kind).toBe('deck')
      expect(update.deck.assets.map((asset) => asset.href)).toContain('media/map.png')
    } finally {
      await preview.close()
    }
  })
})

describe('build --watch (watchBuild)', () => {
  it('writes the deck on save, keeps the last good output on errors, and stops on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citedeck-watch-build-'))
    const deck = join(dir, 'deck.md')
    const output = join(dir, 'out')
    writeFileSync(deck, '## One\n\nFirst\n')
    const written: string[] = []
    let wake: (() => void) | undefined
    const watching = await watchBuild(deck, {
      output,
      // Measuring needs a browser; this test is about writing.
      fit: false,
      onBuild: ({result}) => {
        written.push(result?.output ? 'written' : 'kept')
        wake?.()
      }
    })
    expect(watching.first.output).toBe(output)
    const after = (change: () => void) => {
      const done = new Promise<void>((resolve) => (wake = resolve))
      change()
      return done
    }
    try {
      expect(readFileSync(join(output, 'index.html'), 'utf8')).toContain('First')
      await after(() => writeFileSync(deck, '## One\n\nSecond\n'))
      expect(readFileSync(join(output, 'index.html'), 'utf8')).toContain('Second')
      await after(() => writeFileSync(deck, '---\ntitle: [broken\n---\n\n## One\n\nThird\n'))
      expect(written.at(-1)).toBe('kept')
      expect(readFileSync(join(output, 'index.html'), 'utf8')).toContain('Second')
    } finally {
      await watching.close()
    }
    writeFileSync(deck, '## One\n\nAfter close\n')
    await new Promise((done) => setTimeout(done, 150))
    expect(readFileSync(join(output, 'index.html'), 'utf8')).not.toContain('After close')
  })
})
