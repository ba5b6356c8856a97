/**
 * Parsed chunks kept in a JSON file beside a build's output, so the next
 * build of an edited deck parses only the chunks whose text changed
 * (micromark is most of a cold compile: about a second at 300 slides, while
 * the stored trees load in tens of milliseconds).
 *
 * Entries are keyed by a hash of the chunk's text, and the file by a
 * fingerprint of the parser (citedeck's parse code and the versions of the
 * micromark packages), so an upgrade or an edit of the parser never reuses a
 * tree it would not make. A file that is not ours, or an entry that is not a
 * tree of the chunk it names (wrong shape, positions past its end), is
 * ignored: that chunk is parsed again.
 */
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {readFile, stat} from 'node:fs/promises'
import {dirname, extname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Root} from 'mdast'
import type {Parent, Position} from 'unist'
import {writeFileAtomic} from '../io/write-output.js'

const FILE_VERSION = 1
// Far more than the trees of a long deck (1,000 slides: about 4 MB); a bigger file is not ours.
const MAX_FILE = 64 * 1024 * 1024
// What decides a chunk's tree besides its text.
const PARSER_PACKAGES = ['remark-parse', 'remark-gfm', 'remark-math', 'remark-frontmatter', 'micromark', 'mdast-util-from-markdown']

export class ChunkStore {
  private stored = new Map<string, unknown>()
  private used = new Map<string, Root>()

  /** The store at `path`: empty when the file is missing, unreadable, or made by another parser. */
  static async load(path: string): Promise<ChunkStore> {
    const store = new ChunkStore()
    try {
      if ((await stat(path)).size > MAX_FILE) return store
      const data = JSON.parse(await readFile(path, 'utf8')) as {version?: unknown; parser?: unknown; chunks?: unknown}
      if (data.version !== FILE_VERSION || data.parser !== parserFingerprint() || !isRecord(data.chunks)) return store
      store.stored = new Map(Object.entries(data.chunks))
    } catch {
      // No store yet, or not one we can read: every chunk is parsed.
    }
    return store
  }

  /** The stored tree of `text`, when there is a sound one. */
  find(text: string): Root | undefined {
    const tree = this.stored.get(hash(text))
    return isChunkTree(tree, text.length) ? tree : undefined
  }

  /** Records the tree a build used for `text`, to be saved. */
  keep(text: string, tree: Root): void {
    this.used.set(hash(text), tree)
  }

  /** Writes the trees the build used (only those: a deck's old chunks do not pile up). */
  async save(path: string): Promise<void> {
    if (this.used.size === 0) return
    await writeFileAtomic(path, JSON.stringify({version: FILE_VERSION, parser: parserFingerprint(), chunks: Object.fromEntries(this.used)}))
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url')
}

let fingerprint: string | undefined

/** The file `scripts/bundle.js` writes beside the bundled CLI: its parser's fingerprint, made once at `npm run build`. */
export const FINGERPRINT_FILE = 'parser-fingerprint'

/**
 * A hash of the parse code (this folder, and the wrappers the pipeline puts
 * around the parser) and the parser packages' versions. The bundled CLI reads
 * the one its bundle step wrote instead: hashing the bundle's megabytes on
 * every build cost more than parsing a short deck.
 */
export function parserFingerprint(): string {
  if (fingerprint) return fingerprint
  const here = dirname(fileURLToPath(import.meta.url))
  try {
    fingerprint = readFileSync(join(here, FINGERPRINT_FILE), 'utf8').trim()
  } catch {
    fingerprint = hashParser(here)
  }
  return fingerprint
}

/** The fingerprint of the parse code in `folder` (the compiled `lib/parse/`, or the bundle's folder) and its packages. */
export function hashParser(folder: string): string {
  const ext = extname(fileURLToPath(import.meta.url))
  const files = [
    ...(readdirSync(folder, {recursive: true}) as string[]).filter((name) => /\.(c?js|ts)$/.test(name) && !name.endsWith('.d.ts')).sort().map((name) => join(folder, name)),
    join(folder, '..', `pipeline${ext}`),
    join(folder, '..', 'io', `source-limits${ext}`)
  ]
  const digest = createHash('sha256')
  for (const file of files) digest.update(file.slice(folder.length)).update(existsSync(file) ? readFileSync(file) : '')
  for (const name of PARSER_PACKAGES) digest.update(`${name}@${packageVersion(name)}`)
  return digest.digest('base64url')
}

/** A package's version, from the nearest `node_modules/<name>/package.json` above this module, as Node finds packages. */
function packageVersion(name: string): string {
  for (let folder = dirname(fileURLToPath(import.meta.url)); ; folder = dirname(folder)) {
    const path = join(folder, 'node_modules', name, 'package.json')
    if (existsSync(path)) return (JSON.parse(readFileSync(path, 'utf8')) as {version?: string}).version ?? ''
    if (dirname(folder) === folder) return ''
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Whether `value` is an mdast root spanning a text of `length` characters, with every node well formed and inside it. */
function isChunkTree(value: unknown, length: number): value is Root {
  if (!isRecord(value) || value.type !== 'root' || !Array.isArray(value.children)) return false
  if (!isRecord(value.position) || !isRecord(value.position.end) || value.position.end.offset !== length) return false
  const sound = (node: unknown): boolean => {
    if (!isRecord(node) || typeof node.type !== 'string') return false
    if (node.position !== undefined && !inside(node.position, length)) return false
    if ('value' in node && typeof node.value !== 'string') return false
    const children = (node as Partial<Parent>).children
    if (children === undefined) return true
    return Array.isArray(children) && children.every(sound)
  }
  return sound(value)
}

function inside(position: unknown, length: number): boolean {
  if (!isRecord(position)) return false
  const {start, end} = position as Partial<Position>
  const point = (value: unknown) =>
    isRecord(value) && Number.isInteger(value.line) && Number.isInteger(value.column) && Number.isInteger(value.offset) && (value.offset as number) >= 0 && (value.offset as number) <= length
  return point(start) && point(end)
}
