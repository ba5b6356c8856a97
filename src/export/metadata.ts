/**
 * Document metadata from front matter. Chrome writes only the title (from
 * `<title>`), so author, subject and keywords are set afterwards with pdf-lib,
 * which keeps the tagged structure and the outline Chrome wrote.
 */
import {PDFDocument} from 'pdf-lib'
import type {DeckConfig} from '../config.js'

export interface StampedPdf {
  bytes: Uint8Array
  pages: number
}

export async function setMetadata(pdf: Uint8Array, config: DeckConfig, creator: string): Promise<StampedPdf> {
  const document = await PDFDocument.load(pdf, {updateMetadata: false})
  if (config.title) document.setTitle(config.title, {showInWindowTitleBar: true})
  if (config.authors.length > 0) document.setAuthor(config.authors.join(', '))
  if (config.subject) document.setSubject(config.subject)
  // pdf-lib joins keywords with spaces, which would split "Cold War"; commas keep them apart.
  if (config.keywords.length > 0) document.setKeywords([config.keywords.join(', ')])
  document.setCreator(creator)
  document.setLanguage(config.lang)
  const bytes = await document.save({useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false})
  return {bytes, pages: document.getPageCount()}
}
