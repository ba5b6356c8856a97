/**
 * Incremental parsing for rebuilds on save. Parsing is most of a build (about
 * 300 ms of 400 at 300 slides), and one save changes one slide, so the trees
 * of the chunks that `remarkChunkedParse` cuts are remembered by their text: a
 * rebuild parses only the chunk that changed and copies the others.
 *
 * The plugin goes just before `remarkChunkedParse`, so it wraps the parser that
 * reads one chunk. Parsing is a pure function of the text, so the text alone
 * is a sound key. With a `ChunkStore`, chunks also come from, and go to, the
 * file a one-off build keeps beside its output.
 */
import type {Root} from 'mdast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import type {ChunkStore} from '../parse/chunk-store.js'
import {copyTree} from '../walk.js'

/** Chunk trees by chunk text, kept across builds of one deck. */
export class ParseCache {
  private entries = new Map<string, Root>()
  private used = new Map<string, Root>()
  private file: VFile | undefined
  /** Chunks parsed and chunks reused by the last build, for benchmarks. */
  readonly stats = {parsed: 0, reused: 0}

  /** @param store chunks parsed by earlier processes (default: none). */
  constructor(private readonly store?: ChunkStore) {}

  /** The tree for `text`, from the cache or from `parse`; always a fresh copy, since transforms mutate it. */
  get(text: string, file: VFile, parse: (text: string) => Root): Root {
    if (file !== this.file) this.startBuild(file)
    let tree = this.used.get(text) ?? this.entries.get(text) ?? this.store?.find(text)
    if (tree) this.stats.reused++
    else {
      tree = parse(text)
      this.stats.parsed++
    }
    this.used.set(text, tree)
    this.store?.keep(text, tree)
    return copyTree(tree)
  }

  /** A new file means a new build: only chunks the previous build used are worth keeping. */
  private startBuild(file: VFile) {
    this.file = file
    this.entries = this.used
    this.used = new Map()
    this.stats.parsed = 0
    this.stats.reused = 0
  }
}

/** Options for `remarkParseCache`. */
export interface ParseCacheOptions {
  /** Where trees are kept between builds; without it the plugin does nothing. */
  cache?: ParseCache
}

export function remarkParseCache(this: Processor, options: ParseCacheOptions = {}) {
  const {cache} = options
  const parse = this.parser
  if (!cache || !parse) return
  this.parser = (document, file) => cache.get(document, file, (text) => parse(text, file) as Root)
}
