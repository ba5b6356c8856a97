import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Root} from 'mdast'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {ChunkStore} from '../../src/parse/chunk-store.js'
import {createProcessor} from '../../src/pipeline.js'

const text = '## A slide\n\n- a *point* [@doe2020, p. 4]\n\n::: notes\nSaid aloud.\n:::\n'
const parse = (value: string) => createProcessor().parse(new VFile({path: '/tmp/deck.md', value})) as Root
const folder = mkdtempSync(join(tmpdir(), 'citedeck-chunks-'))

async function saved(name: string): Promise<string> {
  const path = join(folder, name)
  const store = await ChunkStore.load(path)
  store.keep(text, parse(text))
  await store.save(path)
  return path
}

describe('parsed chunks stored beside the output', () => {
  it('gives back the tree the parser gives, for the same text only', async () => {
    const store = await ChunkStore.load(await saved('round-trip.json'))
    expect(store.find(text)).toEqual(JSON.parse(JSON.stringify(parse(text))))
    expect(store.find(text + 'more')).toBeUndefined()
  })

  it('ignores a file that is not a store of this parser, or is not JSON', async () => {
    const path = await saved('foreign.json')
    const data = JSON.parse(readFileSync(path, 'utf8'))
    writeFileSync(path, JSON.stringify({...data, parser: 'another parser'}))
    expect((await ChunkStore.load(path)).find(text)).toBeUndefined()
    writeFileSync(path, '{"version": 1, "chunks": ')
    expect((await ChunkStore.load(path)).find(text)).toBeUndefined()
    expect((await ChunkStore.load(join(folder, 'missing.json'))).find(text)).toBeUndefined()
  })

  it('ignores an entry that is not a sound tree of its chunk', async () => {
    const path = await saved('tampered.json')
    const data = JSON.parse(readFileSync(path, 'utf8'))
    const [key, tree] = Object.entries(data.chunks)[0] as [string, Root]
    const tamper = async (change: (tree: Root) => unknown) => {
      writeFileSync(path, JSON.stringify({...data, chunks: {[key]: change(structuredClone(tree))}}))
      return (await ChunkStore.load(path)).find(text)
    }
    expect(await tamper((copy) => copy)).toBeDefined()
    expect(await tamper((copy) => ({...copy, type: 'paragraph'}))).toBeUndefined()
    expect(await tamper((copy) => ({...copy, children: [{value: 'no type'}]}))).toBeUndefined()
    expect(await tamper((copy) => ({...copy, children: [{type: 'text', value: 42}]}))).toBeUndefined()
    expect(await tamper((copy) => ({...copy, children: [{...copy.children[0], position: {start: {line: 1, column: 1, offset: 0}, end: {line: 9, column: 1, offset: 10_000}}}]}))).toBeUndefined()
  })
})
describe('a build with the parsed chunks of the last one', () => {
  const slides = Array.from({length: 60}, (_, index) => `## Slide ${index}\n\n- A point about ${'and more '.repeat(index % 7)}${index} with *emphasis* and \`code\`\n- Another [link](https://example.org/${index})\n\n::: notes\nSaid about ${index}.\n:::`)
  const deck = (body: string[]) => `---\ntitle: Stored\n---\n\n${body.join('\n\n')}\n`
  const buildInto = async (output: string, markdown: string) => {
    const {build} = await import('../../src/index.js')
    const source = join(folder, 'deck.md')
    writeFileSync(source, markdown)
    const result = await build(source, {output, force: true, fit: false})
    return readFileSync(join(result.output!, 'index.html'), 'utf8')
  }

  it('writes what a fresh build writes, after an edit and with a damaged store', async () => {
    const kept = join(folder, 'kept')
    await buildInto(kept, deck(slides))
    // One more line in slide 7 moves every later chunk down a line.
    const edited = deck(slides.with(7, '## Slide 7\n\n- A longer point\n- And a new one\n- And a third'))
    const fresh = await buildInto(join(folder, 'fresh'), edited)
    expect(await buildInto(kept, edited)).toBe(fresh)
    const store = join(folder, '.kept.citedeck-parse.json')
    const data = JSON.parse(readFileSync(store, 'utf8'))
    expect(Object.keys(data.chunks).length).toBeGreaterThan(1)
    // Another chunk's tree under each key: none is used, since none spans its chunk's text.
    const trees = Object.values(data.chunks)
    writeFileSync(store, JSON.stringify({...data, chunks: Object.fromEntries(Object.keys(data.chunks).map((key, index) => [key, trees[(index + 1) % trees.length]]))}))
    expect(await buildInto(kept, edited)).toBe(fresh)
  })
})
