/**
 * Reads an essay from disk into a VFile: a `.docx` stays bytes (mammoth reads
 * it later), anything else must be UTF-8 text. Unreadable files are
 * `CitedeckError`s so the CLI prints one sentence, not a stack.
 */
import {VFile} from 'vfile'
import {CitedeckError} from '../errors.js'
import {decodeText, readBytes, textFile} from '../io/read-source.js'
import {checkUnpackedSize} from '../io/zip-size.js'

export async function readEssay(path: string, cwd = process.cwd()): Promise<VFile> {
  const {absolute, bytes} = await readBytes(path, cwd, 'the essay (.txt, .md or .docx)')
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b
  if (/\.docx$/i.test(path) || isZip) {
    checkUnpackedSize(bytes, path)
    return new VFile({path: absolute, cwd, value: new Uint8Array(bytes)})
  }
  if (/\.(?:doc|pdf|odt|rtf|pages)$/i.test(path)) {
    throw new CitedeckError(`${path}: citedeck reads .txt, .md and .docx essays`, 'USAGE', 'save the essay as .docx or plain text (.txt) and import that')
  }
  try {
    return textFile(absolute, cwd, decodeText(bytes, path))
  } catch (error) {
    if (error instanceof CitedeckError) throw new CitedeckError(error.message, error.code, 'save the essay as .docx or plain UTF-8 text (.txt)')
    throw error
  }
}
