/**
 * Reads a user's source file once into a VFile, refusing what is not UTF-8
 * text with a clear error instead of rendering mojibake.
 */
import {readFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import {VFile} from 'vfile'
import {CitedeckError} from '../errors.js'
import {cleanTextFile} from './control-characters.js'

const decoder = new TextDecoder('utf-8', {fatal: true})

export async function readSource(path: string, cwd = process.cwd()): Promise<VFile> {
  const {absolute, bytes} = await readBytes(path, cwd, "the deck's .md file")
  return textFile(absolute, cwd, decodeText(bytes, path))
}

/** A text source (a deck, an essay) as a VFile, its control characters dropped with a warning each. */
export function textFile(path: string, cwd: string, text: string): VFile {
  const file = new VFile({path, cwd, value: text})
  cleanTextFile(file)
  return file
}

/** A file's bytes; a missing or unreadable one is a one-sentence error (`kind` names what to give instead of a folder). */
export async function readBytes(path: string, cwd: string, kind: string): Promise<{absolute: string; bytes: Buffer}> {
  const absolute = resolve(cwd, path)
  try {
    return {absolute, bytes: await readFile(absolute)}
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new CitedeckError(`${path}: no such file`, 'NOT_FOUND', 'check the path and the current folder')
    if (code === 'EISDIR') throw new CitedeckError(`${path}: is a folder, not a file`, 'USAGE', `give the path of ${kind}`)
    throw new CitedeckError(`${path}: cannot read (${code ?? String(error)})`, 'NOT_FOUND')
  }
}

/** Decodes UTF-8 (dropping a byte-order mark) and normalises CRLF line endings. */
export function decodeText(bytes: Uint8Array, path: string): string {
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    throw new CitedeckError(`${path}: not UTF-8 text`, 'CONTENT', 'save the file as UTF-8 (in most editors: "Save with encoding")')
  }
  if (text.includes('\0')) throw new CitedeckError(`${path}: not text (binary data)`, 'CONTENT')
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}
