/**
 * Word documents through mammoth: its raw text puts each paragraph on its own
 * line, which is all the importer needs (headings and quotes are found in the text).
 */
import mammoth from 'mammoth'

/** The text of a .docx, one paragraph a line; throws when the file is not a Word document. */
export async function docxText(buffer: Uint8Array): Promise<string> {
  const {value} = await mammoth.extractRawText({buffer: Buffer.from(buffer)})
  return value.replace(/\n{2,}/g, '\n').trim() + '\n'
}
