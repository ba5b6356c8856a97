/** Metadata from front matter, appended as an incremental update (or rewritten by pdf-lib), read back by pdfjs. */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {PDFDocument} from 'pdf-lib'
import {describe, expect, it} from 'vitest'
import type {DeckConfig} from '../../src/config.js'
import {setMetadata} from '../../src/export/metadata.js'
import {readPdf} from './read-pdf.js'

const config = {
  title: 'Ünïcode — and (parens)',
  authors: ['Ada Lovelace', 'Alan Turing'],
  subject: 'A subject \\ with a backslash',
  keywords: ['Cold War', 'Cuba'],
  lang: 'en-US'
} as DeckConfig

async function samplePdf(classicTable: boolean): Promise<Uint8Array> {
  const document = await PDFDocument.create()
  document.setProducer('Skia/PDF m156')
  document.addPage([960, 540])
  document.addPage([960, 540])
  return document.save({useObjectStreams: !classicTable})
}

async function stampAndRead(pdf: Uint8Array) {
  const stamped = await setMetadata(pdf, config, 'citedeck test')
  const path = join(mkdtempSync(join(tmpdir(), 'citedeck-meta-')), 'out.pdf')
  writeFileSync(path, stamped.bytes)
  return {stamped, read: await readPdf(path)}
}

describe('setMetadata', () => {
  it('appends the front matter to a PDF with a classic cross-reference table, keeping its bytes', async () => {
    const pdf = await samplePdf(true)
    const {stamped, read} = await stampAndRead(pdf)
    expect(Buffer.from(stamped.bytes.subarray(0, pdf.byteLength)).equals(Buffer.from(pdf))).toBe(true)
    expect(stamped.pages).toBe(2)
    expect(read.pages).toHaveLength(2)
    expect(read.info).toMatchObject({
      Title: 'Ünïcode — and (parens)',
      Author: 'Ada Lovelace, Alan Turing',
      Subject: 'A subject \\ with a backslash',
      Keywords: 'Cold War, Cuba',
      Creator: 'citedeck test',
      Producer: 'Skia/PDF m156'
    })
  })

  it('rewrites a PDF with cross-reference streams through pdf-lib', async () => {
    const {stamped, read} = await stampAndRead(await samplePdf(false))
    expect(stamped.pages).toBe(2)
    expect(read.info).toMatchObject({Title: 'Ünïcode — and (parens)', Keywords: 'Cold War, Cuba', Creator: 'citedeck test'})
  })
})
