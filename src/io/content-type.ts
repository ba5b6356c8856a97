/** The Content-Type of a deck's file, for the preview server and the PDF export's in-memory server. */
import {extname} from 'node:path'
import {contentType as lookup} from 'mime-types'

/** `text/html; charset=utf-8` for `index.html`; `application/octet-stream` when unknown. */
export function contentType(path: string): string {
  return lookup(extname(path)) || 'application/octet-stream'
}
