/**
 * `build essay.txt`: the essay's outline as a Markdown VFile to build in
 * memory (references inline in front matter, nothing written), and the way
 * back from the outline's lines to the essay's, so every message of the build
 * points at the essay the user can edit.
 */
import type {Point} from 'unist'
import {VFile} from 'vfile'
import {hasErrors} from '../messages.js'
import {isEssayPath} from './detect.js'
import type {ImportOptions} from './index.js'

/** True when `file` is a prose essay to import rather than an outline. */
export function isEssayFile(file: VFile): boolean {
  const path = file.path ?? ''
  if (typeof file.value !== 'string') return /\.docx$/i.test(path)
  if (/\.(?:md|markdown)$/i.test(path) && isPandocMarkdown(file.value)) return false
  return isEssayPath(path, file.value)
}

/**
 * Pandoc citations (`[@key]`) or a bibliography in front matter: the author
 * writes pandoc Markdown, so long lines and a "Sources" line do not make it
 * an essay (APA in-text citations are what import reads).
 */
function isPandocMarkdown(text: string): boolean {
  const matter = /^---\n([\s\S]*?)\n(?:---|\.\.\.)(?:\n|$)/.exec(text)?.[1]
  return (matter !== undefined && /^(?:bibliography|references):/m.test(matter)) || /\[[^\]\n]*@[\p{L}\p{N}_]/u.test(text)
}

export interface EssayOutline {
  /** The outline, with the essay's path (so `dist/<essay>` and relative paths work). */
  deck: VFile
  /** Moves the outline's messages onto the essay, at the essay's lines. */
  carryMessages: () => void
}

/** Imports `essay` in memory; undefined (with the error on `essay`) when there is no essay to build. */
export async function essayOutline(essay: VFile, options: ImportOptions = {}): Promise<EssayOutline | undefined> {
  // The importer (and its NLP) loads only when an essay is built.
  const {importEssay} = await import('./index.js')
  const {markdown, positions} = await importEssay(essay, {...options, inlineReferences: true})
  if (hasErrors(essay)) return undefined
  const deck = new VFile({path: essay.path, cwd: essay.cwd, value: markdown})
  const carryMessages = () => {
    for (const message of deck.messages) {
      if (!message.file || message.file === deck.path) relocate(message, positions)
      essay.messages.push(message)
    }
    deck.messages.length = 0
    deck.messages.push(...essay.messages)
  }
  return {deck, carryMessages}
}

function relocate(message: VFile['messages'][number], positions: Point[]) {
  const point = positions[(message.line ?? 1) - 1] ?? positions[0]
  if (!point) return
  message.place = {line: point.line, column: point.column, offset: point.offset}
  message.line = point.line
  message.column = point.column
}
